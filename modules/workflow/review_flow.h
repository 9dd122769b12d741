#pragma once

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
    core::ProblemKind::kInvalid, "every criterion must be scored from 1 to 5"};
inline constexpr Guard<ReviewFacts> kHasComment{
    "has_comment", +[](const ReviewFacts& f, const Actor&) { return f.has_comment; },
    core::ProblemKind::kInvalid, "the review needs an overall comment"};

// clang-format off
inline constexpr Transition<ReviewFacts> kReviewRows[] = {
  // from          event      to             who                 guards                        needs
  {"assigned",    "accept",  "in_progress", Role::kPartner,     {},                           kNoConflict},
  {"assigned",    "decline", "declined",    Role::kPartner,     {},                           kReason},
  {"in_progress", "submit",  "submitted",   Role::kPartner,     {&kAllScored, &kHasComment}},
  {"submitted",   "reopen",  "in_progress", Role::kFundManager, {},                           kReason},
  {"assigned",    "cancel",  "cancelled",   Role::kFundManager},
  {"in_progress", "cancel",  "cancelled",   Role::kFundManager},
};
// clang-format on
static_assert(wellFormed(kReviewStates, kReviewRows));

inline constexpr Machine<ReviewFacts> kReviewFlow{"review_assignment", "review assignment",
                                                  kReviewStates, kReviewRows};

}  // namespace citygrants::workflow
