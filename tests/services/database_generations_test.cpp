// Database::generations with a shared look (Options::shared_generation_ms): one read serves an
// instance's requests for a while, and the requests that find it stale at once wait for one read
// and share it; a write of the instance is seen at once by every request after it, another
// instance's (on SQLite, another process's, or another Database on the file) within the sharing
// time. Without a shared look, every request reads.
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "services/audit/audit_log.h"
#include "tests/services/fixture.h"

using namespace citygrants;

namespace {

void appendEvent(db::Database& db, std::int64_t id) {
  db.write([&](db::Tx& tx) {
    audit::appendAudit(tx, {std::int64_t{1}, "shared", id, "write", "", "", "{}", 1000 + id});
    tx.commit();
  });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(database_generations)

BOOST_AUTO_TEST_CASE(a_write_of_this_instance_is_seen_at_once_by_every_request_after_it) {
  testing::TestDb t("generations_own");
  db::Database db(db::parseConnectionString(t.where),
                  {.pool_size = 4, .shared_generation_ms = 60'000});
  std::atomic<int> stale{0};
  std::atomic<bool> go{false};
  // Requests going on all the while, so that reads are under way when each write commits.
  std::atomic<bool> running{true};
  std::vector<std::jthread> background;
  for (int k = 0; k < 3; ++k) {
    background.emplace_back([&] {
      while (running) db.generations();
    });
  }
  for (int round = 0; round < 30; ++round) {
    const auto before = db.generations().data;
    appendEvent(db, round);
    // Requests begun after the write, all at once: each one sees it, whoever reads.
    go = false;
    std::vector<std::jthread> requests;
    for (int k = 0; k < 8; ++k) {
      requests.emplace_back([&] {
        while (!go) std::this_thread::yield();
        if (db.generations().data <= before) ++stale;
      });
    }
    go = true;
    requests.clear();
  }
  running = false;
  background.clear();
  BOOST_TEST(stale.load() == 0);
}

BOOST_AUTO_TEST_CASE(another_instance_write_is_seen_within_the_sharing_time) {
  testing::TestDb t("generations_other");
  db::Database here(db::parseConnectionString(t.where),
                    {.pool_size = 2, .shared_generation_ms = 1'000});
  const auto before = here.generations().data;
  appendEvent(*t.db, 1);  // another instance on the same database
  BOOST_TEST(here.generations().data == before);  // the shared look: no read yet
  std::this_thread::sleep_for(std::chrono::milliseconds(1'100));
  BOOST_TEST(here.generations().data > before);
  BOOST_TEST(here.changes().seen() == here.generations().data);  // its changes were read too
}

BOOST_AUTO_TEST_CASE(without_a_shared_look_every_request_reads) {
  testing::TestDb t("generations_unshared");
  db::Database here(db::parseConnectionString(t.where),
                    {.pool_size = 2, .shared_generation_ms = 0});
  const auto before = here.generations().data;
  appendEvent(*t.db, 1);  // another instance on the same database
  BOOST_TEST(here.generations().data > before);
  BOOST_TEST(here.changes().seen() == here.generations().data);
}

BOOST_AUTO_TEST_SUITE_END()
