#include <optional>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "tests/services/grant_world.h"

// Grants, their tranches and reports, from approval to closing. The setup and the helpers
// (event, expectRefused, fireTranche, acceptReport, ...) are in grant_world.h.
using namespace citygrants;
using access::Actor;
using core::ProblemKind;

BOOST_FIXTURE_TEST_SUITE(grant_flow, testing::GrantWorld)

BOOST_AUTO_TEST_CASE(approval_creates_tranches_that_add_up_to_an_odd_award_and_three_reports) {
  const auto g = grant();
  BOOST_TEST(g.state == "pending_agreement");
  BOOST_TEST(g.amount_minor == kOddAward);
  BOOST_TEST(g.city_org_id == city_a);
  BOOST_TEST(g.supporting_org_id == partner_a);
  const auto ts = grants.tranches(fm1, grant_id);
  BOOST_REQUIRE(ts.size() == 3u);
  BOOST_TEST(ts[0].amount_minor == 13'333'333);
  BOOST_TEST(ts[1].amount_minor == 13'333'333);
  BOOST_TEST(ts[2].amount_minor == 6'666'667);  // the remainder goes to the last tranche
  BOOST_TEST(ts[1].report_id.value_or(0) == report("progress").id);
  BOOST_TEST(ts[2].report_id.value_or(0) == report("final").id);
  BOOST_TEST(grants.reports(applicant_a, grant_id).size() == 3u);
  checkInvariants();
}

BOOST_AUTO_TEST_CASE(applicant_signs_the_agreement_and_only_the_city_may) {
  expectRefused(ProblemKind::kNotFound, [&] { grants.fire(applicant_b, grant_id, event("sign")); });
  expectRefused(ProblemKind::kForbidden, [&] { grants.fire(reviewer_a, grant_id, event("sign")); });
  expectRefused(ProblemKind::kForbidden, [&] { grants.fire(fm1, grant_id, event("sign")); });
  const auto before = grant();
  expectRefused(ProblemKind::kStaleVersion,
                [&] { grants.fire(applicant_a, grant_id, event("sign", {}, before.version + 1)); });
  const auto g = grants.fire(applicant_a, grant_id, event("sign", {}, before.version));
  BOOST_TEST(g.state == "active");
  BOOST_TEST(g.signed_by.value_or(0) == applicant_a.user_id);
  BOOST_TEST(g.signed_at.value_or(0) == clock.nowMs());
  BOOST_TEST(g.version == before.version + 1);
  BOOST_TEST(grants.actions(applicant_a, g).empty());
  BOOST_TEST((grants.actions(fm1, g) == std::vector<std::string>{"suspend", "terminate"}));
}

BOOST_AUTO_TEST_CASE(grants_are_visible_to_their_city_their_partner_and_the_fund_only) {
  BOOST_TEST(grants.list(fm2).size() == 1u);
  BOOST_TEST(grants.list(auditor).size() == 1u);
  BOOST_TEST(grants.list(applicant_a).size() == 1u);
  BOOST_TEST(grants.list(reviewer_a).size() == 1u);
  BOOST_TEST(grants.list(applicant_b).empty());
  BOOST_TEST(grants.list(reviewer_b).empty());
  const auto t = tranche(1);
  const auto r = report("progress");
  for (const Actor& outsider : {reviewer_b, applicant_b}) {
    expectRefused(ProblemKind::kNotFound, [&] { grants.get(outsider, grant_id); });
    expectRefused(ProblemKind::kNotFound, [&] { grants.tranches(outsider, grant_id); });
    expectRefused(ProblemKind::kNotFound, [&] { tranches.get(outsider, t.id); });
    expectRefused(ProblemKind::kNotFound, [&] { reports.get(outsider, r.id); });
    expectRefused(ProblemKind::kNotFound,
                  [&] { grants.fire(outsider, grant_id, event("suspend", "no")); });
    expectRefused(ProblemKind::kNotFound, [&] { tranches.fire(outsider, t.id, event("verify")); });
    expectRefused(ProblemKind::kNotFound, [&] { reports.fire(outsider, r.id, event("accept")); });
    expectRefused(ProblemKind::kNotFound, [&] { reports.budgetVsActual(outsider, grant_id); });
  }
}

