#include "services/usecases/stats_service.h"

#include <string>
#include <unistd.h>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "modules/workflow/proposal_flow.h"
#include "services/usecases/call_service.h"
#include "services/usecases/proposal_service.h"
#include "tests/services/grant_world.h"

// The pipeline and money totals: what they count for whom, and that money in different currencies
// is never added up. The queries are the stores' (stats_store.cpp) on a real SQLite file.
using namespace citygrants;
using access::Actor;
using stores::MoneyKey;
using usecases::PipelineInCurrency;
using usecases::StateTotals;

namespace {

std::string uniqueName() {
  static int counter = 0;
  return "stats_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

// The fund, and a way to add a call in another currency with an approved proposal in it.
struct StatsFund : testing::Fund {
  StatsFund() : Fund(uniqueName()) {}

  usecases::StatsService stats{ctx};

  // An open call in `currency` (the fixture call's terms otherwise).
  std::int64_t openCall(const std::string& code, const std::string& currency) {
    stores::Call c = call;
    c.id = 0;
    c.code = code;
    c.currency = currency;
    for (auto& k : c.criteria) k.id = 0;
    usecases::CallService calls(ctx);
    const auto created = calls.create(fm1, c);
    return calls.fire(fm1, created.id, {.event = "open"}).id;
  }

  // City B's proposal of `amount` in `call_id`, reviewed by partner B and approved by fm1.
  std::int64_t approvedInCall(std::int64_t call_id, std::int64_t amount) {
    usecases::ProposalService proposals(ctx);
    const auto id = proposals.create(applicant_b, call_id, content(amount)).proposal.id;
    proposals.fire(applicant_b, id, {.event = "submit"});
    proposals.fire(fm1, id, {.event = "screen"});
    proposals.setSupportingPartner(fm1, id, std::nullopt, partner_b);
    ctx.db.write([&](db::Tx& tx) {
      stores::Assignment a;
      a.proposal_id = id;
      a.partner_org_id = partner_b;
      a.state = "submitted";
      a.created_by = fm1.user_id;
      stores::ReviewStore::insert(tx, a, clock.nowMs());
      tx.commit();
    });
    proposals.fire(fm1, id, {.event = "send_to_review"});
    proposals.fire(fm1, id, {.event = "close_review"});
    proposals.fire(fm1, id, {.event = "approve"});
    return id;
  }

  // The totals of `state` in the one currency group `groups` must have.
  static StateTotals stateOf(const std::vector<PipelineInCurrency>& groups,
                             const std::string& state) {
    BOOST_REQUIRE_EQUAL(groups.size(), 1u);
    for (const auto& s : groups.front().states) {
      if (s.state == state) return s;
    }
    BOOST_FAIL("no state " << state);
    return {};
  }

  static std::int64_t countOf(const std::vector<PipelineInCurrency>& groups) {
    std::int64_t n = 0;
    for (const auto& g : groups) {
      for (const auto& s : g.states) n += s.count;
    }
    return n;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(stats_service, StatsFund)

BOOST_AUTO_TEST_CASE(the_pipeline_lists_every_state_in_order_with_requested_and_awarded_money) {
  draftProposal(21'000'000);
  supportedProposal(22'000'000);
  approvedGrant(23'000'000);
  const auto all = stats.pipeline(fm1, std::nullopt);
  BOOST_REQUIRE_EQUAL(all.size(), 1u);
  BOOST_TEST(all.front().currency == "USD");
  BOOST_REQUIRE_EQUAL(all.front().states.size(), std::size(workflow::kProposalStates));
  for (std::size_t i = 0; i < all.front().states.size(); ++i) {
    BOOST_TEST(all.front().states[i].state == workflow::kProposalStates[i]);
  }
  const auto draft = stateOf(all, "draft");
  BOOST_TEST(draft.count == 1);
  BOOST_TEST(draft.requested_minor == 21'000'000);
  BOOST_TEST(draft.awarded_minor == 0);
  BOOST_TEST(stateOf(all, "screening").requested_minor == 22'000'000);
  const auto approved = stateOf(all, "approved");
  BOOST_TEST(approved.count == 1);
  BOOST_TEST(approved.requested_minor == 23'000'000);
  BOOST_TEST(approved.awarded_minor == 23'000'000);
  BOOST_TEST(stateOf(all, "rejected").count == 0);
}

BOOST_AUTO_TEST_CASE(each_reader_counts_only_the_proposals_their_list_shows) {
  draftProposal();
  supportedProposal();  // partner A supports it
  BOOST_TEST(countOf(stats.pipeline(fm1, std::nullopt)) == 2);
  BOOST_TEST(countOf(stats.pipeline(auditor, std::nullopt)) == 2);
  BOOST_TEST(countOf(stats.pipeline(applicant_a, std::nullopt)) == 2);
  BOOST_TEST(countOf(stats.pipeline(reviewer_a, std::nullopt)) == 1);
  for (const Actor& outsider : {applicant_b, reviewer_b, admin}) {
    const auto none = stats.pipeline(outsider, std::nullopt);
    BOOST_REQUIRE_EQUAL(none.size(), 1u);
    BOOST_TEST(none.front().currency == "USD");
    BOOST_TEST(none.front().states.size() == std::size(workflow::kProposalStates));
    BOOST_TEST(countOf(none) == 0);
  }
}

BOOST_AUTO_TEST_CASE(the_pipeline_of_one_call_takes_its_currency_and_an_unknown_call_is_not_found) {
  draftProposal();
  const auto eur = openCall("GCF-EUR", "EUR");
  const auto of_eur = stats.pipeline(fm1, eur);
  BOOST_REQUIRE_EQUAL(of_eur.size(), 1u);
  BOOST_TEST(of_eur.front().currency == "EUR");
  BOOST_TEST(countOf(of_eur) == 0);
  BOOST_TEST(countOf(stats.pipeline(fm1, call.id)) == 1);
  BOOST_CHECK_EXCEPTION(stats.pipeline(fm1, 999'999), core::Problem, [](const core::Problem& p) {
    return p.kind() == core::ProblemKind::kNotFound;
  });
}

BOOST_AUTO_TEST_CASE(money_in_different_currencies_is_grouped_never_added_up) {
  approvedGrant(30'000'000);  // USD, Kampala
  const auto eur = openCall("GCF-EUR", "EUR");
  approvedInCall(eur, 28'000'000);  // EUR, Montevideo
  const auto pipeline = stats.pipeline(fm1, std::nullopt);
  BOOST_REQUIRE_EQUAL(pipeline.size(), 2u);
  BOOST_TEST(pipeline[0].currency == "EUR");  // code order
  BOOST_TEST(pipeline[1].currency == "USD");
  BOOST_TEST(pipeline[0].states[10].state == "approved");
  BOOST_TEST(pipeline[0].states[10].awarded_minor == 28'000'000);
  BOOST_TEST(pipeline[1].states[10].awarded_minor == 30'000'000);

  const auto by_call = stats.money(fm1, MoneyKey::kCall);
  BOOST_REQUIRE_EQUAL(by_call.size(), 2u);
  BOOST_TEST(by_call[0].currency == "EUR");
  BOOST_REQUIRE_EQUAL(by_call[0].items.size(), 1u);
  BOOST_TEST(by_call[0].items[0].id == eur);
  BOOST_TEST(by_call[0].items[0].name == "GCF-EUR \u2014 Test round");
  BOOST_TEST(by_call[0].items[0].planned_minor == 28'000'000);
  BOOST_TEST(by_call[1].items[0].planned_minor == 30'000'000);

  const auto by_city = stats.money(fm1, MoneyKey::kCity);
  BOOST_REQUIRE_EQUAL(by_city.size(), 2u);
  BOOST_TEST(by_city[0].items[0].name == "Montevideo");
  BOOST_TEST(by_city[1].items[0].name == "Kampala");
  // Each city sees its own currency only.
  const auto kampala = stats.money(applicant_a, MoneyKey::kCity);
  BOOST_REQUIRE_EQUAL(kampala.size(), 1u);
  BOOST_TEST(kampala[0].currency == "USD");
  BOOST_TEST(kampala[0].items[0].id == city_a);
}

BOOST_AUTO_TEST_CASE(money_with_nothing_to_count_is_one_empty_group_in_usd) {
  approvedGrant();
  for (const Actor& outsider : {applicant_b, reviewer_b, admin}) {
    for (auto key : {MoneyKey::kCall, MoneyKey::kCity}) {
      const auto none = stats.money(outsider, key);
      BOOST_REQUIRE_EQUAL(none.size(), 1u);
      BOOST_TEST(none[0].currency == "USD");
      BOOST_TEST(none[0].items.empty());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// Planned and disbursed money over a grant's life: planned stays the award (Σ of every tranche,
// cancelled ones included), disbursed grows only with disbursements.
BOOST_FIXTURE_TEST_SUITE(stats_money, testing::GrantWorld)

BOOST_AUTO_TEST_CASE(planned_is_the_award_and_disbursed_only_what_was_paid) {
  usecases::StatsService stats(ctx);
  auto totals = [&](const Actor& who, MoneyKey key) {
    const auto groups = stats.money(who, key);
    BOOST_REQUIRE_EQUAL(groups.size(), 1u);
    BOOST_REQUIRE_EQUAL(groups[0].items.size(), 1u);
    return groups[0].items[0];
  };
  auto t = totals(fm1, MoneyKey::kCall);
  BOOST_TEST(t.id == call.id);
  BOOST_TEST(t.grants == 1);
  BOOST_TEST(t.planned_minor == kOddAward);
  BOOST_TEST(t.disbursed_minor == 0);
  sign();
  approveTranche(1);  // approved is not paid
  BOOST_TEST(totals(fm1, MoneyKey::kCall).disbursed_minor == 0);
  fireTranche(fm2, 1, disburseEvent("stats-1"));
  t = totals(fm1, MoneyKey::kCity);
  BOOST_TEST(t.id == city_a);
  BOOST_TEST(t.name == "Kampala");
  BOOST_TEST(t.disbursed_minor == 13'333'333);
  grants.fire(fm1, grant_id, event("terminate", "the programme stopped"));
  for (const Actor& reader : {fm1, auditor, applicant_a, reviewer_a}) {
    t = totals(reader, MoneyKey::kCity);
    BOOST_TEST(t.planned_minor == kOddAward);  // the cancelled tranches stay planned
    BOOST_TEST(t.disbursed_minor == 13'333'333);
  }
  BOOST_TEST(stats.money(reviewer_b, MoneyKey::kCall)[0].items.empty());
  BOOST_TEST(stats.money(applicant_b, MoneyKey::kCity)[0].items.empty());
  checkInvariants();
}

BOOST_AUTO_TEST_SUITE_END()
