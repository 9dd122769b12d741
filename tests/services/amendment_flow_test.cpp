#include <algorithm>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "services/usecases/tick_service.h"
#include "services/usecases/timeline_service.h"
#include "tests/services/amendment_world.h"

// Amendments of a running grant, each kind applied: the machine's steps, the new terms version,
// what follows on the grant, its tranches, its reports and its chapters. Refusals are in
// amendment_refusal_test.cpp.
using namespace citygrants;
using core::ProblemKind;

BOOST_FIXTURE_TEST_SUITE(amendment_flow, testing::AmendmentWorld)

BOOST_AUTO_TEST_CASE(a_no_cost_extension_moves_the_end_and_every_undelivered_report) {
  const auto before_terms = amendments.terms(fm1, grant_id).versions;
  BOOST_REQUIRE(before_terms.size() == 1u);
  const auto progress = report("progress");
  const auto final_report = report("final");
  const auto a = amendments.create(applicant_a, grant_id, extension(90));
  BOOST_TEST(a.state == "draft");
  BOOST_TEST(a.proposed_by_city);
  BOOST_TEST((a.kinds == std::vector<std::string>{"extension"}));
  BOOST_TEST((a.actions == std::vector<std::string>{"request", "withdraw"}));
  BOOST_TEST(a.after.ends_at == a.before.ends_at + 90 * kDayMs);
  BOOST_TEST(amendments.terms(fm1, grant_id).versions.size() == 1u);  // version 1 written

  fire(applicant_a, a.id, "request");
  BOOST_TEST(mails("amendment_requested") > 0);
  const auto approved = fire(fm1, a.id, "approve");
  BOOST_TEST(approved.state == "approved");
  BOOST_TEST(mails("amendment_approved") > 0);
  // Not an increase: the approver may apply it too.
  const auto applied = fire(fm1, a.id, "apply");
  BOOST_TEST(applied.state == "applied");
  BOOST_TEST(applied.terms_version.value_or(0) == 2);
  BOOST_TEST(mails("amendment_applied") > 0);

  const auto versions = amendments.terms(auditor, grant_id).versions;
  BOOST_REQUIRE(versions.size() == 2u);
  BOOST_TEST(versions[0].ends_at == before_terms[0].ends_at);  // old terms kept
  BOOST_TEST(versions[1].ends_at == before_terms[0].ends_at + 90 * kDayMs);
  BOOST_TEST(versions[1].amendment_id.value_or(0) == a.id);
  BOOST_TEST(report("progress").due_at == progress.due_at + 90 * kDayMs);
  BOOST_TEST(report("final").due_at == final_report.due_at + 90 * kDayMs);
  BOOST_TEST(grant().amount_minor == kOddAward);
  // The comparison stays what was applied, whatever happens next.
  const auto again = amendments.get(applicant_a, a.id);
  BOOST_TEST(again.before.number == 1);
  BOOST_TEST(again.after.number == 2);
  BOOST_TEST(again.actions.empty());
  // The grant's timeline tells the story: the amendment's steps and what they changed.
  std::vector<std::string> steps;
  for (const auto& r : usecases::TimelineService(ctx).forGrant(applicant_a, grant_id)) {
    steps.push_back(r.entry.entity + ":" + r.entry.event);
  }
  for (const char* step : {"amendment:create", "amendment:request", "amendment:approve",
                           "amendment:apply", "grant:amend", "report:move_due_date"}) {
    BOOST_TEST((std::find(steps.begin(), steps.end(), step) != steps.end()), step);
  }
  checkInvariants();
}

// The clock's reminders follow the moved due dates: what was sent against the old date is
// forgotten, nothing is sent while the report is no longer due, and the new date's windows open.
BOOST_AUTO_TEST_CASE(an_extension_arms_the_moved_reports_reminders_again) {
  const auto progress = report("progress");
  usecases::TickService ticks(ctx);
  const auto sentFor = [&](const std::string& kind) {
    return count(ctx.db, "SELECT COUNT(*) FROM sent_reminders WHERE record_kind = 'report' AND "
                         "record_id = " + std::to_string(progress.id) + " AND outcome = 'sent' "
                         "AND reminder_kind = '" + kind + "'");
  };
  const auto overdue_at = progress.due_at + 2 * kDayMs;
  ticks.tick(overdue_at);
  BOOST_TEST(sentFor("report_overdue_1") == 1);

  const auto a = amendments.create(applicant_a, grant_id, extension(90));
  fire(applicant_a, a.id, "request");
  fire(fm1, a.id, "approve");
  fire(fm1, a.id, "apply");
  BOOST_TEST(count(ctx.db, "SELECT COUNT(*) FROM sent_reminders WHERE record_kind = 'report' AND "
                           "record_id = " + std::to_string(progress.id)) == 0);
  ticks.tick(overdue_at);
  BOOST_TEST(sentFor("report_overdue_1") == 0, "no longer overdue: nothing to remind");
  const auto new_due = report("progress").due_at;
  ticks.tick(new_due - 13 * kDayMs);
  BOOST_TEST(sentFor("report_due_14") == 1, "reminded against the new due date");
  ticks.tick(new_due + 2 * kDayMs);
  BOOST_TEST(sentFor("report_overdue_1") == 1);
}

