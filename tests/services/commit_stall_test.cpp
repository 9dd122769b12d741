// A commit that waits for the disk holds the writer and nothing else: while one write's fsync is
// stuck (a virtual machine's flush sometimes takes hundreds of milliseconds), reads on other
// threads answer with what was committed before it, and the first read after the commit sees
// the write. A read that waited for the writer would stall every request whenever the disk does.
#include <chrono>
#include <cstdint>
#include <future>
#include <thread>
#include <utility>

#include <boost/test/unit_test.hpp>

#include "services/audit/audit_log.h"
#include "tests/services/fixture.h"
#include "tests/support/stalling_vfs.h"

using namespace citygrants;

namespace {

constexpr auto kPatience = std::chrono::seconds(30);  // a bound on a hang, not a measure

// What a request reading meanwhile learns: the database generation, and the stalled write's rows.
std::pair<std::int64_t, std::int64_t> readNow(db::Database& db) {
  const auto generation = db.generations().data;
  return {generation, testing::auditRows(db, "stalled")};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(commit_stall, *boost::unit_test::precondition(testing::sqliteOnly))

BOOST_AUTO_TEST_CASE(reads_answer_while_a_commit_waits_for_the_disk) {
  testing::TestDb t("commit_stall");  // opened first: SQLite takes its settings (StallingVfs)
  testing::StallingVfs vfs;
  // An instance as `serve` opens it, whose connections go through the stalling VFS.
  db::Database db(db::parseConnectionString(t.where), {.pool_size = 2, .shared_generation_ms = 5});
  const auto before = readNow(db);
  BOOST_TEST(before.second == 0);

  vfs.arm();
  std::jthread writer([&] {
    db.write([](db::Tx& tx) {
      audit::appendAudit(tx, {std::int64_t{1}, "stalled", 1, "write", "", "", "{}", 1000});
      tx.commit();
    });
  });
  const bool held = vfs.waitUntilHeld(kPatience);
  if (!held) vfs.release();
  BOOST_REQUIRE_MESSAGE(held, "the write's commit never synced its write-ahead log");

  auto meanwhile = std::async(std::launch::async, [&] { return readNow(db); });
  const bool answered = meanwhile.wait_for(kPatience) == std::future_status::ready;
  vfs.release();  // also when the read hangs, so that the test ends
  writer.join();
  BOOST_REQUIRE_MESSAGE(answered, "a read waited for another write's fsync");
  const auto during = meanwhile.get();
  BOOST_TEST(during.first == before.first);  // the write is not committed yet
  BOOST_TEST(during.second == 0);

  const auto after = readNow(db);
  BOOST_TEST(after.first > before.first);
  BOOST_TEST(after.second == 1);
}

BOOST_AUTO_TEST_SUITE_END()
