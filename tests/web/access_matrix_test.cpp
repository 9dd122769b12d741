#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "tests/web/access_matrix.h"
#include "web/http/api_router.h"

using namespace citygrants;
using namespace citygrants::webtest;

namespace {

std::string routeName(const http::ApiRoute& route) { return std::string(route.method) + " " + route.pattern; }

// The pattern with every {parameter} as 1.
std::string literalPath(const std::string& pattern) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') {
      out += pattern[i];
      continue;
    }
    out += '1';
    i = pattern.find('}', i);
  }
  return out;
}

bool isSignOut(const http::ApiRoute& route) {
  return std::string(route.method) == "DELETE" && std::string(route.pattern) == "/api/v1/session";
}

Response sendPlanned(Client& client, const http::ApiRoute& route, const PlannedRequest& p) {
  return client.send(route.method, p.path, p.body, p.content_type, p.headers);
}

// What DESIGN §1 says `role` gets from `route` on the planned record; every failure names both.
void checkAnswer(const MatrixRole& role, const http::ApiRoute& route, const PlannedRequest& p, const Response& r) {
  const std::string where = role.name + " × " + routeName(route) + " (" + p.path + ") answered " +
                            std::to_string(r.status) + ": " + r.body.substr(0, 200);
  BOOST_TEST((r.status >= 200 && r.status < 500), where << " (never a 5xx, always an answer)");
  if (r.status >= 400) BOOST_TEST(r.isProblem(), where);
  if (role.login.empty()) {
    if (route.access == http::Access::kSignedIn) BOOST_TEST(r.status == 401, where);
    return;
  }
  if (p.others_token) BOOST_TEST(r.status == 404, where << " (another user's token)");
  if (p.org_scoped && (role.name == "applicant" || role.name == "partner")) {
    BOOST_TEST(r.status == 404, where << " (a record of another organisation)");
  }
  if (role.name == "auditor" && changesState(route) && !auditorMayUse(route)) {
    BOOST_TEST((r.status == 403 || r.status == 404 || r.status == 409), where << " (auditors change nothing)");
  }
}

// An admin may be unable to see the record (404) or see it and not be allowed (403): never more.
bool refused(const Response& r) { return (r.status == 403 || r.status == 404) && r.isProblem(); }

std::optional<std::int64_t> nextId(db::Database& db, const std::string& table, std::int64_t after) {
  return queryInt(db, "SELECT MIN(id) FROM " + table + " WHERE id > :p", after);
}

