#pragma once

#include <cstdint>
#include <optional>

#include "modules/records/proposal.h"
#include "modules/workflow/machine.h"

namespace citygrants::workflow {

// What the proposal machine's guards look at; the use case gathers them in its transaction.
struct ProposalFacts {
  access::Scope scope;                  // the city; partners assigned or supporting
  bool concept_complete = false;        // the concept note's required fields are filled
  bool complete = false;                // the full proposal's required fields (and targets) are filled
  bool budget_balanced = false;         // budget lines add up to the amount requested
  bool amount_in_range = false;         // the amount requested is within the call's award range
  bool call_open = false;               // the call is open and not past its closing time
  bool has_assignment = false;          // at least one partner assignment is live
  bool has_supporting_partner = false;  // the fund manager named the supporting partner
  // The current version is written in English, or the fund attached its English translation:
  // the GCF reviews in English.
  bool english_available = false;
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
    "guard.proposal.concept_complete"};
inline constexpr Guard<F> kComplete{"complete",
                                    +[](const F& f, const Actor&) { return f.complete; },
                                    K::kInvalid, "guard.proposal.complete"};
inline constexpr Guard<F> kBudgetBalanced{
    "budget_balanced", +[](const F& f, const Actor&) { return f.budget_balanced; }, K::kInvalid,
    "guard.proposal.budget_balanced"};
inline constexpr Guard<F> kAmountInRange{
    "amount_in_range", +[](const F& f, const Actor&) { return f.amount_in_range; }, K::kInvalid,
    "guard.proposal.amount_in_range"};
inline constexpr Guard<F> kCallOpen{"call_open",
                                    +[](const F& f, const Actor&) { return f.call_open; },
                                    K::kConflict, "guard.proposal.call_open"};
inline constexpr Guard<F> kHasAssignment{"has_assignment",
                                         +[](const F& f, const Actor&) { return f.has_assignment; },
                                         K::kConflict, "guard.proposal.has_assignment"};
inline constexpr Guard<F> kHasSupportingPartner{
    "has_supporting_partner", +[](const F& f, const Actor&) { return f.has_supporting_partner; },
    K::kConflict, "guard.proposal.has_supporting_partner"};
inline constexpr Guard<F> kEnglishAvailable{
    "english_translation", +[](const F& f, const Actor&) { return f.english_available; },
    K::kConflict, "guard.proposal.english_translation"};
inline constexpr Guard<F> kReviewsDone{"reviews_done",
                                       +[](const F& f, const Actor&) { return f.reviews_done; },
                                       K::kConflict, "guard.proposal.reviews_done"};
inline constexpr Guard<F> kWithinThreshold{
    "award_within_threshold", +[](const F& f, const Actor&) { return f.award_within_threshold; },
    K::kConflict, "guard.proposal.award_within_threshold"};
inline constexpr Guard<F> kAboveThreshold{
    "award_above_threshold", +[](const F& f, const Actor&) { return !f.award_within_threshold; },
    K::kConflict, "guard.proposal.award_above_threshold"};
inline constexpr Guard<F> kWithinBudget{
    "award_within_budget", +[](const F& f, const Actor&) { return f.award_within_budget; },
    K::kConflict, "guard.proposal.award_within_budget"};
inline constexpr Guard<F> kWithinRequest{
    "award_within_request", +[](const F& f, const Actor&) { return f.award_within_request; },
    K::kConflict, "guard.proposal.award_within_request"};
inline constexpr Guard<F> kSecondFundManager{
    "second_fund_manager",
    +[](const F& f, const Actor& a) { return f.award_proposed_by != a.user_id; }, K::kForbidden,
    "guard.proposal.second_fund_manager"};
}  // namespace proposal_guards

// The proposal machine's events; clients name them as kProposalEvents says.
enum class ProposalEvent {
  kSubmitConcept, kInvite, kDeclineConcept, kSubmit, kDiscard, kScreen, kReturn, kScreenOut,
  kSendToReview, kResubmit, kCloseReview, kApprove, kProposeAward, kWithdrawAward, kReject,
  kRequestRevision, kWithdraw
};

