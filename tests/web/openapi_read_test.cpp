#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/http_fixture.h"
#include "tests/web/openapi_demo.h"
#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"
#include "web/http/api_router.h"

using namespace citygrants;
using namespace citygrants::webtest;

namespace {

// Every demo login of DESIGN §9 and two more reviewers.
const char* const kLogins[] = {"fm1@mmc.demo",          "fm2@mmc.demo",      "admin@mmc.demo",
                               "auditor@mmc.demo",      "reviewer@iom.demo", "reviewer@unhcr.demo",
                               "applicant@kampala.demo"};

// GETs `path` as `c` and checks the answer against the documented success of GET `pattern`.
Response readAs(const Spec& spec, Client& c, const std::string& pattern, const std::string& path) {
  const auto r = c.get(path);
  expectSuccess(spec, r, "GET", pattern, path);
  return r;
}

std::string at(const std::string& collection, std::int64_t id, const std::string& rest = "") {
  return "/api/v1/" + collection + "/" + std::to_string(id) + rest;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(openapi_reads, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(every_get_route_answers_its_documented_schema) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  Client kampala = server.signedIn("applicant@kampala.demo");
  Client admin = server.signedIn("admin@mmc.demo");
  auto records = listedRecords(fm1, kampala);
  records.ids["users"] = queryInt(server.db(), "SELECT id FROM users WHERE email = 'fm2@mmc.demo'").value_or(0);
  std::size_t routes = 0;
  std::size_t read = 0;
  for (const auto& route : http::routeTable()) {
    if (std::string(route.method) != "GET") continue;
    ++routes;
    const std::string pattern = route.pattern;
    std::string missing;
    auto path = fillPattern(pattern, records.ids, missing);
    if (pattern == "/api/v1/search") path += "?q=kampala";  // q is required (422 without it)
    if (!missing.empty()) {
      BOOST_ERROR("no record to read for GET " << pattern << " after /" << missing);
      continue;
    }
    // The attachment is on Kampala's concept note, which is the city's until it is sent; the
    // outbox and a user's account are the admins'; the team is its lead's.
    Client& reader = pattern.starts_with("/api/v1/attachments") ? kampala
                     : pattern == "/api/v1/team"                ? kampala
                     : pattern == "/api/v1/outbox"              ? admin
                     : pattern.starts_with("/api/v1/users/")    ? admin
                                                                : fm1;
    readAs(spec, reader, pattern, path);
    ++read;
  }
  BOOST_TEST(read == routes);
  BOOST_TEST(routes >= 30u);
}

BOOST_AUTO_TEST_CASE(every_proposal_in_every_state_matches_its_schema) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto items = itemsOf(readAs(spec, fm1, "/api/v1/proposals", "/api/v1/proposals?limit=200"));
  BOOST_TEST(items->size() >= 10u);
  std::set<std::string> states;
  for (unsigned i = 0; i < items->size(); ++i) {
    const auto id = items->getObject(i)->getValue<std::int64_t>("id");
    states.insert(stateOf(readAs(spec, fm1, "/api/v1/proposals/{id}", at("proposals", id))));
    for (const char* rest : {"versions", "assignments", "reviews", "timeline", "attachments"}) {
      readAs(spec, fm1, std::string("/api/v1/proposals/{id}/") + rest,
             at("proposals", id, std::string("/") + rest));
    }
    const auto assignments = itemsOf(fm1.get(at("proposals", id, "/assignments")));
    for (unsigned j = 0; j < assignments->size(); ++j) {
      const auto a = assignments->getObject(j)->getValue<std::int64_t>("id");
      readAs(spec, fm1, "/api/v1/assignments/{id}", at("assignments", a));
      readAs(spec, fm1, "/api/v1/assignments/{id}/scores", at("assignments", a, "/scores"));
    }
  }
  BOOST_TEST(states.size() >= 10u);
  // A reviewer who has not declared yet sees the proposal without its content.
  Client unhcr = server.signedIn("reviewer@unhcr.demo");
  const auto theirs = itemsOf(read(unhcr, "/api/v1/proposals?limit=200"));
  bool partial = false;
  for (unsigned i = 0; i < theirs->size(); ++i) {
    const auto id = theirs->getObject(i)->getValue<std::int64_t>("id");
    const auto r = readAs(spec, unhcr, "/api/v1/proposals/{id}", at("proposals", id));
    partial = partial || (r.json && !r.json->getValue<bool>("full_access"));
    readAs(spec, unhcr, "/api/v1/proposals/{id}/versions", at("proposals", id, "/versions"));
  }
  BOOST_TEST(partial, "no proposal seen without full access: that branch went unchecked");
}

BOOST_AUTO_TEST_CASE(every_call_tranche_and_report_matches_its_schema) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto calls = itemsOf(readAs(spec, fm1, "/api/v1/calls", "/api/v1/calls"));
  BOOST_TEST(calls->size() >= 2u);  // the open round and next year's draft (no opens_at yet)
  for (unsigned i = 0; i < calls->size(); ++i) {
    readAs(spec, fm1, "/api/v1/calls/{id}",
           at("calls", calls->getObject(i)->getValue<std::int64_t>("id")));
  }
  const auto grants = itemsOf(readAs(spec, fm1, "/api/v1/grants", "/api/v1/grants"));
  for (unsigned g = 0; g < grants->size(); ++g) {
    const auto grant = grants->getObject(g)->getValue<std::int64_t>("id");
    const auto tranches = itemsOf(
        readAs(spec, fm1, "/api/v1/grants/{id}/tranches", at("grants", grant, "/tranches")));
    for (unsigned i = 0; i < tranches->size(); ++i) {
      readAs(spec, fm1, "/api/v1/tranches/{id}",
             at("tranches", tranches->getObject(i)->getValue<std::int64_t>("id")));
    }
    const auto reports =
        itemsOf(readAs(spec, fm1, "/api/v1/grants/{id}/reports", at("grants", grant, "/reports")));
    for (unsigned i = 0; i < reports->size(); ++i) {
      readAs(spec, fm1, "/api/v1/reports/{id}",
             at("reports", reports->getObject(i)->getValue<std::int64_t>("id")));
    }
    readAs(spec, fm1, "/api/v1/grants/{id}/budget", at("grants", grant, "/budget"));
  }
}

