#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include <Poco/JSON/Array.h>

#include "services/crypto/totp.h"
#include "tests/web/http_fixture.h"

// The second factor over HTTP (issue 17 parts 1 and 2): sign-in with and without a code for every
// role of the demo, a code used once, a role that needs a factor kept to enrolment until it has
// one, and money that moves only after a step-up or with a token's payments scope.
using namespace citygrants;
using webtest::Client;
using webtest::Response;
using webtest::Server;
using webtest::quoted;

namespace {

std::string typeOf(const Response& r) {
  return r.json.isNull() ? "" : r.json->optValue<std::string>("type", "");
}
bool isType(const Response& r, const std::string& slug) { return typeOf(r).ends_with("/problems/" + slug); }

std::string sessionBody(const std::string& email, const std::string& otp = "") {
  std::string b = "{\"email\":" + quoted(email) + ",\"password\":" + quoted(webtest::kDemoPassword);
  if (!otp.empty()) b += ",\"otp\":" + quoted(otp);
  return b + "}";
}

// A client of `server` that never steps up by itself.
Client plainClient(Server& server) {
  Client c = server.client();
  c.auto_step_up = false;
  return c;
}

// The first record of `list_path` (a page) in `state`: its id and version.
std::pair<std::int64_t, std::int64_t> firstIn(Client& c, const std::string& list_path) {
  const auto r = c.get(list_path);
  BOOST_REQUIRE_EQUAL(r.status, 200);
  const auto items = r.json->getArray("items");
  BOOST_REQUIRE(items->size() > 0);
  const auto o = items->getObject(0);
  return {o->getValue<std::int64_t>("id"), o->getValue<std::int64_t>("version")};
}

// Fires an event at the record's current version, with an Idempotency-Key (disbursements need one).
Response fire(Client& c, const std::string& collection, std::int64_t id, const std::string& body) {
  static int n = 0;
  const auto r = c.get("/api/v1/" + collection + "/" + std::to_string(id));
  BOOST_REQUIRE_EQUAL(r.status, 200);
  return c.post("/api/v1/" + collection + "/" + std::to_string(id) + "/transitions", body,
                {{"If-Match", "\"v" + std::to_string(r.json->getValue<std::int64_t>("version")) + "\""},
                 {"Idempotency-Key", "second-factor-test-" + std::to_string(++n)}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(second_factor_over_http)

BOOST_AUTO_TEST_CASE(every_role_signs_in_with_a_code_only_where_it_has_a_factor) {
  Server server(true);
  const std::set<std::string> with_factor = {"fm1@mmc.demo", "fm2@mmc.demo", "admin@mmc.demo"};
  for (const char* email : {"fm1@mmc.demo", "fm2@mmc.demo", "admin@mmc.demo", "auditor@mmc.demo",
                            "reviewer@iom.demo", "applicant@kampala.demo"}) {
    BOOST_TEST_CONTEXT(email) {
      Client c = plainClient(server);
      const auto bare = c.post("/api/v1/session", sessionBody(email));
      if (with_factor.contains(email)) {
        BOOST_TEST(bare.status == 401);
        BOOST_TEST(isType(bare, "second-factor-required"), bare.body);
        BOOST_TEST(bare.set_cookies.empty());
        BOOST_TEST(c.get("/api/v1/me").status == 401);
        const auto code = server.otp().next(email);
        BOOST_REQUIRE(code.has_value());
        const auto in = c.post("/api/v1/session", sessionBody(email, *code));
        BOOST_TEST(in.status == 201, in.body);
        // The same code again: refused, a code works once.
        Client again = plainClient(server);
        const auto replay = again.post("/api/v1/session", sessionBody(email, *code));
        BOOST_TEST(replay.status == 401);
        BOOST_TEST(isType(replay, "second-factor-required"));
        BOOST_TEST(replay.set_cookies.empty());
        // A malformed code is a field error, before any password is checked.
        const auto malformed = again.post("/api/v1/session", sessionBody(email, "12-34"));
        BOOST_TEST(malformed.status == 422);
      } else {
        BOOST_TEST(bare.status == 201, bare.body);
        BOOST_TEST(!server.otp().next(email).has_value());
      }
      BOOST_TEST(c.get("/api/v1/me").status == 200);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_fund_manager_without_a_factor_may_only_enrol_one) {
  Server server(true);
  Client admin = server.signedIn("admin@mmc.demo");
  const auto added = admin.post("/api/v1/users",
      "{\"email\":\"fm3@mmc.demo\",\"name\":\"Third Manager\",\"organisation\":\"Mayors Migration "
      "Council\",\"roles\":[\"fund_manager\"],\"password\":\"third-manager-pass\",\"language\":\"en\"}");
  BOOST_REQUIRE_MESSAGE(added.status == 201, added.body);

  Client c = plainClient(server);
  const auto in = c.post("/api/v1/session",
                         "{\"email\":\"fm3@mmc.demo\",\"password\":\"third-manager-pass\"}");
  BOOST_REQUIRE_EQUAL(in.status, 201);
  c.csrf_token = in.json->getValue<std::string>("csrf_token");
  const auto me = c.get("/api/v1/me");
  BOOST_TEST(me.status == 200);
  BOOST_TEST(me.json->getValue<bool>("must_enrol_second_factor"));
  const auto refused = c.get("/api/v1/proposals");
  BOOST_TEST(refused.status == 403);
  BOOST_TEST(isType(refused, "second-factor-enrolment-required"), refused.body);
  BOOST_TEST(c.get("/api/v1/account").status == 200);

  const auto started = c.post("/api/v1/account/second-factor", "{}");
  BOOST_REQUIRE_EQUAL(started.status, 201);
  const auto secret = started.json->getValue<std::string>("secret");
  BOOST_TEST(started.json->getValue<std::string>("qr_svg").starts_with("<svg"));
  const auto wrong = c.post("/api/v1/account/second-factor/confirm", "{\"otp\":\"000000\"}");
  BOOST_TEST((wrong.status == 422 || wrong.status == 200));  // 000000 is right once in a million
  if (wrong.status == 422) {
    const auto code = crypto::totpAt(*crypto::base32Decode(secret), webtest::nowMs() / 1000);
    const auto confirmed = c.post("/api/v1/account/second-factor/confirm", "{\"otp\":" + quoted(code) + "}");
    BOOST_REQUIRE_EQUAL(confirmed.status, 200);
    BOOST_TEST(confirmed.json->getArray("recovery_codes")->size() == 10u);
  }
  BOOST_TEST(c.get("/api/v1/proposals").status == 200);
  BOOST_TEST(!c.get("/api/v1/me").json->getValue<bool>("must_enrol_second_factor"));
  // From now on, sign-in asks this user for a code too.
  Client later = plainClient(server);
  BOOST_TEST(isType(later.post("/api/v1/session", "{\"email\":\"fm3@mmc.demo\",\"password\":\"third-manager-pass\"}"),
                    "second-factor-required"));
}

BOOST_AUTO_TEST_CASE(money_moves_only_after_a_step_up_or_with_a_payments_token) {
  Server server(true);
  Client fm1 = plainClient(server);
  BOOST_REQUIRE_EQUAL(fm1.signIn("fm1@mmc.demo").status, 201);
  // The demo leaves one tranche verified, waiting for a fund manager's approval.
  const auto [tranche, version] = firstIn(fm1, "/api/v1/tranches?state=verified");
  (void)version;
  const auto before = webtest::databaseDigest(server.db());
  const auto refused = fire(fm1, "tranches", tranche, "{\"event\":\"approve\"}");
  BOOST_TEST(refused.status == 401);
  BOOST_TEST(isType(refused, "step-up-required"), refused.body);
  BOOST_TEST(webtest::databaseDigest(server.db()) == before);
  BOOST_TEST(fm1.get("/api/v1/me").status == 200);  // the session lives on

  const auto wrong = fm1.post("/api/v1/session/step-up", "{\"otp\":\"abc\"}");
  BOOST_TEST(wrong.status == 422);
  const auto up = fm1.post("/api/v1/session/step-up", "{\"otp\":" + quoted(*server.otp().next("fm1@mmc.demo")) + "}");
  BOOST_REQUIRE_EQUAL(up.status, 200);
  BOOST_TEST(!up.json->getValue<std::string>("stepped_up_until").empty());
  const auto approved = fire(fm1, "tranches", tranche, "{\"event\":\"approve\"}");
  BOOST_REQUIRE_MESSAGE(approved.status == 200, approved.body);

  // fm2 pays it with machine clients: a token without the payments scope may not, ...
  Client fm2 = plainClient(server);
  BOOST_REQUIRE_EQUAL(fm2.signIn("fm2@mmc.demo").status, 201);
  const auto plain = fm2.post("/api/v1/tokens", "{\"name\":\"plain\"}");
  BOOST_REQUIRE_EQUAL(plain.status, 201);
  const auto early = fm2.post("/api/v1/tokens", "{\"name\":\"payer\",\"scopes\":[\"read\",\"write\",\"payments\"]}");
  BOOST_TEST(early.status == 401);
  BOOST_TEST(isType(early, "step-up-required"));
  const auto reader = fm2.post("/api/v1/tokens", "{\"name\":\"reader\",\"scopes\":[\"read\"]}");
  BOOST_REQUIRE_EQUAL(reader.status, 201);
  const std::string pay = "{\"event\":\"disburse\",\"payment_reference\":\"PAY-17\"}";
  Client machine = plainClient(server);
  machine.bearer = plain.json->getValue<std::string>("token");
  const auto no_scope = fire(machine, "tranches", tranche, pay);
  BOOST_TEST(no_scope.status == 403, no_scope.body);
  machine.bearer = reader.json->getValue<std::string>("token");
  BOOST_TEST(fire(machine, "tranches", tranche, pay).status == 403);
  BOOST_TEST(machine.post("/api/v1/session/step-up", "{\"otp\":\"123456\"}").status == 403);
  // ... one made by fm2 just after a step-up may.
  BOOST_REQUIRE_EQUAL(fm2.post("/api/v1/session/step-up", "{\"otp\":" + quoted(*server.otp().next("fm2@mmc.demo")) + "}").status, 200);
  const auto payer = fm2.post("/api/v1/tokens", "{\"name\":\"payer\",\"scopes\":[\"read\",\"write\",\"payments\"]}");
  BOOST_REQUIRE_EQUAL(payer.status, 201);
  machine.bearer = payer.json->getValue<std::string>("token");
  const auto paid = fire(machine, "tranches", tranche, pay);
  BOOST_TEST(paid.status == 200, paid.body);
  BOOST_TEST(paid.json->getValue<std::string>("state") == "disbursed");
}

BOOST_AUTO_TEST_SUITE_END()
