// `citygrants tick` (issue 16): the reminders due at --now, printed by kind, each written once;
// a malformed --now is a usage error (exit 64) that names the flag and writes nothing.

#include <chrono>
#include <ctime>
#include <netinet/in.h>
#include <signal.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "services/db/database.h"
#include "tests/cli/cli_run.h"

namespace {

using citygrants::clitest::run;
using citygrants::clitest::tempPath;

std::int64_t count(const std::string& path, const std::string& sql) {
  citygrants::db::Database db(citygrants::db::parseConnectionString("sqlite:" + path),
                              {.pool_size = 1});
  auto tx = db.read();
  std::int64_t n = 0;
  tx.sql() << sql, soci::into(n);
  return n;
}

// The UTC day `days` from today, as --now takes it: 2026-03-01.
std::string dayFromToday(int days) {
  const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() +
                                                      std::chrono::hours(24 * days));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[16];
  std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
  return out;
}

// A loopback port nobody listens on now.
int freePort() {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(s);
  return ntohs(addr.sin_port);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_tick)

BOOST_AUTO_TEST_CASE(serve_ticks_under_the_lease_and_gives_it_up_when_it_stops) {
  const auto path = tempPath("cli_serve_tick.db");
  BOOST_REQUIRE_EQUAL(run("migrate --db sqlite:" + path).code, 0);
  BOOST_REQUIRE_EQUAL(
      run("seed-demo --db sqlite:" + path + " --demo-password demo-password-1").code, 0);
  const std::string db = "sqlite:" + path, port = std::to_string(freePort());
  const pid_t pid = ::fork();
  BOOST_REQUIRE(pid >= 0);
  if (pid == 0) {
    ::freopen("/dev/null", "w", stdout);
    ::execl(CITYGRANTS_BINARY, CITYGRANTS_BINARY, "serve", "--db", db.c_str(), "--host",
            "127.0.0.1", "--port", port.c_str(), "--tick-seconds", "3600", nullptr);
    ::_exit(127);
  }
  // Its first tick, at start-up: the demo's overdue reviews and waiting award.
  std::int64_t held = 0;
  for (int i = 0; i < 300 && held == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    held = count(path, "SELECT COUNT(*) FROM scheduler_lease WHERE expires_at > 0");
  }
  BOOST_TEST(held == 1);
  BOOST_TEST(count(path, "SELECT COUNT(*) FROM sent_reminders WHERE outcome = 'sent'") > 0);
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  BOOST_TEST(WIFEXITED(status));
  BOOST_TEST(WEXITSTATUS(status) == 0);
  BOOST_TEST(count(path, "SELECT COUNT(*) FROM scheduler_lease WHERE expires_at > 0") == 0);
}

BOOST_AUTO_TEST_CASE(tick_prints_the_reminders_of_each_kind_it_wrote_and_writes_them_once) {
  const auto path = tempPath("cli_tick.db");
  BOOST_REQUIRE_EQUAL(run("migrate --db sqlite:" + path).code, 0);
  BOOST_REQUIRE_EQUAL(
      run("seed-demo --db sqlite:" + path + " --demo-password demo-password-1").code, 0);
  const std::string db = " --db sqlite:" + path;

  // The demo's round closes in 60 days: 54 days on, its cities with drafts are reminded.
  const auto at = dayFromToday(54) + "T09:00Z";
  auto r = run("tick" + db + " --now " + at);
  BOOST_REQUIRE_MESSAGE(r.code == 0, r.out);
  BOOST_TEST(r.out.find("tick at " + at) != std::string::npos, r.out);
  BOOST_TEST(r.out.find("call_closing_7: ") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("award_waiting_3: 1 reminder(s)") != std::string::npos, r.out);
  const auto sent = count(path, "SELECT COUNT(*) FROM sent_reminders WHERE outcome = 'sent'");
  const auto mail = count(path, "SELECT COUNT(*) FROM outbox_mail");
  BOOST_TEST(sent > 0);
  BOOST_TEST(r.out.find(": " + std::to_string(sent) + " reminder(s)\n") != std::string::npos,
             r.out);

  r = run("tick" + db + " --now " + at);
  BOOST_TEST(r.code == 0, r.out);
  BOOST_TEST(r.out.find(": 0 reminder(s)") != std::string::npos, r.out);
  BOOST_TEST(count(path, "SELECT COUNT(*) FROM sent_reminders WHERE outcome = 'sent'") == sent);
  BOOST_TEST(count(path, "SELECT COUNT(*) FROM outbox_mail") == mail);
}

BOOST_AUTO_TEST_CASE(tick_with_a_malformed_now_exits_64_naming_it_and_writes_nothing) {
  const auto path = tempPath("cli_tick_bad.db");
  BOOST_REQUIRE_EQUAL(run("migrate --db sqlite:" + path).code, 0);
  for (const char* bad : {"yesterday", "2026-13-01", "2026-02-30", "2026-03-01T25:00Z",
                          "2026-03-01T09:00", "1999-01-01"}) {
    const auto r = run("tick --db sqlite:" + path + " --now " + bad);
    BOOST_TEST(r.code == 64, bad << " gave " << r.code << ": " << r.out);
    BOOST_TEST(r.out.find("--now") != std::string::npos, r.out);
    BOOST_TEST(r.out.find("ISO 8601") != std::string::npos, r.out);
  }
  BOOST_TEST(count(path, "SELECT COUNT(*) FROM sent_reminders") == 0);
  BOOST_TEST(run("tick --db sqlite:" + path + " --now 2026-03-01T09:00:00.250+02:00").code == 0);
}

BOOST_AUTO_TEST_SUITE_END()
