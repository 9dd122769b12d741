#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "modules/core/problem.h"
#include "services/db/migrator.h"
#include "services/stores/grant_store.h"
#include "services/transfer/copy_fund.h"
#include "services/usecases/proposal_service.h"
#include "services/usecases/review_service.h"
#include "tests/services/fixture.h"

using namespace citygrants;
using core::Problem;
using core::ProblemKind;

namespace {

bool hasField(const Problem& p, const std::string& field) {
  return std::any_of(p.fields().begin(), p.fields().end(),
                     [&](const core::FieldError& f) { return f.field == field; });
}

auto kindIs(ProblemKind kind) {
  return [kind](const Problem& p) { return p.kind() == kind; };
}

// A proposal driven to `reviewed` by the fixture (one review recorded as submitted), as fm1
// sees it.
usecases::ProposalView toReviewed(testing::Fund& f, usecases::ProposalService& s,
                                  std::int64_t amount) {
  return s.get(f.fm1, f.reviewedProposal(amount));
}

// The reference `applicant` gets for a new proposal when the clock reads `at`.
std::string newReference(testing::Fund& f, usecases::Context ctx, const access::Actor& applicant,
                         std::int64_t at) {
  f.clock.set(at);
  return usecases::ProposalService(ctx).create(applicant, f.call.id, testing::Fund::content())
      .proposal.reference;
}

constexpr std::int64_t kLastYear = testing::Fund::kStart - 200 * services::kDayMs;  // in 2025

}  // namespace

BOOST_AUTO_TEST_SUITE(proposal_service)

BOOST_AUTO_TEST_CASE(an_incomplete_submission_names_every_failing_field_and_changes_nothing) {
  testing::Fund f("proposal_incomplete");
  usecases::ProposalService s(f.ctx);
  proposals::ProposalContent empty;
  auto v = s.create(f.applicant_a, f.call.id, empty);
  BOOST_TEST(v.proposal.state == "draft");
  BOOST_TEST(v.proposal.reference.rfind("GCF-", 0) == 0);
  const auto before = testing::auditHead(f.ctx.db);
  BOOST_CHECK_EXCEPTION(s.fire(f.applicant_a, v.proposal.id, {.event = "submit"}), Problem,
                        [](const Problem& p) {
                          return p.kind() == ProblemKind::kInvalid && hasField(p, "title") &&
                                 hasField(p, "summary") && hasField(p, "target_groups") &&
                                 hasField(p, "beneficiaries") && hasField(p, "duration_months") &&
                                 hasField(p, "amount_minor") && hasField(p, "budget");
                        });
  BOOST_TEST(testing::auditHead(f.ctx.db) == before);
  BOOST_TEST(s.get(f.applicant_a, v.proposal.id).proposal.state == "draft");
}

BOOST_AUTO_TEST_CASE(a_budget_that_does_not_add_up_is_refused) {
  testing::Fund f("proposal_budget");
  usecases::ProposalService s(f.ctx);
  auto c = testing::Fund::content();
  c.budget[0].amount_minor += 1;
  auto v = s.create(f.applicant_a, f.call.id, c);
  BOOST_CHECK_EXCEPTION(s.fire(f.applicant_a, v.proposal.id, {.event = "submit"}), Problem,
                        [](const Problem& p) { return hasField(p, "budget"); });
}

BOOST_AUTO_TEST_CASE(another_city_cannot_see_nor_edit_a_proposal) {
  testing::Fund f("proposal_scope");
  usecases::ProposalService s(f.ctx);
  auto v = s.create(f.applicant_a, f.call.id, testing::Fund::content());
  BOOST_CHECK_EXCEPTION(s.get(f.applicant_b, v.proposal.id), Problem, kindIs(ProblemKind::kNotFound));
  BOOST_CHECK_EXCEPTION(s.edit(f.applicant_b, v.proposal.id, std::nullopt, testing::Fund::content()),
                        Problem, kindIs(ProblemKind::kNotFound));
  BOOST_CHECK_EXCEPTION(s.get(f.reviewer_a, v.proposal.id), Problem, kindIs(ProblemKind::kNotFound));
  BOOST_CHECK_EXCEPTION(s.get(f.admin, v.proposal.id), Problem, kindIs(ProblemKind::kNotFound));
  BOOST_CHECK_NO_THROW(s.get(f.auditor, v.proposal.id));
  BOOST_CHECK_EXCEPTION(s.fire(f.fm1, v.proposal.id, {.event = "submit"}), Problem,
                        kindIs(ProblemKind::kForbidden));
}

