#include <string>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "services/auth/password.h"
#include "services/clock.h"
#include "services/usecases/directory_service.h"
#include "tests/mail/outbox_rows.h"
#include "tests/web/account_people.h"
#include "tests/web/http_fixture.h"
#include "tests/web/pipeline_steps.h"

// The account page's routes (issue 15 part 4): one's name and language (the language is what
// /me answers on any device and what the next mail is written in), a password change that needs
// the current password and ends the other sessions but not this one, and one's sessions.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

Server& server() { return SeededServer::get(); }

Headers ifMatch(const std::string& etag) { return {{"If-Match", etag}}; }

std::string etagOfAccount(Client& c) {
  const auto r = c.get("/api/v1/account");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  return r.header("ETag");
}

Response patchAccount(Client& c, const std::string& body, const Headers& headers) {
  return c.send("PATCH", "/api/v1/account", body, "application/json", headers);
}

Response changePassword(Client& c, const std::string& current, const std::string& next) {
  return c.put("/api/v1/account/password", "{\"current_password\":" + quoted(current) +
                                               ",\"new_password\":" + quoted(next) + "}");
}

std::int64_t sessionsOfUser(std::int64_t user_id) {
  return queryInt(server().db(), "SELECT COUNT(*) FROM sessions WHERE user_id = :p", user_id)
      .value();
}

std::int64_t auditCount(const std::string& event, std::int64_t user_id) {
  return queryInt(server().db(),
                  "SELECT COUNT(*) FROM audit_events WHERE entity = 'user' AND event = '" + event +
                      "' AND entity_id = :p",
                  user_id)
      .value();
}

// The ids of a session page's items, and which one is marked current (0: none).
struct Listed {
  std::vector<std::int64_t> ids;
  std::int64_t current = 0;
};

