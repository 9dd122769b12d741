#include "services/stores/stats_store.h"

#include <algorithm>
#include <tuple>

#include "services/stores/sql_util.h"

namespace citygrants::stores {
namespace {

// What a money total is keyed by: the key's id and the texts of its name (a call's code and
// title; a city's name twice), the join that brings them, and the GROUP BY. All come from this
// table, never from the request.
struct MoneyGrouping {
  MoneyKey key;
  const char* columns;
  const char* join;
  const char* group;
  bool code_and_title;
};
constexpr MoneyGrouping kGroupings[] = {
    {MoneyKey::kCall, "g.call_id, c.code, c.title", " JOIN calls c ON c.id = g.call_id",
     "g.call_id, c.code, c.title", true},
    {MoneyKey::kCity, "g.city_org_id, o.name, o.name",
     " JOIN organisations o ON o.id = g.city_org_id", "g.city_org_id, o.name", false},
};

// The pipeline from the tallies (migrations 0026, 0030): a few rows per call, city and state,
// whatever the number of proposals. A row whose proposals have all moved on stays at 0.
std::vector<PipelineRow> talliedPipeline(db::Tx& tx, const ProposalQuery& query) {
  auto st = tx.prepared(
      "SELECT t.state, c.currency, CAST(SUM(t.n) AS BIGINT), "
      "CAST(SUM(t.requested_minor) AS BIGINT), "
      "CAST(SUM(t.awarded_minor) AS BIGINT) "
      "FROM proposal_tallies t JOIN calls c ON c.id = t.call_id" +
      tallyWhere(query, Binds()) + " GROUP BY t.state, c.currency HAVING SUM(t.n) > 0");
  tallyWhere(query, st);
  PipelineRow row;
  st.into(row.state).into(row.currency).into(row.count).into(row.requested_minor);
  st.into(row.awarded_minor);
  std::vector<PipelineRow> out;
  for (bool more = st.execute(); more; more = st.fetch()) out.push_back(row);
  return out;
}

}  // namespace

std::vector<PipelineRow> pipelineTotals(db::Tx& tx, const ProposalQuery& query) {
  if (talliesCover(query)) return talliedPipeline(tx, query);
  soci::statement st(tx.sql());
  const std::string where = proposalWhere(query, st);
  PipelineRow row;
  st.exchange(soci::into(row.state));
  st.exchange(soci::into(row.currency));
  st.exchange(soci::into(row.count));
  st.exchange(soci::into(row.requested_minor));
  st.exchange(soci::into(row.awarded_minor));
  // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back to read it as an integer.
  prepareAndRun(st,
                "SELECT p.state, c.currency, COUNT(*), "
                "CAST(COALESCE(SUM(v.amount_minor), 0) AS BIGINT), "
                "CAST(COALESCE(SUM(p.award_minor), 0) AS BIGINT) "
                "FROM proposals p JOIN proposal_versions v ON v.proposal_id = p.id "
                "AND v.number = p.current_version JOIN calls c ON c.id = p.call_id" +
                    where + " GROUP BY p.state, c.currency");
  std::vector<PipelineRow> out;
  while (st.fetch()) out.push_back(row);
  return out;
}

std::vector<MoneyRow> moneyTotals(db::Tx& tx, const Visibility& v, MoneyKey key) {
  const auto* grouping = &kGroupings[0];
  for (const auto& g : kGroupings) {
    if (g.key == key) grouping = &g;
  }
  soci::statement st(tx.sql());
  const std::string visible = grantVisible(v, st);
  MoneyRow row;
  std::string first;
  std::string second;
  st.exchange(soci::into(row.id));
  st.exchange(soci::into(first));
  st.exchange(soci::into(second));
  st.exchange(soci::into(row.currency));
  st.exchange(soci::into(row.grants));
  st.exchange(soci::into(row.planned_minor));
  st.exchange(soci::into(row.disbursed_minor));
  prepareAndRun(st,
                std::string("SELECT ") + grouping->columns +
                    ", g.currency, COUNT(*), "
                    "CAST(COALESCE(SUM(g.amount_minor), 0) AS BIGINT), "
                    "CAST(COALESCE(SUM(d.paid), 0) AS BIGINT) FROM grants g" +
                    grouping->join +
                    " LEFT JOIN (SELECT t.grant_id, SUM(t.amount_minor) AS paid FROM tranches t "
                    "WHERE t.state = 'disbursed' GROUP BY t.grant_id) d ON d.grant_id = g.id" +
                    (visible.empty() ? "" : " WHERE " + visible) + " GROUP BY " + grouping->group +
                    ", g.currency");
  std::vector<MoneyRow> out;
  while (st.fetch()) {
    row.name = grouping->code_and_title ? first + " \u2014 " + second : first;
    out.push_back(row);
  }
  // Sorted here rather than in SQL, so that both databases give the same (bytewise) order.
  std::sort(out.begin(), out.end(), [](const MoneyRow& a, const MoneyRow& b) {
    return std::tie(a.name, a.id, a.currency) < std::tie(b.name, b.id, b.currency);
  });
  return out;
}

}  // namespace citygrants::stores
