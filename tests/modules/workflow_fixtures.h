#pragma once

// Fixtures shared by the workflow tests: actors who act for a record, "all guards pass" facts for
// each machine, and for each named guard a way to make it fail.

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "modules/access/role.h"
#include "modules/core/problem.h"
#include "modules/workflow/amendment_flow.h"
#include "modules/workflow/call_flow.h"
#include "modules/workflow/grant_flow.h"
#include "modules/workflow/machine.h"
#include "modules/workflow/proposal_flow.h"
#include "modules/workflow/report_flow.h"
#include "modules/workflow/review_flow.h"
#include "modules/workflow/tranche_flow.h"

namespace citygrants::workflow::testing {

inline constexpr std::int64_t kActorUser = 100;
inline constexpr std::int64_t kFundOrg = 1;
inline constexpr std::int64_t kAuditOrg = 2;
inline constexpr std::int64_t kCityOrg = 10;
inline constexpr std::int64_t kOtherCityOrg = 11;
inline constexpr std::int64_t kPartnerOrg = 20;
inline constexpr std::int64_t kSecondPartnerOrg = 21;
inline constexpr std::int64_t kOtherPartnerOrg = 22;
// Users the facts name; all differ from kActorUser and from each other.
inline constexpr std::int64_t kProposerUser = 201;
inline constexpr std::int64_t kRequesterUser = 202;
inline constexpr std::int64_t kVerifierUser = 203;
inline constexpr std::int64_t kApproverUser = 204;

// A record of kCityOrg, assigned to / supported by kPartnerOrg and kSecondPartnerOrg.
inline access::Scope cityRecordScope() { return {kCityOrg, {kPartnerOrg, kSecondPartnerOrg}}; }

// An actor holding only `role`, of the organisation that makes them act for cityRecordScope().
inline Actor actorFor(Role role, std::int64_t user_id = kActorUser) {
  std::int64_t org = kFundOrg;
  switch (role) {
    case Role::kApplicant:
      org = kCityOrg;
      break;
    case Role::kPartner:
      org = kPartnerOrg;
      break;
    case Role::kFundManager:
    case Role::kAdmin:
      org = kFundOrg;
      break;
    case Role::kAuditor:
      org = kAuditOrg;
      break;
  }
  return Actor{user_id, org, RoleSet(role), true};  // cleared for payments: step-up is its own test
}

// An input that supplies every need any row may have.
inline Input fullInput() {
  Input in;
  in.reason = "because the city asked";
  in.amount_minor = 45'000'000;
  in.payment_reference = "BANK-2026-000123";
  in.idempotency_key = "6f1c2a9e-disburse-1";
  in.no_conflict_declared = true;
  return in;
}

// The input field each need is read from, as named in field errors.
struct NeedField {
  Need need;
  std::string_view field;
};
inline constexpr NeedField kNeedFields[] = {{kReason, "reason"},
                                            {kAmount, "amount_minor"},
                                            {kPaymentReference, "payment_reference"},
                                            {kIdempotencyKey, "idempotency_key"},
                                            {kNoConflict, "no_conflict_declared"}};

// `in` without the field of `need`.
inline Input withoutNeed(Input in, Need need) {
  switch (need) {
    case kReason:
      in.reason.reset();
      break;
    case kAmount:
      in.amount_minor.reset();
      break;
    case kPaymentReference:
      in.payment_reference.reset();
      break;
    case kIdempotencyKey:
      in.idempotency_key.reset();
      break;
    case kNoConflict:
      in.no_conflict_declared = false;
      break;
    case kNone:
      break;
  }
  return in;
}

// The Problem `fn` throws, or nothing when it returns.
template <class Fn>
std::optional<core::Problem> refusal(Fn&& fn) {
  try {
    fn();
  } catch (const core::Problem& p) {
    return p;
  }
  return std::nullopt;
}

// "ok" when `fn` returns, else the name of the kind of Problem it throws.
template <class Fn>
std::string outcome(Fn&& fn) {
  auto p = refusal(fn);
  return p ? std::string(core::problemKindName(p->kind())) : std::string("ok");
}

// How to make one named guard fail: change the facts, or make the actor the user a guard excludes.
template <class Facts>
struct Breaker {
  std::string_view guard;
  void (*apply)(Facts&, Actor&);
};

// ---- per machine: all-true facts, the fact sets under which every row passes, the breakers ----

inline CallFacts allTrueCallFacts() {
  CallFacts f;  // a call is fund-wide: no city, no partner
  f.ready_to_open = true;
  f.closes_in_future = true;
  return f;
}

inline ProposalFacts allTrueProposalFacts() {
  ProposalFacts f;
  f.scope = cityRecordScope();
  f.concept_complete = f.complete = f.budget_balanced = f.amount_in_range = f.call_open = true;
  f.has_assignment = f.has_supporting_partner = f.english_available = f.reviews_done = true;
  f.award_within_threshold = f.award_within_budget = f.award_within_request = true;
  f.award_proposed_by = kProposerUser;
  return f;
}

inline ReviewFacts allTrueReviewFacts() {
  ReviewFacts f;
  f.scope = access::Scope{kCityOrg, {kPartnerOrg}};
  f.all_scored = f.has_comment = true;
  return f;
}

inline GrantFacts allTrueGrantFacts() {
  GrantFacts f;
  f.scope = cityRecordScope();
  f.tranches_settled = f.final_report_accepted = true;
  return f;
}

inline TrancheFacts allTrueTrancheFacts() {
  TrancheFacts f;
  f.scope = cityRecordScope();
  f.grant_active = f.previous_disbursed = f.milestone_report_accepted = true;
  f.no_overdue_report = true;
  f.requested_by = kRequesterUser;
  f.verified_by = kVerifierUser;
  f.approved_by = kApproverUser;
  return f;
}

inline ReportFacts allTrueReportFacts() {
  ReportFacts f;
  f.scope = cityRecordScope();
  f.complete = true;
  return f;
}

// An increase, within the call's budget, proposed by kProposerUser and approved by kApproverUser;
// the city's request and the fund's proposal, with and without the partner's review.
inline std::vector<AmendmentFacts> passingAmendmentFacts() {
  std::vector<AmendmentFacts> out;
  for (bool by_city : {true, false}) {
    for (bool review : {false, true}) {
      AmendmentFacts f;
      f.scope = cityRecordScope();
      f.proposed_by_city = by_city;
      f.grant_open = true;
      f.needs_partner_review = review;
      f.is_increase = f.within_call_budget = true;
      f.proposed_by = kProposerUser;
      f.approved_by = kApproverUser;
      out.push_back(f);
    }
  }
  return out;
}

struct CallSpec {
  using Facts = CallFacts;
  static const auto& machine() { return kCallFlow; }
  static std::vector<Facts> passing() { return {allTrueCallFacts()}; }
  static std::vector<Breaker<Facts>> breakers() {
    return {{"call_set_up", +[](Facts& f, Actor&) { f.ready_to_open = false; }},
            {"closes_in_future", +[](Facts& f, Actor&) { f.closes_in_future = false; }}};
  }
};

struct ProposalSpec {
  using Facts = ProposalFacts;
  static const auto& machine() { return kProposalFlow; }
  // "approve from reviewed" wants the award within the threshold, "propose_award" above it.
  static std::vector<Facts> passing() {
    Facts above = allTrueProposalFacts();
    above.award_within_threshold = false;
    return {allTrueProposalFacts(), above};
  }
  static std::vector<Breaker<Facts>> breakers() {
    return {
        {"concept_complete", +[](Facts& f, Actor&) { f.concept_complete = false; }},
        {"complete", +[](Facts& f, Actor&) { f.complete = false; }},
        {"budget_balanced", +[](Facts& f, Actor&) { f.budget_balanced = false; }},
        {"amount_in_range", +[](Facts& f, Actor&) { f.amount_in_range = false; }},
        {"call_open", +[](Facts& f, Actor&) { f.call_open = false; }},
        {"has_assignment", +[](Facts& f, Actor&) { f.has_assignment = false; }},
        {"has_supporting_partner", +[](Facts& f, Actor&) { f.has_supporting_partner = false; }},
        {"english_translation", +[](Facts& f, Actor&) { f.english_available = false; }},
        {"reviews_done", +[](Facts& f, Actor&) { f.reviews_done = false; }},
        {"award_within_threshold", +[](Facts& f, Actor&) { f.award_within_threshold = false; }},
        {"award_above_threshold", +[](Facts& f, Actor&) { f.award_within_threshold = true; }},
        {"award_within_budget", +[](Facts& f, Actor&) { f.award_within_budget = false; }},
        {"award_within_request", +[](Facts& f, Actor&) { f.award_within_request = false; }},
        {"second_fund_manager", +[](Facts& f, Actor& a) { a.user_id = f.award_proposed_by; }},
    };
  }
};

struct ReviewSpec {
  using Facts = ReviewFacts;
  static const auto& machine() { return kReviewFlow; }
  static std::vector<Facts> passing() { return {allTrueReviewFacts()}; }
  static std::vector<Breaker<Facts>> breakers() {
    return {{"all_scored", +[](Facts& f, Actor&) { f.all_scored = false; }},
            {"has_comment", +[](Facts& f, Actor&) { f.has_comment = false; }}};
  }
};

struct GrantSpec {
  using Facts = GrantFacts;
  static const auto& machine() { return kGrantFlow; }
  static std::vector<Facts> passing() { return {allTrueGrantFacts()}; }
  static std::vector<Breaker<Facts>> breakers() {
    return {{"tranches_settled", +[](Facts& f, Actor&) { f.tranches_settled = false; }},
            {"final_report_accepted", +[](Facts& f, Actor&) { f.final_report_accepted = false; }}};
  }
};

struct TrancheSpec {
  using Facts = TrancheFacts;
  static const auto& machine() { return kTrancheFlow; }
  static std::vector<Facts> passing() { return {allTrueTrancheFacts()}; }
  static std::vector<Breaker<Facts>> breakers() {
    return {
        {"grant_active", +[](Facts& f, Actor&) { f.grant_active = false; }},
        {"previous_disbursed", +[](Facts& f, Actor&) { f.previous_disbursed = false; }},
        {"milestone_report_accepted",
         +[](Facts& f, Actor&) { f.milestone_report_accepted = false; }},
        {"no_overdue_report", +[](Facts& f, Actor&) { f.no_overdue_report = false; }},
        {"not_requester_nor_verifier", +[](Facts& f, Actor& a) { a.user_id = f.requested_by; }},
        {"not_requester_nor_verifier", +[](Facts& f, Actor& a) { a.user_id = f.verified_by; }},
        {"not_approver", +[](Facts& f, Actor& a) { a.user_id = f.approved_by; }},
    };
  }
};

struct ReportSpec {
  using Facts = ReportFacts;
  static const auto& machine() { return kReportFlow; }
  static std::vector<Facts> passing() { return {allTrueReportFacts()}; }
  static std::vector<Breaker<Facts>> breakers() {
    return {{"report_complete", +[](Facts& f, Actor&) { f.complete = false; }}};
  }
};

struct AmendmentSpec {
  using Facts = AmendmentFacts;
  static const auto& machine() { return kAmendmentFlow; }
  static std::vector<Facts> passing() { return passingAmendmentFacts(); }
  static std::vector<Breaker<Facts>> breakers() {
    return {
        {"proposing_side", +[](Facts& f, Actor&) { f.proposed_by_city = !f.proposed_by_city; }},
        {"grant_open", +[](Facts& f, Actor&) { f.grant_open = false; }},
        {"partner_review_needed", +[](Facts& f, Actor&) { f.needs_partner_review = false; }},
        {"partner_review_not_needed", +[](Facts& f, Actor&) { f.needs_partner_review = true; }},
        {"within_call_budget", +[](Facts& f, Actor&) { f.within_call_budget = false; }},
        {"second_fund_manager", +[](Facts& f, Actor& a) { a.user_id = f.proposed_by; }},
        {"not_approver", +[](Facts& f, Actor& a) { a.user_id = f.approved_by; }},
    };
  }
};

using AllSpecs = std::tuple<CallSpec, ProposalSpec, ReviewSpec, GrantSpec, TrancheSpec, ReportSpec,
                            AmendmentSpec>;

// ---- helpers over a machine's table, written independently of the engine under test ----

template <class Row>
bool guardsPass(const Row& row, const typename Row::Facts& facts, const Actor& actor) {
  for (const auto* g : row.guards) {
    if (g != nullptr && !g->check(facts, actor)) return false;
  }
  return true;
}

// The first of `Spec::passing()` under which every guard of `row` passes for `actor`.
template <class Spec, class Row>
std::optional<typename Spec::Facts> passingFacts(const Row& row, const Actor& actor) {
  for (const auto& f : Spec::passing()) {
    if (guardsPass(row, f, actor)) return f;
  }
  return std::nullopt;
}

template <class Types>
const Transition<Types>* rowOf(const Machine<Types>& m, std::string_view from,
                               std::string_view event) {
  for (const auto& row : m.transitions) {
    if (row.from == from && nameOf(row.event) == event) return &row;
  }
  return nullptr;
}

// The machine's events, each once, in table order.
template <class Types>
std::vector<std::string_view> distinctEvents(const Machine<Types>& m) {
  std::vector<std::string_view> out;
  for (const auto& row : m.transitions) {
    bool seen = false;
    for (auto e : out) seen = seen || e == nameOf(row.event);
    if (!seen) out.push_back(nameOf(row.event));
  }
  return out;
}

}  // namespace citygrants::workflow::testing
