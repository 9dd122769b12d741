#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/mail/outbox_rows.h"
#include "tests/web/http_fixture.h"

// City and partner teams over HTTP (issue 17 part 3): the demo's city lead invites, the invitee
// accepts on the public route and signs in, the lead removes them; every refusal is a problem
// naming its field and leaves the database as it was.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

constexpr const char* kNewPassword = "correct-horse-battery-9";

Server& server() { return SeededServer::get(); }

std::string firstField(const Response& r) {
  if (!r.json || !r.json->has("errors")) return "";
  const auto errors = r.json->getArray("errors");
  return errors->size() ? errors->getObject(0)->getValue<std::string>("field") : "";
}

std::string typeOf(const Response& r) { return r.json ? r.json->optValue<std::string>("type", "") : ""; }

// Invites `email` as `role` with Kampala's lead and answers the mailed token.
std::string invite(Client& lead, const std::string& email, const std::string& role = "applicant") {
  const auto last = testing::lastMailId(server().db());
  const auto r = lead.post("/api/v1/team/invitations",
                           "{\"email\":" + quoted(email) + ",\"role\":" + quoted(role) + "}");
  BOOST_REQUIRE_MESSAGE(r.status == 201, r.body);
  const auto mails = testing::mailRows(server().db(), last);
  BOOST_REQUIRE_EQUAL(mails.size(), 1u);
  BOOST_TEST(mails[0].key == "team_invitation");
  BOOST_TEST(mails[0].to == email);
  const std::string marker = "#/invitation/";
  const auto at = mails[0].body.find(marker);
  BOOST_REQUIRE(at != std::string::npos);
  return mails[0].body.substr(at + marker.size(), 64);
}

