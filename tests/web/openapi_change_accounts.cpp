#include <string>

#include <Poco/JSON/Array.h>

#include "services/crypto/totp.h"
#include "tests/mail/outbox_rows.h"
#include "tests/web/account_people.h"
#include "tests/web/openapi_changer.h"

// The accounts' steps of the OpenAPI change test (openapi_change_test.cpp).
namespace citygrants::webtest {

void sessionsAndTokens(Changer& change, Server& server, Client& fm1) {
  Client browser = server.client();
  const auto signed_in =
      change(browser, "POST", "/api/v1/session", "/api/v1/session",
             R"({"email":"fm2@mmc.demo","password":")" + std::string(kDemoPassword) +
                 R"(","otp":")" + server.otp().next("fm2@mmc.demo").value_or("") + "\"}");
  BOOST_REQUIRE(signed_in.json);
  browser.csrf_token = signed_in.json->getValue<std::string>("csrf_token");
  change(browser, "DELETE", "/api/v1/session", "/api/v1/session");
  const auto token =
      change(fm1, "POST", "/api/v1/tokens", "/api/v1/tokens", R"({"name":"openapi changes"})");
  BOOST_REQUIRE(token.json);
  change(fm1, "DELETE", "/api/v1/tokens/{id}",
         at("tokens", token.json->getValue<std::int64_t>("id")));
}

// A second factor set up, proven, renewed and removed by a person of the test's own, and a fund
// manager's step-up.
void secondFactor(Changer& change, Server& server, Client& fm1) {
  change(fm1, "POST", "/api/v1/session/step-up", "/api/v1/session/step-up",
         "{\"otp\":" + quoted(server.otp().next("fm1@mmc.demo").value_or("")) + "}");
  const auto person = addPerson(server, "openapi-factor@kampala.test", access::Role::kApplicant);
  Client c = signedInAs(server, person.email);
  const auto started = change(c, "POST", "/api/v1/account/second-factor", "/api/v1/account/second-factor");
  BOOST_REQUIRE(started.json);
  const auto key = crypto::base32Decode(started.json->getValue<std::string>("secret"));
  const auto code = crypto::totpAt(*key, nowMs() / 1000);
  const auto confirmed = change(c, "POST", "/api/v1/account/second-factor/confirm",
                                "/api/v1/account/second-factor/confirm", "{\"otp\":" + quoted(code) + "}");
  BOOST_REQUIRE(confirmed.json);
  const auto renewed = change(c, "POST", "/api/v1/account/second-factor/recovery-codes",
                              "/api/v1/account/second-factor/recovery-codes",
                              "{\"otp\":" + quoted(confirmed.json->getArray("recovery_codes")->getElement<std::string>(0)) + "}");
  BOOST_REQUIRE(renewed.json);
  change(c, "POST", "/api/v1/account/second-factor/remove", "/api/v1/account/second-factor/remove",
         "{\"otp\":" + quoted(renewed.json->getArray("recovery_codes")->getElement<std::string>(0)) + "}");
}

// The account page's changes and a forgotten password, by a person of the test's own.
void accountAndResets(Changer& change, Server& server) {
  const auto person = addPerson(server, "openapi@kampala.test", access::Role::kApplicant);
  Client c = signedInAs(server, person.email);
  Client elsewhere = signedInAs(server, person.email);
  change(c, "PATCH", "/api/v1/account", "/api/v1/account", R"({"language":"fr"})",
         ifMatch(c, "/api/v1/account"));
  const auto sessions = itemsOf(read(c, "/api/v1/account/sessions"));
  std::int64_t other = 0;
  for (unsigned i = 0; i < sessions->size(); ++i) {
    if (!sessions->getObject(i)->getValue<bool>("current"))
      other = sessions->getObject(i)->getValue<std::int64_t>("id");
  }
  change(c, "DELETE", "/api/v1/account/sessions/{id}", at("account/sessions", other));
  change(c, "PUT", "/api/v1/account/password", "/api/v1/account/password",
         "{\"current_password\":" + quoted(kPersonPassword) +
             R"(,"new_password":"an-openapi-password"})");
  Client anonymous = server.client();
  const auto last = testing::lastMailId(server.db());
  change(anonymous, "POST", "/api/v1/password-resets", "/api/v1/password-resets",
         "{\"email\":" + quoted(person.email) + "}");
  const auto mails = testing::mailRows(server.db(), last);
  BOOST_REQUIRE_EQUAL(mails.size(), 1u);
  const auto& body = mails.front().body;
  const auto token = body.substr(body.find("#/password-reset/") + 17, 64);
  change(anonymous, "POST", "/api/v1/password-resets/{token}", "/api/v1/password-resets/" + token,
         R"({"new_password":"a-reset-openapi-password"})");
}

