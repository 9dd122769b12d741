#include "services/stores/grant_list.h"

#include <stdexcept>

#include "services/stores/sql_util.h"
#include "services/stores/where.h"

namespace citygrants::stores {
namespace {

constexpr std::size_t kMaxStates = 6;  // the grant machine's states

}  // namespace

std::string grantWhere(const GrantQuery& q, soci::statement& st, bool with_cursor) {
  Where where(st);
  if (const auto visible = grantVisible(q.visibility, st); !visible.empty()) where.add(visible);
  where.in("g.state", q.states);
  if (q.call_id) where.add("g.call_id = :call", *q.call_id, "call");
  if (with_cursor && q.after_id) where.add("g.id > :after", *q.after_id, "after");
  return where.sql();
}

GrantPage listGrants(db::Tx& tx, const GrantQuery& q) {
  if (q.limit < 1 || q.limit > 200 || q.states.size() > kMaxStates) {
    throw std::invalid_argument("bad list query");
  }
  GrantPage page;
  {
    soci::statement count(tx.sql());
    const std::string where = grantWhere(q, count, false);
    count.exchange(soci::into(page.total));
    prepareAndRun(count, "SELECT COUNT(*) FROM grants g" + where);
    count.fetch();
  }
  soci::statement st(tx.sql());
  const std::string where = grantWhere(q, st, true);
  GrantListItem i;
  auto& g = i.grant;
  int open_tranches = 0;
  int final_accepted = 0;
  int publishable = 0;
  st.exchange(soci::into(g.id));
  st.exchange(soci::into(g.proposal_id));
  st.exchange(soci::into(g.call_id));
  st.exchange(soci::into(g.city_org_id));
  st.exchange(soci::into(g.supporting_org_id));
  st.exchange(soci::into(g.reference));
  st.exchange(soci::into(g.state));
  st.exchange(soci::into(g.currency));
  st.exchange(soci::into(g.amount_minor));
  st.exchange(soci::into(g.duration_months));
  st.exchange(soci::into(g.signed_by));
  st.exchange(soci::into(g.signed_at));
  st.exchange(soci::into(g.created_at));
  st.exchange(soci::into(g.version));
  st.exchange(soci::into(g.sector_code));
  st.exchange(soci::into(publishable));
  st.exchange(soci::into(g.published_at));
  st.exchange(soci::into(open_tranches));
  st.exchange(soci::into(final_accepted));
  prepareAndRun(
      st,
      "SELECT g.id, g.proposal_id, g.call_id, g.city_org_id, g.supporting_org_id, g.reference, "
      "g.state, g.currency, g.amount_minor, g.duration_months, g.signed_by, g.signed_at, "
      "g.created_at, g.version, g.sector_code, g.publishable, g.published_at, "
      "CASE WHEN EXISTS (SELECT 1 FROM tranches t WHERE t.grant_id = g.id AND "
      "t.state NOT IN ('disbursed', 'cancelled')) THEN 1 ELSE 0 END, "
      "CASE WHEN EXISTS (SELECT 1 FROM reports r WHERE r.grant_id = g.id AND "
      "r.kind = 'final' AND r.state = 'accepted') THEN 1 ELSE 0 END "
      "FROM grants g" +
          where + " ORDER BY g.id LIMIT " + std::to_string(q.limit + 1));
  while (st.fetch()) {
    if (static_cast<int>(page.items.size()) == q.limit) {
      page.more = true;
      break;
    }
    i.tranches_settled = open_tranches == 0;
    i.final_report_accepted = final_accepted != 0;
    g.publishable = publishable != 0;
    page.items.push_back(i);
  }
  return page;
}

}  // namespace citygrants::stores