BOOST_AUTO_TEST_CASE(every_login_reads_itself_and_the_directory_as_documented) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  for (const char* login : kLogins) {
    Client c = server.signedIn(login);
    const auto me = readAs(spec, c, "/api/v1/me", "/api/v1/me");
    readAs(spec, c, "/api/v1/users", "/api/v1/users");
    readAs(spec, c, "/api/v1/proposals", "/api/v1/proposals");
    readAs(spec, c, "/api/v1/grants", "/api/v1/grants");
    BOOST_TEST((me.json && me.json->has("organisation")), login);
  }
  // With a bearer token there is no CSRF token: csrf_token is null.
  Client iom = server.signedIn("reviewer@iom.demo");
  const auto token = iom.post("/api/v1/tokens", R"({"name":"openapi reads"})");
  BOOST_REQUIRE_EQUAL(token.status, 201);
  Client machine = server.client();
  machine.bearer = token.json->getValue<std::string>("token");
  const auto me = readAs(spec, machine, "/api/v1/me", "/api/v1/me");
  BOOST_TEST((me.json && me.json->isNull("csrf_token")));
  readAs(spec, iom, "/api/v1/tokens", "/api/v1/tokens");
  Client admin = server.signedIn("admin@mmc.demo");
  for (const char* kind : {"fund", "partner", "city"}) {
    readAs(spec, admin, "/api/v1/organisations", std::string("/api/v1/organisations?kind=") + kind);
  }
}

BOOST_AUTO_TEST_CASE(pages_with_a_next_cursor_match_their_schema) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto first =
      readAs(spec, fm1, "/api/v1/proposals", "/api/v1/proposals?limit=2&sort=-updated_at");
  BOOST_REQUIRE(first.json);
  BOOST_REQUIRE(!first.json->isNull("next"));
  readAs(spec, fm1, "/api/v1/proposals",
         "/api/v1/proposals?limit=2&sort=-updated_at&after=" +
             first.json->getValue<std::string>("next"));
  Client auditor = server.signedIn("auditor@mmc.demo");
  const auto events = readAs(spec, auditor, "/api/v1/audit", "/api/v1/audit?limit=3");
  BOOST_REQUIRE(events.json);
  BOOST_REQUIRE(!events.json->isNull("next"));
  readAs(spec, auditor, "/api/v1/audit",
         "/api/v1/audit?limit=3&before=" + events.json->getValue<std::string>("next"));
  readAs(spec, auditor, "/api/v1/audit", "/api/v1/audit?entity=proposal&limit=500");
  readAs(spec, auditor, "/api/v1/audit/verify", "/api/v1/audit/verify");
}

BOOST_AUTO_TEST_SUITE_END()
