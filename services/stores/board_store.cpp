#include "services/stores/board_store.h"

#include <stdexcept>

#include "services/stores/grant_list.h"
#include "services/stores/sql_util.h"
#include "services/stores/state_since.h"
#include "services/stores/tranche_list.h"

namespace citygrants::stores {
namespace {

// The first `per_state` rows of `inner` per state, longest in the state first, each with its
// state's count. `inner` selects id, reference, state, title, city_org_id, city_name,
// amount_minor, currency, grant_id and since; its values are already exchanged into `st`.
std::vector<BoardCard> columns(soci::statement& st, const std::string& inner,
                               const int& per_state) {
  BoardCard c;
  st.exchange(soci::use(per_state, "per_state"));
  st.exchange(soci::into(c.id));
  st.exchange(soci::into(c.reference));
  st.exchange(soci::into(c.state));
  st.exchange(soci::into(c.title));
  st.exchange(soci::into(c.city_org_id));
  st.exchange(soci::into(c.city_name));
  st.exchange(soci::into(c.amount_minor));
  st.exchange(soci::into(c.currency));
  st.exchange(soci::into(c.grant_id));
  st.exchange(soci::into(c.since));
  st.exchange(soci::into(c.in_state));
  prepareAndRun(
      st,
      "SELECT id, reference, state, title, city_org_id, city_name, amount_minor, currency, "
      "grant_id, since, in_state FROM (SELECT b.*, ROW_NUMBER() OVER (PARTITION BY "
      "b.state ORDER BY b.since, b.id) AS rn, COUNT(*) OVER (PARTITION BY b.state) AS "
      "in_state FROM (" +
          inner + ") b) c WHERE c.rn <= :per_state ORDER BY c.state, c.rn");
  std::vector<BoardCard> out;
  while (st.fetch()) out.push_back(c);
  return out;
}

void checkLimit(int per_state) {
  if (per_state < 1 || per_state > 50) throw std::invalid_argument("bad board query");
}

}  // namespace

std::vector<BoardCard> BoardStore::grants(db::Tx& tx, const Visibility& v, int per_state) {
  checkLimit(per_state);
  GrantQuery q;
  q.visibility = v;
  soci::statement st(tx.sql());
  const std::string where = grantWhere(q, st, false);
  return columns(st,
                 "SELECT g.id, g.reference, g.state, pv.title, g.city_org_id, o.name AS city_name, "
                 "g.amount_minor, g.currency, g.id AS grant_id, " +
                     stateSinceSql("grant", "g", "g.created_at") +
                     " AS since FROM grants g JOIN organisations o ON o.id = g.city_org_id "
                     "JOIN proposals p ON p.id = g.proposal_id JOIN proposal_versions pv ON "
                     "pv.proposal_id = p.id AND pv.number = p.current_version" +
                     where,
                 per_state);
}

std::vector<BoardCard> BoardStore::tranches(db::Tx& tx, const Visibility& v, int per_state) {
  checkLimit(per_state);
  TrancheQuery q;
  q.visibility = v;
  soci::statement st(tx.sql());
  const std::string where = trancheWhere(q, st, false);
  return columns(st,
                 "SELECT t.id, t.reference, t.state, pv.title, g.city_org_id, o.name AS city_name, "
                 "t.amount_minor, g.currency, t.grant_id AS grant_id, " +
                     stateSinceSql("tranche", "t", "t.created_at") +
                     " AS since FROM tranches t JOIN grants g ON g.id = t.grant_id "
                     "JOIN organisations o ON o.id = g.city_org_id "
                     "JOIN proposals p ON p.id = g.proposal_id JOIN proposal_versions pv ON "
                     "pv.proposal_id = p.id AND pv.number = p.current_version" +
                     where,
                 per_state);
}

}  // namespace citygrants::stores