// Account administration: an edit, sessions ended one and all, a lock and unlock, a forced reset,
// and a second factor's reset withdrawn, requested again and confirmed by a second admin.
void accountAdmin(Changer& change, Server& server, Client& admin) {
  const auto id = queryInt(server.db(), "SELECT id FROM users WHERE email = 'lead@openapi.demo'").value();
  const auto path = at("users", id);
  change(admin, "PATCH", "/api/v1/users/{id}", path,
         R"({"name":"Fund lead","language":"fr","roles":["fund_manager","auditor"],"active":true})",
         {{"If-Match", admin.get(path).header("ETag")}});
  for (int i = 0; i < 2; ++i) BOOST_REQUIRE_EQUAL(server.client().signIn("lead@openapi.demo", "a-long-password-1").status, 201);
  const auto sid = queryInt(server.db(), "SELECT MIN(id) FROM sessions WHERE user_id = :p", id).value();
  change(admin, "DELETE", "/api/v1/users/{id}/sessions/{sid}", path + "/sessions/" + std::to_string(sid));
  change(admin, "DELETE", "/api/v1/users/{id}/sessions", path + "/sessions");
  change(admin, "POST", "/api/v1/users/{id}/lock", path + "/lock", R"({"until":"2099-01-01T00:00:00Z","reason":"openapi"})");
  change(admin, "POST", "/api/v1/users/{id}/unlock", path + "/unlock");
  change(admin, "POST", "/api/v1/users/{id}/password-reset", path + "/password-reset");
  server.db().write([&](db::Tx& tx) {
    tx.sql() << "INSERT INTO second_factors (user_id, secret, created_at, confirmed_at) "
                "VALUES (:u, 'JBSWY3DPEHPK3PXP', 1, 1)", soci::use(id);
    tx.commit();
  });
  change(admin, "POST", "/api/v1/users/{id}/second-factor-reset", path + "/second-factor-reset", R"({"reason":"openapi"})");
  change(admin, "DELETE", "/api/v1/users/{id}/second-factor-reset", path + "/second-factor-reset");
  change(admin, "POST", "/api/v1/users/{id}/second-factor-reset", path + "/second-factor-reset", R"({"reason":"openapi"})");
  const auto added = change(admin, "POST", "/api/v1/users", "/api/v1/users",
         R"({"email":"admin2@openapi.demo","name":"Second admin","organisation":"Openapi Fund",)"
         R"("password":")" + std::string(kDemoPassword) + R"(","roles":["admin"]})");
  BOOST_REQUIRE(added.json);
  enrolDemoFactor(server, added.json->getValue<std::int64_t>("id"));  // an admin needs one
  Client second = server.signedIn("admin2@openapi.demo");
  change(second, "POST", "/api/v1/users/{id}/second-factor-reset/confirm", path + "/second-factor-reset/confirm");
}

// A lead's team: the flag, an invitation accepted and one withdrawn, the new member removed.
void teams(Changer& change, Server& server, Client& admin, Client& kampala) {
  const auto lead = queryInt(server.db(), "SELECT id FROM users WHERE email = 'applicant@kampala.demo'");
  change(admin, "PUT", "/api/v1/users/{id}/org-lead", at("users", *lead, "/org-lead"), R"({"org_lead": true})");
  const auto last = testing::lastMailId(server.db());
  change(kampala, "POST", "/api/v1/team/invitations", "/api/v1/team/invitations",
         R"({"email": "openapi-team@kampala.test", "role": "applicant", "language": "pt"})");
  const auto withdrawn = change(kampala, "POST", "/api/v1/team/invitations", "/api/v1/team/invitations",
                                R"({"email": "openapi-gone@kampala.test", "role": "applicant"})");
  change(kampala, "DELETE", "/api/v1/team/invitations/{id}", at("team/invitations", idOf(withdrawn)));
  const auto mails = testing::mailRows(server.db(), last);
  BOOST_REQUIRE(!mails.empty());
  const auto token = mails.front().body.substr(mails.front().body.find("#/invitation/") + 13, 64);
  Client anonymous = server.client();
  change(anonymous, "POST", "/api/v1/invitations/{token}", "/api/v1/invitations/" + token,
         R"({"name": "Open API", "password": "correct-horse-battery-9"})");
  const auto member = queryInt(server.db(), "SELECT id FROM users WHERE email = 'openapi-team@kampala.test'");
  change(kampala, "DELETE", "/api/v1/team/members/{id}", at("team/members", *member));
}

}  // namespace citygrants::webtest
