#include "services/stores/results_facts.h"

#include "services/stores/sql_util.h"
#include "services/stores/where.h"

namespace citygrants::stores {
namespace {

// The visibility and the one grant, over grants `g`, exchanged into `st`.
std::string grantWhere(const Visibility& v, std::optional<std::int64_t> only_grant,
                       soci::statement& st) {
  Where where(st);
  if (const auto visible = grantVisible(v, st); !visible.empty()) where.add(visible);
  if (only_grant) where.add("g.id = :grant", *only_grant, "grant");
  return where.sql();
}

std::vector<ValueRow> values(db::Tx& tx, const Visibility& v, std::optional<std::int64_t> only_grant,
                             const std::string& select, const std::string& extra_where) {
  std::vector<ValueRow> out;
  soci::statement st(tx.sql());
  std::string where = grantWhere(v, only_grant, st);
  if (!extra_where.empty()) where += (where.empty() ? " WHERE " : " AND ") + extra_where;
  ValueRow r;
  st.exchange(soci::into(r.grant_id));
  st.exchange(soci::into(r.indicator));
  st.exchange(soci::into(r.period));
  st.exchange(soci::into(r.dimension));
  st.exchange(soci::into(r.value));
  st.exchange(soci::into(r.amount));
  prepareAndRun(st, select + where);
  while (st.fetch()) out.push_back(r);
  return out;
}

}  // namespace

std::vector<GrantFacts> ResultsFacts::grants(db::Tx& tx, const Visibility& v,
                                             std::optional<std::int64_t> only_grant) {
  std::vector<GrantFacts> out;
  soci::statement st(tx.sql());
  const std::string where = grantWhere(v, only_grant, st);
  GrantFacts f;
  st.exchange(soci::into(f.grant_id));
  st.exchange(soci::into(f.call_id));
  st.exchange(soci::into(f.call_code));
  st.exchange(soci::into(f.city_org_id));
  st.exchange(soci::into(f.city_name));
  st.exchange(soci::into(f.country));
  st.exchange(soci::into(f.currency));
  st.exchange(soci::into(f.amount_minor));
  prepareAndRun(st,
                "SELECT g.id, g.call_id, c.code, g.city_org_id, o.name, o.country, g.currency, "
                "g.amount_minor FROM grants g JOIN calls c ON c.id = g.call_id JOIN organisations "
                "o ON o.id = g.city_org_id" +
                    where + " ORDER BY g.id");
  while (st.fetch()) out.push_back(f);
  return out;
}

std::vector<ValueRow> ResultsFacts::targets(db::Tx& tx, const Visibility& v,
                                            std::optional<std::int64_t> only_grant) {
  return values(tx, v, only_grant,
                "SELECT g.id, i.code, t.period, t.dimension, t.value_code, t.amount FROM grants g "
                "JOIN proposals p ON p.id = g.proposal_id JOIN proposal_versions pv ON "
                "pv.proposal_id = p.id AND pv.number = p.current_version JOIN proposal_targets t "
                "ON t.version_id = pv.id JOIN indicators i ON i.id = t.indicator_id",
                "t.period >= 1");
}

std::vector<ValueRow> ResultsFacts::actuals(db::Tx& tx, const Visibility& v, bool accepted_only,
                                            std::optional<std::int64_t> only_grant) {
  return values(tx, v, only_grant,
                "SELECT g.id, i.code, r.period, c.dimension, c.value_code, c.amount FROM grants g "
                "JOIN reports rp ON rp.grant_id = g.id JOIN report_results r ON r.report_id = "
                "rp.id JOIN report_result_cells c ON c.result_id = r.id JOIN indicators i ON i.id "
                "= r.indicator_id",
                accepted_only ? "rp.state = 'accepted'" : "rp.state IN ('submitted', 'accepted')");
}

}  // namespace citygrants::stores
