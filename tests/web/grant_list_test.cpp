#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/web/list_pages.h"
#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

// GET /api/v1/grants over the demo fund: a cursor-paged list in SQL, scoped like the others,
// each item what the grant's own route shows (actions included), filtered by states and call.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

// At least two grants in the fund, so that a page of one has a next page: Amman's, approved.
void atLeastTwoGrants(Server& server) {
  Client fm1 = server.signedIn("fm1@mmc.demo");
  if (itemsOf(read(fm1, "/api/v1/grants?limit=2"))->size() >= 2u) return;
  Cast cast(server, "applicant@amman.demo");
  const auto proposal = proposalInReview(cast, 22'000'000, "Amman Together");
  fire(cast.fm1, proposalPath(proposal), {.name = "approve"}, "approved");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(grant_list_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(the_grant_list_pages_every_visible_grant_once_oldest_first) {
  auto& server = SeededServer::get();
  atLeastTwoGrants(server);
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto every = idsOf(allPages(spec, fm1, "/api/v1/grants", "/api/v1/grants?", 200));
  BOOST_TEST_REQUIRE(every.size() >= 2u);
  BOOST_TEST(std::is_sorted(every.begin(), every.end()), "oldest first");
  BOOST_TEST(std::set<std::int64_t>(every.begin(), every.end()).size() == every.size());
  for (const char* login : {"fm1@mmc.demo", "auditor@mmc.demo"}) {
    Client c = server.signedIn(login);
    const auto items = allPages(spec, c, "/api/v1/grants", "/api/v1/grants?", 1);
    BOOST_TEST(idsOf(items) == every, login << ": one grant a page, the same grants");
    for (const auto& item : items) {
      expectSameAsRecord(c, item, grantPath(item->getValue<std::int64_t>("id")), "");
    }
  }
}

BOOST_AUTO_TEST_CASE(the_grant_list_shows_a_city_and_a_partner_only_their_grants) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto all = allPages(spec, fm1, "/api/v1/grants", "/api/v1/grants?", 200);
  for (const char* login : {"applicant@kampala.demo", "reviewer@iom.demo",
                            "applicant@montevideo.demo", "admin@mmc.demo"}) {
    Client c = server.signedIn(login);
    const auto me = read(c, "/api/v1/me").json;
    const auto org = me->getObject("organisation")->getValue<std::int64_t>("id");
    std::vector<std::int64_t> expected;
    const bool admin = std::string(login) == "admin@mmc.demo";
    for (const auto& g : all) {
      const bool mine = g->getValue<std::int64_t>("city_org_id") == org ||
                        g->getValue<std::int64_t>("supporting_org_id") == org;
      if (mine && !admin) expected.push_back(g->getValue<std::int64_t>("id"));
    }
    const auto items = allPages(spec, c, "/api/v1/grants", "/api/v1/grants?", 1);
    BOOST_TEST(idsOf(items) == expected, login);
    for (const auto& item : items) {
      expectSameAsRecord(c, item, grantPath(item->getValue<std::int64_t>("id")), "");
    }
  }
}

BOOST_AUTO_TEST_CASE(the_grant_list_filters_by_a_set_of_states_and_a_call) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto all = allPages(spec, fm1, "/api/v1/grants", "/api/v1/grants?", 200);
  std::size_t active = 0, pending = 0;
  for (const auto& g : all) {
    active += g->getValue<std::string>("state") == "active";
    pending += g->getValue<std::string>("state") == "pending_agreement";
  }
  const auto only_active =
      allPages(spec, fm1, "/api/v1/grants", "/api/v1/grants?state=active", 1);
  BOOST_TEST(only_active.size() == active);
  for (const auto& g : only_active) BOOST_TEST(g->getValue<std::string>("state") == "active");
  const auto both = allPages(spec, fm1, "/api/v1/grants",
                             "/api/v1/grants?state=pending_agreement,active,active", 200);
  BOOST_TEST(both.size() == active + pending);
  const auto call = all.front()->getValue<std::int64_t>("call_id");
  const auto of_call = allPages(spec, fm1, "/api/v1/grants",
                                "/api/v1/grants?call=" + std::to_string(call), 200);
  const auto in_call = std::count_if(all.begin(), all.end(), [&](const auto& g) {
    return g->template getValue<std::int64_t>("call_id") == call;
  });
  BOOST_TEST(static_cast<std::ptrdiff_t>(of_call.size()) == in_call);
  BOOST_TEST(itemsOf(read(fm1, "/api/v1/grants?call=99999999"))->size() == 0u);
  for (const char* query : {"state=paid", "state=active,", "state=", "state=Active", "call=0",
                            "limit=0", "limit=500", "after=first"}) {
    const auto r = fm1.get(std::string("/api/v1/grants?") + query);
    expectProblem(spec, r, 400, "GET", "/api/v1/grants", query);
  }
}

BOOST_AUTO_TEST_SUITE_END()
