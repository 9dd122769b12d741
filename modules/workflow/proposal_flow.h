#pragma once

#include <cstdint>

#include "modules/workflow/machine.h"

namespace citygrants::workflow {

// What the proposal machine's guards look at; the use case gathers them in its transaction.
struct ProposalFacts {
  access::Scope scope;                  // the city; partners assigned or supporting
  bool concept_complete = false;        // the concept note's required fields are filled
  bool complete = false;                // the full proposal's required fields are filled
  bool budget_balanced = false;         // budget lines add up to the amount requested
  bool amount_in_range = false;         // the amount requested is within the call's award range
  bool call_open = false;               // the call is open and not past its closing time
  bool has_assignment = false;          // at least one partner assignment is live
  bool has_supporting_partner = false;  // the fund manager named the supporting partner
  bool reviews_done = false;            // every assignment submitted/declined/cancelled, >= 1 submitted
  bool award_within_threshold = false;  // the award is at most the call's four-eyes threshold
  bool award_within_budget = false;     // the award fits in what is left of the call's budget
  bool award_within_request = false;    // the award is at most the amount the city requested
  std::int64_t award_proposed_by = 0;   // the fund manager who proposed an award above threshold
};

inline constexpr std::string_view kProposalStates[] = {
    "concept_draft", "concept_submitted", "concept_declined", "draft",    "submitted",
    "screening",     "revision_requested", "in_review",       "reviewed", "award_proposed",
    "approved",      "rejected",           "withdrawn"};

namespace proposal_guards {
using F = ProposalFacts;
using K = core::ProblemKind;
inline constexpr Guard<F> kConceptComplete{
    "concept_complete", +[](const F& f, const Actor&) { return f.concept_complete; }, K::kInvalid,
    "the concept note has required fields missing"};
inline constexpr Guard<F> kComplete{
    "complete", +[](const F& f, const Actor&) { return f.complete; }, K::kInvalid,
    "the proposal has required fields missing"};
inline constexpr Guard<F> kBudgetBalanced{
    "budget_balanced", +[](const F& f, const Actor&) { return f.budget_balanced; }, K::kInvalid,
    "the budget lines do not add up to the amount requested"};
inline constexpr Guard<F> kAmountInRange{
    "amount_in_range", +[](const F& f, const Actor&) { return f.amount_in_range; }, K::kInvalid,
    "the amount requested is outside the call's award range"};
inline constexpr Guard<F> kCallOpen{
    "call_open", +[](const F& f, const Actor&) { return f.call_open; }, K::kConflict,
    "the call is not open for submissions"};
inline constexpr Guard<F> kHasAssignment{
    "has_assignment", +[](const F& f, const Actor&) { return f.has_assignment; }, K::kConflict,
    "assign at least one partner to review first"};
inline constexpr Guard<F> kHasSupportingPartner{
    "has_supporting_partner", +[](const F& f, const Actor&) { return f.has_supporting_partner; },
    K::kConflict, "name the supporting partner first"};
inline constexpr Guard<F> kReviewsDone{
    "reviews_done", +[](const F& f, const Actor&) { return f.reviews_done; }, K::kConflict,
    "every assignment must be submitted or declined, and at least one submitted"};
inline constexpr Guard<F> kWithinThreshold{
    "award_within_threshold", +[](const F& f, const Actor&) { return f.award_within_threshold; },
    K::kConflict, "the award is above the call's threshold: propose it for a second fund manager"};
inline constexpr Guard<F> kAboveThreshold{
    "award_above_threshold", +[](const F& f, const Actor&) { return !f.award_within_threshold; },
    K::kConflict, "the award is within the call's threshold: approve it directly"};
inline constexpr Guard<F> kWithinBudget{
    "award_within_budget", +[](const F& f, const Actor&) { return f.award_within_budget; },
    K::kConflict, "the award exceeds what is left of the call's budget"};
inline constexpr Guard<F> kWithinRequest{
    "award_within_request", +[](const F& f, const Actor&) { return f.award_within_request; },
    K::kConflict, "the award exceeds the amount the city requested"};
inline constexpr Guard<F> kSecondFundManager{
    "second_fund_manager",
    +[](const F& f, const Actor& a) { return f.award_proposed_by != a.user_id; }, K::kForbidden,
    "a different fund manager than the proposer must confirm the award"};
}  // namespace proposal_guards

// clang-format off
inline constexpr Transition<ProposalFacts> kProposalRows[] = {
  // from                   event              to                    who                guards                                                                                  needs
  {"concept_draft",        "submit_concept",  "concept_submitted",  Role::kApplicant,   {&proposal_guards::kConceptComplete, &proposal_guards::kCallOpen}},
  {"concept_submitted",    "invite",          "draft",              Role::kFundManager, {},                                                                                     kReason},
  {"concept_submitted",    "decline_concept", "concept_declined",   Role::kFundManager, {},                                                                                     kReason},
  {"draft",                "submit",          "submitted",          Role::kApplicant,   {&proposal_guards::kComplete, &proposal_guards::kBudgetBalanced, &proposal_guards::kAmountInRange, &proposal_guards::kCallOpen}},
  {"draft",                "discard",         "withdrawn",          Role::kApplicant},
  {"concept_draft",        "discard",         "withdrawn",          Role::kApplicant},
  {"submitted",            "screen",          "screening",          Role::kFundManager},
  {"screening",            "return",          "revision_requested", Role::kFundManager, {},                                                                                     kReason},
  {"screening",            "screen_out",      "rejected",           Role::kFundManager, {},                                                                                     kReason},
  {"screening",            "send_to_review",  "in_review",          Role::kFundManager, {&proposal_guards::kHasAssignment, &proposal_guards::kHasSupportingPartner}},
  {"revision_requested",   "resubmit",        "submitted",          Role::kApplicant,   {&proposal_guards::kComplete, &proposal_guards::kBudgetBalanced, &proposal_guards::kAmountInRange}},
  {"in_review",            "close_review",    "reviewed",           Role::kFundManager, {&proposal_guards::kReviewsDone}},
  {"reviewed",             "approve",         "approved",           Role::kFundManager, {&proposal_guards::kWithinThreshold, &proposal_guards::kWithinBudget, &proposal_guards::kWithinRequest}},
  {"reviewed",             "propose_award",   "award_proposed",     Role::kFundManager, {&proposal_guards::kAboveThreshold, &proposal_guards::kWithinBudget, &proposal_guards::kWithinRequest}, kAmount | kReason},
  {"award_proposed",       "approve",         "approved",           Role::kFundManager, {&proposal_guards::kSecondFundManager, &proposal_guards::kWithinBudget}},
  {"award_proposed",       "withdraw_award",  "reviewed",           Role::kFundManager, {},                                                                                     kReason},
  {"reviewed",             "reject",          "rejected",           Role::kFundManager, {},                                                                                     kReason},
  {"reviewed",             "request_revision","revision_requested", Role::kFundManager, {},                                                                                     kReason},
  {"concept_submitted",    "withdraw",        "withdrawn",          Role::kApplicant,   {},                                                                                     kReason},
  {"submitted",            "withdraw",        "withdrawn",          Role::kApplicant,   {},                                                                                     kReason},
  {"screening",            "withdraw",        "withdrawn",          Role::kApplicant,   {},                                                                                     kReason},
  {"revision_requested",   "withdraw",        "withdrawn",          Role::kApplicant,   {},                                                                                     kReason},
  {"in_review",            "withdraw",        "withdrawn",          Role::kApplicant,   {},                                                                                     kReason},
};
// clang-format on
static_assert(wellFormed(kProposalStates, kProposalRows));

inline constexpr Machine<ProposalFacts> kProposalFlow{"proposal", "proposal", kProposalStates,
                                                      kProposalRows};

}  // namespace citygrants::workflow
