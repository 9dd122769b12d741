// As users meet it: while a fund manager's transition waits for the disk (its commit's fsync; a
// virtual machine's flush sometimes takes hundreds of milliseconds), everyone else's requests are
// answered, from the cache or computed, with what was committed before it. Then the transition
// answers, and the next read shows it.
#include <chrono>
#include <cstdint>
#include <future>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/support/scratch_database.h"
#include "tests/support/stalling_vfs.h"
#include "tests/web/pipeline_steps.h"

using namespace citygrants;
using namespace citygrants::webtest;

namespace {

constexpr auto kPatience = std::chrono::seconds(30);  // a bound on a hang, not a measure

boost::test_tools::assertion_result sqliteOnly(boost::unit_test::test_unit_id) {
  boost::test_tools::assertion_result ok(!testing::onPostgres());
  ok.message() << "the stalled fsync is SQLite's, in this process; PostgreSQL commits in its own";
  return ok;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(commit_stall, *boost::unit_test::precondition(sqliteOnly))

BOOST_AUTO_TEST_CASE(requests_are_answered_while_a_transition_waits_for_the_disk) {
  { TempDb first("commit_stall_first"); }  // SQLite takes its settings before the VFS comes
  testing::StallingVfs vfs;
  Server server(true);  // every connection of it goes through the stalling VFS
  auto fm1 = server.signedIn("fm1@mmc.demo");
  auto fm2 = server.signedIn("fm2@mmc.demo");  // before the stall: a sign-in is a write
  const std::string submitted = "/api/v1/proposals?state=submitted&limit=200";
  const auto id = itemsOf(read(fm2, submitted))->getObject(0)->getValue<std::int64_t>("id");
  const auto all = itemsOf(read(fm2, "/api/v1/proposals?sort=-id&limit=1"));
  const auto other = all->getObject(0)->getValue<std::int64_t>("id");  // never read: computed
  BOOST_REQUIRE(other != id);
  BOOST_REQUIRE_EQUAL(stateOf(read(fm2, proposalPath(id))), "submitted");  // now cached

  vfs.arm();
  auto screening = std::async(std::launch::async,
                              [&] { return tryFire(fm1, proposalPath(id), Event{"screen"}); });
  const bool held = vfs.waitUntilHeld(kPatience);
  if (!held) vfs.release();
  BOOST_REQUIRE_MESSAGE(held, "the transition's commit never synced its write-ahead log");

  auto meanwhile = std::async(std::launch::async, [&] {
    return std::vector<Response>{fm2.get(proposalPath(id)), fm2.get(submitted),
                                 fm2.get(proposalPath(other)), fm2.get("/healthz")};
  });
  const bool answered = meanwhile.wait_for(kPatience) == std::future_status::ready;
  vfs.release();  // also when a request hangs, so that the test ends
  const auto fired = screening.get();
  BOOST_REQUIRE_MESSAGE(answered, "a request waited for another one's fsync");
  const auto during = meanwhile.get();
  for (const auto& r : during) BOOST_TEST(r.status == 200);
  BOOST_TEST(stateOf(during[0]) == "submitted");  // not committed yet
  BOOST_TEST(listsId(during[1], id));
  BOOST_TEST(idOf(during[2]) == other);

  BOOST_TEST(fired.status == 200);
  BOOST_TEST(stateOf(read(fm2, proposalPath(id))) == "screening");
  BOOST_TEST(!listsId(read(fm2, submitted), id));
}

BOOST_AUTO_TEST_SUITE_END()
