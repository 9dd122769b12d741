#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <Poco/JSON/Parser.h>

#include "modules/workflow/catalog.h"
#include "services/db/database.h"
#include "tests/cli/cli_run.h"

namespace {

using citygrants::clitest::run;
using citygrants::clitest::tempPath;

void exec(const std::string& path, const std::string& sql) {
  citygrants::db::Database db(citygrants::db::parseConnectionString("sqlite:" + path), {.pool_size = 1});
  db.write([&](citygrants::db::Tx& tx) {
    tx.sql() << sql;
    tx.commit();
  });
}

// A migrated database with the fund and one city, ready for `user add`.
std::string migratedWithOrgs(const std::string& name) {
  const auto path = tempPath(name);
  BOOST_REQUIRE_EQUAL(run("migrate --db sqlite:" + path).code, 0);
  exec(path, "INSERT INTO organisations (kind, name, created_at) VALUES ('fund', 'MMC', 0), ('city', 'Kampala', 0)");
  return path;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(workflow_prints_every_machine_and_every_row_as_json) {
  const auto r = run("workflow");
  BOOST_TEST(r.code == 0);
  Poco::JSON::Parser parser;
  auto root = parser.parse(r.out).extract<Poco::JSON::Object::Ptr>();
  auto machines = root->getArray("machines");
  BOOST_REQUIRE(machines);
  BOOST_TEST(machines->size() == 7u);
  std::size_t rows = 0;
  for (std::size_t i = 0; i < machines->size(); ++i) {
    auto m = machines->getObject(static_cast<unsigned>(i));
    BOOST_TEST(!m->getValue<std::string>("name").empty());
    BOOST_TEST(m->getArray("states")->size() > 0u);
    auto transitions = m->getArray("transitions");
    for (std::size_t k = 0; k < transitions->size(); ++k) {
      auto t = transitions->getObject(static_cast<unsigned>(k));
      BOOST_TEST((t->has("from") && t->has("event") && t->has("to") && t->has("roles")));
      BOOST_TEST(t->getArray("roles")->size() > 0u);
    }
    rows += transitions->size();
  }
  std::size_t expected = 0;
  for (const auto& m : citygrants::workflow::allMachines()) expected += m.transitions.size();
  BOOST_TEST(rows == expected);
  BOOST_TEST_MESSAGE("workflow transition rows: " << rows);
}

BOOST_AUTO_TEST_CASE(migrate_then_verify_audit_succeeds_on_a_fresh_database) {
  const auto path = tempPath("cli_fresh.db");
  auto r = run("migrate --db sqlite:" + path);
  BOOST_TEST(r.code == 0);
  BOOST_TEST(r.out.find("schema at version") != std::string::npos);
  r = run("verify-audit --db sqlite:" + path);
  BOOST_TEST(r.code == 0, r.out);
}

BOOST_AUTO_TEST_CASE(verify_audit_names_the_first_row_changed_behind_its_back) {
  const auto path = migratedWithOrgs("cli_tamper.db");
  for (const char* who : {"a", "b", "c"}) {
    const auto r = run("user add --db sqlite:" + path + " --email " + who +
                       "@mmc.test --name Someone --org MMC --role fund_manager --password long-enough-pw");
    BOOST_REQUIRE_MESSAGE(r.code == 0, r.out);
  }
  BOOST_TEST(run("verify-audit --db sqlite:" + path).code == 0);
  exec(path, "UPDATE audit_events SET detail = '{\"email\":\"mallory@mmc.test\"}' WHERE seq = 3");
  const auto r = run("verify-audit --db sqlite:" + path);
  BOOST_TEST(r.code == 1);
  BOOST_TEST(r.out.find("seq 3") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(bad_usage_exits_64_with_a_message) {
  for (const std::string args : {"", "frobnicate", "migrate --no-such-flag x", "migrate",
                                 "user", "user add --db sqlite:/tmp/x.db", "workflow extra"}) {
    const auto r = run(args);
    BOOST_TEST(r.code == 64, "args '" << args << "' gave " << r.code << ": " << r.out);
    BOOST_TEST(r.out.find("citygrants:") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_missing_database_exits_66_and_is_not_created) {
  const auto path = tempPath("cli_missing.db");
  const auto r = run("verify-audit --db sqlite:" + path);
  BOOST_TEST(r.code == 66, r.out);
  BOOST_TEST(!std::filesystem::exists(path));
}

BOOST_AUTO_TEST_CASE(an_unreadable_database_exits_74) {
  const auto path = tempPath("cli_garbage.db");
  { FILE* f = fopen(path.c_str(), "w"); fputs("this is not a database, just text\n", f); fclose(f); }
  const auto r = run("verify-audit --db sqlite:" + path);
  BOOST_TEST(r.code == 74, r.out);
  BOOST_TEST(r.out.find("not a database") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(a_database_newer_than_the_binary_is_refused) {
  const auto path = tempPath("cli_newer.db");
  BOOST_REQUIRE_EQUAL(run("migrate --db sqlite:" + path).code, 0);
  exec(path, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)");
  for (const std::string cmd : {"verify-audit", "migrate"}) {
    const auto r = run(cmd + " --db sqlite:" + path);
    BOOST_TEST(r.code == 65, cmd << ": " << r.out);
    BOOST_TEST(r.out.find("newer") != std::string::npos, r.out);
  }
}

BOOST_AUTO_TEST_CASE(user_add_refuses_bad_input_with_the_field_named) {
  const auto path = migratedWithOrgs("cli_users.db");
  const std::string base = "user add --db sqlite:" + path;
  auto r = run(base + " --email fm@mmc.test --name Fm --org MMC --role fund_manager --password long-enough-pw");
  BOOST_TEST(r.code == 0, r.out);
  r = run(base + " --email fm@mmc.test --name Fm --org MMC --role fund_manager --password long-enough-pw");
  BOOST_TEST(r.code == 65);
  BOOST_TEST(r.out.find("email") != std::string::npos, r.out);
  r = run(base + " --email x@mmc.test --name X --org MMC --role wizard --password long-enough-pw");
  BOOST_TEST(r.code == 64, r.out);
  r = run(base + " --email x@kampala.test --name X --org Kampala --role fund_manager --password long-enough-pw");
  BOOST_TEST(r.code == 65);
  BOOST_TEST(r.out.find("roles[0]") != std::string::npos, r.out);
  r = run(base + " --email not-an-email --name X --org MMC --role admin --password short");
  BOOST_TEST(r.code == 65);
  BOOST_TEST((r.out.find("email") != std::string::npos && r.out.find("password") != std::string::npos), r.out);
  r = run(base + " --email y@mmc.test --name Y --org Nowhere --role admin --password long-enough-pw");
  BOOST_TEST(r.code == 65);
  BOOST_TEST(r.out.find("org") != std::string::npos, r.out);
}

// The one integer a query returns.
std::int64_t scalar(const std::string& path, const std::string& sql) {
  citygrants::db::Database db(citygrants::db::parseConnectionString("sqlite:" + path), {.pool_size = 1});
  auto tx = db.read();
  std::int64_t n = 0;
  tx.sql() << sql, soci::into(n);
  return n;
}

BOOST_AUTO_TEST_CASE(seed_demo_fills_every_proposal_state_and_a_running_grant) {
  const auto path = tempPath("cli_seed.db");
  BOOST_REQUIRE_EQUAL(run("migrate --db sqlite:" + path).code, 0);
  BOOST_TEST(run("seed-demo --db sqlite:" + path).code == 64);  // --demo-password is required
  auto r = run("seed-demo --db sqlite:" + path + " --demo-password demo-password-1");
  BOOST_REQUIRE_MESSAGE(r.code == 0, r.out);
  for (const char* login : {"fm1@mmc.demo", "fm2@mmc.demo", "admin@mmc.demo", "auditor@mmc.demo",
                            "reviewer@iom.demo", "reviewer@unhcr.demo", "applicant@kampala.demo",
                            "applicant@montevideo.demo"}) {
    BOOST_TEST(r.out.find(login) != std::string::npos, login);
  }
  BOOST_TEST(r.out.find("demo-password-1") != std::string::npos);
  BOOST_TEST(scalar(path, "SELECT COUNT(DISTINCT state) FROM proposals") == 13);
  BOOST_TEST(scalar(path, "SELECT COUNT(*) FROM proposals WHERE state LIKE 'concept%'") >= 3);
  BOOST_TEST(scalar(path, "SELECT COUNT(DISTINCT country) FROM organisations WHERE kind = 'city'") >= 6);
  BOOST_TEST(scalar(path, "SELECT COUNT(DISTINCT region) FROM organisations WHERE kind = 'city'") >= 3);
  BOOST_TEST(scalar(path, "SELECT COUNT(*) FROM organisations WHERE kind = 'partner'") == 5);
  BOOST_TEST(scalar(path, "SELECT COUNT(*) FROM grants WHERE state = 'active'") == 3);
  // The results framework: the catalog, three donors' chapters paying every grant, targets on
  // every full proposal and verified results on two grants.
  BOOST_TEST(scalar(path, "SELECT COUNT(*) FROM indicators") == 7);
  BOOST_TEST(scalar(path, "SELECT COUNT(*) FROM organisations WHERE kind = 'donor'") == 3);
  BOOST_TEST(scalar(path, "SELECT COUNT(*) FROM grants g WHERE g.amount_minor = (SELECT SUM(a.amount_minor) FROM grant_allocations a WHERE a.grant_id = g.id)") == 3);
  BOOST_TEST(scalar(path, "SELECT COUNT(DISTINCT r.report_id) FROM report_results r JOIN reports p ON p.id = r.report_id WHERE p.state = 'accepted'") == 2);
  BOOST_TEST(scalar(path, "SELECT COUNT(*) FROM tranches WHERE state = 'disbursed'") >= 1);
  BOOST_TEST(scalar(path, "SELECT COUNT(*) FROM tranches WHERE state <> 'disbursed'") >= 1);
  BOOST_TEST(scalar(path, "SELECT COUNT(*) FROM calls WHERE state = 'open'") == 1);
  BOOST_TEST(scalar(path, "SELECT COUNT(*) FROM criteria c JOIN calls k ON k.id = c.call_id WHERE k.state = 'open'") >= 3);
  BOOST_TEST(run("verify-audit --db sqlite:" + path).code == 0);
  r = run("seed-demo --db sqlite:" + path + " --demo-password demo-password-1");
  BOOST_TEST(r.code == 65, r.out);  // only an empty database is seeded
}

BOOST_AUTO_TEST_CASE(seed_demo_checks_its_password_first_and_leaves_nothing_behind) {
  const auto path = tempPath("cli_seed_short.db");
  BOOST_REQUIRE_EQUAL(run("migrate --db sqlite:" + path).code, 0);
  const auto r = run("seed-demo --db sqlite:" + path + " --demo-password short");
  BOOST_TEST(r.code == 64, r.out);
  BOOST_TEST(r.out.find("--demo-password") != std::string::npos, r.out);
  for (const char* table : {"users", "organisations", "calls", "proposals", "audit_events",
                            "outbox_mail"}) {
    BOOST_TEST(scalar(path, std::string("SELECT COUNT(*) FROM ") + table) == 0, table);
  }
  // The same password then seeds the whole fund, all of it in the one copy.
  const auto ok = run("seed-demo --db sqlite:" + path + " --demo-password demo-password-1");
  BOOST_REQUIRE_MESSAGE(ok.code == 0, ok.out);
  BOOST_TEST(ok.out.find("one transaction") != std::string::npos, ok.out);
  BOOST_TEST(scalar(path, "SELECT COUNT(*) FROM proposals") == 15);
  BOOST_TEST(run("verify-audit --db sqlite:" + path).code == 0);
}

// Regression: Poco's ServerSocket(address) sets SO_REUSEPORT, so a second server on a port in
// use started and took a share of the first one's connections (seen as stray 401s).
BOOST_AUTO_TEST_CASE(serve_refuses_a_port_that_is_already_in_use) {
  const auto path = tempPath("cli-port.db");
  BOOST_REQUIRE_EQUAL(run("migrate --db sqlite:" + path).code, 0);
  const int holder = ::socket(AF_INET, SOCK_STREAM, 0);
  BOOST_REQUIRE(holder >= 0);
  const int on = 1;
  ::setsockopt(holder, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  ::setsockopt(holder, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on);  // as a Poco server sets it
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  BOOST_REQUIRE(::bind(holder, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  BOOST_REQUIRE(::listen(holder, 4) == 0);
  socklen_t len = sizeof addr;
  BOOST_REQUIRE(::getsockname(holder, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
  const auto port = std::to_string(ntohs(addr.sin_port));
  const auto r = run("serve --db sqlite:" + path + " --host 127.0.0.1 --port " + port);
  ::close(holder);
  BOOST_TEST(r.code == 71, r.out);
  BOOST_TEST(r.out.find("in use") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_SUITE_END()