BOOST_AUTO_TEST_CASE(suspended_grant_refuses_tranche_requests_until_resumed) {
  sign();
  expectRefused(ProblemKind::kInvalid, [&] { grants.fire(fm1, grant_id, event("suspend")); });
  grants.fire(fm1, grant_id, event("suspend", "audit finding"));
  expectRefused(ProblemKind::kConflict, [&] { fireTranche(applicant_a, 1, event("request")); });
  BOOST_TEST(grants.fire(fm2, grant_id, event("resume")).state == "active");
  BOOST_TEST(fireTranche(applicant_a, 1, event("request")).state == "requested");
}

BOOST_AUTO_TEST_CASE(first_tranche_is_requested_verified_approved_and_disbursed_with_four_eyes) {
  sign();
  expectRefused(ProblemKind::kForbidden, [&] { fireTranche(reviewer_a, 1, event("request")); });
  const auto requested = fireTranche(applicant_a, 1, event("request"));
  BOOST_TEST(requested.requested_by.value_or(0) == applicant_a.user_id);
  expectRefused(ProblemKind::kForbidden, [&] { fireTranche(fm1, 1, event("verify")); });
  BOOST_TEST(fireTranche(reviewer_a, 1, event("verify")).verified_by.value_or(0) ==
             reviewer_a.user_id);
  BOOST_TEST(fireTranche(fm1, 1, event("approve")).approved_by.value_or(0) == fm1.user_id);
  expectRefused(ProblemKind::kForbidden, [&] { fireTranche(fm1, 1, disburseEvent("pay-1")); });
  expectRefused(ProblemKind::kInvalid, [&] { fireTranche(fm2, 1, event("disburse")); });
  BOOST_TEST(tranches.actions(fm1, tranche(1)) == std::vector<std::string>{"cancel"});
  const auto paid = fireTranche(fm2, 1, disburseEvent("pay-1"));
  BOOST_TEST(paid.state == "disbursed");
  BOOST_TEST(paid.disbursed_by.value_or(0) == fm2.user_id);
  BOOST_TEST(paid.payment_reference.value_or("") == "BANK-pay-1");
  BOOST_TEST(paid.idempotency_key.value_or("") == "pay-1");
  BOOST_TEST(tranches.get(applicant_a, paid.id).version == paid.version);
}

BOOST_AUTO_TEST_CASE(sending_a_tranche_back_clears_who_requested_and_verified_it) {
  sign();
  fireTranche(applicant_a, 1, event("request"));
  fireTranche(reviewer_a, 1, event("verify"));
  const auto back = fireTranche(fm1, 1, event("send_back", "the bank details are missing"));
  BOOST_TEST(back.state == "scheduled");
  BOOST_TEST(!back.requested_by.has_value());
  BOOST_TEST(!back.requested_at.has_value());
  BOOST_TEST(!back.verified_by.has_value());
}

BOOST_AUTO_TEST_CASE(same_idempotency_key_disburses_once_and_never_another_tranche) {
  sign();
  const auto paid = disburseTranche(1, "pay-1");
  const auto seq = auditSeq();
  // A retry, even with the version read before the first attempt, answers the same.
  for (auto expected : {std::optional<std::int64_t>{}, std::optional(paid.version - 1)}) {
    const auto again = tranches.fire(fm2, paid.id, disburseEvent("pay-1", expected));
    BOOST_TEST(again.state == "disbursed");
    BOOST_TEST(again.version == paid.version);
  }
  BOOST_TEST(auditSeq() == seq);
  acceptReport("progress");
  approveTranche(2);
  expectRefused(ProblemKind::kConflict, [&] { fireTranche(fm2, 2, disburseEvent("pay-1")); });
  BOOST_TEST(tranche(2).state == "approved");
  BOOST_TEST(fireTranche(fm2, 2, disburseEvent("pay-2")).state == "disbursed");
}

