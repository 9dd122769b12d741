#include <boost/test/unit_test.hpp>

#include <functional>

#include <Poco/String.h>

#include "modules/core/problem.h"
#include "services/auth/session_service.h"
#include "services/usecases/directory_service.h"
#include "tests/web/http_fixture.h"

using namespace citygrants;
using webtest::Client;
using webtest::Response;
using webtest::SeededServer;

namespace {

// The problem body without its request_id, which differs on every answer.
std::string problemShape(const Response& r) {
  if (r.json.isNull()) return "not json: " + r.body;
  return r.json->getValue<std::string>("type") + "|" + r.json->getValue<std::string>("title") + "|" +
         std::to_string(r.json->getValue<int>("status")) + "|" + r.json->getValue<std::string>("detail") +
         "|" + (r.json->has("errors") ? "errors" : "");
}

std::size_t tokenCount(Client& c) {
  const auto r = c.get("/api/v1/tokens");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  return r.json->getArray("items")->size();
}

bool refusedAs(const std::function<void()>& call, core::ProblemKind kind) {
  try {
    call();
  } catch (const core::Problem& p) {
    return p.kind() == kind;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sessions_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(sign_in_sets_an_http_only_strict_cookie_and_returns_a_csrf_token) {
  Client c = SeededServer::get().client();
  const auto r = c.signIn("fm1@mmc.demo");
  BOOST_REQUIRE_EQUAL(r.status, 201);
  BOOST_REQUIRE_EQUAL(r.set_cookies.size(), 1u);
  const auto& cookie = r.set_cookies.front();
  BOOST_TEST(cookie.starts_with("cg_session="), cookie);
  BOOST_TEST(cookie.find("HttpOnly") != std::string::npos, cookie);
  BOOST_TEST(cookie.find("SameSite=Strict") != std::string::npos, cookie);
  BOOST_TEST(Poco::toLower(cookie).find("path=/") != std::string::npos, cookie);
  BOOST_REQUIRE(c.csrf_token.has_value());
  BOOST_TEST(c.csrf_token->size() >= 32u);
  BOOST_TEST(r.json->getObject("user")->getValue<std::string>("email") == "fm1@mmc.demo");
  BOOST_TEST(r.body.find(c.cookies.at("cg_session")) == std::string::npos);  // the cookie stays a cookie
}

BOOST_AUTO_TEST_CASE(me_answers_the_user_organisation_and_roles) {
  Client c = SeededServer::get().signedIn("applicant@kampala.demo");
  const auto r = c.get("/api/v1/me");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_TEST(r.json->getValue<std::string>("email") == "applicant@kampala.demo");
  BOOST_TEST(r.json->getObject("organisation")->getValue<std::string>("name") == "Kampala");
  BOOST_TEST(r.json->getObject("organisation")->getValue<std::string>("kind") == "city");
  const auto roles = r.json->getArray("roles");
  BOOST_REQUIRE_EQUAL(roles->size(), 1u);
  BOOST_TEST(roles->getElement<std::string>(0) == "applicant");
  BOOST_TEST(r.json->getValue<std::string>("csrf_token") == *c.csrf_token);
  BOOST_TEST(SeededServer::get().client().get("/api/v1/me").status == 401);
}

BOOST_AUTO_TEST_CASE(a_second_sign_in_rotates_the_cookie_and_the_old_one_is_refused) {
  Client c = SeededServer::get().signedIn("applicant@athens.demo");
  const std::string first = c.cookies.at("cg_session");
  const std::string first_csrf = *c.csrf_token;
  BOOST_REQUIRE_EQUAL(c.signIn("applicant@athens.demo").status, 201);  // sends the old cookie
  const std::string second = c.cookies.at("cg_session");
  BOOST_TEST(second != first);
  BOOST_TEST(*c.csrf_token != first_csrf);
  BOOST_TEST(c.get("/api/v1/me").status == 200);
  const auto old = c.get("/api/v1/me", {{"Cookie", "cg_session=" + first}});
  BOOST_TEST(old.status == 401);
  BOOST_TEST(old.isProblem(), old.body);
}

BOOST_AUTO_TEST_CASE(a_wrong_password_and_an_unknown_email_get_the_same_401) {
  Client c = SeededServer::get().client();
  const auto wrong = c.signIn("fm2@mmc.demo", "not-the-password");
  const auto unknown = c.signIn("nobody-at-all@mmc.demo", "not-the-password");
  BOOST_TEST(wrong.status == 401);
  BOOST_TEST(unknown.status == 401);
  BOOST_TEST(wrong.isProblem(), wrong.body);
  BOOST_TEST(problemShape(wrong) == problemShape(unknown));
  BOOST_TEST(wrong.set_cookies.empty());
  BOOST_TEST(!c.csrf_token.has_value());
  BOOST_TEST(c.signIn("fm2@mmc.demo").status == 201);  // a success clears the count
}

BOOST_AUTO_TEST_CASE(five_failures_lock_an_email_whether_or_not_it_exists) {
  Client c = SeededServer::get().client();
  for (const std::string email : {"applicant@amman.demo", "no-such-user@amman.demo"}) {
    for (int i = 0; i < 5; ++i) {
      const auto r = c.signIn(email, "wrong-password-" + std::to_string(i));
      BOOST_TEST(r.status == 401, email << " attempt " << i + 1);
    }
    const auto locked = c.signIn(email, webtest::kDemoPassword);
    BOOST_TEST(locked.status == 429, email);
    BOOST_TEST(locked.isProblem(), locked.body);
    BOOST_TEST(locked.set_cookies.empty());
  }
  const auto a = c.signIn("applicant@amman.demo", "x");
  const auto b = c.signIn("no-such-user@amman.demo", "x");
  BOOST_TEST(problemShape(a) == problemShape(b));
  BOOST_TEST(c.signIn("APPLICANT@AMMAN.DEMO").status == 429);  // the lock is per email, any case
  BOOST_TEST(c.signIn("applicant@dhakanorth.demo").status == 201);  // other emails are not locked
}

BOOST_AUTO_TEST_CASE(state_changing_requests_with_the_cookie_need_the_csrf_token) {
  Client c = SeededServer::get().signedIn("fm2@mmc.demo");
  const auto before = tokenCount(c);
  Client no_token = c;
  no_token.csrf_token.reset();
  const auto missing = no_token.post("/api/v1/tokens", R"({"name":"no csrf"})");
  BOOST_TEST(missing.status == 403);
  BOOST_TEST(missing.isProblem(), missing.body);
  const auto wrong = c.post("/api/v1/tokens", R"({"name":"wrong csrf"})", {{"X-CSRF-Token", std::string(64, '0')}});
  BOOST_TEST(wrong.status == 403);
  const auto empty = c.post("/api/v1/tokens", R"({"name":"empty csrf"})", {{"X-CSRF-Token", ""}});
  BOOST_TEST(empty.status == 403);
  BOOST_TEST(no_token.send("DELETE", "/api/v1/session", "", "").status == 403);
  BOOST_TEST(tokenCount(c) == before);
  BOOST_TEST(no_token.get("/api/v1/me").status == 200);  // reads need no token, and the session lives
  BOOST_TEST(c.post("/api/v1/tokens", R"({"name":"with csrf"})").status == 201);
  BOOST_TEST(tokenCount(c) == before + 1);
}

BOOST_AUTO_TEST_CASE(a_bearer_token_needs_no_csrf_token_and_stops_working_once_revoked) {
  Client c = SeededServer::get().signedIn("reviewer@iom.demo");
  const auto created = c.post("/api/v1/tokens", R"({"name":"ci robot"})");
  BOOST_REQUIRE_EQUAL(created.status, 201);
  const auto token = created.json->getValue<std::string>("token");
  const auto id = created.json->getValue<std::int64_t>("id");
  BOOST_TEST(token.starts_with("cgt_"));

  Client robot = SeededServer::get().client();
  robot.bearer = token;
  const auto me = robot.get("/api/v1/me");
  BOOST_REQUIRE_EQUAL(me.status, 200);
  BOOST_TEST(me.json->getValue<std::string>("email") == "reviewer@iom.demo");
  const auto second = robot.post("/api/v1/tokens", R"({"name":"made by the robot"})");  // no CSRF, no cookie
  BOOST_TEST(second.status == 201);
  const auto tokens = c.get("/api/v1/tokens");
  BOOST_TEST(tokens.body.find(token) == std::string::npos);  // shown once, stored hashed

  BOOST_TEST(c.del("/api/v1/tokens/" + std::to_string(id)).status == 204);
  BOOST_TEST(robot.get("/api/v1/me").status == 401);
  BOOST_TEST(robot.post("/api/v1/tokens", R"({"name":"after revocation"})").status == 401);
  BOOST_TEST(c.del("/api/v1/tokens/" + std::to_string(id)).status == 409);  // already revoked

  Client forged = SeededServer::get().client();
  forged.bearer = "cgt_" + std::string(64, 'a');
  BOOST_TEST(forged.get("/api/v1/me").status == 401);
  BOOST_TEST(forged.get("/api/v1/me", {{"Authorization", "Basic Zm0xOnB3"}}).status == 401);
  BOOST_TEST(forged.get("/api/v1/me", {{"Authorization", "Bearer " + std::string(300, 'x')}}).status == 401);
}

BOOST_AUTO_TEST_CASE(signing_out_clears_the_cookie_and_ends_the_session) {
  Client c = SeededServer::get().signedIn("auditor@mmc.demo");
  const std::string old = c.cookies.at("cg_session");
  const auto out = c.del("/api/v1/session");
  BOOST_TEST(out.status == 204);
  BOOST_REQUIRE_EQUAL(out.set_cookies.size(), 1u);
  BOOST_TEST(out.set_cookies.front().starts_with("cg_session=;"), out.set_cookies.front());
  BOOST_TEST(c.cookies.count("cg_session") == 0u);
  BOOST_TEST(c.get("/api/v1/me", {{"Cookie", "cg_session=" + old}}).status == 401);
  BOOST_TEST(c.get("/api/v1/me").status == 401);
}

BOOST_AUTO_TEST_SUITE_END()

// Timeouts of 30 minutes and 12 hours cannot be waited for over HTTP: the service is tested on
// its own database with a clock the test moves.
BOOST_AUTO_TEST_SUITE(session_timeouts)

namespace {

struct Setup {
  webtest::TempDb store{"session-timeouts", 2};
  services::ManualClock clock{1'780'000'000'000};
  usecases::Context ctx{*store.db, clock};
  auth::SessionPolicy policy{.idle_ms = 10 * 60'000, .absolute_ms = 60 * 60'000, .max_failures = 3,
                             .failure_window_ms = 5 * 60'000, .lockout_ms = 5 * 60'000, .touch_every_ms = 60'000};
  Setup() {
    usecases::DirectoryService directory(ctx);
    stores::Organisation org;
    org.name = "Testville";
    org.country = "KE";
    directory.addOrganisation(std::nullopt, org);
    directory.addUser(std::nullopt, {"lead@testville.test", "Lead", "Testville", {access::Role::kApplicant},
                                     "a-good-password", "en"});
  }
  auth::SessionService service() { return auth::SessionService(ctx, policy); }
};

}  // namespace

BOOST_AUTO_TEST_CASE(a_session_ends_after_the_idle_timeout_and_activity_extends_it) {
  Setup s;
  const auto in = s.service().signIn("lead@testville.test", "a-good-password", std::nullopt);
  for (int i = 0; i < 3; ++i) {
    s.clock.advance(9 * 60'000);  // 27 minutes in all, never 10 idle
    BOOST_TEST(s.service().bySession(in.token).actor.user_id == in.user.id);
  }
  s.clock.advance(10 * 60'000 + 1);
  BOOST_TEST(refusedAs([&] { s.service().bySession(in.token); }, core::ProblemKind::kUnauthenticated));
}

BOOST_AUTO_TEST_CASE(a_session_ends_after_the_absolute_timeout_however_active) {
  Setup s;
  const auto in = s.service().signIn("lead@testville.test", "a-good-password", std::nullopt);
  BOOST_TEST(in.expires_at == s.clock.nowMs() + s.policy.absolute_ms);
  for (int minute = 5; minute < 60; minute += 5) {
    s.clock.advance(5 * 60'000);
    BOOST_TEST(s.service().bySession(in.token).actor.user_id == in.user.id, "minute " << minute);
  }
  s.clock.advance(5 * 60'000);
  BOOST_TEST(refusedAs([&] { s.service().bySession(in.token); }, core::ProblemKind::kUnauthenticated));
}

BOOST_AUTO_TEST_CASE(a_lockout_lasts_its_time_then_the_right_password_works) {
  Setup s;
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(refusedAs([&] { s.service().signIn("lead@testville.test", "wrong", std::nullopt); },
                         core::ProblemKind::kUnauthenticated));
  }
  auto right = [&] { s.service().signIn("lead@testville.test", "a-good-password", std::nullopt); };
  BOOST_TEST(refusedAs(right, core::ProblemKind::kTooManyRequests));
  s.clock.advance(5 * 60'000 - 1);
  BOOST_TEST(refusedAs(right, core::ProblemKind::kTooManyRequests));
  s.clock.advance(1);
  BOOST_CHECK_NO_THROW(right());
}

BOOST_AUTO_TEST_CASE(signing_in_again_drops_the_previous_session) {
  Setup s;
  const auto first = s.service().signIn("lead@testville.test", "a-good-password", std::nullopt);
  const auto second = s.service().signIn("lead@testville.test", "a-good-password", first.token);
  BOOST_TEST(refusedAs([&] { s.service().bySession(first.token); }, core::ProblemKind::kUnauthenticated));
  BOOST_TEST(s.service().bySession(second.token).actor.user_id == second.user.id);
}

BOOST_AUTO_TEST_SUITE_END()