Listed listed(Client& c) {
  const auto r = c.get("/api/v1/account/sessions");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  Listed out;
  const auto items = r.json->getArray("items");
  for (unsigned i = 0; i < items->size(); ++i) {
    const auto s = items->getObject(i);
    out.ids.push_back(s->getValue<std::int64_t>("id"));
    if (s->getValue<bool>("current")) {
      BOOST_TEST(out.current == 0, "two sessions marked current");
      out.current = s->getValue<std::int64_t>("id");
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(account_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(the_account_is_changed_only_with_if_match_and_bad_input_writes_nothing) {
  const auto person = addPerson(server(), "profile@kampala.test", access::Role::kApplicant);
  Client c = signedInAs(server(), person.email);
  const auto account = c.get("/api/v1/account");
  BOOST_REQUIRE_EQUAL(account.status, 200);
  BOOST_TEST(account.json->getValue<std::string>("email") == person.email);
  BOOST_TEST(account.json->getValue<std::string>("language") == "en");
  const auto etag = account.header("ETag");
  BOOST_TEST(!etag.empty());

  BOOST_TEST(patchAccount(c, R"({"language":"fr"})", {}).status == 428);
  BOOST_TEST(patchAccount(c, R"({"language":"fr"})", ifMatch("\"v999\"")).status == 412);
  const auto before = databaseDigest(server().db());
  const auto bad = patchAccount(c, R"({"name":"  ","language":"de"})", ifMatch(etag));
  BOOST_TEST(bad.status == 422);
  BOOST_TEST(bad.isProblem(), bad.body);
  for (const char* field : {"name", "language"}) {
    BOOST_TEST(bad.body.find(std::string("\"field\":\"") + field + "\"") != std::string::npos,
               field << " in " << bad.body);
  }
  const auto unknown = patchAccount(c, R"({"language":"fr","colour":"red"})", ifMatch(etag));
  BOOST_TEST(unknown.status == 422);
  BOOST_TEST(unknown.body.find("\"field\":\"colour\"") != std::string::npos, unknown.body);
  BOOST_TEST(
      patchAccount(c, R"({"language":"fr"})", {{"If-Match", etag}, {"X-CSRF-Token", "x"}}).status ==
      403);  // a cookie session's change carries its CSRF token
  BOOST_TEST(databaseDigest(server().db()) == before);

  const auto changed = patchAccount(c, R"({"name":"Amara Okello","language":"fr"})", ifMatch(etag));
  BOOST_REQUIRE_EQUAL(changed.status, 200);
  BOOST_TEST(changed.json->getValue<std::string>("name") == "Amara Okello");
  BOOST_TEST(changed.json->getValue<std::string>("language") == "fr");
  BOOST_TEST(changed.header("ETag") != etag);
  BOOST_TEST(auditCount("update_profile", person.id) == 1);
  // The same values again change nothing: no new version, no audit event.
  const auto same = patchAccount(c, R"({"language":"fr"})", ifMatch(changed.header("ETag")));
  BOOST_TEST(same.status == 200);
  BOOST_TEST(same.header("ETag") == changed.header("ETag"));
  BOOST_TEST(auditCount("update_profile", person.id) == 1);
}

BOOST_AUTO_TEST_CASE(the_saved_language_is_the_one_every_device_and_the_next_mail_get) {
  // A fund manager of the demo fund's organisation: every fund manager is mailed a submission.
  const auto person = addPerson(server(), "fm-es@mmc.test", access::Role::kFundManager);
  Client laptop = signedInAs(server(), person.email);
  BOOST_REQUIRE_EQUAL(
      patchAccount(laptop, R"({"language":"es"})", ifMatch(etagOfAccount(laptop))).status, 200);

  Client phone = signedInAs(server(), person.email);  // another device, nothing remembered
  BOOST_TEST(phone.get("/api/v1/me").json->getValue<std::string>("language") == "es");
  const auto signed_in = server().client().signIn(person.email, kPersonPassword);
  BOOST_TEST(signed_in.json->getObject("user")->getValue<std::string>("language") == "es");

  const auto last = testing::lastMailId(server().db());
  Cast cast(server(), "applicant@kampala.demo");
  const auto proposal = createProposal(cast, "Language follows the person", 25'000'000);
  fire(cast.applicant, proposalPath(proposal), {.name = "submit_concept"}, "concept_submitted");
  std::string mine_language, mine_subject, fm1_subject;
  for (const auto& m : testing::mailRows(server().db(), last)) {
    if (m.key != "proposal_submitted") continue;
    if (m.to == person.email) {
      mine_language = m.language;
      mine_subject = m.subject;
    }
    if (m.to == "fm1@mmc.demo") fm1_subject = m.subject;
  }
  BOOST_TEST(mine_language == "es");
  BOOST_TEST(mine_subject.find("nueva") != std::string::npos, mine_subject);  // Spanish words
  BOOST_TEST(fm1_subject.find("new") != std::string::npos, fm1_subject);      // fm1 keeps English
}

BOOST_AUTO_TEST_CASE(a_password_change_needs_the_current_password_and_refusals_write_nothing) {
  const auto person = addPerson(server(), "careful@kampala.test", access::Role::kApplicant);
  Client c = signedInAs(server(), person.email);
  const auto before = databaseDigest(server().db());

  const auto wrong = changePassword(c, "not-my-password", "a-brand-new-password");
  BOOST_TEST(wrong.status == 422);
  BOOST_TEST(wrong.body.find("\"field\":\"current_password\"") != std::string::npos, wrong.body);
  const auto short_one = changePassword(c, kPersonPassword, "short");
  BOOST_TEST(short_one.status == 422);
  BOOST_TEST(short_one.body.find("\"field\":\"new_password\"") != std::string::npos,
             short_one.body);
  const auto missing =
      c.put("/api/v1/account/password", R"({"new_password":"a-brand-new-password"})");
  BOOST_TEST(missing.status == 422);
  BOOST_TEST(missing.body.find("\"field\":\"current_password\"") != std::string::npos,
             missing.body);
  BOOST_TEST(databaseDigest(server().db()) == before);

  BOOST_TEST(server().client().signIn(person.email, kPersonPassword).status == 201);
  BOOST_TEST(c.get("/api/v1/account").status == 200);
}

BOOST_AUTO_TEST_CASE(a_password_change_ends_every_other_session_and_keeps_this_one) {
  const auto person = addPerson(server(), "moving@kampala.test", access::Role::kApplicant);
  Client here = signedInAs(server(), person.email);
  Client laptop = signedInAs(server(), person.email);
  Client phone = signedInAs(server(), person.email);
  Client someone_else = server().signedIn("applicant@montevideo.demo");
  const auto others_before = sessionsOfUser(userIdOf(someone_else));
  BOOST_REQUIRE_EQUAL(sessionsOfUser(person.id), 3);

  const auto changed = changePassword(here, kPersonPassword, "a-brand-new-password");
  BOOST_REQUIRE_EQUAL(changed.status, 204);
  BOOST_TEST(here.get("/api/v1/account").status == 200);  // this session goes on
  BOOST_TEST(laptop.get("/api/v1/me").status == 401);
  BOOST_TEST(phone.get("/api/v1/me").status == 401);
  BOOST_TEST(sessionsOfUser(person.id) == 1);
  BOOST_TEST(someone_else.get("/api/v1/me").status == 200);
  BOOST_TEST(sessionsOfUser(userIdOf(someone_else)) == others_before);
  BOOST_TEST(auditCount("change_password", person.id) == 1);

  BOOST_TEST(server().client().signIn(person.email, kPersonPassword).status == 401);
  BOOST_TEST(server().client().signIn(person.email, "a-brand-new-password").status == 201);
}

BOOST_AUTO_TEST_CASE(one_sees_ones_own_sessions_with_this_one_marked_and_ends_them_one_by_one) {
  const auto person = addPerson(server(), "two-devices@kampala.test", access::Role::kApplicant);
  Client here = signedInAs(server(), person.email);
  Client there = signedInAs(server(), person.email);
  Client montevideo = server().signedIn("applicant@montevideo.demo");

  const auto mine = listed(here);
  BOOST_REQUIRE_EQUAL(mine.ids.size(), 2u);
  BOOST_TEST(mine.current != 0);
  const auto theirs = listed(there);
  BOOST_TEST(theirs.ids == mine.ids);
  BOOST_TEST(theirs.current != mine.current);
  const auto first = here.get("/api/v1/account/sessions").json->getArray("items")->getObject(0);
  BOOST_TEST(first->has("created_at"));
  BOOST_TEST(first->has("last_seen_at"));

  // Another user's session is not found, and nothing happens to it.
  const auto other = listed(montevideo).current;
  BOOST_TEST(here.del("/api/v1/account/sessions/" + std::to_string(other)).status == 404);
  BOOST_TEST(montevideo.get("/api/v1/me").status == 200);
  BOOST_TEST(here.del("/api/v1/account/sessions/999999999").status == 404);
  // A cookie session's change carries its CSRF token.
  BOOST_TEST(here.del("/api/v1/account/sessions/" + std::to_string(theirs.current),
                      {{"X-CSRF-Token", "forged"}})
                 .status == 403);

  BOOST_TEST(here.del("/api/v1/account/sessions/" + std::to_string(theirs.current)).status == 204);
  BOOST_TEST(there.get("/api/v1/me").status == 401);
  const auto after = listed(here);
  BOOST_TEST(after.ids.size() == 1u);
  BOOST_TEST(after.current == mine.current);
  BOOST_TEST(auditCount("end_session", person.id) == 1);
}

BOOST_AUTO_TEST_CASE(
    a_bearer_token_reads_the_account_and_a_password_change_by_it_ends_every_session) {
  const auto person = addPerson(server(), "machine@kampala.test", access::Role::kApplicant);
  Client browser = signedInAs(server(), person.email);
  const auto token = browser.post("/api/v1/tokens", R"({"name":"script"})");
  BOOST_REQUIRE_EQUAL(token.status, 201);
  Client script(server().port());
  script.bearer = token.json->getValue<std::string>("token");
  const auto sessions = script.get("/api/v1/account/sessions");
  BOOST_REQUIRE_EQUAL(sessions.status, 200);
  BOOST_TEST(listed(script).current == 0);  // a token is no session
  BOOST_TEST(changePassword(script, kPersonPassword, "a-brand-new-password").status == 204);
  BOOST_TEST(browser.get("/api/v1/me").status == 401);
  BOOST_TEST(sessionsOfUser(person.id) == 0);
  BOOST_TEST(script.get("/api/v1/account").status == 200);  // tokens are revoked on their own
}

BOOST_AUTO_TEST_SUITE_END()
