#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/list_pages.h"
#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

// GET /api/v1/assignments (a reviewer's queue) and GET /api/v1/tranches (the disbursement queue)
// over the demo fund: who sees what, the embedded proposal and grant, actions as the record's
// own route offers them, cursors and filters.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

// Every assignment of every proposal the fund manager lists: what the fund sees.
std::set<std::int64_t> everyAssignment(Client& fm1) {
  std::set<std::int64_t> out;
  const auto proposals = itemsOf(read(fm1, "/api/v1/proposals?limit=200"));
  for (unsigned i = 0; i < proposals->size(); ++i) {
    const auto id = proposals->getObject(i)->getValue<std::int64_t>("id");
    const auto items = itemsOf(read(fm1, proposalPath(id) + "/assignments"));
    for (unsigned j = 0; j < items->size(); ++j)
      out.insert(items->getObject(j)->getValue<std::int64_t>("id"));
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(work_lists_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(the_assignment_list_shows_each_role_its_own_newest_first) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto every = everyAssignment(fm1);
  BOOST_TEST(every.size() >= 5u);
  for (const char* login : {"fm1@mmc.demo", "auditor@mmc.demo"}) {
    Client c = server.signedIn(login);
    const auto ids = idsOf(allPages(spec, c, "/api/v1/assignments", "/api/v1/assignments?", 200));
    BOOST_TEST((std::set<std::int64_t>(ids.begin(), ids.end()) == every), login);
    BOOST_TEST(std::is_sorted(ids.rbegin(), ids.rend()), login << ": newest first");
  }
  for (const char* login : {"reviewer@iom.demo", "reviewer@unhcr.demo"}) {
    Client c = server.signedIn(login);
    const auto me =
        read(c, "/api/v1/me").json->getObject("organisation")->getValue<std::int64_t>("id");
    const auto items = allPages(spec, c, "/api/v1/assignments", "/api/v1/assignments?", 200);
    BOOST_TEST(!items.empty(), login);
    for (const auto& item : items) {
      BOOST_TEST(item->getValue<std::int64_t>("partner_org_id") == me, login);
      expectSameAsRecord(c, item, assignmentPath(item->getValue<std::int64_t>("id")), "proposal");
    }
  }
  // Applicants and admins review nothing: an empty list, as the other lists answer.
  for (const char* login : {"applicant@kampala.demo", "admin@mmc.demo"}) {
    Client c = server.signedIn(login);
    const auto r = c.get("/api/v1/assignments");
    expectSuccess(spec, r, "GET", "/api/v1/assignments", login);
    BOOST_TEST(itemsOf(r)->size() == 0u, login);
    BOOST_TEST(r.json->getValue<std::int64_t>("total") == 0, login);
  }
}

BOOST_AUTO_TEST_CASE(each_assignment_carries_what_a_reviewer_may_see_of_its_proposal) {
  auto& server = SeededServer::get();
  Client unhcr = server.signedIn("reviewer@unhcr.demo");
  const auto items = itemsOf(read(unhcr, "/api/v1/assignments"));
  bool undeclared = false;
  for (unsigned i = 0; i < items->size(); ++i) {
    const auto item = items->getObject(i);
    const auto p = item->getObject("proposal");
    const auto id = p->getValue<std::int64_t>("id");
    BOOST_TEST(id == item->getValue<std::int64_t>("proposal_id"));
    const auto record = read(unhcr, proposalPath(id)).json;
    BOOST_TEST(p->getValue<std::string>("reference") == record->getValue<std::string>("reference"));
    BOOST_TEST(p->getValue<std::string>("state") == record->getValue<std::string>("state"));
    BOOST_TEST(p->getValue<std::string>("title") ==
               record->getObject("current")->getValue<std::string>("title"));
    BOOST_TEST(minorOf(p, "amount") == minorOf(record->getObject("current"), "amount"));
    BOOST_TEST(p->getObject("city")->getValue<std::int64_t>("id") ==
               record->getValue<std::int64_t>("city_org_id"));
    BOOST_TEST(!p->getObject("city")->getValue<std::string>("name").empty());
    BOOST_TEST(p->size() == 6u, "only reference, title, city, amount and state with the id");
    undeclared = undeclared || !record->getValue<bool>("full_access");
  }
  BOOST_TEST(undeclared, "no assignment before the declaration: that case went unchecked");
}

BOOST_AUTO_TEST_CASE(the_assignment_list_pages_by_cursor_and_filters_by_state) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto all = idsOf(allPages(spec, fm1, "/api/v1/assignments", "/api/v1/assignments?", 200));
  const auto paged = idsOf(allPages(spec, fm1, "/api/v1/assignments", "/api/v1/assignments?", 2));
  BOOST_TEST(paged == all);
  const auto submitted =
      allPages(spec, fm1, "/api/v1/assignments", "/api/v1/assignments?state=submitted", 3);
  BOOST_TEST(!submitted.empty());
  BOOST_TEST(submitted.size() < all.size());
  for (const auto& item : submitted)
    BOOST_TEST(item->getValue<std::string>("state") == "submitted");
  for (const char* query : {"state=finished", "limit=0", "limit=201", "after=x", "after=-3"}) {
    const auto r = fm1.get(std::string("/api/v1/assignments?") + query);
    expectProblem(spec, r, 400, "GET", "/api/v1/assignments", query);
  }
}

BOOST_AUTO_TEST_CASE(the_tranche_list_shows_the_grants_each_role_may_see) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto grants = itemsOf(read(fm1, "/api/v1/grants?limit=200"));
  std::map<std::string, std::int64_t> org;  // by name
  for (const char* kind : {"city", "partner"}) {
    const auto orgs = itemsOf(read(fm1, std::string("/api/v1/organisations?kind=") + kind));
    for (unsigned i = 0; i < orgs->size(); ++i) {
      org[orgs->getObject(i)->getValue<std::string>("name")] = orgs->getObject(i)->getValue<std::int64_t>("id");
    }
  }
  // Each login sees the tranches of the grants of its city, or supported by its partner
  // organisation; fund managers and auditors every one; admins none.
  struct Reader {
    const char* login;
    std::int64_t city;
    std::int64_t partner;
    bool all;
  };
  const Reader readers[] = {{"fm1@mmc.demo", 0, 0, true},
                            {"auditor@mmc.demo", 0, 0, true},
                            {"applicant@kampala.demo", org.at("Kampala"), 0, false},
                            {"applicant@montevideo.demo", org.at("Montevideo"), 0, false},
                            {"reviewer@iom.demo", 0, org.at("IOM"), false},
                            {"reviewer@unhcr.demo", 0, org.at("UNHCR"), false},
                            {"admin@mmc.demo", -1, -1, false}};
  std::size_t seen_some = 0;
  for (const auto& reader : readers) {
    std::vector<std::int64_t> expected;
    std::map<std::int64_t, std::int64_t> city_of;  // grant -> city
    for (unsigned i = 0; i < grants->size(); ++i) {
      const auto g = grants->getObject(i);
      const auto id = g->getValue<std::int64_t>("id");
      city_of[id] = g->getValue<std::int64_t>("city_org_id");
      if (!reader.all && g->getValue<std::int64_t>("city_org_id") != reader.city &&
          g->getValue<std::int64_t>("supporting_org_id") != reader.partner) {
        continue;
      }
      const auto ts = tranchesOf(fm1, id);
      for (unsigned j = 0; j < ts->size(); ++j) expected.push_back(ts->getObject(j)->getValue<std::int64_t>("id"));
    }
    std::sort(expected.begin(), expected.end());
    Client c = server.signedIn(reader.login);
    const auto items = allPages(spec, c, "/api/v1/tranches", "/api/v1/tranches?", 2);
    BOOST_TEST(idsOf(items) == expected, reader.login);
    seen_some += items.empty() ? 0 : 1;
    for (const auto& item : items) {
      expectSameAsRecord(c, item, tranchePath(item->getValue<std::int64_t>("id")), "grant");
      const auto g = item->getObject("grant");
      const auto record = read(c, grantPath(g->getValue<std::int64_t>("id"))).json;
      BOOST_TEST(g->getValue<std::int64_t>("id") == item->getValue<std::int64_t>("grant_id"));
      BOOST_TEST(g->getValue<std::string>("reference") ==
                 record->getValue<std::string>("reference"));
      BOOST_TEST(g->getValue<std::string>("state") == record->getValue<std::string>("state"));
      BOOST_TEST(g->getValue<std::int64_t>("supporting_org_id") ==
                 record->getValue<std::int64_t>("supporting_org_id"));
      BOOST_TEST(g->getObject("city")->getValue<std::int64_t>("id") ==
                 record->getValue<std::int64_t>("city_org_id"));
      BOOST_TEST(g->getObject("city")->getValue<std::int64_t>("id") == city_of.at(g->getValue<std::int64_t>("id")));
    }
  }
  BOOST_TEST(seen_some >= 5u);  // the demo has grants of Kampala, supported by IOM and UNHCR
}