BOOST_AUTO_TEST_CASE(a_revision_keeps_the_submitted_version_frozen) {
  testing::Fund f("proposal_revision");
  usecases::ProposalService s(f.ctx);
  auto v = s.create(f.applicant_a, f.call.id, testing::Fund::content());
  const auto id = v.proposal.id;
  s.fire(f.applicant_a, id, {.event = "submit"});
  BOOST_CHECK_EXCEPTION(s.edit(f.applicant_a, id, std::nullopt, testing::Fund::content()), Problem,
                        kindIs(ProblemKind::kInvalidTransition));
  s.fire(f.fm1, id, {.event = "screen"});
  BOOST_CHECK_EXCEPTION(s.fire(f.fm1, id, {.event = "return"}), Problem,
                        [](const Problem& p) { return hasField(p, "reason"); });
  s.fire(f.fm1, id, {.event = "return", .input = {.reason = "Add the host community"}});
  auto changed = testing::Fund::content(30'000'000);
  changed.title = "Inclusive services, revised";
  v = s.edit(f.applicant_a, id, std::nullopt, changed);
  BOOST_TEST(v.proposal.current_version == 2);
  v = s.fire(f.applicant_a, id, {.event = "resubmit"});
  BOOST_TEST(v.proposal.state == "submitted");
  const auto versions = s.versions(f.fm1, id);
  BOOST_REQUIRE(versions.size() == 2u);
  BOOST_TEST(versions[0].frozen);
  BOOST_TEST(versions[0].content.title == "Inclusive city services for newcomers");
  BOOST_TEST(versions[1].frozen);
  BOOST_TEST(versions[1].content.amount_minor == 30'000'000);
}

BOOST_AUTO_TEST_CASE(a_stale_version_is_refused_and_changes_nothing) {
  testing::Fund f("proposal_stale");
  usecases::ProposalService s(f.ctx);
  auto v = s.create(f.applicant_a, f.call.id, testing::Fund::content());
  const auto stale = v.proposal.version;
  s.edit(f.applicant_a, v.proposal.id, stale, testing::Fund::content(21'000'000));
  const auto before = testing::auditHead(f.ctx.db);
  BOOST_CHECK_EXCEPTION(s.fire(f.applicant_a, v.proposal.id, {.event = "submit", .expected_version = stale}),
                        Problem, kindIs(ProblemKind::kStaleVersion));
  BOOST_TEST(testing::auditHead(f.ctx.db) == before);
}

BOOST_AUTO_TEST_CASE(a_concept_note_invited_carries_its_fields_into_the_full_proposal) {
  testing::Fund f("proposal_concept", {.two_stage = true});
  usecases::ProposalService s(f.ctx);
  auto concept_note = testing::Fund::content();
  concept_note.budget.clear();
  auto v = s.create(f.applicant_a, f.call.id, concept_note);
  BOOST_TEST(v.proposal.state == "concept_draft");
  BOOST_TEST(v.current.stage == "concept");
  s.fire(f.applicant_a, v.proposal.id, {.event = "submit_concept"});
  BOOST_CHECK_EXCEPTION(s.fire(f.fm1, v.proposal.id, {.event = "invite"}), Problem,
                        [](const Problem& p) { return hasField(p, "reason"); });
  v = s.fire(f.fm1, v.proposal.id, {.event = "invite", .input = {.reason = "Welcome"}});
  BOOST_TEST(v.proposal.state == "draft");
  BOOST_TEST(v.current.stage == "full");
  BOOST_TEST(v.current.number == 2);
  BOOST_TEST(v.current.content.title == concept_note.title);
}

BOOST_AUTO_TEST_CASE(an_invited_concept_note_becomes_a_full_proposal_with_budget_lines_of_its_own) {
  testing::Fund f("proposal_concept_lines", {.two_stage = true});
  usecases::ProposalService s(f.ctx);
  const auto id = s.create(f.applicant_a, f.call.id, testing::Fund::content()).proposal.id;
  s.fire(f.applicant_a, id, {.event = "submit_concept"});
  const auto invited = s.fire(f.fm1, id, {.event = "invite", .input = {.reason = "Welcome"}});
  const auto stored = s.get(f.fm1, id).current;
  BOOST_TEST(invited.current.number == 2);
  BOOST_TEST(stored.number == 2);
  // The answer names the full proposal's lines, not the concept note's.
  BOOST_TEST(invited.current.budget_line_ids == stored.budget_line_ids);
  BOOST_TEST(stored.budget_line_ids.size() == testing::Fund::content().budget.size());
  BOOST_TEST(stored.budget_line_ids != s.versions(f.fm1, id)[0].budget_line_ids);
  BOOST_TEST(stored.content.budget.at(1).description == "Service centres");
}