Response accept(const std::string& token, const std::string& name = "Grace Nansubuga") {
  Client anyone = server().client();
  return anyone.post("/api/v1/invitations/" + token,
                     "{\"name\":" + quoted(name) + ",\"password\":" + quoted(kNewPassword) + "}");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(teams, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(the_demo_city_lead_sees_the_team_and_may_give_only_the_applicant_role) {
  Client lead = server().signedIn("applicant@kampala.demo");
  const auto me = lead.get("/api/v1/me");
  BOOST_TEST(me.json->getValue<bool>("org_lead"));
  const auto team = lead.get("/api/v1/team");
  BOOST_REQUIRE_EQUAL(team.status, 200);
  const auto roles = team.json->getArray("roles");
  BOOST_REQUIRE_EQUAL(roles->size(), 1u);
  BOOST_TEST(roles->getElement<std::string>(0) == "applicant");
  BOOST_TEST(team.json->getObject("organisation")->getValue<std::string>("name") == "Kampala");
  Client fm = server().signedIn("fm1@mmc.demo");
  BOOST_TEST(!fm.get("/api/v1/me").json->getValue<bool>("org_lead"));
  const auto refused = fm.get("/api/v1/team");
  BOOST_TEST(refused.status == 403);
  BOOST_TEST(refused.isProblem());
}

BOOST_AUTO_TEST_CASE(an_invitee_accepts_signs_in_and_is_removed) {
  Client lead = server().signedIn("applicant@kampala.demo");
  const auto token = invite(lead, "finance@kampala.demo");
  const auto made = accept(token);
  BOOST_REQUIRE_MESSAGE(made.status == 201, made.body);
  BOOST_TEST(made.json->getValue<std::string>("organisation") == "Kampala");
  Client officer = server().client();
  BOOST_REQUIRE_EQUAL(officer.signIn("finance@kampala.demo", kNewPassword).status, 201);
  BOOST_TEST(officer.get("/api/v1/proposals").status == 200);

  // The same link again: the one answer of a dead link, nothing written.
  const auto before = databaseDigest(server().db());
  const auto replay = accept(token);
  BOOST_TEST(replay.status == 404);
  BOOST_TEST(typeOf(replay).ends_with("/not-found"));
  BOOST_TEST(databaseDigest(server().db()) == before);

  const auto id = queryInt(server().db(), "SELECT id FROM users WHERE email = 'finance@kampala.demo'");
  BOOST_TEST(lead.del("/api/v1/team/members/" + std::to_string(*id)).status == 204);
  BOOST_TEST(officer.get("/api/v1/proposals").status == 401);
  BOOST_TEST(officer.signIn("finance@kampala.demo", kNewPassword).status == 401);
}

BOOST_AUTO_TEST_CASE(a_withdrawn_invitation_answers_as_an_unknown_one) {
  Client lead = server().signedIn("applicant@kampala.demo");
  const auto token = invite(lead, "deputy@kampala.demo");
  const auto team = lead.get("/api/v1/team");
  const auto pending = team.json->getArray("invitations");
  std::int64_t id = 0;
  for (unsigned i = 0; i < pending->size(); ++i) {
    if (pending->getObject(i)->getValue<std::string>("email") == "deputy@kampala.demo") {
      id = pending->getObject(i)->getValue<std::int64_t>("id");
    }
  }
  BOOST_REQUIRE(id != 0);
  BOOST_TEST(lead.del("/api/v1/team/invitations/" + std::to_string(id)).status == 204);
  const auto withdrawn = accept(token);
  const auto unknown = accept(std::string(64, '0'));
  BOOST_TEST(withdrawn.status == 404);
  BOOST_TEST(unknown.status == 404);
  BOOST_TEST(withdrawn.json->getValue<std::string>("detail") == unknown.json->getValue<std::string>("detail"));
  const auto malformed = accept("not-a-token");
  BOOST_TEST(malformed.status == 422);
  BOOST_TEST(firstField(malformed) == "token");
}

BOOST_AUTO_TEST_CASE(each_refusal_is_a_problem_naming_its_field_and_changes_nothing) {
  Client lead = server().signedIn("applicant@kampala.demo");
  Client fm = server().signedIn("fm1@mmc.demo");
  const auto montevideo = queryInt(server().db(), "SELECT id FROM organisations WHERE name = 'Montevideo'");
  struct Case {
    const char* what;
    Client* who;
    std::string body;
    int status;
    const char* field;
  };
  const Case cases[] = {
      {"a city makes a fund manager", &lead, R"({"email":"boss@kampala.demo","role":"fund_manager"})", 422, "role"},
      {"no role chosen", &lead, R"({"email":"x@kampala.demo"})", 422, "role"},
      {"another organisation", &lead,
       "{\"email\":\"x@kampala.demo\",\"role\":\"applicant\",\"organisation_id\":" + std::to_string(*montevideo) + "}",
       403, "organisation_id"},
      {"a colleague's email", &lead, R"({"email":"applicant@kampala.demo","role":"applicant"})", 409, "email"},
      {"a malformed email", &lead, R"({"email":"kampala","role":"applicant"})", 422, "email"},
      {"not a lead", &fm, R"({"email":"x@mmc.demo","role":"fund_manager"})", 403, ""},
  };
  for (const auto& c : cases) {
    const auto users = queryInt(server().db(), "SELECT COUNT(*) FROM users");
    const auto invitations = queryInt(server().db(), "SELECT COUNT(*) FROM team_invitations");
    const auto mails = testing::lastMailId(server().db());
    const auto r = c.who->post("/api/v1/team/invitations", c.body);
    BOOST_TEST(r.status == c.status, c.what << ": " << r.body);
    BOOST_TEST(r.isProblem(), c.what);
    BOOST_TEST(firstField(r) == c.field, c.what << ": " << r.body);
    BOOST_TEST((queryInt(server().db(), "SELECT COUNT(*) FROM users") == users), c.what);
    BOOST_TEST((queryInt(server().db(), "SELECT COUNT(*) FROM team_invitations") == invitations), c.what);
    BOOST_TEST(testing::lastMailId(server().db()) == mails, c.what);
  }
  const auto self = queryInt(server().db(), "SELECT id FROM users WHERE email = 'applicant@kampala.demo'");
  const auto r = lead.del("/api/v1/team/members/" + std::to_string(*self));
  BOOST_TEST(r.status == 403);
  BOOST_TEST(firstField(r) == "id");
}

BOOST_AUTO_TEST_CASE(only_an_admin_sets_the_org_lead_flag) {
  const auto user = queryInt(server().db(), "SELECT id FROM users WHERE email = 'reviewer@iom.demo'");
  const std::string path = "/api/v1/users/" + std::to_string(*user) + "/org-lead";
  Client lead = server().signedIn("applicant@kampala.demo");
  BOOST_TEST(lead.put(path, R"({"org_lead":false})").status == 403);
  Client admin = server().signedIn("admin@mmc.demo");
  const auto cleared = admin.put(path, R"({"org_lead":false})");
  BOOST_REQUIRE_EQUAL(cleared.status, 200);
  BOOST_TEST(!cleared.json->getValue<bool>("org_lead"));
  Client iom = server().signedIn("reviewer@iom.demo");
  BOOST_TEST(iom.get("/api/v1/team").status == 403);
  BOOST_TEST(admin.put(path, R"({"org_lead":true})").json->getValue<bool>("org_lead"));
  BOOST_TEST(iom.get("/api/v1/team").status == 200);
  const auto bad = admin.put(path, R"({"org_lead":"yes"})");
  BOOST_TEST(bad.status == 422);
  BOOST_TEST(firstField(bad) == "org_lead");
  BOOST_TEST(admin.put("/api/v1/users/999999/org-lead", R"({"org_lead":true})").status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
