#include <chrono>
#include <set>
#include <string>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "services/crypto/totp.h"
#include "services/stores/outbox_store.h"
#include "tests/mail/outbox_rows.h"
#include "tests/web/account_people.h"
#include "tests/web/http_fixture.h"
#include "tests/web/json_schema_check.h"
#include "tests/web/openapi_demo.h"
#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"
#include "web/http/api_router.h"

using namespace citygrants;
using namespace citygrants::webtest;

namespace {

const std::string kNarrative =
    "Second quarter: a third service centre opened; 1,020 people registered.";

// Sends a change the way a client would after reading the document: the body is first held
// against the documented request schema, then the answer against the documented success.
struct Changer {
  const Spec& spec;
  std::set<std::string> done;  // "METHOD pattern" of each change answered as documented

  Response operator()(Client& c, const std::string& method, const std::string& pattern,
                      const std::string& path, const std::string& body = "",
                      const Headers& headers = {}) {
    if (!body.empty()) expectValidRequest(spec, body, method, pattern);
    const auto r = method == "POST"    ? c.post(path, body, headers)
                   : method == "PUT"   ? c.put(path, body, headers)
                   : method == "PATCH" ? c.send("PATCH", path, body, "application/json", headers)
                                       : c.del(path, headers);
    expectSuccess(spec, r, method, pattern, method + " " + path);
    if (r.status == spec.successStatus(method, pattern)) done.insert(method + " " + pattern);
    return r;
  }
  Response upload(Client& c, const std::string& pattern, const std::string& path) {
    BOOST_TEST(!spec.requestSchema("POST", pattern, "multipart/form-data").isNull());
    const auto r = uploadPdf(c, path, "evidence.pdf");
    expectSuccess(spec, r, "POST", pattern, "POST " + path);
    if (r.status == 201) done.insert("POST " + pattern);
    return r;
  }
};

std::string at(const std::string& collection, std::int64_t id, const std::string& rest = "") {
  return "/api/v1/" + collection + "/" + std::to_string(id) + rest;
}

Headers ifMatch(Client& c, const std::string& path) { return {{"If-Match", etagOf(c, path)}}; }

// The id of the item of `list` whose `key` is `value`; 0 when none.
std::int64_t idWhere(const Poco::JSON::Array::Ptr& list, const std::string& key,
                     std::int64_t value) {
  for (unsigned i = 0; i < list->size(); ++i) {
    if (list->getObject(i)->getValue<std::int64_t>(key) == value)
      return list->getObject(i)->getValue<std::int64_t>("id");
  }
  return 0;
}

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

// Returns the new call's path.
std::string callSetUp(Changer& change, Client& fm1) {
  const auto call = change(fm1, "POST", "/api/v1/calls", "/api/v1/calls", R"({
    "code": "OPENAPI-2099", "title": "A round to test the document", "description": null,
    "currency": "EUR", "budget_minor": 100000000, "min_award_minor": 1000000,
    "max_award_minor": 5000000, "threshold_minor": 3000000, "max_duration_months": 18,
    "closes_at": "2099-12-31T23:59:59Z",
    "translations": {"fr": {"title": "Un appel pour tester le document"}},
    "criteria": [{"code": "relevance", "name": "Relevance", "weight": 60, "guidance": "Needs first.",
                  "translations": {"es": {"name": "Pertinencia", "guidance": "Primero las necesidades."}}},
                 {"code": "feasibility", "name": "Feasibility", "weight": 40}],
    "tranche_plan": [{"share_bp": 5000, "trigger": "signature"}, {"share_bp": 5000, "trigger": "final_report"}]})");
  BOOST_REQUIRE(call.json);
  const auto path = at("calls", idOf(call));
  change(fm1, "POST", "/api/v1/calls/{id}/transitions", path + "/transitions",
         R"({"event":"open"})", ifMatch(fm1, path));
  return path;
}

