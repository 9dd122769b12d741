#pragma once

#include <array>

#include "modules/records/review.h"
#include "modules/workflow/machine.h"

namespace citygrants::workflow {

// What the review assignment machine's guards look at.
struct ReviewFacts {
  access::Scope scope;       // partner_org_ids = {the assigned partner organisation}
  bool all_scored = false;   // every criterion of the call scored 1-5
  bool has_comment = false;  // the overall comment is written
};

inline constexpr std::string_view kReviewStates[] = {"assigned", "in_progress", "submitted",
                                                     "declined", "cancelled"};

inline constexpr Guard<ReviewFacts> kAllScored{
    "all_scored", +[](const ReviewFacts& f, const Actor&) { return f.all_scored; },
    core::ProblemKind::kInvalid, "guard.review.all_scored"};
inline constexpr Guard<ReviewFacts> kHasComment{
    "has_comment", +[](const ReviewFacts& f, const Actor&) { return f.has_comment; },
    core::ProblemKind::kInvalid, "guard.review.has_comment"};

// The review assignment machine's events; clients name them as kReviewEvents says.
enum class ReviewEvent { kAccept, kDecline, kSubmit, kReopen, kCancel };

struct ReviewTypes {
  using Facts = ReviewFacts;
  using Event = ReviewEvent;
  using Record = records::Assignment;
};

inline constexpr EventName<ReviewEvent> kReviewEvents[] = {
    {ReviewEvent::kAccept, "accept"}, {ReviewEvent::kDecline, "decline"},
    {ReviewEvent::kSubmit, "submit"}, {ReviewEvent::kReopen, "reopen"},
    {ReviewEvent::kCancel, "cancel"}};

// What each step records on the assignment beside its state.
namespace review_effects {
using R = records::Assignment;
inline constexpr Effect<R> kRecordDeclaration{
    "records_declaration", +[](R& a, const Actor& by, const Input&, std::int64_t now) {
      a.reviewer_id = by.user_id;
      a.declared_at = now;
    }};
inline constexpr Effect<R> kRecordReason{
    "records_reason", +[](R& a, const Actor&, const Input& in, std::int64_t) { a.reason = in.reason; }};
inline constexpr Effect<R> kRecordSubmission{
    "records_submission",
    +[](R& a, const Actor&, const Input&, std::int64_t now) { a.submitted_at = now; }};
inline constexpr Effect<R> kReopen{
    "reopens_with_reason", +[](R& a, const Actor&, const Input& in, std::int64_t) {
      a.reason = in.reason;
      a.submitted_at.reset();
    }};
}  // namespace review_effects

// clang-format off
inline constexpr Transition<ReviewTypes> kReviewRows[] = {
  // from          event                 to             who                 guards                        needs        effect
  {"assigned",    ReviewEvent::kAccept,  "in_progress", Role::kPartner,     {},                           kNoConflict, &review_effects::kRecordDeclaration},
  {"assigned",    ReviewEvent::kDecline, "declined",    Role::kPartner,     {},                           kReason,     &review_effects::kRecordReason},
  {"in_progress", ReviewEvent::kSubmit,  "submitted",   Role::kPartner,     {&kAllScored, &kHasComment},  kNone,       &review_effects::kRecordSubmission},
  {"submitted",   ReviewEvent::kReopen,  "in_progress", Role::kFundManager, {},                           kReason,     &review_effects::kReopen},
  {"assigned",    ReviewEvent::kCancel,  "cancelled",   Role::kFundManager},
  {"in_progress", ReviewEvent::kCancel,  "cancelled",   Role::kFundManager},
};
// clang-format on
static_assert(wellFormed(kReviewStates, kReviewEvents, kReviewRows));

inline constexpr Machine<ReviewTypes> kReviewFlow{"review_assignment", "review assignment",
                                                  kReviewStates, kReviewEvents, kReviewRows};

// The name clients send for `event`.
constexpr std::string_view nameOf(ReviewEvent event) { return eventName(kReviewFlow, event); }

// The states of the proposal in which an assignment's event may happen; an event not listed
// (cancel) happens in any, so a fund manager can tidy up after a withdrawal.
struct ProposalGate {
  ReviewEvent event;
  std::array<std::string_view, 2> states;
};
// clang-format off
inline constexpr ProposalGate kReviewProposalGates[] = {
  // event                 proposal states
  {ReviewEvent::kAccept,  {"screening", "in_review"}},
  {ReviewEvent::kDecline, {"screening", "in_review"}},
  {ReviewEvent::kSubmit,  {"screening", "in_review"}},
  {ReviewEvent::kReopen,  {"in_review", "in_review"}},
};
// clang-format on
// Scores are saved while the proposal is in these states.
inline constexpr std::string_view kScoringProposalStates[] = {"screening", "in_review"};

// Whether `event` may happen on an assignment whose proposal is in `proposal_state`.
constexpr bool proposalAllows(std::string_view proposal_state, ReviewEvent event) {
  for (const auto& gate : kReviewProposalGates) {
    if (gate.event == event) return gate.states[0] == proposal_state || gate.states[1] == proposal_state;
  }
  return true;
}

}  // namespace citygrants::workflow
