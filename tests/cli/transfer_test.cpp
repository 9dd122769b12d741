// `copy` and `backup` through the real binary. copy moves the demo fund into an empty database —
// a new SQLite file in the SQLite run, a PostgreSQL schema in the run on PostgreSQL — and the
// target then serves as the fund (its checks hold, new rows get new ids). backup copies a live
// SQLite database while another process keeps writing to it, and the restored file verifies.
#include <atomic>
#include <filesystem>
#include <string>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "services/db/database.h"
#include "tests/cli/cli_run.h"
#include "tests/support/scratch_database.h"

using citygrants::clitest::run;
using citygrants::clitest::tempPath;

namespace {

std::int64_t scalar(const std::string& where, const std::string& sql) {
  citygrants::db::Database db(citygrants::db::parseConnectionString(where), {.pool_size = 1});
  auto tx = db.read();
  long long n = 0;
  tx.sql() << sql, soci::into(n);
  return n;
}

// A demo fund in a new SQLite file.
std::string seededFund(const std::string& name) {
  const auto path = tempPath(name);
  BOOST_REQUIRE_EQUAL(run("migrate --db sqlite:" + path).code, 0);
  const auto seeded = run("seed-demo --db sqlite:" + path + " --demo-password demo-password-1");
  BOOST_REQUIRE_MESSAGE(seeded.code == 0, seeded.out);
  return "sqlite:" + path;
}

// Runs one statement on `where` in a write transaction of its own (test set-up).
void exec(const std::string& where, const std::string& sql) {
  citygrants::db::Database db(citygrants::db::parseConnectionString(where), {.pool_size = 1});
  db.write([&](citygrants::db::Tx& tx) {
    tx.sql() << sql;
    tx.commit();
  });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(transfer)

BOOST_AUTO_TEST_CASE(copy_moves_a_whole_fund_into_an_empty_database_and_checks_it_there) {
  const auto source = seededFund("copy-source.db");
  // A thread's message with a file (the demo fund has none), written behind the application's back.
  exec(source,
       "INSERT INTO messages (proposal_id, visibility, body, author_id, author_org_id, author_side, "
       "created_at) SELECT MIN(p.id), 'internal', 'A note', MIN(u.id), MIN(u.org_id), 'fund', 1 "
       "FROM proposals p, users u WHERE u.email = 'fm1@mmc.demo'");
  exec(source,
       "INSERT INTO attachments (message_id, filename, content_type, size_bytes, sha256, "
       "content_base64, uploaded_by, created_at) SELECT id, 'a.txt', 'text/plain', 2, "
       "'0000000000000000000000000000000000000000000000000000000000000000', 'aGkK', author_id, 1 "
       "FROM messages");
  BOOST_REQUIRE(scalar(source, "SELECT COUNT(*) FROM attachments WHERE message_id IS NOT NULL") == 1);
  citygrants::testing::ScratchDatabase target("copy_target");
  auto r = run("copy --from " + source + " --to '" + target.where() + "'");
  BOOST_REQUIRE_MESSAGE(r.code == 0, r.out);
  BOOST_TEST(r.out.find("copy complete") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("DIFFERS") == std::string::npos, r.out);
  for (const char* sql :
       {"SELECT COUNT(*) FROM proposals", "SELECT COUNT(*) FROM audit_events",
        "SELECT SUM(amount_minor) FROM tranches",
        "SELECT SUM(amount_minor) FROM tranches WHERE state = 'disbursed'",
        "SELECT SUM(amount_minor) FROM budget_lines", "SELECT last_seq FROM audit_head",
        "SELECT COUNT(*) FROM messages", "SELECT COUNT(*) FROM attachments WHERE message_id IS NOT NULL"}) {
    BOOST_TEST(scalar(target.where(), sql) == scalar(source, sql), sql);
  }
  BOOST_TEST(run("verify-audit --db '" + target.where() + "'").code == 0);

  // The copy is a working fund: a new user gets a new id (PostgreSQL's sequences moved past the
  // copied ids), and the chain still holds after that audited change.
  r = run("user add --db '" + target.where() +
          "' --email new@mmc.demo --name New --org 'Mayors Migration Council' --role auditor "
          "--password long-enough-pw");
  BOOST_TEST(r.code == 0, r.out);
  BOOST_TEST(scalar(target.where(), "SELECT MAX(id) FROM users") ==
             scalar(source, "SELECT MAX(id) FROM users") + 1);
  BOOST_TEST(run("verify-audit --db '" + target.where() + "'").code == 0);

  // A target that holds a fund is refused, and keeps it.
  const auto events = scalar(target.where(), "SELECT COUNT(*) FROM audit_events");
  r = run("copy --from " + source + " --to '" + target.where() + "'");
  BOOST_TEST(r.code == 65, r.out);
  BOOST_TEST(r.out.find("already holds a fund") != std::string::npos, r.out);
  BOOST_TEST(scalar(target.where(), "SELECT COUNT(*) FROM audit_events") == events);

  BOOST_TEST(run("copy --from " + source).code == 64);                      // --to is required
  BOOST_TEST(run("copy --from " + source + " --to " + source).code == 64);  // onto itself
  BOOST_TEST(run("copy --from sqlite:" + tempPath("no-such-fund.db") +
                 " --to sqlite:" + tempPath("copy-nowhere.db"))
                 .code == 66);
}

BOOST_AUTO_TEST_CASE(backup_of_a_live_database_is_consistent_and_the_restored_copy_verifies) {
  const auto source = seededFund("backup-live.db");
  const auto file = tempPath("backup-live.copy.db");
  // Another process writes audited changes all along.
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::thread writer([&] {
    for (int i = 0; !stop.load() && i < 200; ++i) {
      const auto r = run("user add --db " + source + " --email w" + std::to_string(i) +
                         "@mmc.demo --name W --org 'Mayors Migration Council' --role auditor "
                         "--password long-enough-pw");
      if (r.code == 0) ++written;
    }
  });
  while (written.load() < 3) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const auto r = run("backup --db " + source + " --to " + file);
  stop = true;
  writer.join();
  BOOST_REQUIRE_MESSAGE(r.code == 0, r.out);
  BOOST_TEST(r.out.find("event(s) verified in the copy") != std::string::npos, r.out);
  BOOST_TEST(!std::filesystem::exists(file + ".partial"));

  // Restore: the file is a database of its own; every user it has is in the source too, and its
  // chain holds up to its own head.
  const auto restored = tempPath("backup-live.restored.db");
  std::filesystem::copy_file(file, restored);
  BOOST_TEST(run("verify-audit --db sqlite:" + restored).code == 0);
  const auto users = scalar("sqlite:" + restored, "SELECT COUNT(*) FROM users");
  BOOST_TEST(users >= 17 + 3);
  BOOST_TEST(users <= scalar(source, "SELECT COUNT(*) FROM users"));
  BOOST_TEST(scalar("sqlite:" + restored, "SELECT last_seq FROM audit_head") ==
             scalar("sqlite:" + restored, "SELECT COUNT(*) FROM audit_events"));

  // Never over a file; never of a PostgreSQL database.
  const auto again = run("backup --db " + source + " --to " + file);
  BOOST_TEST(again.code == 65, again.out);
  BOOST_TEST(again.out.find("never overwrites") != std::string::npos, again.out);
  const auto pg =
      run("backup --db postgresql://nobody@127.0.0.1:1/none --to " + tempPath("pg.backup"));
  BOOST_TEST(pg.code == 65, pg.out);
  BOOST_TEST(pg.out.find("pg_dump") != std::string::npos, pg.out);
}

BOOST_AUTO_TEST_SUITE_END()
