// What a record waits for (modules/workflow/awaited.h): which steps the inbox lists for whom,
// read from the machines' own rows; content guards left to the reader; four eyes shown, not hidden.

#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/workflow/awaited.h"
#include "tests/modules/workflow_fixtures.h"

namespace citygrants::workflow::testing {
namespace {

using Names = std::vector<std::string_view>;

Names held(const Waiting& w) {
  Names out;
  for (const auto& h : w.held) out.push_back(h.guard);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workflow_awaited)

BOOST_AUTO_TEST_CASE(a_draft_waits_for_its_city_while_the_call_is_open_complete_or_not) {
  auto facts = allTrueProposalFacts();
  facts.concept_complete = facts.complete = facts.budget_balanced = facts.amount_in_range = false;
  const auto city = actorFor(Role::kApplicant);
  for (std::string_view state : {"concept_draft", "draft"}) {
    const auto w = waitingFor(kProposalAwaits, state, city, facts);
    BOOST_TEST(w.listed, state);
    BOOST_TEST(w.expected == (Names{state == "draft" ? "submit" : "submit_concept"}), state);
    BOOST_TEST(w.held.empty(), state);  // discard is beside the point, never expected
  }
  facts.call_open = false;  // a closed call: nothing the city can do moves it on
  const auto closed = waitingFor(kProposalAwaits, "draft", city, facts);
  BOOST_TEST(!closed.listed);
  BOOST_TEST(held(closed) == (Names{"call_open"}));
  // Another city's applicant, and the fund, never wait on a draft.
  BOOST_TEST(!waitingFor(kProposalAwaits, "draft", Actor{1, kOtherCityOrg, Role::kApplicant},
                         allTrueProposalFacts())
                  .listed);
  BOOST_TEST(
      !waitingFor(kProposalAwaits, "draft", actorFor(Role::kFundManager), allTrueProposalFacts())
           .listed);
}

BOOST_AUTO_TEST_CASE(withdrawals_and_cancellations_put_nothing_in_an_inbox) {
  const auto city = actorFor(Role::kApplicant);
  for (std::string_view state : {"submitted", "screening", "in_review"}) {
    BOOST_TEST(!waitingFor(kProposalAwaits, state, city, allTrueProposalFacts()).listed, state);
  }
  const auto fm = actorFor(Role::kFundManager);
  BOOST_TEST(!waitingFor(kTrancheAwaits, "scheduled", fm, allTrueTrancheFacts()).listed);
  BOOST_TEST(!waitingFor(kTrancheAwaits, "requested", fm, allTrueTrancheFacts()).listed);
  BOOST_TEST(!waitingFor(kReviewAwaits, "assigned", fm, allTrueReviewFacts()).listed);
  BOOST_TEST(!waitingFor(kGrantAwaits, "suspended", fm, allTrueGrantFacts()).listed);
  auto running = allTrueGrantFacts();
  running.final_report_accepted = false;
  BOOST_TEST(!waitingFor(kGrantAwaits, "active", fm, running).listed);
  BOOST_TEST(waitingFor(kGrantAwaits, "active", fm, allTrueGrantFacts()).expected ==
             (Names{"complete"}));
  for (const auto& w : kCallWaits) BOOST_TEST((w.wait == Wait::kAside));
}

BOOST_AUTO_TEST_CASE(screening_waits_for_the_fund_and_names_what_holds_the_review_back) {
  auto facts = allTrueProposalFacts();
  facts.has_assignment = false;
  const auto w = waitingFor(kProposalAwaits, "screening", actorFor(Role::kFundManager), facts);
  BOOST_TEST(w.listed);
  BOOST_TEST(w.expected == (Names{"return", "screen_out"}));
  BOOST_TEST_REQUIRE(w.held.size() == 1u);
  BOOST_TEST(w.held[0].event == "send_to_review");
  BOOST_TEST(w.held[0].guard == "has_assignment");
  BOOST_TEST(w.held[0].message.name() == "guard.proposal.has_assignment");
}

BOOST_AUTO_TEST_CASE(a_review_waits_for_the_fund_only_once_every_partner_is_done) {
  auto facts = allTrueProposalFacts();
  facts.reviews_done = false;
  const auto fm = actorFor(Role::kFundManager);
  BOOST_TEST(!waitingFor(kProposalAwaits, "in_review", fm, facts).listed);
  const auto done = waitingFor(kProposalAwaits, "in_review", fm, allTrueProposalFacts());
  BOOST_TEST(done.expected == (Names{"close_review"}));
}

BOOST_AUTO_TEST_CASE(four_eyes_show_the_step_to_its_first_person_as_held_for_another) {
  const auto proposer = actorFor(Role::kFundManager, kProposerUser);
  const auto w = waitingFor(kProposalAwaits, "award_proposed", proposer, allTrueProposalFacts());
  BOOST_TEST(w.listed);
  BOOST_TEST(w.expected.empty());  // withdraw_award is aside
  BOOST_TEST(held(w) == (Names{"second_fund_manager"}));
  BOOST_TEST((w.held[0].kind == core::ProblemKind::kForbidden));
  const auto other = waitingFor(kProposalAwaits, "award_proposed", actorFor(Role::kFundManager),
                                allTrueProposalFacts());
  BOOST_TEST(other.expected == (Names{"approve"}));

  const auto approver = actorFor(Role::kFundManager, kApproverUser);
  const auto t = waitingFor(kTrancheAwaits, "approved", approver, allTrueTrancheFacts());
  BOOST_TEST(t.listed);
  BOOST_TEST(held(t) == (Names{"not_approver"}));
  BOOST_TEST(
      waitingFor(kTrancheAwaits, "approved", actorFor(Role::kFundManager), allTrueTrancheFacts())
          .expected == (Names{"disburse"}));

  // Four eyes and a rule about other records together: nobody can take it, nobody's inbox.
  auto over_budget = allTrueProposalFacts();
  over_budget.award_within_budget = false;
  BOOST_TEST(!waitingFor(kProposalAwaits, "award_proposed", proposer, over_budget).listed);
  BOOST_TEST(
      !waitingFor(kProposalAwaits, "award_proposed", actorFor(Role::kFundManager), over_budget)
           .listed);
}

BOOST_AUTO_TEST_CASE(a_tranche_may_be_requested_only_when_every_guard_on_other_records_passes) {
  const auto city = actorFor(Role::kApplicant);
  BOOST_TEST(waitingFor(kTrancheAwaits, "scheduled", city, allTrueTrancheFacts()).expected ==
             (Names{"request"}));
  auto blocked = allTrueTrancheFacts();
  blocked.no_overdue_report = false;
  const auto w = waitingFor(kTrancheAwaits, "scheduled", city, blocked);
  BOOST_TEST(!w.listed);
  BOOST_TEST(held(w) == (Names{"no_overdue_report"}));
}

BOOST_AUTO_TEST_CASE(content_the_reader_must_finish_does_not_hold_a_step_back) {
  auto report = allTrueReportFacts();
  report.complete = false;
  BOOST_TEST(waitingFor(kReportAwaits, "draft", actorFor(Role::kApplicant), report).expected ==
             (Names{"submit"}));
  auto review = allTrueReviewFacts();
  review.all_scored = review.has_comment = false;
  BOOST_TEST(waitingFor(kReviewAwaits, "in_progress", actorFor(Role::kPartner), review).expected ==
             (Names{"submit"}));
  // The partner's accept and decline both settle an assignment; a gate beside the table applies.
  const auto assigned = waitingFor(kReviewAwaits, "assigned", actorFor(Role::kPartner), review,
                                   [](ReviewEvent e) { return proposalAllows("rejected", e); });
  BOOST_TEST(!assigned.listed);
  BOOST_TEST(waitingFor(kReviewAwaits, "assigned", actorFor(Role::kPartner), review).expected ==
             (Names{"accept", "decline"}));
}

BOOST_AUTO_TEST_CASE(the_states_read_for_a_role_are_those_an_awaited_row_names_it_in) {
  const auto states = [](RoleSet roles) { return statesAwaitingAny(kTrancheAwaits, roles); };
  BOOST_TEST(states(Role::kApplicant) == (Names{"scheduled"}));
  BOOST_TEST(states(Role::kPartner) == (Names{"requested"}));
  BOOST_TEST(states(Role::kFundManager) == (Names{"verified", "approved"}));
  BOOST_TEST(states(Role::kApplicant | Role::kFundManager) ==
             (Names{"scheduled", "verified", "approved"}));
  BOOST_TEST(states(Role::kAuditor).empty());
  BOOST_TEST(statesAwaitingAny(kProposalAwaits, Role::kApplicant) ==
             (Names{"concept_draft", "draft", "revision_requested"}));
  const auto roles = rolesAwaitedIn(kReportAwaits, "draft");
  BOOST_TEST_REQUIRE(roles.size() == 1u);
  BOOST_TEST((roles[0] == Role::kApplicant));
  BOOST_TEST(fourEyesIn(kTrancheAwaits, "approved"));
  BOOST_TEST(fourEyesIn(kTrancheAwaits, "verified"));
  BOOST_TEST(!fourEyesIn(kTrancheAwaits, "requested"));
  BOOST_TEST(fourEyesIn(kProposalAwaits, "award_proposed"));
  BOOST_TEST(!fourEyesIn(kProposalAwaits, "reviewed"));
}

// What the inbox counts without reading facts must be listed whatever they are: with every fact
// false (each guard failing, the award proposed by this very reader) as with every fact true.
template <class Types>
void listedWheneverClaimed(const Awaits<Types>& a, const Actor& actor,
                           const typename Types::Facts& passing) {
  auto failing = typename Types::Facts{};
  for (auto state : a.machine.states) {
    if (!awaitedWhateverTheFacts(a, state, actor)) continue;
    BOOST_TEST(waitingFor(a, state, actor, failing).listed, a.machine.name << " " << state);
    BOOST_TEST(waitingFor(a, state, actor, passing).listed, a.machine.name << " " << state);
  }
}

BOOST_AUTO_TEST_CASE(a_state_counted_whatever_the_facts_lists_every_record_in_it) {
  const auto fm = actorFor(Role::kFundManager);
  const auto claimed = [&](std::string_view state, const Actor& actor) {
    return awaitedWhateverTheFacts(kProposalAwaits, state, actor);
  };
  for (std::string_view state : {"concept_submitted", "submitted", "screening", "reviewed"}) {
    BOOST_TEST(claimed(state, fm), state);
  }
  // A guard on other records or on people decides: each is read.
  for (std::string_view state : {"in_review", "award_proposed", "draft", "approved"}) {
    BOOST_TEST(!claimed(state, fm), state);
  }
  // A city's step waits only on the city's own records; an auditor takes none.
  BOOST_TEST(!claimed("revision_requested", actorFor(Role::kApplicant)));
  BOOST_TEST(!claimed("screening", actorFor(Role::kAuditor)));
  for (const auto& actor : {fm, actorFor(Role::kAdmin), actorFor(Role::kApplicant)}) {
    listedWheneverClaimed(kProposalAwaits, actor, allTrueProposalFacts());
    listedWheneverClaimed(kGrantAwaits, actor, allTrueGrantFacts());
    listedWheneverClaimed(kTrancheAwaits, actor, allTrueTrancheFacts());
    listedWheneverClaimed(kReportAwaits, actor, allTrueReportFacts());
  }
  auto failing = ProposalFacts{};
  failing.award_proposed_by = fm.user_id;
  BOOST_TEST(waitingFor(kProposalAwaits, "reviewed", fm, failing).listed);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::workflow::testing