BOOST_AUTO_TEST_CASE(the_tranche_list_filters_by_a_set_of_states_and_a_grant) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto grant =
      itemsOf(read(fm1, "/api/v1/grants"))->getObject(0)->getValue<std::int64_t>("id");
  const auto g = std::to_string(grant);
  const auto scheduled =
      allPages(spec, fm1, "/api/v1/tranches", "/api/v1/tranches?state=scheduled&grant=" + g, 50);
  const auto disbursed =
      allPages(spec, fm1, "/api/v1/tranches", "/api/v1/tranches?state=disbursed&grant=" + g, 50);
  const auto both = allPages(spec, fm1, "/api/v1/tranches",
                             "/api/v1/tranches?state=disbursed,scheduled,disbursed&grant=" + g, 50);
  BOOST_TEST(!scheduled.empty());
  BOOST_TEST(!disbursed.empty());
  BOOST_TEST(both.size() == scheduled.size() + disbursed.size());
  for (const auto& t : scheduled) BOOST_TEST(t->getValue<std::string>("state") == "scheduled");
  BOOST_TEST(itemsOf(read(fm1, "/api/v1/tranches?grant=99999999"))->size() == 0u);
  for (const char* query : {"state=paid", "state=scheduled,", "state=", "state=Scheduled",
                            "grant=0", "limit=500", "after=first"}) {
    const auto r = fm1.get(std::string("/api/v1/tranches?") + query);
    expectProblem(spec, r, 400, "GET", "/api/v1/tranches", query);
  }
}

