#pragma once

#include <cstdint>

#include "modules/records/amendment.h"
#include "modules/workflow/machine.h"

namespace citygrants::workflow {

// What the amendment machine's guards look at; the use case gathers them in its transaction.
struct AmendmentFacts {
  access::Scope scope;                 // the grant's city; its supporting partner
  bool proposed_by_city = true;        // the city requested it (else a fund manager proposed it)
  bool grant_open = false;             // the grant is active or suspended
  bool needs_partner_review = false;   // the reallocation's share exceeds the call's setting
  bool is_increase = false;            // the new amount is above the grant's amount
  bool within_call_budget = false;     // the increase fits in what is left of the call's budget
  std::int64_t proposed_by = 0;
  std::int64_t approved_by = 0;
};

inline constexpr std::string_view kAmendmentStates[] = {
    "draft", "requested", "partner_reviewed", "approved", "applied", "rejected", "withdrawn"};

namespace amendment_guards {
using F = AmendmentFacts;
using K = core::ProblemKind;
// Only the side that asked for the change sends or withdraws it: the city's staff when the city
// requested it, the fund's when a fund manager proposed it (the row's roles say who else is out).
inline constexpr Guard<F> kProposingSide{
    "proposing_side",
    +[](const F& f, const Actor& a) { return a.roles.has(Role::kApplicant) == f.proposed_by_city; },
    K::kForbidden, "guard.amendment.proposing_side"};
inline constexpr Guard<F> kGrantOpen{"grant_open",
                                     +[](const F& f, const Actor&) { return f.grant_open; },
                                     K::kConflict, "guard.amendment.grant_open"};
inline constexpr Guard<F> kReviewNeeded{
    "partner_review_needed", +[](const F& f, const Actor&) { return f.needs_partner_review; },
    K::kConflict, "guard.amendment.partner_review_needed"};
inline constexpr Guard<F> kReviewNotNeeded{
    "partner_review_not_needed",
    +[](const F& f, const Actor&) { return !f.needs_partner_review; }, K::kConflict,
    "guard.amendment.partner_review_not_needed"};
inline constexpr Guard<F> kWithinCallBudget{
    "within_call_budget",
    +[](const F& f, const Actor&) { return !f.is_increase || f.within_call_budget; },
    K::kConflict, "guard.amendment.within_call_budget"};
// Four eyes on an increase: the approver is not the fund manager who proposed it...
inline constexpr Guard<F> kSecondFundManager{
    "second_fund_manager",
    +[](const F& f, const Actor& a) { return !f.is_increase || a.user_id != f.proposed_by; },
    K::kForbidden, "guard.amendment.second_fund_manager"};
// ...and the fund manager who applies it is not the one who approved it.
inline constexpr Guard<F> kNotApprover{
    "not_approver",
    +[](const F& f, const Actor& a) { return !f.is_increase || a.user_id != f.approved_by; },
    K::kForbidden, "guard.amendment.not_approver"};
}  // namespace amendment_guards

// The amendment machine's events; clients name them as kAmendmentEvents says.
enum class AmendmentEvent { kRequest, kReview, kApprove, kReject, kApply, kWithdraw };

struct AmendmentTypes {
  using Facts = AmendmentFacts;
  using Event = AmendmentEvent;
  using Record = records::Amendment;
};

inline constexpr EventName<AmendmentEvent> kAmendmentEvents[] = {
    {AmendmentEvent::kRequest, "request"}, {AmendmentEvent::kReview, "review"},
    {AmendmentEvent::kApprove, "approve"}, {AmendmentEvent::kReject, "reject"},
    {AmendmentEvent::kApply, "apply"},     {AmendmentEvent::kWithdraw, "withdraw"}};

// The proposer edits the amendment's terms while it is a draft.
inline constexpr std::string_view kAmendmentEditable[] = {"draft"};

// What each step records on the amendment beside its state.
namespace amendment_effects {
using R = records::Amendment;
inline constexpr Effect<R> kRecordRequest{
    "records_request",
    +[](R& a, const Actor&, const Input&, std::int64_t now) { a.requested_at = now; }};
inline constexpr Effect<R> kRecordReview{
    "records_review", +[](R& a, const Actor& who, const Input& in, std::int64_t) {
      a.reviewed_by = who.user_id;
      a.review_note = in.reason;
    }};
inline constexpr Effect<R> kRecordApproval{
    "records_approval", +[](R& a, const Actor& who, const Input&, std::int64_t now) {
      a.approved_by = who.user_id;
      a.approved_at = now;
    }};
inline constexpr Effect<R> kRecordApplication{
    "records_application", +[](R& a, const Actor& who, const Input&, std::int64_t now) {
      a.applied_by = who.user_id;
      a.applied_at = now;
    }};
}  // namespace amendment_effects

namespace amendment_rows {
namespace g = amendment_guards;
namespace e = amendment_effects;
using E = AmendmentEvent;
inline constexpr RoleSet kEitherSide = Role::kApplicant | Role::kFundManager;
// clang-format off
inline constexpr Transition<AmendmentTypes> kRows[] = {
  // from                event         to                  who               guards                                                                   needs    effect                notice
  {"draft",             E::kRequest,  "requested",        kEitherSide,      {&g::kProposingSide, &g::kGrantOpen},                                     kNone,   &e::kRecordRequest,   kChecksTerms, Notice::kAmendmentRequested},
  {"draft",             E::kWithdraw, "withdrawn",        kEitherSide,      {&g::kProposingSide},                                                     kReason},
  {"requested",         E::kReview,   "partner_reviewed", Role::kPartner,   {&g::kReviewNeeded},                                                      kReason, &e::kRecordReview,    kNoTags,      Notice::kAmendmentReviewed},
  {"requested",         E::kApprove,  "approved",         Role::kFundManager, {&g::kReviewNotNeeded, &g::kSecondFundManager, &g::kWithinCallBudget}, kNone,   &e::kRecordApproval,  kChecksTerms, Notice::kAmendmentDecided},
  {"partner_reviewed",  E::kApprove,  "approved",         Role::kFundManager, {&g::kSecondFundManager, &g::kWithinCallBudget},                     kNone,   &e::kRecordApproval,  kChecksTerms, Notice::kAmendmentDecided},
  {"requested",         E::kReject,   "rejected",         Role::kFundManager, {},                                                                   kReason, nullptr,              kNoTags,      Notice::kAmendmentDecided},
  {"partner_reviewed",  E::kReject,   "rejected",         Role::kFundManager, {},                                                                   kReason, nullptr,              kNoTags,      Notice::kAmendmentDecided},
  {"approved",          E::kApply,    "applied",          Role::kFundManager, {&g::kGrantOpen, &g::kNotApprover, &g::kWithinCallBudget},           kNone,   &e::kRecordApplication,   kChecksTerms | kWritesTerms, Notice::kAmendmentApplied},
  {"requested",         E::kWithdraw, "withdrawn",        kEitherSide,      {&g::kProposingSide},                                                     kReason},
  {"partner_reviewed",  E::kWithdraw, "withdrawn",        kEitherSide,      {&g::kProposingSide},                                                     kReason},
};
// clang-format on
}  // namespace amendment_rows

inline constexpr const auto& kAmendmentRows = amendment_rows::kRows;
static_assert(wellFormed(kAmendmentStates, kAmendmentEvents, kAmendmentRows,
                         std::span<const std::string_view>(kAmendmentEditable)));

inline constexpr Machine<AmendmentTypes> kAmendmentFlow{
    "amendment", "amendment", kAmendmentStates, kAmendmentEvents, kAmendmentRows,
    kAmendmentEditable};

// The name clients send for `event`.
constexpr std::string_view nameOf(AmendmentEvent event) { return eventName(kAmendmentFlow, event); }

}  // namespace citygrants::workflow