BOOST_AUTO_TEST_CASE(a_submitted_report_keeps_its_due_date_under_an_extension) {
  const auto progress = acceptReport("progress");
  const auto final_report = report("final");
  const auto a = amendments.create(applicant_a, grant_id, extension(30));
  walk(applicant_a, a.id);
  BOOST_TEST(report("progress").due_at == progress.due_at);
  BOOST_TEST(report("final").due_at == final_report.due_at + 30 * kDayMs);
}

BOOST_AUTO_TEST_CASE(a_small_reallocation_needs_no_partner_review_a_large_one_does) {
  const auto small = amendments.create(applicant_a, grant_id, reallocation(1'000'000));
  BOOST_TEST(!small.needs_partner_review);
  BOOST_TEST(small.reallocation_share_bp == 300);  // 10,000.00 of 333,333.33
  walk(applicant_a, small.id);
  const auto lines = amendments.terms(fm1, grant_id).versions.back().budget_lines;
  BOOST_TEST(lines.at(0).amount_minor == 16'666'666 - 1'000'000);

  const auto large = amendments.create(applicant_a, grant_id, reallocation(5'000'000));
  BOOST_TEST(large.needs_partner_review);
  fire(applicant_a, large.id, "request");
  BOOST_TEST((amendments.get(fm1, large.id).actions == std::vector<std::string>{"reject"}));
  expectRefused(ProblemKind::kConflict, [&] { fire(fm1, large.id, "approve"); });
  expectRefused(ProblemKind::kNotFound, [&] { fire(reviewer_b, large.id, "review", "fine"); });
  BOOST_TEST((amendments.get(reviewer_a, large.id).actions == std::vector<std::string>{"review"}));
  expectRefused(ProblemKind::kInvalid, [&] { fire(reviewer_a, large.id, "review"); });
  const auto reviewed = fire(reviewer_a, large.id, "review", "the new centre needs the rent");
  BOOST_TEST(reviewed.state == "partner_reviewed");
  BOOST_TEST(reviewed.review_note.value_or("") == "the new centre needs the rent");
  BOOST_TEST(mails("amendment_reviewed") > 0);
  fire(fm2, large.id, "approve");
  fire(fm2, large.id, "apply");
  const auto after = amendments.terms(fm1, grant_id).versions;
  BOOST_REQUIRE(after.size() == 3u);
  // Once applied, the amendment still says what it was: a share above the call's setting.
  BOOST_TEST(amendments.get(fm1, large.id).needs_partner_review);
  BOOST_TEST(after[2].budget_lines.at(1).amount_minor == 16'666'667 + 6'000'000);
  BOOST_TEST(grant().amount_minor == kOddAward);
  checkInvariants();
}

BOOST_AUTO_TEST_CASE(an_increase_needs_a_second_fund_manager_and_follows_into_the_tranches) {
  const auto a = amendments.create(fm1, grant_id, amountChange(kOddAward + 2'000'000));
  BOOST_TEST(!a.proposed_by_city);
  BOOST_TEST(a.is_increase);
  // The city does not send the fund's proposal; the fund does.
  expectRefused(ProblemKind::kForbidden, [&] { fire(applicant_a, a.id, "request"); });
  fire(fm1, a.id, "request");
  expectRefused(ProblemKind::kForbidden, [&] { fire(fm1, a.id, "approve"); });
  fire(fm2, a.id, "approve");
  expectRefused(ProblemKind::kForbidden, [&] { fire(fm2, a.id, "apply"); });
  const auto applied = fire(fm1, a.id, "apply");
  BOOST_TEST(applied.state == "applied");
  BOOST_TEST(grant().amount_minor == kOddAward + 2'000'000);
  BOOST_TEST(tranche(3).amount_minor == 6'666'667 + 2'000'000);
  BOOST_TEST(tranche(1).amount_minor == 13'333'333);
  checkInvariants();
}

