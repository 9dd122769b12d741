#pragma once

#include "modules/workflow/machine.h"

namespace citygrants::workflow {

// What the grant machine's guards look at.
struct GrantFacts {
  access::Scope scope;                  // the city; the supporting partner
  bool tranches_settled = false;        // every tranche disbursed or cancelled
  bool final_report_accepted = false;
};

inline constexpr std::string_view kGrantStates[] = {"pending_agreement", "active", "suspended",
                                                    "completed", "closed", "terminated"};

inline constexpr Guard<GrantFacts> kTranchesSettled{
    "tranches_settled", +[](const GrantFacts& f, const Actor&) { return f.tranches_settled; },
    core::ProblemKind::kConflict, "every tranche must be disbursed or cancelled"};
inline constexpr Guard<GrantFacts> kFinalReportAccepted{
    "final_report_accepted",
    +[](const GrantFacts& f, const Actor&) { return f.final_report_accepted; },
    core::ProblemKind::kConflict, "the final report must be accepted"};

// clang-format off
inline constexpr Transition<GrantFacts> kGrantRows[] = {
  // from                 event        to            who                 guards                                    needs
  {"pending_agreement",  "sign",      "active",     Role::kApplicant},
  {"active",             "suspend",   "suspended",  Role::kFundManager, {},                                       kReason},
  {"suspended",          "resume",    "active",     Role::kFundManager},
  {"active",             "complete",  "completed",  Role::kFundManager, {&kTranchesSettled, &kFinalReportAccepted}},
  {"completed",          "close",     "closed",     Role::kFundManager},
  {"active",             "terminate", "terminated", Role::kFundManager, {},                                       kReason},
  {"suspended",          "terminate", "terminated", Role::kFundManager, {},                                       kReason},
};
// clang-format on
static_assert(wellFormed(kGrantStates, kGrantRows));

inline constexpr Machine<GrantFacts> kGrantFlow{"grant", "grant", kGrantStates, kGrantRows};

}  // namespace citygrants::workflow
