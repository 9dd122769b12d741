#include "services/stores/people_store.h"

#include <algorithm>
#include <string>

#include "services/stores/sql_util.h"

namespace citygrants::stores {
namespace {

constexpr const char* kPeople =
    "SELECT u.id, u.name, o.id, o.name, o.kind FROM users u "
    "JOIN organisations o ON o.id = u.org_id";

// Exchanges the columns of kPeople into `p` (and `kind`, read as text).
void intoPerson(soci::statement& st, access::Person& p, std::string& kind) {
  st.exchange(soci::into(p.id));
  st.exchange(soci::into(p.name));
  st.exchange(soci::into(p.org_id));
  st.exchange(soci::into(p.organisation));
  st.exchange(soci::into(kind));
}

access::OrgKind kindOf(const std::string& kind) {
  return access::parseOrgKind(kind).value_or(access::OrgKind::kCity);
}

}  // namespace

std::map<std::int64_t, access::Person> PeopleStore::byIds(db::Tx& tx,
                                                          const std::set<std::int64_t>& ids) {
  std::map<std::int64_t, access::Person> out;
  const std::vector<std::int64_t> all(ids.begin(), ids.end());
  for (std::size_t from = 0; from < all.size(); from += kIdsPerStatement) {
    const std::size_t n = std::min(kIdsPerStatement, all.size() - from);
    soci::statement st(tx.sql());
    access::Person p;
    std::string kind;
    intoPerson(st, p, kind);
    std::vector<std::string> names(n);
    std::string list;
    for (std::size_t i = 0; i < n; ++i) {
      names[i] = "p" + std::to_string(i);
      list += i == 0 ? ":" : ", :";
      list += names[i];
      st.exchange(soci::use(all[from + i], names[i]));
    }
    prepareAndRun(st, std::string(kPeople) + " WHERE u.id IN (" + list + ")");
    while (st.fetch()) {
      p.org_kind = kindOf(kind);
      out[p.id] = p;
    }
  }
  return out;
}

std::vector<access::Person> PeopleStore::everyone(db::Tx& tx) {
  std::vector<access::Person> out;
  soci::statement st(tx.sql());
  access::Person p;
  std::string kind;
  intoPerson(st, p, kind);
  prepareAndRun(st, std::string(kPeople) + " ORDER BY o.name, u.name, u.id");
  while (st.fetch()) {
    p.org_kind = kindOf(kind);
    out.push_back(p);
  }
  return out;
}

}  // namespace citygrants::stores