BOOST_AUTO_TEST_CASE(a_city_requested_increase_is_approved_by_one_fund_manager_applied_by_another) {
  const auto a = amendments.create(applicant_a, grant_id, amountChange(kOddAward + 1'000'000));
  fire(applicant_a, a.id, "request");
  fire(fm1, a.id, "approve");
  BOOST_TEST(amendments.get(fm1, a.id).actions.empty());
  BOOST_TEST((amendments.get(fm2, a.id).actions == std::vector<std::string>{"apply"}));
  expectRefused(ProblemKind::kForbidden, [&] { fire(fm1, a.id, "apply"); });
  fire(fm2, a.id, "apply");
  BOOST_TEST(grant().amount_minor == kOddAward + 1'000'000);
  checkInvariants();
}

BOOST_AUTO_TEST_CASE(a_decrease_and_a_replan_cancel_a_tranche_planned_at_zero) {
  disburseTranche(1, "amend-d1");
  usecases::AmendmentDraft d{"the last phase is dropped", {}};
  d.terms.amount_minor = kOddAward - 6'666'667;
  d.terms.tranches = {{3, 0, "dropped", std::nullopt},
                      {2, 13'333'333, "mid-term report", clock.nowMs() + 60 * kDayMs}};
  const auto a = amendments.create(fm1, grant_id, d);
  BOOST_TEST(!a.is_increase);
  fire(fm1, a.id, "request");
  fire(fm1, a.id, "approve");  // a decrease: one fund manager is enough
  fire(fm1, a.id, "apply");
  BOOST_TEST(grant().amount_minor == kOddAward - 6'666'667);
  BOOST_TEST(tranche(3).state == "cancelled");
  BOOST_TEST(tranche(3).amount_minor == 0);
  BOOST_TEST(tranche(1).state == "disbursed");
  const auto plan = amendments.terms(fm1, grant_id).versions.back().tranches;
  BOOST_TEST(plan.at(1).milestone == "mid-term report");
  BOOST_TEST(plan.at(1).planned_at.value_or(0) == clock.nowMs() + 60 * kDayMs);
  checkInvariants();
}

BOOST_AUTO_TEST_CASE(withdrawn_and_rejected_amendments_change_nothing) {
  const auto a = amendments.create(applicant_a, grant_id, extension(10));
  expectRefused(ProblemKind::kForbidden, [&] { fire(fm1, a.id, "withdraw", "no"); });
  fire(applicant_a, a.id, "withdraw", "not needed after all");
  const auto b = amendments.create(applicant_a, grant_id, extension(20));
  fire(applicant_a, b.id, "request");
  expectRefused(ProblemKind::kInvalid, [&] { fire(fm1, b.id, "reject"); });
  const auto rejected = fire(fm1, b.id, "reject", "report first on the first year");
  BOOST_TEST(rejected.state == "rejected");
  BOOST_TEST(mails("amendment_rejected") > 0);
  BOOST_TEST(amendments.terms(fm1, grant_id).versions.size() == 1u);
  BOOST_TEST(amendments.ofGrant(applicant_a, grant_id).size() == 2u);
}

BOOST_AUTO_TEST_CASE(amendments_are_seen_as_their_grant_is) {
  const auto a = amendments.create(applicant_a, grant_id, extension(10));
  BOOST_TEST(amendments.get(reviewer_a, a.id).id == a.id);
  BOOST_TEST(amendments.get(auditor, a.id).actions.empty());
  expectRefused(ProblemKind::kNotFound, [&] { amendments.get(applicant_b, a.id); });
  expectRefused(ProblemKind::kNotFound, [&] { amendments.get(reviewer_b, a.id); });
  expectRefused(ProblemKind::kNotFound, [&] { amendments.get(fm1, a.id + 100); });
  expectRefused(ProblemKind::kNotFound, [&] { amendments.ofGrant(applicant_b, grant_id); });
  expectRefused(ProblemKind::kForbidden, [&] { amendments.create(reviewer_a, grant_id, extension(5)); });
  expectRefused(ProblemKind::kForbidden, [&] { amendments.create(auditor, grant_id, extension(5)); });
  expectRefused(ProblemKind::kNotFound, [&] { amendments.create(applicant_b, grant_id, extension(5)); });
  const auto named = amendments.get(fm1, a.id).actors;
  BOOST_TEST(!named.empty());
}

BOOST_AUTO_TEST_CASE(a_stale_version_is_refused_and_changes_nothing) {
  const auto a = amendments.create(applicant_a, grant_id, extension(10));
  expectRefused(ProblemKind::kStaleVersion,
                [&] { amendments.fire(applicant_a, a.id, event("request", {}, a.version + 1)); });
  BOOST_TEST(amendments.get(fm1, a.id).state == "draft");
}

BOOST_AUTO_TEST_SUITE_END()