BOOST_AUTO_TEST_CASE(second_tranche_waits_for_the_first_and_the_accepted_progress_report) {
  sign();
  expectRefused(ProblemKind::kConflict, [&] { fireTranche(applicant_a, 2, event("request")); });
  disburseTranche(1, "pay-1");
  expectRefused(ProblemKind::kConflict, [&] { fireTranche(applicant_a, 2, event("request")); });
  const auto r = report("progress");
  expectRefused(ProblemKind::kInvalid, [&] { reports.fire(applicant_a, r.id, event("submit")); });
  reports.edit(applicant_a, r.id, r.version, "Two centres opened in March.", {});
  const auto submitted = reports.fire(applicant_a, r.id, event("submit"));
  BOOST_TEST(submitted.submitted_by.value_or(0) == applicant_a.user_id);
  expectRefused(ProblemKind::kConflict, [&] { fireTranche(applicant_a, 2, event("request")); });
  expectRefused(ProblemKind::kForbidden, [&] { reports.fire(fm1, r.id, event("accept")); });
  expectRefused(ProblemKind::kForbidden, [&] { reports.fire(applicant_a, r.id, event("accept")); });
  BOOST_TEST(reports.actions(reviewer_a, submitted) ==
             (std::vector<std::string>{"accept", "request_changes"}));
  const auto accepted = reports.fire(reviewer_a, r.id, event("accept"));
  BOOST_TEST(accepted.accepted_by.value_or(0) == reviewer_a.user_id);
  BOOST_TEST(fireTranche(applicant_a, 2, event("request")).state == "requested");
}

BOOST_AUTO_TEST_CASE(an_overdue_draft_report_blocks_a_tranche_request) {
  sign();
  clock.advance(report("progress").due_at - clock.nowMs() + 1);
  expectRefused(ProblemKind::kConflict, [&] { fireTranche(applicant_a, 1, event("request")); });
  BOOST_TEST(tranches.actions(applicant_a, tranche(1)).empty());
  acceptReport("progress");
  BOOST_TEST(fireTranche(applicant_a, 1, event("request")).state == "requested");
}

BOOST_AUTO_TEST_CASE(terminating_a_grant_cancels_its_open_tranches_each_with_an_audit_row) {
  sign();
  disburseTranche(1, "pay-1");
  acceptReport("progress");
  fireTranche(applicant_a, 2, event("request"));
  expectRefused(ProblemKind::kInvalid, [&] { grants.fire(fm1, grant_id, event("terminate")); });
  const auto seq = auditSeq();
  BOOST_TEST(grants.fire(fm1, grant_id, event("terminate", "misuse")).state == "terminated");
  BOOST_TEST(auditSeq() == seq + 3);  // the grant and its two open tranches
  BOOST_TEST(tranche(1).state == "disbursed");
  BOOST_TEST(tranche(2).state == "cancelled");
  BOOST_TEST(tranche(3).state == "cancelled");
  BOOST_TEST(count(ctx.db,
                   "SELECT COUNT(*) FROM audit_events WHERE entity = 'tranche' AND event = "
                   "'cancel' AND detail LIKE '%grant terminated: misuse%'") == 2);
  checkInvariants();
  expectRefused(ProblemKind::kInvalidTransition,
                [&] { fireTranche(applicant_a, 3, event("request")); });
}

BOOST_AUTO_TEST_CASE(completing_needs_every_tranche_settled_then_the_grant_closes) {
  sign();
  disburseTranche(1, "pay-1");
  acceptReport("progress");
  disburseTranche(2, "pay-2");
  expectRefused(ProblemKind::kConflict, [&] { grants.fire(fm1, grant_id, event("complete")); });
  acceptReport("final");
  expectRefused(ProblemKind::kConflict, [&] { grants.fire(fm1, grant_id, event("complete")); });
  disburseTranche(3, "pay-3");
  BOOST_TEST(count(ctx.db, "SELECT SUM(amount_minor) FROM tranches WHERE state = 'disbursed'") ==
             kOddAward);
  BOOST_TEST(grants.fire(fm1, grant_id, event("complete")).state == "completed");
  BOOST_TEST(grants.fire(fm2, grant_id, event("close")).state == "closed");
}

BOOST_AUTO_TEST_CASE(completing_needs_the_accepted_final_report_even_when_tranches_settled) {
  sign();
  disburseTranche(1, "pay-1");
  acceptReport("progress");
  disburseTranche(2, "pay-2");
  fireTranche(fm1, 3, event("cancel", "programme ended early"));
  expectRefused(ProblemKind::kConflict, [&] { grants.fire(fm1, grant_id, event("complete")); });
  acceptReport("final");
  BOOST_TEST(grants.fire(fm1, grant_id, event("complete")).state == "completed");
}

