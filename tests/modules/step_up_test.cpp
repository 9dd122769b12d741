#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "tests/modules/workflow_fixtures.h"

// Money moves only with a fresh second factor (issue 17 part 2): the rows tagged kMovesMoney are
// exactly the award's approvals, the tranche's approval and its disbursement; fire() refuses them
// last — after role, needs and guards — with kStepUpRequired for a session and kForbidden for a
// token without the payments scope; the actions a record lists do not hide them.
namespace citygrants::workflow::testing {
namespace {

template <class Types>
std::vector<std::string> moneyRows(const Machine<Types>& m) {
  std::vector<std::string> out;
  for (const auto& row : m.transitions) {
    if (row.has(kMovesMoney)) out.push_back(std::string(row.from) + " " + std::string(eventName(m, row.event)));
  }
  return out;
}

Actor uncleared(Role role, std::int64_t user_id = kActorUser) {
  auto a = actorFor(role, user_id);
  a.payments_cleared = false;
  return a;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(step_up)

BOOST_AUTO_TEST_CASE(the_rows_that_move_money_are_the_awards_and_the_tranches_approval_and_payment) {
  BOOST_TEST(moneyRows(kProposalFlow) == (std::vector<std::string>{"reviewed approve", "award_proposed approve"}),
             boost::test_tools::per_element());
  BOOST_TEST(moneyRows(kTrancheFlow) == (std::vector<std::string>{"verified approve", "approved disburse"}),
             boost::test_tools::per_element());
  BOOST_TEST(moneyRows(kGrantFlow).empty());
  BOOST_TEST(moneyRows(kReportFlow).empty());
  BOOST_TEST(moneyRows(kAmendmentFlow).empty());
}

BOOST_AUTO_TEST_CASE(a_session_without_a_step_up_is_asked_for_one_and_a_token_is_refused) {
  const auto facts = allTrueTrancheFacts();
  const auto in = fullInput();
  const auto session = refusal([&] { fire(kTrancheFlow, "verified", TrancheEvent::kApprove, uncleared(Role::kFundManager), facts, in); });
  BOOST_REQUIRE(session.has_value());
  BOOST_TEST((session->kind() == core::ProblemKind::kStepUpRequired));
  auto token = uncleared(Role::kFundManager);
  token.via_token = true;
  const auto machine = refusal([&] { fire(kTrancheFlow, "approved", TrancheEvent::kDisburse, token, facts, in); });
  BOOST_REQUIRE(machine.has_value());
  BOOST_TEST((machine->kind() == core::ProblemKind::kForbidden));
  BOOST_TEST(machine->message().key.name() == "auth.token_scope_payments");
  // Cleared, the same steps pass; steps that move no money never ask.
  BOOST_TEST(!refusal([&] { fire(kTrancheFlow, "verified", TrancheEvent::kApprove, actorFor(Role::kFundManager), facts, in); }));
  BOOST_TEST(!refusal([&] { fire(kTrancheFlow, "approved", TrancheEvent::kCancel, uncleared(Role::kFundManager), facts, in); }));
}

BOOST_AUTO_TEST_CASE(every_other_refusal_comes_before_the_step_up) {
  auto facts = allTrueTrancheFacts();
  facts.requested_by = kActorUser;  // four eyes: the requester may not approve
  const auto guard = refusal([&] { fire(kTrancheFlow, "verified", TrancheEvent::kApprove, uncleared(Role::kFundManager), facts, fullInput()); });
  BOOST_REQUIRE(guard.has_value());
  BOOST_TEST((guard->kind() == core::ProblemKind::kForbidden));
  BOOST_TEST(guard->message().key.name() == "guard.tranche.not_requester_nor_verifier");
  const auto role = refusal([&] { fire(kTrancheFlow, "verified", TrancheEvent::kApprove, uncleared(Role::kApplicant), allTrueTrancheFacts(), fullInput()); });
  BOOST_REQUIRE(role.has_value());
  BOOST_TEST((role->kind() == core::ProblemKind::kForbidden));
  const auto needs = refusal([&] { fire(kTrancheFlow, "approved", TrancheEvent::kDisburse, uncleared(Role::kFundManager), allTrueTrancheFacts(), withoutNeed(fullInput(), kPaymentReference)); });
  BOOST_REQUIRE(needs.has_value());
  BOOST_TEST((needs->kind() == core::ProblemKind::kInvalid));
}

BOOST_AUTO_TEST_CASE(the_actions_listed_still_offer_a_step_that_needs_a_step_up) {
  const auto events = allowedEvents(kTrancheFlow, "verified", uncleared(Role::kFundManager), allTrueTrancheFacts());
  BOOST_TEST((std::find(events.begin(), events.end(), "approve") != events.end()));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::workflow::testing
