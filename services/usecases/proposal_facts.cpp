#include "services/usecases/proposal_facts.h"

#include <algorithm>
#include <optional>

#include "modules/access/access_rules.h"
#include "modules/core/text.h"
#include "services/stores/indicator_store.h"
#include "services/stores/review_store.h"
#include "services/usecases/call_service.h"

namespace citygrants::usecases {

namespace {

// A partner that declined or was cancelled no longer sees the proposal; one that reviewed an
// earlier version still does (its review is part of the record).
access::Scope scopeFrom(const stores::Proposal& p, const std::vector<stores::Assignment>& assignments) {
  access::Scope scope;
  scope.city_org_id = p.city_org_id;
  for (const auto& a : assignments) {
    if (a.state != "cancelled" && a.state != "declined") scope.partner_org_ids.push_back(a.partner_org_id);
  }
  if (p.supporting_org_id) scope.partner_org_ids.push_back(*p.supporting_org_id);
  return scope;
}

}  // namespace

access::Scope proposalScope(db::Tx& tx, const stores::Proposal& p) {
  return scopeFrom(p, stores::ReviewStore::forProposal(tx, p.id));
}

access::Scope proposalScope(const stores::Proposal& p, const std::vector<stores::Assignment>& assignments) {
  return scopeFrom(p, assignments);
}

bool seesFullProposal(const access::Actor& actor, const stores::Proposal& p,
                      const std::vector<stores::Assignment>& assignments) {
  const bool partner_only = actor.roles.has(access::Role::kPartner) &&
                            !access::canSee(actor, {p.city_org_id, {}}) &&
                            !access::may(actor, access::Action::kReadAll);
  if (!partner_only || p.supporting_org_id == actor.org_id) return true;
  return std::any_of(assignments.begin(), assignments.end(), [&](const auto& a) {
    return a.partner_org_id == actor.org_id && a.declared_at.has_value();
  });
}

std::vector<core::FieldError> frameworkErrors(db::Tx& tx, std::int64_t call_id,
                                              const proposals::ProposalContent& content,
                                              bool submitting) {
  return results::validatePlans(stores::IndicatorStore::chosenForCall(tx, call_id),
                                content.indicators,
                                stores::IndicatorStore::periodsOfCall(tx, call_id), submitting);
}

workflow::ProposalFacts proposalStandingFacts(const stores::Proposal& p, const stores::Call& call,
                                              std::vector<stores::Assignment> assignments,
                                              std::int64_t award, std::int64_t requested_minor,
                                              std::optional<std::int64_t> awarded_total,
                                              std::string_view language, bool translated,
                                              std::int64_t now) {
  workflow::ProposalFacts f;
  f.scope = scopeFrom(p, assignments);
  f.call_open = call.state == "open" && now < call.closes_at;

  // Only reviews of the current version count: a resubmitted proposal is reviewed again.
  std::erase_if(assignments, [&](const auto& a) { return a.version_number != p.current_version; });
  int live = 0;
  int submitted = 0;
  int settled = 0;
  for (const auto& a : assignments) {
    if (a.state == "cancelled") continue;
    ++live;
    if (a.state == "submitted") ++submitted;
    if (a.state == "submitted" || a.state == "declined") ++settled;
  }
  f.has_assignment = std::any_of(assignments.begin(), assignments.end(), [](const auto& a) {
    return a.state != "cancelled" && a.state != "declined";
  });
  f.has_supporting_partner = p.supporting_org_id.has_value();
  f.english_available = language == "en" || translated;
  f.reviews_done = live > 0 && settled == live && submitted >= 1;

  f.award_within_threshold = award <= call.threshold_minor;
  if (awarded_total) {
    const std::int64_t left = call.budget_minor - *awarded_total;
    f.award_within_budget = award > 0 && award <= left;
  }
  f.award_within_request = award <= requested_minor;
  f.award_proposed_by = p.award_proposed_by.value_or(0);
  return f;
}

workflow::ProposalFacts proposalFacts(db::Tx& tx, const stores::Proposal& p,
                                      const stores::Call& call,
                                      const stores::ProposalVersion& current,
                                      std::vector<stores::Assignment> assignments,
                                      std::optional<std::int64_t> amount_given, std::int64_t now) {
  const std::int64_t award = workflow::awardFor(p, current, amount_given);
  // The call's awarded total is one more query: only where a transition checks the budget.
  std::optional<std::int64_t> awarded;
  if (workflow::guardedFrom(workflow::kProposalFlow, p.state, workflow::proposal_guards::kWithinBudget)) {
    awarded = stores::CallStore::awardedTotal(tx, call.id);
  }
  const bool translated = current.translation_en && !core::isBlank(*current.translation_en);
  auto f =
      proposalStandingFacts(p, call, std::move(assignments), award, current.content.amount_minor,
                            awarded, current.content.language, translated, now);
  // The content's facts check the whole version (its targets with a query of the call's
  // framework): only where a transition from p.state has a guard that reads them. In every other
  // state no row, allowed action or awaited step looks at them, and they stay false.
  namespace g = workflow::proposal_guards;
  const auto checked = [&](const auto& guard) {
    return workflow::guardedFrom(workflow::kProposalFlow, p.state, guard);
  };
  const bool complete = checked(g::kComplete);
  const bool in_range = checked(g::kAmountInRange);
  const auto terms = complete || in_range || checked(g::kConceptComplete)
                         ? std::optional(termsOf(call))
                         : std::nullopt;
  if (terms) f.concept_complete = proposals::validateConcept(current.content, *terms).empty();
  // A full proposal being written also needs targets for the call's required indicators in
  // every reporting period (a frozen version was checked when it was submitted).
  f.complete = complete && f.concept_complete &&
               (current.stage != "full" || current.frozen ||
                frameworkErrors(tx, call.id, current.content, true).empty());
  if (checked(g::kBudgetBalanced)) f.budget_balanced = proposals::budgetBalanced(current.content);
  if (in_range) f.amount_in_range = proposals::amountInRange(current.content, *terms);
  return f;
}

}  // namespace citygrants::usecases