// The catalog, a donor's chapter, a call's framework and funding, and a new grant's allocation.
void resultsAndFunding(Changer& change, Server& server, Client& fm1, Client& admin,
                       const std::string& new_call, const DemoRecords& d) {
  const auto indicator = change(admin, "POST", "/api/v1/indicators", "/api/v1/indicators", R"({
    "code": "openapi_jobs", "unit": "people", "aggregation": "sum", "dimensions": ["sex"],
    "names": {"en": "Jobs", "fr": "Emplois", "es": "Empleos", "pt": "Empregos"},
    "definitions": {"en": "People placed in jobs.", "fr": "", "es": "", "pt": ""}})");
  BOOST_REQUIRE(indicator.json);
  const auto path = at("indicators", idOf(indicator));
  change(admin, "PUT", "/api/v1/indicators/{id}", path,
         R"({"names": {"en": "Jobs found", "fr": "Emplois trouvés", "es": "Empleos", "pt": "Empregos"},)"
         R"( "active": true})",
         ifMatch(admin, path));
  change(fm1, "PUT", "/api/v1/calls/{id}/indicators", new_call + "/indicators",
         R"({"indicators": [{"code": "people_reached", "required": true}, {"code": "openapi_jobs"}]})",
         ifMatch(fm1, new_call));
  change(fm1, "PUT", "/api/v1/calls/{id}/texts", new_call + "/texts", R"({
    "title": "Open cities", "description": "Grants for open cities.",
    "translations": {"fr": {"title": "Villes ouvertes"}, "es": {"title": "Ciudades abiertas", "description": ""}},
    "criteria": [{"code": "relevance", "name": "Relevance", "guidance": "Does it answer the needs?",
                  "translations": {"pt": {"name": "Relevância"}}},
                 {"code": "feasibility", "name": "Feasibility"}]})",
         ifMatch(fm1, new_call));
  const auto donor = itemsOf(read(fm1, "/api/v1/donors"))->getObject(0)->getValue<std::int64_t>("id");
  const auto chapter = change(admin, "POST", "/api/v1/chapters", "/api/v1/chapters",
                              R"({"donor_id": )" + std::to_string(donor) +
                                  R"(, "code": "EURO-2099", "name": "Euro chapter", "theme": "Test",)"
                                  R"( "currency": "EUR", "committed_minor": 50000000})");
  BOOST_REQUIRE(chapter.json);
  const auto chapter_path = at("chapters", idOf(chapter));
  change(admin, "PUT", "/api/v1/chapters/{id}", chapter_path,
         R"({"name": "Euro chapter", "theme": "Cities in Europe", "committed_minor": 60000000})",
         {{"If-Match", chapter.header("ETag")}});
  change(fm1, "PUT", "/api/v1/calls/{id}/chapters", new_call + "/chapters",
         "{\"chapters\": [" + std::to_string(idOf(chapter)) + "]}", ifMatch(fm1, new_call));
  // Montevideo's award waits for a second fund manager: approving it makes a grant, paid from
  // nothing yet, whose award can be split between the open call's first and last chapters.
  Client fm2 = server.signedIn("fm2@mmc.demo");
  const auto proposed = at("proposals", d.first_in_state.at("award_proposed"));
  BOOST_REQUIRE(fm2.post(proposed + "/transitions", R"({"event":"approve"})", ifMatch(fm2, proposed)).status == 200);
  const auto grants = itemsOf(read(fm1, "/api/v1/grants?limit=200"));
  const auto grant = at("grants", idWhere(grants, "proposal_id", d.first_in_state.at("award_proposed")),
                        "/allocations");
  const auto chapters = read(fm1, at("calls", d.open_call)).json->getArray("chapters");
  const auto award = read(fm1, grant).json->getObject("award")->getValue<std::int64_t>("amount_minor");
  change(fm1, "PUT", "/api/v1/grants/{id}/allocations", grant,
         R"({"allocations": [{"chapter_id": )" + std::to_string(chapters->getElement<std::int64_t>(0)) +
             R"(, "amount_minor": 10000000}, {"chapter_id": )" +
             std::to_string(chapters->getElement<std::int64_t>(static_cast<unsigned>(chapters->size() - 1))) +
             R"(, "amount_minor": )" + std::to_string(award - 10'000'000) + "}]}",
         ifMatch(fm1, grant));
}

void proposalDrafting(Changer& change, Client& kampala, const DemoRecords& d) {
  const auto created =
      change(kampala, "POST", "/api/v1/proposals", "/api/v1/proposals",
             R"({"call_id":)" + std::to_string(d.open_call) +
                 R"(,"language":"en","title":"Kampala green jobs for newcomers"})");
  BOOST_REQUIRE(created.json);
  const auto path = at("proposals", idOf(created));
  change(kampala, "PUT", "/api/v1/proposals/{id}", path,
         proposalContent("Kampala green jobs for newcomers", 21'000'000, "en"),
         ifMatch(kampala, path));
  change.upload(kampala, "/api/v1/proposals/{id}/attachments", path + "/attachments");
  change(kampala, "POST", "/api/v1/proposals/{id}/transitions", path + "/transitions",
         R"({"event":"submit_concept"})", ifMatch(kampala, path));
}

