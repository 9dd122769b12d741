#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>

#include "services/crypto/totp.h"
#include "services/db/database.h"
#include "tests/cli/cli_run.h"

// The demo's second factor from the command line (issue 17): seed-demo enrols the fund managers
// and admin with a key it prints (or is given), totp-code prints its current code, and bad keys
// and roles are refused with exit 64 before anything is written.
namespace {

using citygrants::clitest::run;
using citygrants::clitest::tempPath;

std::int64_t scalarOf(const std::string& path, const std::string& sql) {
  citygrants::db::Database db(citygrants::db::parseConnectionString("sqlite:" + path), {.pool_size = 1});
  auto tx = db.read();
  std::int64_t n = 0;
  tx.sql() << sql, soci::into(n);
  tx.commit();
  return n;
}

std::string secretOf(const std::string& path, const std::string& email) {
  citygrants::db::Database db(citygrants::db::parseConnectionString("sqlite:" + path), {.pool_size = 1});
  auto tx = db.read();
  std::string s;
  tx.sql() << "SELECT f.secret FROM second_factors f JOIN users u ON u.id = f.user_id WHERE u.email = :e",
      soci::use(email), soci::into(s);
  tx.commit();
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(second_factor_cli)

BOOST_AUTO_TEST_CASE(seed_demo_enrols_the_fund_with_the_key_it_prints_or_is_given) {
  const auto printed = tempPath("cli_factor_printed.db");
  BOOST_REQUIRE_EQUAL(run("migrate --db sqlite:" + printed).code, 0);
  const auto r = run("seed-demo --db sqlite:" + printed + " --demo-password demo-password-1");
  BOOST_REQUIRE_MESSAGE(r.code == 0, r.out);
  const auto key = secretOf(printed, "fm1@mmc.demo");
  BOOST_TEST(key.size() == 32u);
  BOOST_TEST(r.out.find(key) != std::string::npos, "the key is printed");
  BOOST_TEST(secretOf(printed, "fm2@mmc.demo") == key);
  BOOST_TEST(secretOf(printed, "admin@mmc.demo") == key);
  BOOST_TEST(scalarOf(printed, "SELECT COUNT(*) FROM second_factors WHERE confirmed_at IS NOT NULL") == 3);
  // One tranche waits, verified, for a fund manager's approval: the step-up can be tried at once.
  BOOST_TEST(scalarOf(printed, "SELECT COUNT(*) FROM tranches WHERE state = 'verified'") == 1);

  const auto given = tempPath("cli_factor_given.db");
  BOOST_REQUIRE_EQUAL(run("migrate --db sqlite:" + given).code, 0);
  const auto g = run("seed-demo --db sqlite:" + given +
                     " --demo-password demo-password-1 --demo-totp-secret GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  BOOST_REQUIRE_MESSAGE(g.code == 0, g.out);
  BOOST_TEST(secretOf(given, "admin@mmc.demo") == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  BOOST_TEST(run("verify-audit --db sqlite:" + given).code == 0);
}

BOOST_AUTO_TEST_CASE(a_bad_key_is_refused_before_anything_is_written) {
  const auto path = tempPath("cli_factor_bad.db");
  BOOST_REQUIRE_EQUAL(run("migrate --db sqlite:" + path).code, 0);
  for (const char* bad : {"not-base32!", "ABCDEFGH", "GEZDGNBVGY3TQOJ1"}) {
    const auto r = run("seed-demo --db sqlite:" + path + " --demo-password demo-password-1 --demo-totp-secret " + bad);
    BOOST_TEST(r.code == 64, bad << ": " << r.out);
    BOOST_TEST(r.out.find("--demo-totp-secret") != std::string::npos, r.out);
  }
  BOOST_TEST(scalarOf(path, "SELECT COUNT(*) FROM users") == 0);
  BOOST_TEST(run("totp-code").code == 64);
  BOOST_TEST(run("totp-code --secret 0189").code == 64);
  BOOST_TEST(run("serve --db sqlite:" + path + " --second-factor-roles fund_manager,wizard").code == 64);
}

BOOST_AUTO_TEST_CASE(totp_code_prints_the_code_of_now) {
  const std::string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  const auto before = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch()).count();
  const auto r = run("totp-code --secret " + key);
  const auto after = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
  BOOST_REQUIRE_EQUAL(r.code, 0);
  const auto bytes = *citygrants::crypto::base32Decode(key);
  const auto code = r.out.substr(0, 6);
  BOOST_TEST((code == citygrants::crypto::totpAt(bytes, before) || code == citygrants::crypto::totpAt(bytes, after)),
             r.out);
}

BOOST_AUTO_TEST_SUITE_END()
