// The database goes away under a running instance (the PostgreSQL server stops at once, as in a
// crash): requests that need it answer 503 problem+json quickly instead of hanging, /readyz
// fails, and when the server is back the instance serves again by itself — reads, a transition,
// and an audit chain that still holds. PostgreSQL only: an SQLite file does not go away.
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "services/audit/audit_log.h"
#include "tests/support/scratch_database.h"
#include "tests/web/pipeline_steps.h"

using namespace citygrants;
using namespace citygrants::webtest;

namespace {

boost::test_tools::assertion_result postgresOnly(boost::unit_test::test_unit_id) {
  boost::test_tools::assertion_result ok(testing::onPostgres() &&
                                         std::getenv("CITYGRANTS_TEST_PG_STATE") != nullptr);
  ok.message()
      << "a server that goes away is a PostgreSQL outage: this runs in the PostgreSQL pass";
  return ok;
}

// The cluster's server stopped for the scope (tests/pg/cluster.sh down), and started again on
// leaving it, also when a check fails.
class Outage {
 public:
  Outage() { cluster("down"); }
  ~Outage() {
    if (down_) cluster("up");
  }
  void end() {
    cluster("up");
    down_ = false;
  }

 private:
  static void cluster(const std::string& verb) {
    const std::string cmd = std::string(CITYGRANTS_SOURCE_DIR) + "/tests/pg/cluster.sh " + verb +
                            " " + std::getenv("CITYGRANTS_TEST_PG_STATE") + " >/dev/null";
    if (std::system(cmd.c_str()) != 0) throw std::runtime_error(cmd + " failed");
  }
  bool down_ = true;
};

double secondsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(database_outage, *boost::unit_test::precondition(postgresOnly))

BOOST_AUTO_TEST_CASE(a_database_that_goes_away_answers_503_and_the_instance_recovers_by_itself) {
  Server server(true);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto submitted = itemsOf(read(fm1, "/api/v1/proposals?state=submitted"))
                             ->getObject(0)
                             ->getValue<std::int64_t>("id");
  const auto etag = read(fm1, proposalPath(submitted)).header("ETag");
  {
    Outage outage;
    for (const auto& path : {std::string("/api/v1/proposals?state=submitted"),
                             proposalPath(submitted), std::string("/api/v1/me")}) {
      const auto started = std::chrono::steady_clock::now();
      const auto r = fm1.get(path);
      BOOST_TEST(r.status == 503, path << ": " << r.status << " " << r.body);
      BOOST_TEST(r.isProblem(), r.body);
      BOOST_TEST(r.body.find("/problems/unavailable") != std::string::npos, r.body);
      BOOST_TEST(secondsSince(started) < 10.0, path << " took " << secondsSince(started) << " s");
    }
    const auto change = fm1.post(proposalPath(submitted) + "/transitions", R"({"event":"screen"})",
                                 {{"If-Match", etag}});
    BOOST_TEST(change.status == 503, change.body);
    const auto ready = server.client().get("/readyz");
    BOOST_TEST(ready.status == 503, ready.body);
    BOOST_TEST(ready.isProblem(), ready.body);
    BOOST_TEST(ready.body.find("127.0.0.1") == std::string::npos,
               "no host or port leaks: " << ready.body);
    BOOST_TEST(server.client().get("/healthz").status == 200);  // the process itself is alive
    outage.end();
  }

  // Back by itself: no restart of the instance.
  const auto started = std::chrono::steady_clock::now();
  int ready = 0;
  while (secondsSince(started) < 20.0 && (ready = server.client().get("/readyz").status) != 200) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  BOOST_REQUIRE_EQUAL(ready, 200);
  BOOST_TEST(read(fm1, proposalPath(submitted)).header("ETag") ==
             etag);  // the refused change did nothing
  fire(fm1, proposalPath(submitted), {.name = "screen"}, "screening");
  const auto verdict = audit::verifyAudit(server.db());
  BOOST_TEST(verdict.ok, verdict.reason);
}

BOOST_AUTO_TEST_SUITE_END()
