#pragma once

#include <cstdint>

#include "modules/records/grant.h"
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
inline constexpr Guard<F> kGrantActive{"grant_active",
                                       +[](const F& f, const Actor&) { return f.grant_active; },
                                       K::kConflict, "guard.tranche.grant_active"};
inline constexpr Guard<F> kPreviousDisbursed{
    "previous_disbursed", +[](const F& f, const Actor&) { return f.previous_disbursed; },
    K::kConflict, "guard.tranche.previous_disbursed"};
inline constexpr Guard<F> kMilestoneReport{
    "milestone_report_accepted",
    +[](const F& f, const Actor&) { return f.milestone_report_accepted; }, K::kConflict,
    "guard.tranche.milestone_report_accepted"};
inline constexpr Guard<F> kNoOverdueReport{
    "no_overdue_report", +[](const F& f, const Actor&) { return f.no_overdue_report; },
    K::kConflict, "guard.tranche.no_overdue_report"};
inline constexpr Guard<F> kNotRequesterNorVerifier{
    "not_requester_nor_verifier",
    +[](const F& f, const Actor& a) {
      return a.user_id != f.requested_by && a.user_id != f.verified_by;
    },
    K::kForbidden, "guard.tranche.not_requester_nor_verifier"};
inline constexpr Guard<F> kNotApprover{
    "not_approver", +[](const F& f, const Actor& a) { return a.user_id != f.approved_by; },
    K::kForbidden, "guard.tranche.not_approver"};
}  // namespace tranche_guards

// The tranche machine's events; clients name them as kTrancheEvents says.
enum class TrancheEvent { kRequest, kVerify, kSendBack, kApprove, kDisburse, kCancel };

struct TrancheTypes {
  using Facts = TrancheFacts;
  using Event = TrancheEvent;
  using Record = records::Tranche;
};

inline constexpr EventName<TrancheEvent> kTrancheEvents[] = {
    {TrancheEvent::kRequest, "request"},   {TrancheEvent::kVerify, "verify"},
    {TrancheEvent::kSendBack, "send_back"}, {TrancheEvent::kApprove, "approve"},
    {TrancheEvent::kDisburse, "disburse"},  {TrancheEvent::kCancel, "cancel"}};

// What each step records on the tranche beside its state.
namespace tranche_effects {
using R = records::Tranche;
inline constexpr Effect<R> kRecordRequest{
    "records_requester", +[](R& t, const Actor& a, const Input&, std::int64_t now) {
      t.requested_by = a.user_id;
      t.requested_at = now;
    }};
inline constexpr Effect<R> kRecordVerifier{
    "records_verifier",
    +[](R& t, const Actor& a, const Input&, std::int64_t) { t.verified_by = a.user_id; }};
inline constexpr Effect<R> kClearRequest{
    "clears_request", +[](R& t, const Actor&, const Input&, std::int64_t) {
      t.requested_by.reset();
      t.requested_at.reset();
      t.verified_by.reset();
      t.approved_by.reset();
    }};
inline constexpr Effect<R> kRecordApprover{
    "records_approver",
    +[](R& t, const Actor& a, const Input&, std::int64_t) { t.approved_by = a.user_id; }};
inline constexpr Effect<R> kRecordPayment{
    "records_payment", +[](R& t, const Actor& a, const Input& in, std::int64_t now) {
      t.disbursed_by = a.user_id;
      t.disbursed_at = now;
      t.payment_reference = in.payment_reference;
      t.idempotency_key = in.idempotency_key;
    }};
}  // namespace tranche_effects

// clang-format off
inline constexpr Transition<TrancheTypes> kTrancheRows[] = {
  // from         event                    to           who                                  guards                                                                                                       needs                                 effect                              tags                 notice
  {"scheduled",  TrancheEvent::kRequest,  "requested", Role::kApplicant,                    {&tranche_guards::kGrantActive, &tranche_guards::kPreviousDisbursed, &tranche_guards::kMilestoneReport, &tranche_guards::kNoOverdueReport}, kNone, &tranche_effects::kRecordRequest, kNoTags,             Notice::kTrancheRequested},
  {"requested",  TrancheEvent::kVerify,   "verified",  Role::kPartner,                      {},                                                                                                           kNone,                                &tranche_effects::kRecordVerifier,  kNoTags,             Notice::kTrancheVerified},
  {"requested",  TrancheEvent::kSendBack, "scheduled", Role::kPartner | Role::kFundManager, {},                                                                                                           kReason,                              &tranche_effects::kClearRequest},
  {"verified",   TrancheEvent::kSendBack, "scheduled", Role::kPartner | Role::kFundManager, {},                                                                                                           kReason,                              &tranche_effects::kClearRequest},
  {"verified",   TrancheEvent::kApprove,  "approved",  Role::kFundManager,                  {&tranche_guards::kNotRequesterNorVerifier},                                                                  kNone,                                &tranche_effects::kRecordApprover,  kMovesMoney},
  {"approved",   TrancheEvent::kDisburse, "disbursed", Role::kFundManager,                  {&tranche_guards::kNotApprover},                                                                              kPaymentReference | kIdempotencyKey,  &tranche_effects::kRecordPayment,   kChecksDisbursedSum | kMovesMoney, Notice::kTrancheDisbursed},
  {"scheduled",  TrancheEvent::kCancel,   "cancelled", Role::kFundManager,                  {},                                                                                                           kReason},
  {"requested",  TrancheEvent::kCancel,   "cancelled", Role::kFundManager,                  {},                                                                                                           kReason},
  {"verified",   TrancheEvent::kCancel,   "cancelled", Role::kFundManager,                  {},                                                                                                           kReason},
  {"approved",   TrancheEvent::kCancel,   "cancelled", Role::kFundManager,                  {},                                                                                                           kReason},
};
// clang-format on
static_assert(wellFormed(kTrancheStates, kTrancheEvents, kTrancheRows));

inline constexpr Machine<TrancheTypes> kTrancheFlow{"tranche", "tranche", kTrancheStates,
                                                    kTrancheEvents, kTrancheRows};

// The name clients send for `event`.
constexpr std::string_view nameOf(TrancheEvent event) { return eventName(kTrancheFlow, event); }

}  // namespace citygrants::workflow
