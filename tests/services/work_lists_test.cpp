#include <optional>
#include <string>
#include <unistd.h>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "services/usecases/proposal_service.h"
#include "services/usecases/review_service.h"
#include "tests/services/grant_world.h"

// The assignment list (a reviewer's queue) and the tranche list (the disbursement queue): one
// joined query each, whose rows must give every reader the same actions as the record's own
// use case reads one at a time.
using namespace citygrants;
using access::Actor;

namespace {

std::string uniqueName() {
  static int counter = 0;
  return "work_lists_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

usecases::TransitionRequest named(const std::string& name) {
  usecases::TransitionRequest req;
  req.event = name;
  req.input.no_conflict_declared = name == "accept";
  return req;
}

std::vector<std::int64_t> assignmentIds(const usecases::AssignmentList& list) {
  std::vector<std::int64_t> out;
  for (const auto& e : list.items) out.push_back(e.assignment.id);
  return out;
}

std::vector<std::int64_t> trancheIds(const usecases::TrancheList& list) {
  std::vector<std::int64_t> out;
  for (const auto& e : list.items) out.push_back(e.tranche.id);
  return out;
}

// A proposal in review with partners A and B assigned (A's first).
struct Reviews : testing::Fund {
  Reviews() : Fund(uniqueName()) {
    proposal_id = supportedProposal();
    review_a = reviews.assign(fm1, proposal_id, partner_a).id;
    review_b = reviews.assign(fm1, proposal_id, partner_b).id;
    proposals.fire(fm1, proposal_id, {.event = "send_to_review"});
  }

  // Every reader's list holds the actions ReviewService::actions gives for each assignment.
  void expectListActionsMatch() {
    for (const Actor& who : {fm1, fm2, auditor, reviewer_a, reviewer_b}) {
      for (const auto& e : reviews.list(who, {}).items) {
        BOOST_TEST(e.actions == reviews.actions(who, e.assignment),
                   "user " << who.user_id << ", assignment " << e.assignment.id);
      }
    }
  }

  usecases::ProposalService proposals{ctx};
  usecases::ReviewService reviews{ctx};
  std::int64_t proposal_id = 0, review_a = 0, review_b = 0;
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(assignment_list, Reviews)

BOOST_AUTO_TEST_CASE(fund_staff_see_every_assignment_newest_first_partners_their_own) {
  const auto all = reviews.list(fm1, {});
  BOOST_TEST((assignmentIds(all) == std::vector<std::int64_t>{review_b, review_a}));
  BOOST_TEST(all.total == 2);
  BOOST_TEST(!all.more);
  BOOST_TEST(assignmentIds(reviews.list(auditor, {})) == assignmentIds(all));
  BOOST_TEST((assignmentIds(reviews.list(reviewer_a, {})) == std::vector<std::int64_t>{review_a}));
  BOOST_TEST((assignmentIds(reviews.list(reviewer_b, {})) == std::vector<std::int64_t>{review_b}));
  for (const Actor& none : {applicant_a, applicant_b, admin}) {
    const auto list = reviews.list(none, {});
    BOOST_TEST(list.items.empty());
    BOOST_TEST(list.total == 0);
  }
  const auto& p = all.items.front().proposal;
  BOOST_TEST(p.id == proposal_id);
  BOOST_TEST(p.reference.starts_with("GCF-"));
  BOOST_TEST(p.title == Fund::content().title);
  BOOST_TEST(p.city_org_id == city_a);
  BOOST_TEST(p.city_name == "Kampala");
  BOOST_TEST(p.amount_minor == Fund::kAmount);
  BOOST_TEST(p.currency == "USD");
  BOOST_TEST(p.state == "in_review");
}

BOOST_AUTO_TEST_CASE(pages_follow_the_cursor_and_the_state_filter_narrows) {
  stores::AssignmentQuery q;
  q.limit = 1;
  const auto first = reviews.list(fm1, q);
  BOOST_TEST((assignmentIds(first) == std::vector<std::int64_t>{review_b}));
  BOOST_TEST(first.more);
  BOOST_TEST(first.total == 2);
  q.before_id = review_b;
  const auto second = reviews.list(fm1, q);
  BOOST_TEST((assignmentIds(second) == std::vector<std::int64_t>{review_a}));
  BOOST_TEST(!second.more);
  BOOST_TEST(second.total == 2);
  reviews.fire(reviewer_a, review_a, named("accept"));
  stores::AssignmentQuery in_progress;
  in_progress.state = "in_progress";
  BOOST_TEST(
      (assignmentIds(reviews.list(fm1, in_progress)) == std::vector<std::int64_t>{review_a}));
  BOOST_TEST(reviews.list(fm1, in_progress).total == 1);
  BOOST_TEST(reviews.list(reviewer_b, in_progress).items.empty());
}

BOOST_AUTO_TEST_CASE(list_actions_follow_the_review_as_the_single_record_reads_them) {
  expectListActionsMatch();
  reviews.fire(reviewer_a, review_a, named("accept"));
  expectListActionsMatch();
  // Partly scored: no submit; fully scored with a comment: submit.
  reviews.score(reviewer_a, review_a, std::nullopt, {{{call.criteria[0].id, 4}, ""}}, "So far.");
  expectListActionsMatch();
  BOOST_TEST(reviews.list(reviewer_a, {}).items.front().actions.empty());
  std::vector<stores::StoredScore> all;
  for (const auto& c : call.criteria) all.push_back({{c.id, 5}, ""});
  reviews.score(reviewer_a, review_a, std::nullopt, all, "Strong.");
  BOOST_TEST(reviews.list(reviewer_a, {}).items.front().actions ==
             std::vector<std::string>{"submit"});
  expectListActionsMatch();
  reviews.fire(reviewer_a, review_a, named("submit"));
  reviews.fire(reviewer_b, review_b, {.event = "decline", .input = {.reason = "capacity"}});
  expectListActionsMatch();
  proposals.fire(fm1, proposal_id, {.event = "close_review"});  // reopen no longer applies
  expectListActionsMatch();
  BOOST_TEST(reviews.list(fm1, {}).items.back().proposal.state == "reviewed");
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// The grant world's tranche list next to the tranche use case, for every reader.
struct Tranches : testing::GrantWorld {
  void expectListActionsMatch() {
    for (const Actor& who : {fm1, fm2, auditor, applicant_a, reviewer_a}) {
      const auto list = tranches.list(who, {});
      BOOST_TEST(list.items.size() == 3u);
      for (const auto& e : list.items) {
        BOOST_TEST(e.actions == tranches.actions(who, e.tranche),
                   "user " << who.user_id << ", tranche " << e.tranche.seq);
      }
    }
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(tranche_list, Tranches)

BOOST_AUTO_TEST_CASE(readers_of_the_grant_see_its_tranches_with_the_grant_outsiders_none) {
  const auto all = tranches.list(fm1, {});
  BOOST_REQUIRE_EQUAL(all.items.size(), 3u);
  BOOST_TEST(all.total == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& e = all.items[i];
    BOOST_TEST(e.tranche.seq == static_cast<int>(i) + 1);
    BOOST_TEST(e.tranche.amount_minor == tranche(static_cast<int>(i) + 1).amount_minor);
    BOOST_TEST(e.grant.id == grant_id);
    BOOST_TEST(e.grant.reference == grant().reference);
    BOOST_TEST(e.grant.state == "pending_agreement");
    BOOST_TEST(e.grant.currency == "USD");
    BOOST_TEST(e.grant.city_org_id == city_a);
    BOOST_TEST(e.grant.city_name == "Kampala");
    BOOST_TEST(e.grant.supporting_org_id == partner_a);
  }
  for (const Actor& reader : {auditor, applicant_a, reviewer_a}) {
    BOOST_TEST(trancheIds(tranches.list(reader, {})) == trancheIds(all));
  }
  for (const Actor& outsider : {applicant_b, reviewer_b, admin}) {
    BOOST_TEST(tranches.list(outsider, {}).items.empty());
    BOOST_TEST(tranches.list(outsider, {}).total == 0);
  }
}

BOOST_AUTO_TEST_CASE(a_set_of_states_a_grant_and_a_cursor_narrow_the_list) {
  sign();
  approveTranche(1);
  stores::TrancheQuery queue;
  queue.states = {"requested", "verified", "approved"};
  const auto approved = tranches.list(fm1, queue);
  BOOST_TEST((trancheIds(approved) == std::vector<std::int64_t>{tranche(1).id}));
  queue.states = {"scheduled"};
  BOOST_TEST(tranches.list(fm1, queue).total == 2);
  queue.grant_id = grant_id + 1;
  BOOST_TEST(tranches.list(fm1, queue).items.empty());
  stores::TrancheQuery paged;
  paged.limit = 2;
  const auto first = tranches.list(fm1, paged);
  BOOST_TEST(first.items.size() == 2u);
  BOOST_TEST(first.more);
  paged.after_id = first.items.back().tranche.id;
  const auto second = tranches.list(fm1, paged);
  BOOST_TEST((trancheIds(second) == std::vector<std::int64_t>{tranche(3).id}));
  BOOST_TEST(!second.more);
  BOOST_TEST(second.total == 3);
}

BOOST_AUTO_TEST_CASE(list_actions_follow_each_guard_as_the_single_record_reads_them) {
  expectListActionsMatch();  // pending agreement: nothing to request
  sign();
  expectListActionsMatch();  // the first may be requested, the second waits for it
  fireTranche(applicant_a, 1, event("request"));
  expectListActionsMatch();
  fireTranche(reviewer_a, 1, event("verify"));
  expectListActionsMatch();
  fireTranche(fm1, 1, event("approve"));
  expectListActionsMatch();  // four eyes: fm2 disburses, fm1 does not
  fireTranche(fm2, 1, disburseEvent("list-1"));
  expectListActionsMatch();  // the second waits for its progress report
  acceptReport("progress");
  expectListActionsMatch();
  clock.advance(3 * 365 * services::kDayMs);  // the final report is overdue now
  expectListActionsMatch();
  grants.fire(fm1, grant_id, event("suspend", "audit"));
  expectListActionsMatch();
}

BOOST_AUTO_TEST_SUITE_END()
