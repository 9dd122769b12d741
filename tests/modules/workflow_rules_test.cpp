// The workflow rules people talk about, one case each, on top of the generated table walks in
// workflow_tables_test.cpp: four eyes, who may never do what, and which refusal wins.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/modules/workflow_fixtures.h"

namespace citygrants::workflow::testing {

BOOST_AUTO_TEST_SUITE(workflow_rules)

BOOST_AUTO_TEST_CASE(applicant_cannot_approve_own_tranche) {
  const Actor applicant = actorFor(Role::kApplicant, kRequesterUser);
  const auto got = outcome([&] {
    fire(kTrancheFlow, "verified", "approve", applicant, allTrueTrancheFacts(), fullInput());
  });
  BOOST_TEST(got == "forbidden");
}

BOOST_AUTO_TEST_CASE(approver_cannot_disburse_the_tranche_they_approved) {
  const Actor approver = actorFor(Role::kFundManager, kApproverUser);
  const auto p = refusal([&] {
    fire(kTrancheFlow, "approved", "disburse", approver, allTrueTrancheFacts(), fullInput());
  });
  BOOST_TEST_REQUIRE(p.has_value());
  BOOST_TEST(core::problemKindName(p->kind()) == "forbidden");
  BOOST_TEST(p->message().key.name() == "guard.tranche.not_approver");
  BOOST_TEST(std::string(p->what()) == "Another fund manager than the approver must disburse.");
  // A second fund manager may.
  const Actor second = actorFor(Role::kFundManager);
  const auto& row =
      fire(kTrancheFlow, "approved", "disburse", second, allTrueTrancheFacts(), fullInput());
  BOOST_TEST(row.to == "disbursed");
}

BOOST_AUTO_TEST_CASE(fund_manager_who_verified_or_requested_cannot_approve) {
  for (std::int64_t user : {kRequesterUser, kVerifierUser}) {
    const Actor same = actorFor(Role::kFundManager, user);
    const auto p = refusal([&] {
      fire(kTrancheFlow, "verified", "approve", same, allTrueTrancheFacts(), fullInput());
    });
    BOOST_TEST_REQUIRE(p.has_value());
    BOOST_TEST(core::problemKindName(p->kind()) == "forbidden");
  }
}

BOOST_AUTO_TEST_CASE(fund_manager_who_proposed_an_award_cannot_approve_it) {
  const Actor proposer = actorFor(Role::kFundManager, kProposerUser);
  const auto facts = allTrueProposalFacts();
  BOOST_TEST(outcome([&] {
               fire(kProposalFlow, "award_proposed", "approve", proposer, facts, fullInput());
             }) == "forbidden");
  const Actor other = actorFor(Role::kFundManager);
  BOOST_TEST(fire(kProposalFlow, "award_proposed", "approve", other, facts, fullInput()).to ==
             "approved");
}

BOOST_AUTO_TEST_CASE(an_award_above_the_threshold_must_be_proposed_not_approved) {
  auto facts = allTrueProposalFacts();
  facts.award_within_threshold = false;
  const Actor fm = actorFor(Role::kFundManager);
  BOOST_TEST(outcome([&] { fire(kProposalFlow, "reviewed", "approve", fm, facts, fullInput()); }) ==
             "conflict");
  const auto allowed = allowedEvents(kProposalFlow, "reviewed", fm, facts);
  BOOST_TEST(std::count(allowed.begin(), allowed.end(), "propose_award") == 1);
  BOOST_TEST(std::count(allowed.begin(), allowed.end(), "approve") == 0);

  facts.award_within_threshold = true;
  BOOST_TEST(outcome([&] {
               fire(kProposalFlow, "reviewed", "propose_award", fm, facts, fullInput());
             }) == "conflict");
}

BOOST_AUTO_TEST_CASE(admin_never_decides_or_moves_money) {
  auto adminRows = [](const auto& machine) {
    std::size_t n = 0;
    for (const auto& row : machine.transitions) n += row.who.has(Role::kAdmin) ? 1 : 0;
    return n;
  };
  BOOST_TEST(adminRows(kProposalFlow) == 0u);
  BOOST_TEST(adminRows(kReviewFlow) == 0u);
  BOOST_TEST(adminRows(kGrantFlow) == 0u);
  BOOST_TEST(adminRows(kTrancheFlow) == 0u);
  BOOST_TEST(adminRows(kReportFlow) == 0u);
  BOOST_TEST(outcome([&] {
               fire(kCallFlow, "draft", "open", actorFor(Role::kAdmin), allTrueCallFacts(),
                    fullInput());
             }) == "forbidden");
}

BOOST_AUTO_TEST_CASE(auditor_has_no_actions_in_any_state) {
  Actor auditor{kActorUser, kCityOrg, RoleSet(Role::kAuditor)};
  auto none = [&](const auto& machine, const auto& facts) {
    for (auto state : machine.states) {
      BOOST_TEST(allowedEvents(machine, state, auditor, facts).empty());
    }
  };
  none(kCallFlow, allTrueCallFacts());
  none(kProposalFlow, allTrueProposalFacts());
  none(kReviewFlow, allTrueReviewFacts());
  none(kGrantFlow, allTrueGrantFacts());
  none(kTrancheFlow, allTrueTrancheFacts());
  none(kReportFlow, allTrueReportFacts());
}

BOOST_AUTO_TEST_CASE(fund_manager_acts_for_a_record_of_any_city) {
  auto facts = allTrueProposalFacts();
  facts.scope = access::Scope{kOtherCityOrg, {}};
  const auto& row =
      fire(kProposalFlow, "submitted", "screen", actorFor(Role::kFundManager), facts, Input{});
  BOOST_TEST(row.to == "screening");
}

BOOST_AUTO_TEST_CASE(only_the_supporting_partner_verifies_a_tranche) {
  auto facts = allTrueTrancheFacts();
  const Actor supporting{kActorUser, kSecondPartnerOrg, RoleSet(Role::kPartner)};
  BOOST_TEST(fire(kTrancheFlow, "requested", "verify", supporting, facts, Input{}).to ==
             "verified");
  facts.scope.partner_org_ids = {kOtherPartnerOrg};
  BOOST_TEST(outcome([&] {
               fire(kTrancheFlow, "requested", "verify", supporting, facts, Input{});
             }) == "forbidden");
}

BOOST_AUTO_TEST_CASE(a_forbidden_actor_learns_nothing_about_missing_input_or_guards) {
  // The role check comes before the input check and the guards, so an outsider is told
  // "forbidden" and nothing about the record.
  auto facts = allTrueTrancheFacts();
  facts.grant_active = false;
  BOOST_TEST(outcome([&] {
               fire(kTrancheFlow, "scheduled", "cancel", actorFor(Role::kApplicant), facts,
                    Input{});
             }) == "forbidden");
  BOOST_TEST(outcome([&] {
               fire(kTrancheFlow, "scheduled", "request", actorFor(Role::kPartner), facts, Input{});
             }) == "forbidden");
}

BOOST_AUTO_TEST_CASE(missing_input_is_reported_before_a_failing_guard) {
  auto facts = allTrueProposalFacts();  // within threshold: propose_award's guard fails
  const auto p = refusal([&] {
    fire(kProposalFlow, "reviewed", "propose_award", actorFor(Role::kFundManager), facts, Input{});
  });
  BOOST_TEST_REQUIRE(p.has_value());
  BOOST_TEST(core::problemKindName(p->kind()) == "invalid");
  BOOST_TEST(p->fields().size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_reviewer_must_declare_no_conflict_to_accept) {
  const Actor partner = actorFor(Role::kPartner);
  Input in;
  const auto p =
      refusal([&] { fire(kReviewFlow, "assigned", "accept", partner, allTrueReviewFacts(), in); });
  BOOST_TEST_REQUIRE(p.has_value());
  BOOST_TEST_REQUIRE(p->fields().size() == 1u);
  BOOST_TEST(p->fields().front().field == "no_conflict_declared");
  in.no_conflict_declared = true;
  BOOST_TEST(fire(kReviewFlow, "assigned", "accept", partner, allTrueReviewFacts(), in).to ==
             "in_progress");
}

BOOST_AUTO_TEST_CASE(every_state_is_a_start_or_reachable_by_some_row) {
  auto check = [](const auto& machine) {
    std::vector<std::string_view> reached{machine.states.front()};
    bool grew = true;
    while (grew) {
      grew = false;
      for (const auto& row : machine.transitions) {
        const bool from_known =
            std::find(reached.begin(), reached.end(), row.from) != reached.end();
        if (from_known && std::find(reached.begin(), reached.end(), row.to) == reached.end()) {
          reached.push_back(row.to);
          grew = true;
        }
      }
    }
    for (auto state : machine.states) {
      BOOST_TEST_CONTEXT(machine.name << ": " << state) {
        // A single-stage proposal starts at "draft"; everything else is reached from the first.
        const bool start =
            state == machine.states.front() || (machine.name == "proposal" && state == "draft");
        BOOST_TEST((start || std::find(reached.begin(), reached.end(), state) != reached.end()));
      }
    }
  };
  check(kCallFlow);
  check(kProposalFlow);
  check(kReviewFlow);
  check(kGrantFlow);
  check(kTrancheFlow);
  check(kReportFlow);
}

BOOST_AUTO_TEST_CASE(need_names_are_the_input_field_names) {
  // describe() lists a row's needs by name for /workflows and the console; the console sends
  // them back as input fields, so each name should be the field that fire() names when missing.
  for (const auto& nf : kNeedFields) {
    BOOST_TEST_CONTEXT("need " << needName(nf.need)) {
      const auto missing = missingNeeds(nf.need, Input{});
      BOOST_TEST_REQUIRE(missing.size() == 1u);
      BOOST_TEST(missing.front().field == nf.field);
      BOOST_TEST(needName(nf.need) == nf.field);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::workflow::testing