void screeningAndReview(Changer& change, Server& server, Client& fm1, const DemoRecords& d) {
  const auto screening = at("proposals", d.first_in_state.at("screening"));
  const auto iom = std::to_string(d.partners.at("IOM"));
  change(fm1, "PUT", "/api/v1/proposals/{id}/supporting-partner", screening + "/supporting-partner",
         R"({"partner_org_id":)" + iom + "}", ifMatch(fm1, screening));
  change(fm1, "POST", "/api/v1/proposals/{id}/assignments", screening + "/assignments",
         R"({"partner_org_id":)" + std::to_string(d.partners.at("UNHCR")) + "}");
  change(
      fm1, "PUT", "/api/v1/proposals/{id}/translation", screening + "/translation",
      R"({"translation_en":"Abidjan inclusive: one-stop desks for civil registration, health and jobs."})");
  // São Paulo's proposal in review: IOM has scored half, UNHCR has not declared yet.
  const auto in_review = at("proposals", d.first_in_state.at("in_review"));
  Client iom_reviewer = server.signedIn("reviewer@iom.demo");
  const auto assignments = itemsOf(read(fm1, in_review + "/assignments"));
  const auto iom_review =
      at("assignments", idWhere(assignments, "partner_org_id", d.partners.at("IOM")));
  const auto criteria = read(fm1, at("calls", d.open_call)).json->getArray("criteria");
  std::string scores;
  for (unsigned i = 0; i < criteria->size(); ++i) {
    scores += (i ? "," : "") + std::string(R"({"criterion_id":)") +
              std::to_string(criteria->getObject(i)->getValue<std::int64_t>("id")) +
              R"(,"score":4})";
  }
  change(iom_reviewer, "PUT", "/api/v1/assignments/{id}/scores", iom_review + "/scores",
         R"({"scores":[)" + scores + R"(],"comment":"Sound plan; the indicators need baselines."})",
         ifMatch(iom_reviewer, iom_review));
  Client unhcr = server.signedIn("reviewer@unhcr.demo");
  const auto unhcr_review =
      at("assignments", idWhere(assignments, "partner_org_id", d.partners.at("UNHCR")));
  change(unhcr, "POST", "/api/v1/assignments/{id}/transitions", unhcr_review + "/transitions",
         R"({"event":"accept","no_conflict_declared":true})", ifMatch(unhcr, unhcr_review));
}

void grantAndReports(Changer& change, Client& fm1, Client& kampala, const DemoRecords& d) {
  const auto grant = at("grants", d.ids.at("grants"));
  const auto reports = itemsOf(read(kampala, grant + "/reports"));
  const auto lines = read(kampala, at("proposals", d.ids.at("proposals")))
                         .json->getObject("current")
                         ->getArray("budget");
  BOOST_REQUIRE(lines->size() > 0u);
  for (unsigned i = 0; i < reports->size(); ++i) {
    const auto report = reports->getObject(i);
    const auto path = at("reports", report->getValue<std::int64_t>("id"));
    const auto kind = report->getValue<std::string>("kind");
    std::string body = R"({"narrative":")" + kNarrative + "\"";
    if (kind == "financial") {
      body += R"(,"spending":[{"budget_line_id":)" +
              std::to_string(lines->getObject(0)->getValue<std::int64_t>("id")) +
              R"(,"actual_minor":125000}])";
    }
    change(kampala, "PUT", "/api/v1/reports/{id}", path, body + "}", ifMatch(kampala, path));
    if (kind != "progress") continue;
    change.upload(kampala, "/api/v1/reports/{id}/attachments", path + "/attachments");
    change(kampala, "POST", "/api/v1/reports/{id}/transitions", path + "/transitions",
           R"({"event":"submit"})", ifMatch(kampala, path));
  }
  change(fm1, "POST", "/api/v1/grants/{id}/transitions", grant + "/transitions",
         R"({"event":"suspend","reason":"Checking the second quarter's procurement."})",
         ifMatch(fm1, grant));
  change(fm1, "POST", "/api/v1/grants/{id}/transitions", grant + "/transitions",
         R"({"event":"resume"})", ifMatch(fm1, grant));
  const auto tranches = itemsOf(read(fm1, grant + "/tranches"));
  const auto last = at("tranches", tranches->getObject(static_cast<unsigned>(tranches->size() - 1))
                                       ->getValue<std::int64_t>("id"));
  change(fm1, "POST", "/api/v1/tranches/{id}/transitions", last + "/transitions",
         R"({"event":"cancel","reason":"Replaced by an amendment."})", ifMatch(fm1, last));
}