inline constexpr EventName<ProposalEvent> kProposalEvents[] = {
    {ProposalEvent::kSubmitConcept, "submit_concept"},
    {ProposalEvent::kInvite, "invite"},
    {ProposalEvent::kDeclineConcept, "decline_concept"},
    {ProposalEvent::kSubmit, "submit"},
    {ProposalEvent::kDiscard, "discard"},
    {ProposalEvent::kScreen, "screen"},
    {ProposalEvent::kReturn, "return"},
    {ProposalEvent::kScreenOut, "screen_out"},
    {ProposalEvent::kSendToReview, "send_to_review"},
    {ProposalEvent::kResubmit, "resubmit"},
    {ProposalEvent::kCloseReview, "close_review"},
    {ProposalEvent::kApprove, "approve"},
    {ProposalEvent::kProposeAward, "propose_award"},
    {ProposalEvent::kWithdrawAward, "withdraw_award"},
    {ProposalEvent::kReject, "reject"},
    {ProposalEvent::kRequestRevision, "request_revision"},
    {ProposalEvent::kWithdraw, "withdraw"}};

// What a proposal step changes: the proposal, knowing its current version.
struct ProposalRecord {
  records::Proposal& proposal;
  const records::ProposalVersion& current;
};

struct ProposalTypes {
  using Facts = ProposalFacts;
  using Event = ProposalEvent;
  using Record = ProposalRecord;
};

// The award a decision on `p` would make: the award proposed (above the threshold), else the
// amount given with the event, else the amount the city requested.
inline std::int64_t awardFor(const records::Proposal& p, const records::ProposalVersion& current,
                             std::optional<std::int64_t> amount_given) {
  if (p.state == "award_proposed" && p.award_minor) return *p.award_minor;
  if (amount_given && *amount_given > 0) return *amount_given;
  return current.content.amount_minor;
}

// The city edits its proposal's content in these states (a revision starts a new version).
inline constexpr std::string_view kProposalEditable[] = {"concept_draft", "draft",
                                                         "revision_requested"};

// What each step records on the proposal beside its state.
namespace proposal_effects {
using R = ProposalRecord;
inline constexpr Effect<R> kRecordFutureRound{
    "records_future_round", +[](R& r, const Actor&, const Input& in, std::int64_t) {
      r.proposal.eligible_future = in.eligible_future;
    }};
inline constexpr Effect<R> kRecordProposedAward{
    "records_proposed_award", +[](R& r, const Actor& a, const Input& in, std::int64_t) {
      r.proposal.award_minor = in.amount_minor;
      r.proposal.award_proposed_by = a.user_id;
    }};
inline constexpr Effect<R> kClearProposedAward{
    "clears_proposed_award", +[](R& r, const Actor&, const Input&, std::int64_t) {
      r.proposal.award_minor.reset();
      r.proposal.award_proposed_by.reset();
    }};
inline constexpr Effect<R> kRecordAward{
    "records_award", +[](R& r, const Actor&, const Input& in, std::int64_t) {
      r.proposal.award_minor = awardFor(r.proposal, r.current, in.amount_minor);
    }};
}  // namespace proposal_effects