BOOST_AUTO_TEST_CASE(the_disbursement_queue_follows_a_tranche_from_request_to_payment) {
  auto& server = SeededServer::get();
  Cast cast(server, "applicant@athens.demo");
  const auto proposal = proposalInReview(cast, 24'000'000, "Athens Welcomes II");
  fire(cast.fm1, proposalPath(proposal), {.name = "approve"}, "approved");
  const auto grant = grantOf(cast.fm1, proposal);
  BOOST_REQUIRE(grant.has_value());
  fire(cast.applicant, grantPath(*grant), {.name = "sign"}, "active");
  const auto first = tranchesOf(cast.fm1, *grant)->getObject(0)->getValue<std::int64_t>("id");
  const std::string queue = "/api/v1/tranches?state=requested,verified,approved";
  auto queued = [&](Client& c) {
    const auto items = itemsOf(read(c, queue));
    std::vector<std::string> out;
    for (unsigned i = 0; i < items->size(); ++i) {
      const auto item = items->getObject(i);
      if (item->getValue<std::int64_t>("id") != first) continue;
      out = stringsOf(item->getArray("actions"));
      out.insert(out.begin(), item->getValue<std::string>("state"));
    }
    return out;  // the tranche's state and actions, or nothing when it is not queued
  };
  BOOST_TEST(queued(cast.fm1).empty());
  const auto path = tranchePath(first);
  fire(cast.applicant, path, {.name = "request"}, "requested");
  BOOST_TEST((queued(cast.fm1) == std::vector<std::string>{"requested", "send_back", "cancel"}));
  BOOST_TEST((queued(cast.iom) == std::vector<std::string>{"requested", "verify", "send_back"}));
  BOOST_TEST(queued(cast.unhcr).empty());  // supports another grant
  fire(cast.iom, path, {.name = "verify"}, "verified");
  BOOST_TEST(
      (queued(cast.fm1) == std::vector<std::string>{"verified", "send_back", "approve", "cancel"}));
  fire(cast.fm1, path, {.name = "approve"}, "approved");
  BOOST_TEST((queued(cast.fm1) == std::vector<std::string>{"approved", "cancel"}));  // four eyes
  BOOST_TEST((queued(cast.fm2) == std::vector<std::string>{"approved", "disburse", "cancel"}));
  fire(cast.fm2, path, {.name = "disburse", .payment_reference = "PAY-ATHENS-1"}, "disbursed",
       {{"Idempotency-Key", "queue-athens-1"}});
  BOOST_TEST(queued(cast.fm1).empty());
}

BOOST_AUTO_TEST_SUITE_END()
