#pragma once

#include <cstdint>

#include "modules/workflow/machine.h"

namespace citygrants::workflow {

// What the tranche machine's guards look at.
struct TrancheFacts {
  access::Scope scope;                     // the city; the supporting partner
  bool grant_active = false;
  bool previous_disbursed = false;         // the tranche before this one is disbursed (or none)
  bool milestone_report_accepted = false;  // the report this tranche waits for is accepted (or none)
  bool no_overdue_report = false;          // no report of the grant is past its due date
  std::int64_t requested_by = 0;
  std::int64_t verified_by = 0;
  std::int64_t approved_by = 0;
};

inline constexpr std::string_view kTrancheStates[] = {"scheduled", "requested", "verified",
                                                      "approved",  "disbursed", "cancelled"};

namespace tranche_guards {
using F = TrancheFacts;
using K = core::ProblemKind;
inline constexpr Guard<F> kGrantActive{
    "grant_active", +[](const F& f, const Actor&) { return f.grant_active; }, K::kConflict,
    "the grant is not active"};
inline constexpr Guard<F> kPreviousDisbursed{
    "previous_disbursed", +[](const F& f, const Actor&) { return f.previous_disbursed; },
    K::kConflict, "the previous tranche is not disbursed yet"};
inline constexpr Guard<F> kMilestoneReport{
    "milestone_report_accepted",
    +[](const F& f, const Actor&) { return f.milestone_report_accepted; }, K::kConflict,
    "the report this tranche depends on is not accepted yet"};
inline constexpr Guard<F> kNoOverdueReport{
    "no_overdue_report", +[](const F& f, const Actor&) { return f.no_overdue_report; },
    K::kConflict, "a report of this grant is overdue"};
inline constexpr Guard<F> kNotRequesterNorVerifier{
    "not_requester_nor_verifier",
    +[](const F& f, const Actor& a) {
      return a.user_id != f.requested_by && a.user_id != f.verified_by;
    },
    K::kForbidden, "the approver must differ from the requester and the verifier"};
inline constexpr Guard<F> kNotApprover{
    "not_approver", +[](const F& f, const Actor& a) { return a.user_id != f.approved_by; },
    K::kForbidden, "another fund manager than the approver must disburse"};
}  // namespace tranche_guards

// clang-format off
inline constexpr Transition<TrancheFacts> kTrancheRows[] = {
  // from         event        to           who                                  guards                                                                                                       needs
  {"scheduled",  "request",   "requested", Role::kApplicant,                    {&tranche_guards::kGrantActive, &tranche_guards::kPreviousDisbursed, &tranche_guards::kMilestoneReport, &tranche_guards::kNoOverdueReport}},
  {"requested",  "verify",    "verified",  Role::kPartner},
  {"requested",  "send_back", "scheduled", Role::kPartner | Role::kFundManager, {},                                                                                                           kReason},
  {"verified",   "send_back", "scheduled", Role::kPartner | Role::kFundManager, {},                                                                                                           kReason},
  {"verified",   "approve",   "approved",  Role::kFundManager,                  {&tranche_guards::kNotRequesterNorVerifier}},
  {"approved",   "disburse",  "disbursed", Role::kFundManager,                  {&tranche_guards::kNotApprover},                                                                             kPaymentReference | kIdempotencyKey},
  {"scheduled",  "cancel",    "cancelled", Role::kFundManager,                  {},                                                                                                           kReason},
  {"requested",  "cancel",    "cancelled", Role::kFundManager,                  {},                                                                                                           kReason},
  {"verified",   "cancel",    "cancelled", Role::kFundManager,                  {},                                                                                                           kReason},
  {"approved",   "cancel",    "cancelled", Role::kFundManager,                  {},                                                                                                           kReason},
};
// clang-format on
static_assert(wellFormed(kTrancheStates, kTrancheRows));

inline constexpr Machine<TrancheFacts> kTrancheFlow{"tranche", "tranche", kTrancheStates,
                                                    kTrancheRows};

}  // namespace citygrants::workflow