BOOST_AUTO_TEST_CASE(a_declined_concept_can_be_flagged_for_a_future_round) {
  testing::Fund f("proposal_declined", {.two_stage = true});
  usecases::ProposalService s(f.ctx);
  auto v = s.create(f.applicant_a, f.call.id, testing::Fund::content());
  s.fire(f.applicant_a, v.proposal.id, {.event = "submit_concept"});
  v = s.fire(f.fm1, v.proposal.id,
             {.event = "decline_concept", .input = {.reason = "Out of scope", .eligible_future = true}});
  BOOST_TEST(v.proposal.state == "concept_declined");
  BOOST_TEST(v.proposal.eligible_future);
}

BOOST_AUTO_TEST_CASE(approval_within_threshold_creates_the_grant_and_its_schedule) {
  testing::Fund f("proposal_approve");
  usecases::ProposalService s(f.ctx);
  auto v = toReviewed(f, s, 25'000'001);
  BOOST_TEST(std::count(v.actions.begin(), v.actions.end(), "propose_award") == 0);
  v = s.fire(f.fm1, v.proposal.id, {.event = "approve"});
  BOOST_TEST(v.proposal.state == "approved");
  BOOST_TEST(v.proposal.award_minor.value_or(0) == 25'000'001);
  auto tx = f.ctx.db.read();
  auto grant_id = stores::GrantStore::idForProposal(tx, v.proposal.id);
  BOOST_REQUIRE(grant_id.has_value());
  const auto tranches = stores::GrantStore::tranchesOf(tx, *grant_id);
  BOOST_REQUIRE(tranches.size() == 3u);
  BOOST_TEST(tranches[0].amount_minor + tranches[1].amount_minor + tranches[2].amount_minor == 25'000'001);
  BOOST_TEST(tranches[2].reference == v.proposal.reference + "-T3");
  BOOST_TEST(stores::GrantStore::reportsOf(tx, *grant_id).size() == 3u);
}

BOOST_AUTO_TEST_CASE(an_award_above_threshold_needs_a_second_fund_manager) {
  testing::Fund f("proposal_four_eyes");
  usecases::ProposalService s(f.ctx);
  auto v = toReviewed(f, s, 45'000'000);
  const auto id = v.proposal.id;
  BOOST_CHECK_EXCEPTION(s.fire(f.fm1, id, {.event = "approve"}), Problem, kindIs(ProblemKind::kConflict));
  v = s.fire(f.fm1, id, {.event = "propose_award",
                         .input = {.reason = "Strong reviews", .amount_minor = 45'000'000}});
  BOOST_TEST(v.proposal.state == "award_proposed");
  BOOST_CHECK_EXCEPTION(s.fire(f.fm1, id, {.event = "approve"}), Problem, kindIs(ProblemKind::kForbidden));
  v = s.fire(f.fm2, id, {.event = "approve"});
  BOOST_TEST(v.proposal.state == "approved");
  BOOST_TEST(v.proposal.award_minor.value_or(0) == 45'000'000);
}

BOOST_AUTO_TEST_CASE(awards_never_exceed_the_call_budget) {
  testing::Fund f("proposal_budget_left");
  usecases::ProposalService s(f.ctx);
  // Budget 2,000,000.00: four awards of 450,000.00 fit (1,800,000.00); a fifth does not.
  for (int i = 0; i < 4; ++i) {
    auto v = toReviewed(f, s, 45'000'000);
    s.fire(f.fm1, v.proposal.id, {.event = "propose_award", .input = {.reason = "ok", .amount_minor = 45'000'000}});
    s.fire(f.fm2, v.proposal.id, {.event = "approve"});
  }
  auto v = toReviewed(f, s, 45'000'000);
  BOOST_CHECK_EXCEPTION(
      s.fire(f.fm1, v.proposal.id, {.event = "propose_award", .input = {.reason = "ok", .amount_minor = 45'000'000}}),
      Problem, [](const Problem& p) { return std::string(p.what()).find("budget") != std::string::npos; });
  v = s.fire(f.fm1, v.proposal.id, {.event = "approve", .input = {.amount_minor = 20'000'000}});
  BOOST_TEST(v.proposal.award_minor.value_or(0) == 20'000'000);
}

