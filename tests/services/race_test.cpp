#include <boost/test/unit_test.hpp>

#include <atomic>
#include <barrier>
#include <thread>

#include "modules/core/problem.h"
#include "services/usecases/proposal_service.h"
#include "tests/services/fixture.h"

using namespace citygrants;

BOOST_AUTO_TEST_SUITE(races)

// Two threads, each with its own connection to the same SQLite file (as two server instances
// would be), fire the same transition with the same expected version: exactly one wins.
BOOST_AUTO_TEST_CASE(two_threads_racing_one_transition_yield_one_winner_and_one_conflict) {
  testing::Fund fund("race_same_transition");
  db::Database second(db::parseConnectionString(fund.test_db.where), {.pool_size = 1});
  usecases::ProposalService on_first(fund.ctx);
  usecases::ProposalService on_second({second, fund.clock});

  constexpr int kRounds = 25;
  int wins = 0;
  int conflicts = 0;
  for (int round = 0; round < kRounds; ++round) {
    auto view = on_first.create(fund.applicant_a, fund.call.id, testing::Fund::content());
    view = on_first.fire(fund.applicant_a, view.proposal.id, {.event = "submit"});
    const auto id = view.proposal.id;
    const auto version = view.proposal.version;
    const auto audit_before = testing::auditHead(fund.ctx.db);

    std::barrier start(2);
    std::atomic<int> won{0};
    std::atomic<int> stale{0};
    auto race = [&](usecases::ProposalService& service) {
      start.arrive_and_wait();
      try {
        service.fire(fund.fm1, id, {.event = "screen", .expected_version = version});
        ++won;
      } catch (const core::Problem& p) {
        if (p.kind() == core::ProblemKind::kStaleVersion) ++stale;
      }
    };
    std::thread a(race, std::ref(on_first));
    std::thread b(race, std::ref(on_second));
    a.join();
    b.join();
    BOOST_TEST(won.load() == 1);
    BOOST_TEST(stale.load() == 1);
    BOOST_TEST(testing::auditHead(fund.ctx.db) == audit_before + 1);
    BOOST_TEST(on_first.get(fund.fm1, id).proposal.state == "screening");
    wins += won;
    conflicts += stale;
  }
  BOOST_TEST_MESSAGE("race rounds: " << kRounds << ", wins " << wins << ", conflicts " << conflicts);
}

BOOST_AUTO_TEST_SUITE_END()
