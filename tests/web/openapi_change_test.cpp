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
#include "tests/web/openapi_changer.h"
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

// The id of the item of `list` whose `key` is `value`; 0 when none.
std::int64_t idWhere(const Poco::JSON::Array::Ptr& list, const std::string& key,
                     std::int64_t value) {
  for (unsigned i = 0; i < list->size(); ++i) {
    if (list->getObject(i)->getValue<std::int64_t>(key) == value)
      return list->getObject(i)->getValue<std::int64_t>("id");
  }
  return 0;
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