// Fires `event` at a record as `client` with its current version; returns the answer.
Response fire(Client& client, db::Database& db, const std::string& collection, const std::string& table,
              std::int64_t id, const std::string& event) {
  const auto version = queryInt(db, "SELECT version FROM " + table + " WHERE id = :p", id).value_or(1);
  return client.post("/api/v1/" + collection + "/" + std::to_string(id) + "/transitions",
                     "{\"event\":" + quoted(event) +
                         ",\"reason\":\"admin tries\",\"amount_minor\":40000000,\"payment_reference\":\"PAY-ADMIN\"}",
                     {{"If-Match", "\"v" + std::to_string(version) + "\""}, {"Idempotency-Key", "admin-" + event}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(access_matrix, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(an_applicant_gets_404_on_every_route_of_another_citys_proposal) {
  auto& server = SeededServer::get();
  auto records = findRecords(server);
  const auto montevideo = queryInt(server.db(),
                                   "SELECT p.id FROM proposals p JOIN organisations o ON o.id = p.city_org_id "
                                   "WHERE o.name = 'Montevideo' AND p.state = 'award_proposed'");
  BOOST_REQUIRE(montevideo.has_value());
  records.ids["proposals"] = *montevideo;
  Client kampala = server.signedIn("applicant@kampala.demo");
  const auto before = databaseDigest(server.db());
  int checked = 0;
  for (const auto& route : http::routeTable()) {
    if (!std::string(route.pattern).starts_with("/api/v1/proposals/{id}")) continue;
    const auto p = plan(route, "applicant", records, server.db());
    if (!p.skip_reason.empty()) {
      BOOST_TEST_MESSAGE("skipped " << routeName(route) << ": " << p.skip_reason);
      continue;
    }
    const auto r = sendPlanned(kampala, route, p);
    BOOST_TEST(r.status == 404, routeName(route) << " answered " << r.status << ": " << r.body.substr(0, 200));
    BOOST_TEST(r.isProblem(), routeName(route));
    ++checked;
  }
  BOOST_TEST(checked >= 5);
  BOOST_TEST(databaseDigest(server.db()) == before);
  BOOST_TEST(kampala.get("/api/v1/proposals/" + std::to_string(*montevideo)).status == 404);
}

BOOST_AUTO_TEST_CASE(admins_never_decide_or_move_money) {
  auto& server = SeededServer::get();
  auto& db = server.db();
  Client admin = server.signedIn("admin@mmc.demo");
  const auto reviewed = queryInt(db, "SELECT MIN(id) FROM proposals WHERE state = 'reviewed'");
  const auto proposed = queryInt(db, "SELECT MIN(id) FROM proposals WHERE state = 'award_proposed'");
  BOOST_REQUIRE(reviewed && proposed);
  const auto before = databaseDigest(db);
  for (const char* event : {"approve", "propose_award", "reject", "request_revision"}) {
    const auto r = fire(admin, db, "proposals", "proposals", *reviewed, event);
    BOOST_TEST(refused(r), "admin " << event << " on a reviewed proposal answered " << r.status << ": " << r.body);
  }
  for (const char* event : {"approve", "withdraw_award"}) {
    const auto r = fire(admin, db, "proposals", "proposals", *proposed, event);
    BOOST_TEST(refused(r), "admin " << event << " on a proposed award answered " << r.status << ": " << r.body);
  }

  if (matchRoute(http::routeTable(), "POST", "/api/v1/tranches/1/transitions").route == nullptr) {
    BOOST_TEST_MESSAGE("no POST /api/v1/tranches/{id}/transitions route yet: tranche money not checked");
  } else {
    int tranches = 0;
    for (auto id = nextId(db, "tranches", 0); id; id = nextId(db, "tranches", *id), ++tranches) {
      const auto state = queryText(db, "SELECT state FROM tranches WHERE id = :p", *id).value_or("");
      for (const std::string event : {"approve", "disburse"}) {
        const auto r = fire(admin, db, "tranches", "tranches", *id, event);
        const bool row_applies = (event == "approve" && state == "verified") || (event == "disburse" && state == "approved");
        BOOST_TEST((r.status >= 400 && r.status < 500), "admin " << event << " on a " << state << " tranche answered "
                                                                 << r.status << ": " << r.body);
        if (row_applies) BOOST_TEST(refused(r), "admin " << event << " on a " << state << " tranche: " << r.status);
      }
    }
    BOOST_TEST(tranches > 0);
  }
  BOOST_TEST(databaseDigest(db) == before);
}

// Routes of grants, tranches and reports land while this test exists: the planner must fill their
// parameters from the database and skip, rather than guess, bodies it does not know.
BOOST_AUTO_TEST_CASE(the_planner_handles_routes_of_the_grant_collections) {
  auto& server = SeededServer::get();
  const auto records = findRecords(server);
  auto planned = [&](const char* method, const char* pattern) {
    return plan({method, pattern, http::Access::kSignedIn, nullptr, "test", "test"}, "auditor", records, server.db());
  };
  const auto grant = std::to_string(records.ids.at("grants"));
  const auto tranches = planned("GET", "/api/v1/grants/{id}/tranches");
  BOOST_TEST(tranches.skip_reason.empty());
  BOOST_TEST(tranches.path == "/api/v1/grants/" + grant + "/tranches");
  BOOST_TEST(tranches.org_scoped);
  const auto fire_tranche = planned("POST", "/api/v1/tranches/{id}/transitions");
  BOOST_TEST(fire_tranche.skip_reason.empty());
  BOOST_TEST(fire_tranche.body.find("\"event\":\"") != std::string::npos, fire_tranche.body);
  BOOST_REQUIRE(!fire_tranche.headers.empty());
  BOOST_TEST(fire_tranche.headers.front().first == "If-Match");
  BOOST_TEST(!planned("PUT", "/api/v1/assignments/{id}/scores").skip_reason.empty());
  BOOST_TEST(!planned("GET", "/api/v1/widgets/{id}").skip_reason.empty());
}

// The routes without a record in their path (lists, queues, totals) filter rather than refuse:
// what the matrix's applicant and partner get must not name Kampala's records, which are neither
// their city's nor assigned to or supported by their organisation.
BOOST_AUTO_TEST_CASE(lists_and_totals_show_outsiders_nothing_of_another_organisations_records) {
  auto& server = SeededServer::get();
  auto& db = server.db();
  const auto records = findRecords(server);
  std::vector<std::string> references;
  auto add = [&](const std::string& sql, std::int64_t id) {
    if (auto ref = queryText(db, sql, id)) references.push_back("\"" + *ref + "\"");
  };
  add("SELECT reference FROM proposals WHERE id = :p", records.ids.at("proposals"));
  add("SELECT reference FROM grants WHERE id = :p", records.ids.at("grants"));
  for (auto id = nextId(db, "tranches", 0); id; id = nextId(db, "tranches", *id)) {
    if (queryInt(db, "SELECT grant_id FROM tranches WHERE id = :p", *id) == records.ids.at("grants")) {
      add("SELECT reference FROM tranches WHERE id = :p", *id);
    }
  }
  BOOST_REQUIRE(references.size() >= 5u);
  int checked = 0;
  for (const auto& role : matrixRoles()) {
    if (role.name != "applicant" && role.name != "partner") continue;
    Client client = server.signedIn(role.login);
    for (const auto& route : http::routeTable()) {
      const std::string pattern = route.pattern;
      if (std::string(route.method) != "GET" || !pattern.starts_with("/api/v1/") ||
          pattern.find('{') != std::string::npos) {
        continue;
      }
      // Search looks for the other organisation's proposal by its reference.
      const auto r = client.get(pattern == "/api/v1/search"
                                    ? pattern + "?q=" + references.front().substr(1, references.front().size() - 2)
                                    : pattern);
      BOOST_TEST((r.status == 200 || r.status == 403), role.name << " × GET " << pattern << ": " << r.status);
      for (const auto& ref : references) {
        BOOST_TEST(r.body.find(ref) == std::string::npos, role.name << " × GET " << pattern << " names " << ref);
      }
      ++checked;
    }
  }
  BOOST_TEST(checked >= 2 * 12);
}

BOOST_AUTO_TEST_CASE(every_route_answers_every_role_as_design_section_1_says) {
  auto& server = SeededServer::get();
  const auto records = findRecords(server);
  std::map<std::string, Client> clients;
  for (const auto& role : matrixRoles()) {
    clients.emplace(role.name, role.login.empty() ? server.client() : server.signedIn(role.login));
  }
  std::set<std::string> exercised;
  std::set<std::string> skipped;
  std::map<std::string, int> cross_org;  // requests naming another organisation's record, by role
  for (const auto& role : matrixRoles()) {
    Client& client = clients.at(role.name);
    const bool auditor = role.name == "auditor";
    const auto before = databaseDigest(server.db());
    std::vector<const http::ApiRoute*> later;  // the auditor's own routes, after the digest check
    for (const auto& route : http::routeTable()) {
      if (isSignOut(route) || (auditor && auditorMayUse(route))) {
        later.push_back(&route);
        continue;
      }
      const auto p = plan(route, role.name, records, server.db());
      if (!p.skip_reason.empty()) {
        if (skipped.insert(routeName(route)).second) {
          BOOST_TEST_MESSAGE("skipped " << routeName(route) << ": " << p.skip_reason);
        }
        if (role.login.empty() && route.access == http::Access::kSignedIn) {
          // No one signed in is refused before any body is read: that much is checked anyway.
          const auto r = client.send(route.method, literalPath(route.pattern), "{}", "application/json");
          BOOST_TEST(r.status == 401, "unauthenticated × " << routeName(route) << " answered " << r.status);
        }
        continue;
      }
      checkAnswer(role, route, p, sendPlanned(client, route, p));
      exercised.insert(routeName(route));
      if (p.org_scoped) ++cross_org[role.name];
    }
    if (auditor) BOOST_TEST(databaseDigest(server.db()) == before, "the auditor changed the database");
    std::stable_partition(later.begin(), later.end(), [](const auto* r) { return !isSignOut(*r); });
    for (const auto* route : later) {
      const auto p = plan(*route, role.name, records, server.db());
      const auto r = sendPlanned(client, *route, p);
      checkAnswer(role, *route, p, r);
      if (isSignOut(*route)) BOOST_TEST(r.status == 204, role.name << " signs out");
      exercised.insert(routeName(*route));
    }
  }
  const auto total = http::routeTable().size();
  BOOST_TEST_MESSAGE("access matrix: " << exercised.size() << " of " << total << " routes exercised, "
                                       << skipped.size() << " skipped, × " << matrixRoles().size() << " roles");
  BOOST_TEST(exercised.size() * 5 >= total * 4, "at least 80% of the routes must be exercised");
  BOOST_TEST(cross_org["applicant"] >= 5);
  BOOST_TEST(cross_org["partner"] >= 5);
}

BOOST_AUTO_TEST_SUITE_END()