BOOST_AUTO_TEST_CASE(reviews_of_an_earlier_version_do_not_count_for_a_resubmission) {
  testing::Fund f("proposal_rereview");
  usecases::ProposalService s(f.ctx);
  auto v = toReviewed(f, s, 25'000'000);
  const auto id = v.proposal.id;
  s.fire(f.fm1, id, {.event = "request_revision", .input = {.reason = "Add indicators"}});
  s.edit(f.applicant_a, id, std::nullopt, testing::Fund::content(26'000'000));
  s.fire(f.applicant_a, id, {.event = "resubmit"});
  s.fire(f.fm1, id, {.event = "screen"});
  BOOST_CHECK_EXCEPTION(
      s.fire(f.fm1, id, {.event = "send_to_review"}), Problem,
      [](const Problem& p) { return p.message().key.name() == "guard.proposal.has_assignment"; });
  usecases::ReviewService reviews(f.ctx);
  const auto again = reviews.assign(f.fm1, id, f.partner_a);  // the same partner, the new version
  BOOST_TEST(again.version_number == 2);
  BOOST_CHECK_NO_THROW(s.fire(f.fm1, id, {.event = "send_to_review"}));
  BOOST_CHECK_EXCEPTION(s.fire(f.fm1, id, {.event = "close_review"}), Problem,
                        kindIs(ProblemKind::kConflict));
}

BOOST_AUTO_TEST_CASE(a_partner_that_declined_no_longer_sees_the_proposal) {
  testing::Fund f("proposal_declined_partner");
  usecases::ProposalService s(f.ctx);
  auto v = s.create(f.applicant_a, f.call.id, testing::Fund::content());
  const auto id = v.proposal.id;
  s.fire(f.applicant_a, id, {.event = "submit"});
  s.fire(f.fm1, id, {.event = "screen"});
  usecases::ReviewService reviews(f.ctx);
  const auto a = reviews.assign(f.fm1, id, f.partner_b);
  BOOST_CHECK_NO_THROW(s.get(f.reviewer_b, id));
  reviews.fire(f.reviewer_b, a.id, {.event = "decline", .input = {.reason = "Conflict of interest"}});
  BOOST_CHECK_EXCEPTION(s.get(f.reviewer_b, id), Problem, kindIs(ProblemKind::kNotFound));
}

BOOST_AUTO_TEST_CASE(references_are_numbered_one_by_one_within_their_year) {
  testing::Fund f("proposal_references");
  BOOST_TEST(newReference(f, f.ctx, f.applicant_a, f.kStart) == "GCF-2026-0001");
  // A refused start takes no number.
  BOOST_CHECK_THROW(newReference(f, f.ctx, f.reviewer_a, f.kStart), Problem);
  BOOST_TEST(newReference(f, f.ctx, f.applicant_b, f.kStart) == "GCF-2026-0002");
  BOOST_TEST(newReference(f, f.ctx, f.applicant_a, kLastYear) == "GCF-2025-0001");
  BOOST_TEST(newReference(f, f.ctx, f.applicant_a, f.kStart) == "GCF-2026-0003");
}

BOOST_AUTO_TEST_CASE(the_migration_counts_the_references_there_are) {
  testing::Fund f("proposal_references_fill");
  newReference(f, f.ctx, f.applicant_a, f.kStart);
  newReference(f, f.ctx, f.applicant_b, f.kStart);
  newReference(f, f.ctx, f.applicant_a, kLastYear);
  // The fill of migration 20, run again over the same proposals.
  std::string fill;
  for (const auto& m : db::knownMigrations(f.ctx.db.dialect())) {
    if (m.number == 20) fill = m.sql;
  }
  const auto at = fill.find("INSERT INTO proposal_reference_counters");
  BOOST_REQUIRE(at != std::string::npos);
  testing::exec(f.ctx.db, "DELETE FROM proposal_reference_counters");
  testing::exec(f.ctx.db, fill.substr(at, fill.find(";", at) - at));
  BOOST_TEST(newReference(f, f.ctx, f.applicant_b, f.kStart) == "GCF-2026-0003");
  BOOST_TEST(newReference(f, f.ctx, f.applicant_b, kLastYear) == "GCF-2025-0002");
}

BOOST_AUTO_TEST_CASE(a_copy_of_the_fund_goes_on_numbering_where_it_stood) {
  testing::Fund f("proposal_references_copy_from");
  newReference(f, f.ctx, f.applicant_a, f.kStart);
  testing::TestDb target("proposal_references_copy_to");
  BOOST_TEST(transfer::copyFund(f.ctx.db, *target.db, [](const std::string&) {}).problem == "");
  const usecases::Context there{*target.db, f.clock};
  BOOST_TEST(newReference(f, there, f.applicant_a, f.kStart) == "GCF-2026-0002");
}

BOOST_AUTO_TEST_SUITE_END()
