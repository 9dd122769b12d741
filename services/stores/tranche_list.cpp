#include "services/stores/tranche_list.h"

#include <stdexcept>

#include "services/stores/sql_util.h"
#include "services/stores/where.h"

namespace citygrants::stores {
namespace {

constexpr std::size_t kMaxStates = 6;  // the tranche machine's states

void exchangeTranche(soci::statement& st, Tranche& t) {
  st.exchange(soci::into(t.id));
  st.exchange(soci::into(t.grant_id));
  st.exchange(soci::into(t.seq));
  st.exchange(soci::into(t.reference));
  st.exchange(soci::into(t.state));
  st.exchange(soci::into(t.amount_minor));
  st.exchange(soci::into(t.trigger));
  st.exchange(soci::into(t.report_id));
  st.exchange(soci::into(t.requested_by));
  st.exchange(soci::into(t.requested_at));
  st.exchange(soci::into(t.verified_by));
  st.exchange(soci::into(t.approved_by));
  st.exchange(soci::into(t.disbursed_by));
  st.exchange(soci::into(t.disbursed_at));
  st.exchange(soci::into(t.payment_reference));
  st.exchange(soci::into(t.idempotency_key));
  st.exchange(soci::into(t.version));
}

}  // namespace

std::string trancheWhere(const TrancheQuery& q, soci::statement& st, bool with_cursor) {
  Where where(st);
  if (const auto visible = grantVisible(q.visibility, st); !visible.empty()) where.add(visible);
  where.in("t.state", q.states);
  if (q.grant_id) where.add("t.grant_id = :grant", *q.grant_id, "grant");
  if (with_cursor && q.after_id) where.add("t.id > :after", *q.after_id, "after");
  return where.sql();
}

TranchePage listTranches(db::Tx& tx, const TrancheQuery& q) {
  if (q.limit < 1 || q.limit > 200 || q.states.size() > kMaxStates) {
    throw std::invalid_argument("bad list query");
  }
  TranchePage page;
  {
    soci::statement count(tx.sql());
    const std::string where = trancheWhere(q, count, false);
    count.exchange(soci::into(page.total));
    prepareAndRun(count,
                  "SELECT COUNT(*) FROM tranches t JOIN grants g ON g.id = t.grant_id" + where);
    count.fetch();
  }
  soci::statement st(tx.sql());
  const std::string where = trancheWhere(q, st, true);
  st.exchange(soci::use(q.now, "now"));
  TrancheListItem i;
  auto& g = i.grant;
  int overdue = 0;
  exchangeTranche(st, i.tranche);
  st.exchange(soci::into(g.id));
  st.exchange(soci::into(g.reference));
  st.exchange(soci::into(g.state));
  st.exchange(soci::into(g.currency));
  st.exchange(soci::into(g.city_org_id));
  st.exchange(soci::into(g.city_name));
  st.exchange(soci::into(g.supporting_org_id));
  st.exchange(soci::into(i.previous_state));
  st.exchange(soci::into(i.report_state));
  st.exchange(soci::into(overdue));
  prepareAndRun(
      st,
      "SELECT t.id, t.grant_id, t.seq, t.reference, t.state, t.amount_minor, t.trigger_kind, "
      "t.report_id, t.requested_by, t.requested_at, t.verified_by, t.approved_by, "
      "t.disbursed_by, t.disbursed_at, t.payment_reference, t.idempotency_key, t.version, "
      "g.id, g.reference, g.state, g.currency, g.city_org_id, o.name, g.supporting_org_id, "
      "pt.state, r.state, CASE WHEN EXISTS (SELECT 1 FROM reports od WHERE "
      "od.grant_id = t.grant_id AND od.state = 'draft' AND od.due_at < :now) THEN 1 ELSE 0 END "
      "FROM tranches t JOIN grants g ON g.id = t.grant_id "
      "JOIN organisations o ON o.id = g.city_org_id "
      "LEFT JOIN tranches pt ON pt.grant_id = t.grant_id AND pt.seq = t.seq - 1 "
      "LEFT JOIN reports r ON r.id = t.report_id" +
          where + " ORDER BY t.id LIMIT " + std::to_string(q.limit + 1));
  while (st.fetch()) {
    if (static_cast<int>(page.items.size()) == q.limit) {
      page.more = true;
      break;
    }
    i.report_overdue = overdue != 0;
    page.items.push_back(i);
  }
  return page;
}

}  // namespace citygrants::stores