BOOST_AUTO_TEST_CASE(stale_versions_are_refused_and_change_nothing) {
  sign();
  const auto g = grant();
  const auto t = tranche(1);
  const auto r = report("progress");
  expectRefused(ProblemKind::kStaleVersion,
                [&] { grants.fire(fm1, grant_id, event("suspend", "check", g.version - 1)); });
  expectRefused(ProblemKind::kStaleVersion,
                [&] { fireTranche(applicant_a, 1, event("request", {}, t.version + 1)); });
  expectRefused(ProblemKind::kStaleVersion,
                [&] { reports.edit(applicant_a, r.id, r.version + 1, "Text.", {}); });
  reports.edit(applicant_a, r.id, r.version, "Text.", {});
  expectRefused(ProblemKind::kStaleVersion,
                [&] { reports.fire(applicant_a, r.id, event("submit", {}, r.version)); });
  BOOST_TEST(grant().version == g.version);
  BOOST_TEST(tranche(1).version == t.version);
  BOOST_TEST(report("progress").state == "draft");
}

BOOST_AUTO_TEST_CASE(financial_report_states_spending_per_approved_budget_line) {
  const auto r = report("financial");
  const auto lines = budgetLines();
  BOOST_REQUIRE(lines.size() == 2u);
  expectRefused(ProblemKind::kForbidden, [&] { reports.edit(reviewer_a, r.id, {}, "x", {}); });
  expectRefused(ProblemKind::kForbidden, [&] { reports.edit(fm1, r.id, {}, "x", {}); });
  BOOST_TEST(fieldsOf([&] {
               reports.edit(applicant_a, r.id, {}, "x", {{lines[0] + 99, 1}, {lines[1], -1}});
             }) ==
             (std::vector<std::string>{"spending[0].budget_line_id", "spending[1].actual_minor"}));
  BOOST_TEST(fieldsOf([&] { reports.edit(applicant_a, r.id, {}, "\xff", {}); }) ==
             std::vector<std::string>{"narrative"});
  BOOST_TEST(fieldsOf([&] { reports.edit(applicant_a, r.id, {}, std::string(20'001, 'a'), {}); }) ==
             std::vector<std::string>{"narrative"});
  const auto progress = report("progress").id;
  BOOST_TEST(fieldsOf([&] {
               reports.edit(applicant_a, progress, {}, "x", {{lines[0], 1}});
             }) == std::vector<std::string>{"spending"});
  reports.edit(applicant_a, r.id, {}, "Spent as planned.", {{lines[0], 12'000'000}});
  BOOST_TEST(fieldsOf([&] { reports.fire(applicant_a, r.id, event("submit")); }) ==
             std::vector<std::string>{"spending"});
  BOOST_TEST(reports.budgetVsActual(fm1, grant_id).lines.at(0).actual_minor == 0);  // nothing submitted
  reports.edit(applicant_a, r.id, {}, "Spent.", {{lines[0], 12'000'000}, {lines[1], 9'000'000}});
  reports.fire(applicant_a, r.id, event("submit"));
  const auto bva = reports.budgetVsActual(applicant_a, grant_id).lines;
  BOOST_REQUIRE(bva.size() == 2u);
  BOOST_TEST(bva[0].category == "personnel");
  BOOST_TEST(bva[0].planned_minor == kOddAward / 2);
  BOOST_TEST(bva[0].actual_minor == 12'000'000);
  BOOST_TEST(bva[1].actual_minor == 9'000'000);
  const auto back = reports.fire(reviewer_a, r.id, event("request_changes", "split per quarter"));
  BOOST_TEST(back.state == "draft");
  BOOST_TEST(!back.submitted_by.has_value());
  reports.fire(applicant_a, r.id, event("submit"));
  reports.fire(reviewer_a, r.id, event("accept"));
  expectRefused(ProblemKind::kInvalidTransition,
                [&] { reports.edit(applicant_a, r.id, {}, "Later.", {}); });
}

BOOST_AUTO_TEST_SUITE_END()
