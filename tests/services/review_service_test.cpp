#include "services/usecases/review_service.h"

#include <functional>
#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "services/stores/review_store.h"
#include "services/usecases/proposal_service.h"
#include "tests/services/fixture.h"

namespace {

using namespace citygrants;
using access::Actor;
using K = core::ProblemKind;
using Events = std::vector<std::string>;

constexpr std::int64_t kStart = testing::Fund::kStart;

usecases::TransitionRequest event(const std::string& name, std::optional<std::string> reason = {},
                                  std::optional<std::int64_t> expected = {}) {
  usecases::TransitionRequest req;
  req.event = name;
  req.input.reason = std::move(reason);
  req.input.no_conflict_declared = name == "accept";
  req.expected_version = expected;
  return req;
}

std::string uniqueName() {
  static int counter = 0;
  return "review_service_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

// The fund with a proposal in review, supported by partner A; partners A and B are assigned to
// review it, a third partner C is not. The call's three criteria weigh 40/30/30.
struct World : testing::Fund {
  World() : Fund(uniqueName()) {
    partner_c = addOrg(access::OrgKind::kPartner, "Partner C");
    reviewer_c = addUser(partner_c, "reviewer@partner-c.test", access::Role::kPartner);
    proposal_id = supportedProposal();
    review_a = reviews.assign(fm1, proposal_id, partner_a).id;
    review_b = reviews.assign(fm1, proposal_id, partner_b).id;
    proposals.fire(fm1, proposal_id, event("send_to_review"));
  }

  // Scores for the call's criteria, in order.
  std::vector<stores::StoredScore> scoresOf(const std::vector<int>& values) const {
    std::vector<stores::StoredScore> out;
    for (std::size_t i = 0; i < values.size(); ++i) {
      out.push_back({{call.criteria[i].id, values[i]}, ""});
    }
    return out;
  }

  stores::Assignment fire(const Actor& who, std::int64_t id, const std::string& name,
                          std::optional<std::string> reason = {}) {
    return reviews.fire(who, id, event(name, std::move(reason)));
  }

  stores::Assignment score(const Actor& who, std::int64_t id, const std::vector<int>& values,
                           const std::string& comment = "A sound, well-argued proposal.") {
    return reviews.score(who, id, std::nullopt, scoresOf(values), comment);
  }

  stores::Assignment submitReview(const Actor& who, std::int64_t id, std::vector<int> values) {
    fire(who, id, "accept");
    score(who, id, values);
    return fire(who, id, "submit");
  }

  // What a refused review step could have touched: the audit head, every assignment, its scores.
  std::string fingerprint() {
    auto tx = ctx.db.read();
    std::int64_t last_seq = 0;
    tx.sql() << "SELECT last_seq FROM audit_head", soci::into(last_seq);
    std::string out = "seq " + std::to_string(last_seq);
    std::int64_t max_id = 0;
    tx.sql() << "SELECT COALESCE(MAX(id), 0) FROM review_assignments", soci::into(max_id);
    for (std::int64_t id = 1; id <= max_id; ++id) {
      auto a = stores::ReviewStore::load(tx, id);
      if (!a) continue;
      out += " | " + std::to_string(a->id) + " " + a->state + " v" + std::to_string(a->version) +
             " " + a->comment + " " + a->reason.value_or("-");
      for (const auto& s : stores::ReviewStore::scores(tx, id)) {
        out += " " + std::to_string(s.score.criterion_id) + "=" + std::to_string(s.score.value);
      }
    }
    tx.commit();
    return out;
  }

  usecases::ProposalService proposals{ctx};
  usecases::ReviewService reviews{ctx};
  std::int64_t partner_c = 0;
  Actor reviewer_c;
  std::int64_t proposal_id = 0, review_a = 0, review_b = 0;
};

// Runs a step that must be refused with `kind`; checks that it changed nothing.
core::Problem refused(World& w, K kind, const std::function<void()>& step) {
  const auto before = w.fingerprint();
  std::optional<core::Problem> refusal;
  try {
    step();
  } catch (const core::Problem& p) {
    refusal = p;
  }
  BOOST_REQUIRE_MESSAGE(refusal.has_value(), "the step was not refused");
  BOOST_TEST(std::string(core::problemKindName(refusal->kind())) ==
             std::string(core::problemKindName(kind)));
  BOOST_TEST(w.fingerprint() == before);
  return *refusal;
}

bool names(const core::Problem& p, const std::string& field) {
  for (const auto& f : p.fields()) {
    if (f.field == field) return true;
  }
  return false;
}

std::string auditDetail(World& w, std::int64_t id, const std::string& event_name) {
  auto tx = w.ctx.db.read();
  std::string detail;
  const std::string entity = "review_assignment";
  tx.sql() << "SELECT detail FROM audit_events WHERE entity = :e AND entity_id = :id AND "
              "event = :ev",
      soci::use(entity), soci::use(id), soci::use(event_name), soci::into(detail);
  tx.commit();
  return detail;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(review_service)

BOOST_AUTO_TEST_CASE(partner_accepts_scores_and_submits_a_review) {
  World w;
  auto a = w.reviews.get(w.reviewer_a, w.review_a);
  BOOST_TEST(a.state == "assigned");
  BOOST_TEST(a.version_number == 1);
  BOOST_TEST((w.reviews.actions(w.reviewer_a, a) == Events{"accept", "decline"}));
  BOOST_TEST((w.reviews.actions(w.fm1, a) == Events{"cancel"}));
  refused(w, K::kInvalidTransition, [&] { w.fire(w.reviewer_a, a.id, "submit"); });
  auto undeclared = event("accept");
  undeclared.input.no_conflict_declared = false;
  auto p = refused(w, K::kInvalid, [&] { w.reviews.fire(w.reviewer_a, a.id, undeclared); });
  BOOST_TEST(names(p, "no_conflict_declared"));
  w.clock.advance(1000);
  a = w.reviews.fire(w.reviewer_a, a.id, event("accept", {}, a.version));
  BOOST_TEST(a.state == "in_progress");
  BOOST_TEST(a.reviewer_id.value_or(0) == w.reviewer_a.user_id);
  BOOST_TEST(a.declared_at.value_or(0) == kStart + 1000);
  BOOST_TEST(auditDetail(w, a.id, "accept") == R"({"no_conflict_declared":true})");

  const auto before_score = a.version;
  a = w.reviews.score(w.reviewer_a, a.id, a.version, w.scoresOf({5, 3, 2}), "Strong design.");
  BOOST_TEST(a.version == before_score + 1);
  BOOST_TEST(a.comment == "Strong design.");
  BOOST_TEST(w.reviews.scores(w.reviewer_a, a.id).size() == 3u);
  BOOST_TEST((w.reviews.actions(w.reviewer_a, a) == Events{"submit"}));
  w.clock.advance(1000);
  a = w.reviews.fire(w.reviewer_a, a.id, event("submit", {}, a.version));
  BOOST_TEST(a.state == "submitted");
  BOOST_TEST(a.submitted_at.value_or(0) == kStart + 2000);
  BOOST_TEST(a.reviewer_id.value_or(0) == w.reviewer_a.user_id);
  const auto cmp = w.reviews.compare(w.fm1, w.proposal_id);
  BOOST_REQUIRE(cmp.reviews.size() == 1u);
  BOOST_TEST(cmp.reviews[0].mean_milli.value_or(0) == 3500);  // (5*40 + 3*30 + 2*30) / 100
}

BOOST_AUTO_TEST_CASE(decline_needs_a_reason) {
  World w;
  auto p = refused(w, K::kInvalid, [&] { w.fire(w.reviewer_b, w.review_b, "decline"); });
  BOOST_TEST(names(p, "reason"));
  refused(w, K::kInvalid, [&] { w.fire(w.reviewer_b, w.review_b, "decline", "   "); });
  auto a = w.fire(w.reviewer_b, w.review_b, "decline", "We advised this city.");
  BOOST_TEST(a.state == "declined");
  BOOST_TEST(a.reason.value_or("") == "We advised this city.");
  BOOST_TEST(w.reviews.actions(w.reviewer_b, a).empty());
}

BOOST_AUTO_TEST_CASE(submit_is_refused_until_every_criterion_is_scored_and_a_comment_given) {
  World w;
  w.fire(w.reviewer_a, w.review_a, "accept");
  auto submit = [&] { w.fire(w.reviewer_a, w.review_a, "submit"); };
  refused(w, K::kInvalid, submit);
  BOOST_TEST(w.score(w.reviewer_a, w.review_a, {4, 4}, "").state == "in_progress");  // a draft
  refused(w, K::kInvalid, submit);
  w.score(w.reviewer_a, w.review_a, {4, 4, 4}, " \n ");
  refused(w, K::kInvalid, submit);
  w.score(w.reviewer_a, w.review_a, {4, 4, 4}, "Fine.");
  BOOST_TEST(w.fire(w.reviewer_a, w.review_a, "submit").state == "submitted");
}

BOOST_AUTO_TEST_CASE(scores_out_of_range_and_foreign_criteria_are_named_in_field_errors) {
  World w;
  w.fire(w.reviewer_a, w.review_a, "accept");
  const auto c1 = w.call.criteria[0].id;
  const auto c2 = w.call.criteria[1].id;
  std::vector<stores::StoredScore> bad = {
      {{9999, 3}, ""}, {{c1, 0}, ""}, {{c2, 6}, ""}, {{c1, 3}, ""}};
  auto p = refused(w, K::kInvalid, [&] {
    w.reviews.score(w.reviewer_a, w.review_a, std::nullopt, bad, std::string("\xff\xfe"));
  });
  BOOST_TEST(names(p, "scores[0].criterion_id"));
  BOOST_TEST(names(p, "scores[1].value"));
  BOOST_TEST(names(p, "scores[2].value"));
  BOOST_TEST(names(p, "scores[3].criterion_id"));  // scored twice
  BOOST_TEST(names(p, "comment"));
  BOOST_TEST(!names(p, "scores[1].criterion_id"));
  p = refused(w, K::kInvalid,
              [&] { w.score(w.reviewer_a, w.review_a, {}, std::string(20'001, 'x')); });
  BOOST_TEST(names(p, "comment"));
  w.score(w.reviewer_a, w.review_a, {}, std::string(20'000, 'x'));
}

BOOST_AUTO_TEST_CASE(only_the_assigned_partner_scores_and_only_while_in_progress) {
  World w;
  refused(w, K::kInvalidTransition, [&] { w.score(w.reviewer_a, w.review_a, {3}); });
  w.fire(w.reviewer_a, w.review_a, "accept");
  refused(w, K::kForbidden, [&] { w.score(w.fm1, w.review_a, {3}); });
  refused(w, K::kForbidden, [&] { w.fire(w.fm1, w.review_a, "submit"); });
}

BOOST_AUTO_TEST_CASE(a_partner_of_another_organisation_gets_not_found) {
  World w;
  for (const auto* other : {&w.reviewer_b, &w.reviewer_c}) {
    refused(w, K::kNotFound, [&] { w.reviews.get(*other, w.review_a); });
    refused(w, K::kNotFound, [&] { w.fire(*other, w.review_a, "accept"); });
    refused(w, K::kNotFound, [&] { w.score(*other, w.review_a, {3, 3, 3}); });
  }
  refused(w, K::kNotFound, [&] { w.reviews.compare(w.reviewer_c, w.proposal_id); });
  refused(w, K::kNotFound, [&] { w.reviews.forProposal(w.reviewer_c, w.proposal_id); });
}

BOOST_AUTO_TEST_CASE(an_applicant_gets_not_found) {
  World w;
  refused(w, K::kNotFound, [&] { w.reviews.get(w.applicant_a, w.review_a); });
  refused(w, K::kNotFound, [&] { w.fire(w.applicant_a, w.review_a, "cancel"); });
  refused(w, K::kNotFound, [&] { w.reviews.compare(w.applicant_a, w.proposal_id); });
  BOOST_TEST(w.reviews.forProposal(w.applicant_a, w.proposal_id).empty());
}

BOOST_AUTO_TEST_CASE(stale_expected_version_is_refused_and_changes_nothing) {
  World w;
  const auto read = w.reviews.get(w.reviewer_a, w.review_a);
  auto& reviews = w.reviews;
  refused(w, K::kStaleVersion,
          [&] { reviews.fire(w.reviewer_a, read.id, event("accept", {}, read.version + 1)); });
  const auto accepted = reviews.fire(w.reviewer_a, read.id, event("accept", {}, read.version));
  refused(w, K::kStaleVersion, [&] {
    reviews.score(w.reviewer_a, read.id, read.version, w.scoresOf({3, 3, 3}), "late");
  });
  // The fund manager cancels while the partner still holds the version they read.
  reviews.fire(w.fm1, read.id, event("cancel", {}, accepted.version));
  refused(w, K::kStaleVersion,
          [&] { reviews.fire(w.reviewer_a, read.id, event("submit", {}, accepted.version)); });
}

BOOST_AUTO_TEST_CASE(a_partner_sees_other_reviews_only_after_submitting_their_own) {
  World w;
  w.submitReview(w.reviewer_a, w.review_a, {4, 4, 4});
  w.fire(w.reviewer_b, w.review_b, "accept");
  w.score(w.reviewer_b, w.review_b, {2, 2, 2});

  auto b_view = w.reviews.compare(w.reviewer_b, w.proposal_id);
  BOOST_REQUIRE(b_view.reviews.size() == 1u);  // only their own draft
  BOOST_TEST(b_view.reviews[0].assignment.id == w.review_b);
  BOOST_TEST(b_view.reviews[0].scores.size() == 3u);
  BOOST_TEST(b_view.summary.reviews == 0);
  const auto a_view = w.reviews.compare(w.reviewer_a, w.proposal_id);
  BOOST_REQUIRE(a_view.reviews.size() == 1u);  // B's draft is not a review yet
  BOOST_TEST(a_view.reviews[0].assignment.id == w.review_a);
  BOOST_TEST(w.reviews.compare(w.fm1, w.proposal_id).reviews.size() == 1u);

  w.fire(w.reviewer_b, w.review_b, "submit");
  b_view = w.reviews.compare(w.reviewer_b, w.proposal_id);
  BOOST_REQUIRE(b_view.reviews.size() == 2u);
  BOOST_TEST(b_view.reviews[0].assignment.id == w.review_a);
  BOOST_TEST(b_view.reviews[0].mean_milli.value_or(0) == 4000);
  BOOST_TEST(b_view.summary.mean_milli == 3000);
  BOOST_TEST(b_view.summary.spread_flag);
  BOOST_TEST(w.reviews.compare(w.auditor, w.proposal_id).summary.reviews == 2);
}

BOOST_AUTO_TEST_CASE(spread_flag_is_raised_only_above_one_and_a_half_points) {
  World w;
  w.submitReview(w.reviewer_a, w.review_a, {5, 5, 5});  // 5.000
  w.submitReview(w.reviewer_b, w.review_b, {5, 3, 2});  // 3.500
  auto s = w.reviews.compare(w.fm1, w.proposal_id).summary;
  BOOST_TEST(s.spread_milli == 1500);
  BOOST_TEST(!s.spread_flag);

  w.fire(w.fm1, w.review_b, "reopen", "Please recheck sustainability.");
  w.score(w.reviewer_b, w.review_b, {4, 3, 3});  // 3.400
  w.fire(w.reviewer_b, w.review_b, "submit");
  s = w.reviews.compare(w.fm1, w.proposal_id).summary;
  BOOST_TEST(s.reviews == 2);
  BOOST_TEST(s.spread_milli == 1600);
  BOOST_TEST(s.mean_milli == 4200);
  BOOST_TEST(s.spread_flag);
}

BOOST_AUTO_TEST_CASE(fund_manager_reopens_a_submitted_review_with_a_reason) {
  World w;
  const auto submitted = w.submitReview(w.reviewer_a, w.review_a, {3, 3, 3});
  BOOST_TEST((w.reviews.actions(w.fm1, submitted) == Events{"reopen"}));
  BOOST_TEST(w.reviews.actions(w.reviewer_a, submitted).empty());
  refused(w, K::kForbidden, [&] { w.fire(w.reviewer_a, w.review_a, "reopen", "mine"); });
  refused(w, K::kInvalid, [&] { w.fire(w.fm1, w.review_a, "reopen"); });
  auto a = w.fire(w.fm1, w.review_a, "reopen", "Score feasibility again.");
  BOOST_TEST(a.state == "in_progress");
  BOOST_TEST(!a.submitted_at.has_value());
  BOOST_TEST(a.reason.value_or("") == "Score feasibility again.");
  BOOST_TEST(a.reviewer_id.value_or(0) == w.reviewer_a.user_id);
  BOOST_TEST(w.reviews.scores(w.reviewer_a, a.id).size() == 3u);  // the scores stay
  BOOST_TEST(w.fire(w.reviewer_a, a.id, "submit").state == "submitted");
}

BOOST_AUTO_TEST_CASE(fund_manager_cancels_an_assignment_and_may_assign_the_partner_again) {
  World w;
  refused(w, K::kForbidden, [&] { w.fire(w.reviewer_a, w.review_a, "cancel"); });
  refused(w, K::kConflict, [&] { w.reviews.assign(w.fm1, w.proposal_id, w.partner_a); });
  BOOST_TEST(w.fire(w.fm1, w.review_a, "cancel").state == "cancelled");
  refused(w, K::kInvalidTransition, [&] { w.fire(w.fm1, w.review_a, "cancel"); });
  const auto again = w.reviews.assign(w.fm1, w.proposal_id, w.partner_a);
  BOOST_TEST(again.state == "assigned");
  w.submitReview(w.reviewer_b, w.review_b, {3, 3, 3});
  refused(w, K::kInvalidTransition, [&] { w.fire(w.fm1, w.review_b, "cancel"); });
  w.fire(w.reviewer_a, again.id, "decline", "No capacity this month.");
  BOOST_TEST(w.reviews.assign(w.fm1, w.proposal_id, w.partner_a).state == "assigned");
}

BOOST_AUTO_TEST_CASE(
    assign_is_refused_to_others_than_fund_managers_partners_and_proposals_in_review) {
  World w;
  auto& reviews = w.reviews;
  refused(w, K::kForbidden, [&] { reviews.assign(w.reviewer_c, w.proposal_id, w.partner_c); });
  refused(w, K::kNotFound, [&] { reviews.assign(w.fm1, 999, w.partner_c); });
  auto p = refused(w, K::kInvalid, [&] { reviews.assign(w.fm1, w.proposal_id, w.city_a); });
  BOOST_TEST(names(p, "partner_org_id"));
  refused(w, K::kInvalid, [&] { reviews.assign(w.fm1, w.proposal_id, 999); });
  refused(w, K::kConflict, [&] { reviews.assign(w.fm1, w.proposal_id, w.partner_b); });
  const auto draft = w.draftProposal();
  refused(w, K::kInvalidTransition, [&] { reviews.assign(w.fm1, draft, w.partner_c); });

  const auto c = reviews.assign(w.fm1, w.proposal_id, w.partner_c);  // in review: allowed
  BOOST_TEST(c.created_by == w.fm1.user_id);
  BOOST_TEST(auditDetail(w, c.id, "assign") ==
             R"({"proposal_id":)" + std::to_string(w.proposal_id) + R"(,"partner_org_id":)" +
                 std::to_string(w.partner_c) + "}");
  BOOST_TEST(reviews.forProposal(w.fm1, w.proposal_id).size() == 3u);
  const auto own = reviews.forProposal(w.reviewer_c, w.proposal_id);
  BOOST_REQUIRE(own.size() == 1u);
  BOOST_TEST(own[0].id == c.id);
}

BOOST_AUTO_TEST_CASE(no_review_moves_once_the_proposal_has_left_review) {
  World w;
  w.submitReview(w.reviewer_a, w.review_a, {4, 4, 4});
  w.submitReview(w.reviewer_b, w.review_b, {4, 3, 4});
  w.proposals.fire(w.fm1, w.proposal_id, event("close_review"));
  BOOST_TEST(w.reviews.actions(w.fm1, w.reviews.get(w.fm1, w.review_a)).empty());
  auto p = refused(w, K::kConflict, [&] { w.fire(w.fm1, w.review_a, "reopen", "late"); });
  BOOST_TEST(p.message().key.name() == "review.proposal_not_in_review");

  World v;  // a proposal withdrawn in review
  v.fire(v.reviewer_b, v.review_b, "accept");
  v.proposals.fire(v.applicant_a, v.proposal_id, event("withdraw", "We found other funding."));
  refused(v, K::kConflict, [&] { v.fire(v.reviewer_a, v.review_a, "accept"); });
  refused(v, K::kConflict, [&] { v.score(v.reviewer_b, v.review_b, {3, 3, 3}); });
  BOOST_TEST(v.reviews.actions(v.reviewer_a, v.reviews.get(v.reviewer_a, v.review_a)).empty());
  BOOST_TEST(v.fire(v.fm1, v.review_a, "cancel").state == "cancelled");
}

BOOST_AUTO_TEST_SUITE_END()
