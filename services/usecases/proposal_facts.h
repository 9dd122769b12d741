#pragma once

#include <optional>
#include <vector>

#include "modules/core/problem.h"
#include "modules/workflow/proposal_flow.h"
#include "services/db/database.h"
#include "services/stores/call_store.h"
#include "services/stores/proposal_store.h"
#include "services/stores/review_store.h"

namespace citygrants::usecases {

// The organisations a proposal belongs to: its city, every partner with an assignment it has not
// declined (nor had cancelled), and the supporting partner.
access::Scope proposalScope(db::Tx& tx, const stores::Proposal& p);
// The same from the proposal's assignments (every one, any version), already read.
access::Scope proposalScope(const stores::Proposal& p, const std::vector<stores::Assignment>& assignments);

// Whether `actor` sees the whole of `p`: false for a partner reviewer who has not yet declared no
// conflict of interest (they see only the reference, title, city and amount requested until
// they do). `assignments`: every assignment of the proposal. REQUIRES: actor may see `p`.
bool seesFullProposal(const access::Actor& actor, const stores::Proposal& p,
                      const std::vector<stores::Assignment>& assignments);

// Field errors of the results framework of `content` against the indicators `call_id` chose:
// as a draft may hold it, or complete for submission (results::validatePlans).
std::vector<core::FieldError> frameworkErrors(db::Tx& tx, std::int64_t call_id,
                                              const proposals::ProposalContent& content,
                                              bool submitting);

// The proposal machine's facts that the proposal's content does not decide: its scope, the
// call's window, the reviews of its current version, and the award a decision would make
// (`award`, workflow::awardFor) against the threshold, the amount requested (`requested_minor`)
// and what is left of the call's budget — `awarded_total` (CallStore::awardedTotal) is needed
// only where a transition from p.state checks the budget (workflow::guardedFrom); without it,
// award_within_budget stays false. The content's facts (concept_complete, complete,
// budget_balanced, amount_in_range) stay false: proposalFacts() adds them. The one place these
// facts are derived, for one proposal (proposalFacts) or many at once (the inbox).
// `assignments`: every assignment of the proposal, any version. `language`: the current
// version's; `translated`: whether the fund attached its English translation (the GCF reviews
// in English: english_available).
workflow::ProposalFacts proposalStandingFacts(const stores::Proposal& p, const stores::Call& call,
                                              std::vector<stores::Assignment> assignments,
                                              std::int64_t award, std::int64_t requested_minor,
                                              std::optional<std::int64_t> awarded_total,
                                              std::string_view language, bool translated,
                                              std::int64_t now);

// Gathers what the proposal machine's guards look at. The award they check is what a decision
// would award (workflow::awardFor: the proposed award, else the amount given with the event,
// else the amount requested). The content's facts (concept_complete, complete, budget_balanced,
// amount_in_range) are checked only where a transition from p.state has their guard
// (workflow::guardedFrom), and are false elsewhere: a record's read need not validate it.
// `assignments`: every assignment of the proposal (ReviewStore::forProposal).
workflow::ProposalFacts proposalFacts(db::Tx& tx, const stores::Proposal& p,
                                      const stores::Call& call,
                                      const stores::ProposalVersion& current,
                                      std::vector<stores::Assignment> assignments,
                                      std::optional<std::int64_t> amount_given, std::int64_t now);

}  // namespace citygrants::usecases
