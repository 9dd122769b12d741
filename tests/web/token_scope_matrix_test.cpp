#include <boost/test/unit_test.hpp>

#include <string>

#include "tests/web/access_matrix.h"
#include "web/http/api_router.h"

// The access matrix by credential (issue 17): a token with the read scope alone is refused every
// change (403) and changes nothing, and still reads every route a fund manager reads; a user
// whose role needs a second factor not set up yet gets 403 second-factor-enrolment-required on
// every signed-in route but the few that enrol.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

std::string routeName(const http::ApiRoute& route) { return std::string(route.method) + " " + route.pattern; }

bool isType(const Response& r, const std::string& slug) {
  return !r.json.isNull() && r.json->optValue<std::string>("type", "").ends_with("/problems/" + slug);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(token_scope_matrix, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(a_read_token_reads_every_route_and_changes_nothing) {
  auto& server = SeededServer::get();
  const auto records = findRecords(server);
  Client fm = server.signedIn("fm1@mmc.demo");
  const auto made = fm.post("/api/v1/tokens", "{\"name\":\"reader\",\"scopes\":[\"read\"]}");
  BOOST_REQUIRE_EQUAL(made.status, 201);
  Client token = server.client();
  token.bearer = made.json->getValue<std::string>("token");
  const auto before = databaseDigest(server.db());
  int changes = 0;
  int reads = 0;
  for (const auto& route : http::routeTable()) {
    if (route.access == http::Access::kPublic) continue;
    const auto p = plan(route, "fund_manager", records, server.db());
    if (!p.skip_reason.empty()) continue;
    const auto r = token.send(route.method, p.path, p.body, p.content_type, p.headers);
    if (changesState(route)) {
      BOOST_TEST(r.status == 403, routeName(route) << " answered a read token " << r.status);
      BOOST_TEST(r.isProblem());
      ++changes;
    } else {
      // What the fund manager's own session gets (a route their role may not read is 403 to both).
      const auto own = fm.send(route.method, p.path, p.body, p.content_type, p.headers);
      BOOST_TEST(r.status == own.status, routeName(route) << ": the read token got " << r.status
                                                          << ", the session " << own.status);
      ++reads;
    }
  }
  BOOST_TEST(databaseDigest(server.db()) == before, "a read token changed the database");
  BOOST_TEST(changes >= 30);
  BOOST_TEST(reads >= 40);
}

BOOST_AUTO_TEST_CASE(a_role_without_its_second_factor_reaches_only_enrolment) {
  auto& server = SeededServer::get();
  const auto records = findRecords(server);
  Client admin = server.signedIn("admin@mmc.demo");
  const auto added = admin.post("/api/v1/users",
      "{\"email\":\"fm-new@mmc.demo\",\"name\":\"New Manager\",\"organisation\":\"Mayors Migration "
      "Council\",\"roles\":[\"fund_manager\"],\"password\":\"new-manager-pass\",\"language\":\"en\"}");
  BOOST_REQUIRE_MESSAGE(added.status == 201, added.body);
  Client c = server.client();
  BOOST_REQUIRE_EQUAL(c.signIn("fm-new@mmc.demo", "new-manager-pass").status, 201);
  const auto before = databaseDigest(server.db());
  int refused = 0;
  for (const auto& route : http::routeTable()) {
    if (route.access == http::Access::kPublic) continue;
    const auto p = plan(route, "fund_manager", records, server.db());
    if (!p.skip_reason.empty()) continue;
    const bool enrols = route.access == http::Access::kEnrolling;
    if (enrols && changesState(route)) continue;  // enrolling is tested on its own
    const auto r = c.send(route.method, p.path, p.body, p.content_type, p.headers);
    if (enrols) {
      BOOST_TEST(!isType(r, "second-factor-enrolment-required"), routeName(route));
    } else {
      BOOST_TEST(r.status == 403, routeName(route) << " answered " << r.status);
      BOOST_TEST(isType(r, "second-factor-enrolment-required"), routeName(route) << ": " << r.body.substr(0, 200));
      ++refused;
    }
  }
  BOOST_TEST(databaseDigest(server.db()) == before);
  BOOST_TEST(refused >= 80);
}

BOOST_AUTO_TEST_SUITE_END()