void directory(Changer& change, Client& admin) {
  change(
      admin, "POST", "/api/v1/organisations", "/api/v1/organisations",
      R"({"kind":"fund","name":"Openapi Fund","country":"KE","region":null,"language":"en"})");
  const auto user =
      change(admin, "POST", "/api/v1/users", "/api/v1/users",
             R"({"email":"lead@openapi.demo","name":"Fund lead","organisation":"Openapi Fund",)"
             R"("password":"a-long-password-1","roles":["fund_manager"]})");
  BOOST_REQUIRE(user.json);
  const auto roles = at("users", idOf(user), "/roles/auditor");
  change(admin, "PUT", "/api/v1/users/{id}/roles/{role}", roles);
  change(admin, "DELETE", "/api/v1/users/{id}/roles/{role}", roles);
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

// Dead letters: two queued messages made dead as a 550 leaves them, one requeued, one discarded.
void deadLetters(Changer& change, Server& server, Client& admin) {
  std::vector<std::int64_t> dead;
  server.db().write([&](db::Tx& tx) {
    const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    for (const auto& m : stores::OutboxStore::claim(tx, "openapi", now, now + 60'000, 2)) {
      BOOST_TEST(stores::OutboxStore::markDead(tx, m.id, "openapi", now, "550 no such user"));
      dead.push_back(m.id);
    }
    tx.commit();
  });
  BOOST_REQUIRE(dead.size() == 2u);
  change(admin, "POST", "/api/v1/outbox/{id}/requeue", at("outbox", dead[0], "/requeue"));
  change(admin, "POST", "/api/v1/outbox/{id}/discard", at("outbox", dead[1], "/discard"));
}

// The fund as an open-data publisher: its identifiers, an organisation's, a grant published.
void openData(Changer& change, Client& admin, Client& fm1) {
  change(admin, "PUT", "/api/v1/publisher", "/api/v1/publisher",
         R"({"giving_prefix": "360G-openapi", "iati_ref": "XI-IATI-OPENAPI"})",
         ifMatch(admin, "/api/v1/publisher"));
  const auto orgs = itemsOf(read(admin, "/api/v1/organisations"));
  const auto org = at("organisations", orgs->getObject(1)->getValue<std::int64_t>("id"));
  const auto version = orgs->getObject(1)->getValue<std::int64_t>("version");
  change(admin, "PUT", "/api/v1/organisations/{id}/identifier", org + "/identifier",
         R"({"identifier": "XM-DAC-41121"})", {{"If-Match", "\"v" + std::to_string(version) + "\""}});
  const auto grant = at("grants", itemsOf(read(fm1, "/api/v1/grants"))->getObject(0)->getValue<std::int64_t>("id"));
  change(fm1, "PUT", "/api/v1/grants/{id}/publication", grant + "/publication",
         R"({"publishable": true, "sector_code": "16020"})", ifMatch(fm1, grant));
}

// A message on Kampala's approved proposal and on its grant, as JSON.
void threads(Changer& change, Client& fm1, Client& kampala, const DemoRecords& d) {
  change(kampala, "POST", "/api/v1/proposals/{id}/messages",
         at("proposals", d.ids.at("proposals"), "/messages"),
         R"({"body": "When is the agreement ready?", "visibility": "shared"})");
  change(fm1, "POST", "/api/v1/grants/{id}/messages", at("grants", d.ids.at("grants"), "/messages"),
         R"({"body": "Ask the city for the signed copy.", "visibility": "internal"})");
}

void amendments(Changer& change, Client& fm1, Client& kampala, const DemoRecords& d) {
  const auto created =
      change(kampala, "POST", "/api/v1/grants/{id}/amendments",
             at("grants", d.ids.at("grants"), "/amendments"),
             R"({"reason": "Six more months to finish the second centre.",)"
             R"( "ends_at": "2031-06-30T00:00:00Z"})");
  BOOST_REQUIRE(created.json);
  const auto path = at("amendments", idOf(created));
  change(kampala, "POST", "/api/v1/amendments/{id}/transitions", path + "/transitions",
         R"({"event":"request"})", ifMatch(kampala, path));
  (void)fm1;
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

}  // namespace

BOOST_AUTO_TEST_SUITE(openapi_changes, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(every_change_route_answers_its_documented_schema) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Changer change{spec, {}};
  Client fm1 = server.signedIn("fm1@mmc.demo");
  Client kampala = server.signedIn("applicant@kampala.demo");
  Client admin = server.signedIn("admin@mmc.demo");
  const auto records = listedRecords(fm1, kampala);
  sessionsAndTokens(change, server, fm1);
  accountAndResets(change, server);
  secondFactor(change, server, fm1);
  const auto new_call = callSetUp(change, fm1);
  proposalDrafting(change, kampala, records);
  screeningAndReview(change, server, fm1, records);
  grantAndReports(change, fm1, kampala, records);
  resultsAndFunding(change, server, fm1, admin, new_call, records);
  directory(change, admin);
  accountAdmin(change, server, admin);
  deadLetters(change, server, admin);
  openData(change, admin, fm1);
  threads(change, fm1, kampala, records);
  amendments(change, fm1, kampala, records);
  teams(change, server, admin, kampala);
  for (const auto& route : http::routeTable()) {
    const std::string key = std::string(route.method) + " " + route.pattern;
    if (std::string(route.method) != "GET")
      BOOST_TEST(change.done.count(key) == 1u, "not exercised: " << key);
  }
}

BOOST_AUTO_TEST_SUITE_END()