namespace proposal_rows {
using E = ProposalEvent;
using N = Notice;
namespace g = proposal_guards;
namespace fx = proposal_effects;
inline constexpr unsigned kSubmits = kFreezesVersion | kNamesMissingFields;
inline constexpr unsigned kAwards =
    kWritesTerms | kRecordsDecision | kDecidesAward | kCreatesGrant | kMovesMoney;
// clang-format off
inline constexpr Transition<ProposalTypes> kRows[] = {
  // from                   event                to                    who                guards                                                                  needs            effect                     tags                                                 notice
  {"concept_draft",        E::kSubmitConcept,   "concept_submitted",  Role::kApplicant,   {&g::kConceptComplete, &g::kCallOpen},                                  kNone,           nullptr,                   kSubmits,                                            N::kSubmitted},
  {"concept_submitted",    E::kInvite,          "draft",              Role::kFundManager, {},                                                                     kReason,         nullptr,                   kStartsNextVersion | kRecordsDecision,               N::kConceptInvited},
  {"concept_submitted",    E::kDeclineConcept,  "concept_declined",   Role::kFundManager, {},                                                                     kReason,         &fx::kRecordFutureRound,   kWritesTerms | kRecordsDecision | kFlagsFutureRound, N::kConceptDeclined},
  {"draft",                E::kSubmit,          "submitted",          Role::kApplicant,   {&g::kComplete, &g::kBudgetBalanced, &g::kAmountInRange, &g::kCallOpen}, kNone,           nullptr,                   kSubmits,                                            N::kSubmitted},
  {"draft",                E::kDiscard,         "withdrawn",          Role::kApplicant},
  {"concept_draft",        E::kDiscard,         "withdrawn",          Role::kApplicant},
  {"submitted",            E::kScreen,          "screening",          Role::kFundManager},
  {"screening",            E::kReturn,          "revision_requested", Role::kFundManager, {},                                                                     kReason,         nullptr,                   kRecordsDecision,                                    N::kRevisionRequested},
  {"screening",            E::kScreenOut,       "rejected",           Role::kFundManager, {},                                                                     kReason,         nullptr,                   kRecordsDecision,                                    N::kRejected},
  {"screening",            E::kSendToReview,    "in_review",          Role::kFundManager, {&g::kEnglishAvailable, &g::kHasAssignment, &g::kHasSupportingPartner}},
  {"revision_requested",   E::kResubmit,        "submitted",          Role::kApplicant,   {&g::kComplete, &g::kBudgetBalanced, &g::kAmountInRange},               kNone,           nullptr,                   kSubmits,                                            N::kSubmitted},
  {"in_review",            E::kCloseReview,     "reviewed",           Role::kFundManager, {&g::kReviewsDone}},
  {"reviewed",             E::kApprove,         "approved",           Role::kFundManager, {&g::kWithinThreshold, &g::kWithinBudget, &g::kWithinRequest},          kNone,           &fx::kRecordAward,         kAwards,                                             N::kApproved},
  {"reviewed",             E::kProposeAward,    "award_proposed",     Role::kFundManager, {&g::kAboveThreshold, &g::kWithinBudget, &g::kWithinRequest},           kAmount | kReason, &fx::kRecordProposedAward, kWritesTerms | kRecordsDecision | kDecidesAward},
  {"award_proposed",       E::kApprove,         "approved",           Role::kFundManager, {&g::kSecondFundManager, &g::kWithinBudget},                            kNone,           &fx::kRecordAward,         kAwards,                                             N::kApproved},
  {"award_proposed",       E::kWithdrawAward,   "reviewed",           Role::kFundManager, {},                                                                     kReason,         &fx::kClearProposedAward,  kWritesTerms | kRecordsDecision},
  {"reviewed",             E::kReject,          "rejected",           Role::kFundManager, {},                                                                     kReason,         nullptr,                   kRecordsDecision,                                    N::kRejected},
  {"reviewed",             E::kRequestRevision, "revision_requested", Role::kFundManager, {},                                                                     kReason,         nullptr,                   kRecordsDecision,                                    N::kRevisionRequested},
  {"concept_submitted",    E::kWithdraw,        "withdrawn",          Role::kApplicant,   {},                                                                     kReason},
  {"submitted",            E::kWithdraw,        "withdrawn",          Role::kApplicant,   {},                                                                     kReason},
  {"screening",            E::kWithdraw,        "withdrawn",          Role::kApplicant,   {},                                                                     kReason},
  {"revision_requested",   E::kWithdraw,        "withdrawn",          Role::kApplicant,   {},                                                                     kReason},
  {"in_review",            E::kWithdraw,        "withdrawn",          Role::kApplicant,   {},                                                                     kReason},
};
// clang-format on
}  // namespace proposal_rows
inline constexpr const auto& kProposalRows = proposal_rows::kRows;
static_assert(wellFormed(kProposalStates, kProposalEvents, kProposalRows, kProposalEditable));

inline constexpr Machine<ProposalTypes> kProposalFlow{"proposal",      "proposal",
                                                      kProposalStates, kProposalEvents,
                                                      kProposalRows,   kProposalEditable};

// The name clients send for `event`.
constexpr std::string_view nameOf(ProposalEvent event) { return eventName(kProposalFlow, event); }

}  // namespace citygrants::workflow
