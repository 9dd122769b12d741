#include <string>

#include <boost/test/unit_test.hpp>

#include "services/auth/password.h"
#include "services/auth/sign_in_limits.h"
#include "services/crypto/digest.h"
#include "services/stores/session_store.h"
#include "services/usecases/directory_service.h"
#include "tests/web/http_fixture.h"
#include "web/http/client_address.h"

// Sign-in cannot be used to burn the server's cores (issue 14): a budget per client address (the
// peer, or what a trusted proxy says), the per-email lockout with Retry-After, a bound on the
// password hashes running at once, and one hash per answer whether the email exists or not.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

Server& server() { return SeededServer::get(); }

// Sign-in limits and trusted proxies on the suite's server for one test, taken off after it.
// A slow refill keeps the tests independent of how long a hash takes on a busy machine.
struct Limited {
  explicit Limited(auth::SignInBudgetPolicy budget = {.burst = 10, .refill_ms = 600'000},
                   auth::HashGateLimits gate = {}, const std::string& trusted = "")
      : limits{auth::SignInBudget(budget), auth::HashGate(gate)} {
    server().context().sign_in = &limits;
    server().context().trusted_proxies = http::parseTrustedProxies(trusted);
  }
  ~Limited() {
    server().context().sign_in = nullptr;
    server().context().trusted_proxies = {};
  }
  Limited(const Limited&) = delete;
  Limited& operator=(const Limited&) = delete;
  auth::SignInLimits limits;
};

Client from(const std::string& source) {
  Client c = server().client();
  c.source_address = source;
  return c;
}

std::string nobody(int i) { return "nobody-" + std::to_string(i) + "@flood.test"; }

int retryAfter(const Response& r) {
  const auto value = r.header("Retry-After");
  return value.empty() ? 0 : std::stoi(value);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sign_in_limits_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(
    a_flood_from_one_address_is_answered_429_with_retry_after_while_another_signs_in) {
  Limited limited;  // 10 attempts, a failure costing two
  Client flooder = from("127.0.0.2");
  for (int i = 1; i <= 5; ++i)
    BOOST_TEST(flooder.signIn(nobody(i), "wrong-password-1").status == 401);
  const auto hashes = auth::passwordHashCount();
  const auto refused = flooder.signIn("fm1@mmc.demo");  // the right password: refused all the same
  BOOST_TEST(refused.status == 429);
  BOOST_TEST(refused.isProblem(), refused.body);
  BOOST_TEST(retryAfter(refused) >= 590);
  BOOST_TEST(retryAfter(refused) <= 600);
  BOOST_TEST(flooder.signIn(nobody(6), "wrong-password-1").status == 429);
  BOOST_TEST(auth::passwordHashCount() == hashes);  // refused before any hash

  BOOST_TEST(from("127.0.0.3").signIn("fm1@mmc.demo").status == 201);
  BOOST_TEST(server().client().signIn("fm2@mmc.demo").status == 201);  // 127.0.0.1
}

BOOST_AUTO_TEST_CASE(
    a_trusted_proxys_forwarded_address_is_the_client_and_an_untrusted_peers_is_ignored) {
  Limited limited({.burst = 2, .refill_ms = 600'000, .failure_cost = 1}, {}, "127.0.0.1");
  Client proxy = server().client();  // 127.0.0.1, trusted
  const Headers seven{{"X-Forwarded-For", "203.0.113.7"}};
  BOOST_TEST(
      proxy.post("/api/v1/session", R"({"email":"a@flood.test","password":"x"})", seven).status ==
      401);
  BOOST_TEST(
      proxy.post("/api/v1/session", R"({"email":"b@flood.test","password":"x"})", seven).status ==
      401);
  const auto refused =
      proxy.post("/api/v1/session", R"({"email":"c@flood.test","password":"x"})", seven);
  BOOST_TEST(refused.status == 429);
  BOOST_TEST(retryAfter(refused) >= 1);
  // The proxy's entry is the last one: what the client put before it buys nothing.
  const Headers prefixed{{"X-Forwarded-For", "198.51.100.1, 203.0.113.7"}};
  BOOST_TEST(proxy.post("/api/v1/session", R"({"email":"d@flood.test","password":"x"})", prefixed)
                 .status == 429);

  // Another client behind the same proxy signs in.
  Client neighbour = server().client();
  const auto in = neighbour.post(
      "/api/v1/session",
      R"({"email":"applicant@kampala.demo","password":")" + std::string(kDemoPassword) + R"("})",
      {{"X-Forwarded-For", "203.0.113.8"}});
  BOOST_TEST(in.status == 201);
  // A peer that is not a trusted proxy is its own client, whatever it forwards.
  Client stranger = from("127.0.0.2");
  BOOST_TEST(stranger.post("/api/v1/session", R"({"email":"e@flood.test","password":"x"})", seven)
                 .status == 401);
}

BOOST_AUTO_TEST_CASE(a_locked_email_is_answered_429_with_the_seconds_until_the_lockout_ends) {
  Client c = server().client();  // no address budget: the per-email lockout alone (5 failures)
  for (int i = 0; i < 5; ++i)
    BOOST_TEST(c.signIn("locked-out@flood.test", "wrong-password-1").status == 401);
  const auto hashes = auth::passwordHashCount();
  const auto locked = c.signIn("locked-out@flood.test", "wrong-password-1");
  BOOST_TEST(locked.status == 429);
  BOOST_TEST(locked.isProblem(), locked.body);
  BOOST_TEST(retryAfter(locked) >= 15 * 60 - 10);  // the lockout: 15 minutes
  BOOST_TEST(retryAfter(locked) <= 15 * 60);
  BOOST_TEST(auth::passwordHashCount() == hashes);
}

BOOST_AUTO_TEST_CASE(sign_ins_past_the_hash_gate_are_answered_503_with_retry_after_1) {
  Limited limited({}, {.max_active = 1, .max_waiting = 0});
  Client c = server().client();
  {
    const auto held = limited.limits.gate.enter();  // the one turn, taken
    const auto hashes = auth::passwordHashCount();
    const auto busy = c.signIn("fm1@mmc.demo");
    BOOST_TEST(busy.status == 503);
    BOOST_TEST(busy.isProblem(), busy.body);
    BOOST_TEST(busy.json->getValue<std::string>("type").ends_with("/unavailable"));
    BOOST_TEST(busy.header("Retry-After") == "1");
    BOOST_TEST(auth::passwordHashCount() == hashes);
  }
  BOOST_TEST(c.signIn("fm1@mmc.demo").status == 201);
}

BOOST_AUTO_TEST_CASE(every_answer_costs_one_hash_known_email_or_not_and_a_lockout_none) {
  Limited limited({.burst = 100, .refill_ms = 600'000});
  const services::SystemClock clock;
  usecases::DirectoryService directory({server().db(), clock}, auth::HashCost::kFast);
  const std::string pw = "a-good-password";
  directory.addUser(
      std::nullopt,
      {"gone@mmc.demo", "Gone", "Mayors Migration Council", {access::Role::kAuditor}, pw});
  directory.addUser(
      std::nullopt,
      {"barred@mmc.demo", "Barred", "Mayors Migration Council", {access::Role::kAuditor}, pw});
  directory.lock(std::nullopt, "barred@mmc.demo", clock.nowMs() + 3'600'000);
  server().db().write([&](db::Tx& tx) {
    tx.sql() << "UPDATE users SET active = 0 WHERE email = 'gone@mmc.demo'";
    for (const std::string email : {"auditor@mmc.demo", "nobody-locked@flood.test"}) {
      stores::SessionStore::saveAttempts(tx, crypto::sha256Hex(email),
                                         {0, clock.nowMs(), clock.nowMs() + 600'000});
    }
    tx.commit();
  });
  struct Case {
    const char* what;
    const char* email;
    std::string password;
    int status;
    std::uint64_t hashes;
  };
  const Case cases[] = {
      {"an unknown email", "nobody@flood.test", "wrong-password-1", 401, 1},
      {"a wrong password", "admin@mmc.demo", "wrong-password-1", 401, 1},
      {"a deactivated user", "gone@mmc.demo", pw, 401, 1},
      {"a locked account", "barred@mmc.demo", pw, 401, 1},
      {"the right password", "fm1@mmc.demo", kDemoPassword, 201, 1},
      {"a locked known email", "auditor@mmc.demo", kDemoPassword, 429, 0},
      {"a locked unknown email", "nobody-locked@flood.test", "wrong-password-1", 429, 0},
  };
  for (const auto& c : cases) {
    const auto before = auth::passwordHashCount();
    const auto r = server().client().signIn(c.email, c.password);
    BOOST_TEST(r.status == c.status, c.what);
    BOOST_TEST(auth::passwordHashCount() - before == c.hashes, c.what);
  }
}

BOOST_AUTO_TEST_SUITE_END()
