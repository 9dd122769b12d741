#pragma once

#include "modules/records/grant.h"
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
    core::ProblemKind::kConflict, "guard.grant.tranches_settled"};
inline constexpr Guard<GrantFacts> kFinalReportAccepted{
    "final_report_accepted",
    +[](const GrantFacts& f, const Actor&) { return f.final_report_accepted; },
    core::ProblemKind::kConflict, "guard.grant.final_report_accepted"};

// The grant machine's events; clients name them as kGrantEvents says.
enum class GrantEvent { kSign, kSuspend, kResume, kComplete, kClose, kTerminate };

struct GrantTypes {
  using Facts = GrantFacts;
  using Event = GrantEvent;
  using Record = records::Grant;
};

inline constexpr EventName<GrantEvent> kGrantEvents[] = {
    {GrantEvent::kSign, "sign"},         {GrantEvent::kSuspend, "suspend"},
    {GrantEvent::kResume, "resume"},     {GrantEvent::kComplete, "complete"},
    {GrantEvent::kClose, "close"},       {GrantEvent::kTerminate, "terminate"}};

// What each step records on the grant beside its state.
namespace grant_effects {
using R = records::Grant;
inline constexpr Effect<R> kRecordSignature{
    "records_signature", +[](R& g, const Actor& a, const Input&, std::int64_t now) {
      g.signed_by = a.user_id;
      g.signed_at = now;
    }};
}  // namespace grant_effects

// clang-format off
inline constexpr Transition<GrantTypes> kGrantRows[] = {
  // from                 event                  to            who                 guards                                    needs    effect                            tags                  notice
  {"pending_agreement",  GrantEvent::kSign,      "active",     Role::kApplicant,   {},                                       kNone,   &grant_effects::kRecordSignature, kNoTags,              Notice::kReportsDue},
  {"active",             GrantEvent::kSuspend,   "suspended",  Role::kFundManager, {},                                       kReason},
  {"suspended",          GrantEvent::kResume,    "active",     Role::kFundManager},
  {"active",             GrantEvent::kComplete,  "completed",  Role::kFundManager, {&kTranchesSettled, &kFinalReportAccepted}},
  {"completed",          GrantEvent::kClose,     "closed",     Role::kFundManager},
  {"active",             GrantEvent::kTerminate, "terminated", Role::kFundManager, {},                                       kReason, nullptr,                          kCancelsOpenTranches},
  {"suspended",          GrantEvent::kTerminate, "terminated", Role::kFundManager, {},                                       kReason, nullptr,                          kCancelsOpenTranches},
};
// clang-format on
static_assert(wellFormed(kGrantStates, kGrantEvents, kGrantRows));

inline constexpr Machine<GrantTypes> kGrantFlow{"grant", "grant", kGrantStates, kGrantEvents,
                                                kGrantRows};

// The name clients send for `event`.
constexpr std::string_view nameOf(GrantEvent event) { return eventName(kGrantFlow, event); }

}  // namespace citygrants::workflow
