#include <string>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "services/crypto/digest.h"
#include "tests/mail/outbox_rows.h"
#include "tests/web/account_people.h"
#include "tests/web/http_fixture.h"

// Account administration over HTTP (issue 17 part 4): /api/v1/users/{id} and what hangs off it,
// admins only; If-Match on the edit (428, 412); problems that name the field; a deactivated
// user's browser and bearer token answer 401 at once; four eyes on a second factor's reset.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

Server& server() { return SeededServer::get(); }

std::int64_t userId(const std::string& email) {
  return queryInt(server().db(), "SELECT id FROM users WHERE email = '" + email + "'").value();
}

std::string usersPath(std::int64_t id, const std::string& rest = "") {
  return "/api/v1/users/" + std::to_string(id) + rest;
}

Response patch(Client& c, std::int64_t id, const std::string& body, const Headers& headers) {
  return c.send("PATCH", usersPath(id), body, "application/json", headers);
}

std::string firstField(const Response& r) {
  if (!r.json || !r.json->has("errors")) return "";
  const auto errors = r.json->getArray("errors");
  return errors->size() == 0 ? "" : errors->getObject(0)->getValue<std::string>("field");
}

// A new user of Kampala who signs in with the demo password.
std::int64_t addApplicant(Client& admin, const std::string& email) {
  const auto r =
      admin.post("/api/v1/users", "{\"email\":" + quoted(email) +
                                      ",\"name\":\"Test Person\","
                                      "\"organisation\":\"Kampala\",\"password\":" +
                                      quoted(kDemoPassword) + ",\"roles\":[\"applicant\"]}");
  BOOST_REQUIRE_MESSAGE(r.status == 201, r.body);
  return r.json->getValue<std::int64_t>("id");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(user_admin_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(only_admins_reach_a_users_account) {
  const auto target = userId("fm2@mmc.demo");
  Client fm = server().signedIn("fm1@mmc.demo");
  const auto before = databaseDigest(server().db());
  BOOST_TEST(fm.get(usersPath(target)).status == 403);
  BOOST_TEST(fm.get(usersPath(target, "/sessions")).status == 403);
  BOOST_TEST(fm.post(usersPath(target, "/lock"), "{}").status == 403);
  BOOST_TEST(fm.post(usersPath(target, "/password-reset"), "").status == 403);
  BOOST_TEST(patch(fm, target, R"({"active":false})", {{"If-Match", "\"v1\""}}).status == 403);
  BOOST_TEST(server().client().get(usersPath(target)).status == 401);
  BOOST_TEST(databaseDigest(server().db()) == before);
  Client admin = server().signedIn("admin@mmc.demo");
  BOOST_TEST(admin.get(usersPath(999999)).status == 404);
}

BOOST_AUTO_TEST_CASE(the_account_carries_its_version_roles_state_factor_and_counts) {
  const auto target = userId("auditor@mmc.demo");
  Client admin = server().signedIn("admin@mmc.demo");
  const auto first = admin.get(usersPath(target));
  BOOST_REQUIRE_EQUAL(first.status, 200);
  const auto& j = first.json;
  BOOST_TEST(first.header("ETag") ==
             "\"v" + std::to_string(j->getValue<std::int64_t>("version")) + "\"");
  BOOST_TEST(j->getArray("roles")->getElement<std::string>(0) == "auditor");
  BOOST_TEST(j->getValue<bool>("active"));
  BOOST_TEST(!j->getValue<bool>("locked"));
  BOOST_TEST(j->isNull("locked_until"));
  BOOST_TEST(j->isNull("second_factor_reset"));
  const auto sessions = j->getValue<std::int64_t>("live_sessions");
  Client auditor = server().signedIn("auditor@mmc.demo");
  auditor.post("/api/v1/tokens", R"({"name":"auditor robot"})");
  const auto second = admin.get(usersPath(target)).json;
  BOOST_TEST(second->getValue<std::int64_t>("live_sessions") == sessions + 1);
  BOOST_TEST(second->getValue<std::int64_t>("live_tokens") >= 1);
}

BOOST_AUTO_TEST_CASE(an_edit_needs_if_match_and_names_the_bad_field) {
  Client admin = server().signedIn("admin@mmc.demo");
  const auto target = addApplicant(admin, "edit-me@kampala.demo");
  const auto etag = admin.get(usersPath(target)).header("ETag");
  const auto before = databaseDigest(server().db());
  BOOST_TEST(patch(admin, target, R"({"name":"New"})", {}).status == 428);
  BOOST_TEST(patch(admin, target, R"({"name":"New"})", {{"If-Match", "\"v999\""}}).status == 412);
  auto r = patch(admin, target, R"({"roles":["applicant","fund_manager"]})", {{"If-Match", etag}});
  BOOST_TEST(r.status == 422);
  BOOST_TEST(firstField(r) == "roles[1]");
  r = patch(admin, target, R"({"roles":["boss"]})", {{"If-Match", etag}});
  BOOST_TEST(r.status == 422);
  BOOST_TEST(firstField(r) == "roles[0]");
  r = patch(admin, target, R"({"language":"de"})", {{"If-Match", etag}});
  BOOST_TEST(r.status == 422);
  BOOST_TEST(firstField(r) == "language");
  r = patch(admin, target, R"({"active":"no"})", {{"If-Match", etag}});
  BOOST_TEST(r.status == 422);
  BOOST_TEST(firstField(r) == "active");
  BOOST_TEST(databaseDigest(server().db()) == before);
  r = patch(admin, target, R"({"name":"Nakato Sarah","language":"fr"})", {{"If-Match", etag}});
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_TEST(r.json->getValue<std::string>("language") == "fr");
  BOOST_TEST(r.header("ETag") != etag);
}

BOOST_AUTO_TEST_CASE(an_admin_cannot_deactivate_or_demote_themselves) {
  Client admin = server().signedIn("admin@mmc.demo");
  const auto me = userId("admin@mmc.demo");
  const auto etag = admin.get(usersPath(me)).header("ETag");
  auto r = patch(admin, me, R"({"active":false})", {{"If-Match", etag}});
  BOOST_TEST(r.status == 403);
  BOOST_TEST(r.isProblem());
  BOOST_TEST(firstField(r) == "active");
  r = patch(admin, me, R"({"roles":["auditor"]})", {{"If-Match", etag}});
  BOOST_TEST(r.status == 403);
  BOOST_TEST(firstField(r) == "roles");
  BOOST_TEST(admin.post(usersPath(me, "/lock"), "{}").status == 403);
  BOOST_TEST(admin.get("/api/v1/me").status == 200);
}

BOOST_AUTO_TEST_CASE(a_deactivated_users_browser_and_bearer_token_answer_401_at_once) {
  Client admin = server().signedIn("admin@mmc.demo");
  const auto target = addApplicant(admin, "leaving@kampala.demo");
  Client browser = server().client();
  BOOST_REQUIRE_EQUAL(browser.signIn("leaving@kampala.demo").status, 201);
  const auto token = browser.post("/api/v1/tokens", R"({"name":"leaving robot"})");
  BOOST_REQUIRE_EQUAL(token.status, 201);
  Client robot = server().client();
  robot.bearer = token.json->getValue<std::string>("token");
  BOOST_REQUIRE_EQUAL(robot.get("/api/v1/me").status, 200);
  BOOST_REQUIRE_EQUAL(browser.get("/api/v1/me").status, 200);

  const auto etag = admin.get(usersPath(target)).header("ETag");
  const auto r = patch(admin, target, R"({"active":false})", {{"If-Match", etag}});
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_TEST(r.json->getValue<std::int64_t>("live_sessions") == 0);
  BOOST_TEST(r.json->getValue<std::int64_t>("live_tokens") == 0);
  BOOST_TEST(browser.get("/api/v1/me").status == 401);
  BOOST_TEST(robot.get("/api/v1/me").status == 401);
  BOOST_TEST(server().client().signIn("leaving@kampala.demo").status == 401);
}

BOOST_AUTO_TEST_CASE(a_lock_signs_the_user_out_and_an_unlock_lets_them_in_again) {
  Client admin = server().signedIn("admin@mmc.demo");
  const auto target = addApplicant(admin, "locked@kampala.demo");
  Client browser = server().client();
  BOOST_REQUIRE_EQUAL(browser.signIn("locked@kampala.demo").status, 201);
  auto r = admin.post(usersPath(target, "/lock"), R"({"until":"2001-01-01T00:00:00Z"})");
  BOOST_TEST(r.status == 422);
  BOOST_TEST(firstField(r) == "until");
  r = admin.post(usersPath(target, "/lock"), R"({"reason":"laptop stolen"})");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_TEST(r.json->getValue<bool>("locked"));
  BOOST_TEST(r.json->isNull("locked_until"));  // until an admin unlocks
  BOOST_TEST(browser.get("/api/v1/me").status == 401);
  BOOST_TEST(server().client().signIn("locked@kampala.demo").status != 201);
  r = admin.post(usersPath(target, "/unlock"), "");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_TEST(!r.json->getValue<bool>("locked"));
  BOOST_TEST(server().client().signIn("locked@kampala.demo").status == 201);
}

BOOST_AUTO_TEST_CASE(an_admin_lists_and_revokes_a_users_sessions) {
  Client admin = server().signedIn("admin@mmc.demo");
  const auto target = addApplicant(admin, "sessions@kampala.demo");
  Client one = server().client();
  Client two = server().client();
  BOOST_REQUIRE_EQUAL(one.signIn("sessions@kampala.demo").status, 201);
  BOOST_REQUIRE_EQUAL(two.signIn("sessions@kampala.demo").status, 201);
  auto list = admin.get(usersPath(target, "/sessions"));
  BOOST_REQUIRE_EQUAL(list.status, 200);
  BOOST_REQUIRE_EQUAL(list.json->getValue<std::int64_t>("total"), 2);
  const auto first = list.json->getArray("items")->getObject(0)->getValue<std::int64_t>("id");
  const auto others =
      queryInt(server().db(), "SELECT MIN(id) FROM sessions WHERE user_id <> :p", target).value();
  BOOST_TEST(admin.del(usersPath(target, "/sessions/" + std::to_string(others))).status == 404);
  BOOST_TEST(admin.del(usersPath(target, "/sessions/" + std::to_string(first))).status == 204);
  BOOST_TEST(one.get("/api/v1/me").status == 401);
  BOOST_TEST(two.get("/api/v1/me").status == 200);
  BOOST_TEST(admin.del(usersPath(target, "/sessions")).status == 204);
  BOOST_TEST(two.get("/api/v1/me").status == 401);
}

BOOST_AUTO_TEST_CASE(a_forced_reset_signs_the_user_out_and_mails_a_link) {
  Client admin = server().signedIn("admin@mmc.demo");
  const auto target = addApplicant(admin, "forgetful@kampala.demo");
  Client browser = server().client();
  BOOST_REQUIRE_EQUAL(browser.signIn("forgetful@kampala.demo").status, 201);
  const auto mails = testing::mailRows(server().db()).size();
  BOOST_TEST(admin.post(usersPath(target, "/password-reset"), "").status == 204);
  BOOST_TEST(browser.get("/api/v1/me").status == 401);
  BOOST_TEST(server().client().signIn("forgetful@kampala.demo").status == 401);
  const auto rows = testing::mailRows(server().db());
  BOOST_REQUIRE(rows.size() == mails + 1);
  BOOST_TEST(rows.back().key == "password_reset");
  BOOST_TEST(rows.back().to == "forgetful@kampala.demo");
}

BOOST_AUTO_TEST_CASE(a_second_factor_reset_needs_a_second_admin) {
  Client admin = server().signedIn("admin@mmc.demo");
  const auto r0 = admin.post("/api/v1/users",
                             "{\"email\":\"admin2@mmc.demo\",\"name\":\"Second Admin\","
                             "\"organisation\":\"Mayors Migration Council\",\"password\":" +
                                 quoted(kDemoPassword) + ",\"roles\":[\"admin\"]}");
  BOOST_REQUIRE_MESSAGE(r0.status == 201, r0.body);
  enrolDemoFactor(server(), r0.json->getValue<std::int64_t>("id"));  // an admin needs one
  Client second = server().signedIn("admin2@mmc.demo");
  const auto target = userId("fm2@mmc.demo");
  const auto me = userId("admin@mmc.demo");
  // The auditor has no second factor: there is nothing to reset. The demo's fund managers and
  // admin have theirs.
  BOOST_TEST(admin.post(usersPath(userId("auditor@mmc.demo"), "/second-factor-reset"),
                        R"({"reason":"no factor"})")
                 .status == 409);
  BOOST_TEST(admin.post(usersPath(me, "/second-factor-reset"), R"({"reason":"mine"})").status ==
             403);
  auto r = admin.post(usersPath(target, "/second-factor-reset"), R"({"reason":""})");
  BOOST_TEST(r.status == 422);
  BOOST_TEST(firstField(r) == "reason");
  r = admin.post(usersPath(target, "/second-factor-reset"),
                 R"({"reason":"Lost phone; identity checked by video call"})");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  const auto pending = r.json->getObject("second_factor_reset");
  BOOST_REQUIRE(pending);
  BOOST_TEST(!pending->getValue<bool>("may_confirm"));
  BOOST_TEST(
      pending->getObject("actors")->getObject("requested_by")->getValue<std::string>("name") ==
      "Priya Raman");
  BOOST_TEST(admin.post(usersPath(target, "/second-factor-reset/confirm"), "").status == 403);
  BOOST_TEST(r.json->getValue<bool>("second_factor"));
  r = second.get(usersPath(target));
  BOOST_TEST(r.json->getObject("second_factor_reset")->getValue<bool>("may_confirm"));
  r = second.post(usersPath(target, "/second-factor-reset/confirm"), "");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_TEST(!r.json->getValue<bool>("second_factor"));
  BOOST_TEST(r.json->isNull("second_factor_reset"));
  BOOST_TEST(
      queryInt(server().db(), "SELECT COUNT(*) FROM second_factors WHERE user_id = :p", target)
          .value_or(-1) == 0);
  BOOST_TEST(second.post(usersPath(target, "/second-factor-reset/confirm"), "").status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
