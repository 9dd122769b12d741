#include "services/stores/proposal_rows.h"

#include "services/stores/indicator_store.h"
#include "services/stores/sql_util.h"

namespace citygrants::stores {

const char* const kProposalColumns =
    "p.id, p.call_id, p.city_org_id, p.reference, p.state, p.current_version, "
    "p.supporting_org_id, p.award_minor, p.award_proposed_by, p.eligible_future, p.created_by, "
    "p.created_at, p.updated_at, p.version";

const char* const kVersionColumns =
    "v.id, v.proposal_id, v.number, v.stage, v.language, v.title, v.summary, v.target_groups, "
    "v.beneficiaries, v.duration_months, v.amount_minor, v.translation_en, v.frozen, "
    "v.created_by, v.created_at, v.target_plan";

const char* const kCallTermsColumns =
    "c.id, c.code, c.title, c.description, c.state, c.two_stage, c.currency, c.budget_minor, "
    "c.min_award_minor, c.max_award_minor, c.threshold_minor, c.max_duration_months, c.opens_at, "
    "c.closes_at, c.created_by, c.version";

void ProposalRow::bind(db::Prepared& st) {
  auto& p = proposal;
  st.into(p.id).into(p.call_id).into(p.city_org_id).into(p.reference).into(p.state);
  st.into(p.current_version)
      .into(p.supporting_org_id)
      .into(p.award_minor)
      .into(p.award_proposed_by);
  st.into(eligible).into(p.created_by).into(p.created_at).into(p.updated_at).into(p.version);
}

void VersionRow::bind(db::Prepared& st) {
  auto& v = version;
  auto& c = v.content;
  st.into(v.id).into(v.proposal_id).into(v.number).into(v.stage);
  st.into(c.language).into(c.title).into(c.summary).into(groups).into(c.beneficiaries);
  st.into(c.duration_months).into(c.amount_minor).into(v.translation_en).into(frozen);
  st.into(v.created_by).into(v.created_at).into(plan_column);
}

void VersionRow::finish(db::Tx& tx) {
  auto& v = version;
  auto& c = v.content;
  v.frozen = frozen != 0;
  c.target_groups = splitList(groups);
  std::int64_t line_id = 0;
  proposals::BudgetLine line;
  auto lines = tx.prepared(
      "SELECT id, category, description, amount_minor FROM budget_lines WHERE version_id = :v "
      "ORDER BY seq");
  lines.use(v.id).into(line_id).into(line.category).into(line.description).into(line.amount_minor);
  for (bool row = lines.execute(); row; row = lines.fetch()) {
    c.budget.push_back(line);
    v.budget_line_ids.push_back(line_id);
  }
  c.indicators = IndicatorStore::plansOf(tx, v.id, plan_column);
}

void CallTermsRow::bind(db::Prepared& st) {
  auto& c = call;
  st.into(c.id).into(c.code).into(c.title).into(c.description).into(c.state).into(two_stage);
  st.into(c.currency).into(c.budget_minor).into(c.min_award_minor).into(c.max_award_minor);
  st.into(c.threshold_minor).into(c.max_duration_months).into(c.opens_at).into(c.closes_at);
  st.into(c.created_by).into(c.version);
}

}  // namespace citygrants::stores
