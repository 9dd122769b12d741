#include <map>
#include <string>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

// Audit events and record timelines name their actor (joined when read, never hashed), and every
// signed-in role reads the organisations, so that the console can put names to ids.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

// A login of each role of DESIGN §1.
const char* const kLogins[] = {"fm1@mmc.demo",           "auditor@mmc.demo",
                               "admin@mmc.demo",         "reviewer@iom.demo",
                               "applicant@kampala.demo", "reviewer@unhcr.demo"};

struct Person {
  std::string name;
  std::string organisation;
};

// Who `login` is, as GET /me says.
std::pair<std::int64_t, Person> whoIs(Server& server, const std::string& login) {
  Client c = server.signedIn(login);
  const auto me = read(c, "/api/v1/me").json;
  return {me->getValue<std::int64_t>("id"),
          {me->getValue<std::string>("name"),
           me->getObject("organisation")->getValue<std::string>("name")}};
}

// Checks every event of a list: a null actor exactly for system events; an actor the reader may
// not know (no id: a city reading its supporting partner's steps) with a null actor_id and only
// their organisation; else the actor's id, and their name and organisation as `people` knows them
// (when it knows them). Returns how many events named a person.
int expectNamedActors(const Poco::JSON::Array::Ptr& items,
                      const std::map<std::int64_t, Person>& people, const std::string& what) {
  int named = 0;
  for (unsigned i = 0; i < items->size(); ++i) {
    const auto e = items->getObject(i);
    const auto seq = e->getValue<std::int64_t>("seq");
    if (e->isNull("actor")) {
      BOOST_TEST(e->isNull("actor_id"), what << " #" << seq << ": a system event names no one");
      continue;
    }
    const auto actor = e->getObject("actor");
    if (!actor->has("id")) {
      BOOST_TEST(e->isNull("actor_id"), what << " #" << seq << ": withheld");
      BOOST_TEST(!actor->has("name"), what << " #" << seq);
      continue;
    }
    const auto id = actor->getValue<std::int64_t>("id");
    BOOST_TEST(id == e->getValue<std::int64_t>("actor_id"), what << " #" << seq);
    BOOST_TEST(!actor->getValue<std::string>("name").empty(), what << " #" << seq);
    BOOST_TEST(!actor->getValue<std::string>("organisation").empty(), what << " #" << seq);
    if (auto it = people.find(id); it != people.end()) {
      BOOST_TEST(actor->getValue<std::string>("name") == it->second.name, what << " #" << seq);
      BOOST_TEST(actor->getValue<std::string>("organisation") == it->second.organisation,
                 what << " #" << seq);
      ++named;
    }
  }
  return named;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(actor_names_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(audit_events_name_their_actor_and_system_events_name_no_one) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  std::map<std::int64_t, Person> people;
  for (const char* login : kLogins) people.insert(whoIs(server, login));
  Client auditor = server.signedIn("auditor@mmc.demo");
  const auto r = auditor.get("/api/v1/audit?limit=500");
  expectSuccess(spec, r, "GET", "/api/v1/audit", "the audit");
  const auto items = itemsOf(r);
  BOOST_REQUIRE_EQUAL(static_cast<std::int64_t>(items->size()),
                      r.json->getValue<std::int64_t>("total"));
  int system = 0;
  for (unsigned i = 0; i < items->size(); ++i)
    system += items->getObject(i)->isNull("actor_id") ? 1 : 0;
  BOOST_TEST(system > 0, "the seed's organisations are created by the system");
  BOOST_TEST(expectNamedActors(items, people, "audit") >= 6, "every login signed in at least");
  // Names are read, not stored: the chain still verifies.
  BOOST_TEST(read(auditor, "/api/v1/audit/verify").json->getValue<bool>("ok"));
}

// The city reads its own people and the fund's by name, its supporting partner by organisation
// (people_names_test.cpp holds every view to the rule).
BOOST_AUTO_TEST_CASE(timelines_name_the_city_the_partner_and_the_fund_staff_who_acted) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  std::map<std::int64_t, Person> people;
  for (const char* login :
       {"fm1@mmc.demo", "fm2@mmc.demo", "reviewer@iom.demo", "applicant@kampala.demo"}) {
    people.insert(whoIs(server, login));
  }
  Client kampala = server.signedIn("applicant@kampala.demo");
  const auto grants = itemsOf(read(kampala, "/api/v1/grants"));
  BOOST_REQUIRE_EQUAL(grants->size(), 1u);
  const auto grant = grants->getObject(0);
  const auto proposal = grant->getValue<std::int64_t>("proposal_id");
  const auto g = grant->getValue<std::int64_t>("id");
  const auto proposal_timeline = kampala.get(proposalPath(proposal) + "/timeline");
  expectSuccess(spec, proposal_timeline, "GET", "/api/v1/proposals/{id}/timeline", "proposal");
  const auto grant_timeline = kampala.get(grantPath(g) + "/timeline");
  expectSuccess(spec, grant_timeline, "GET", "/api/v1/grants/{id}/timeline", "grant");
  BOOST_TEST(expectNamedActors(itemsOf(proposal_timeline), people, "proposal") >= 3);
  // create (fm1), sign (Kampala), request (Kampala), approve (fm1), disburse (fm2) by name;
  // verify (IOM) by organisation.
  std::map<std::string, std::string> by_event;
  const auto items = itemsOf(grant_timeline);
  BOOST_TEST(expectNamedActors(items, people, "grant") >= 5);
  for (unsigned i = 0; i < items->size(); ++i) {
    const auto e = items->getObject(i);
    if (!e->isNull("actor")) {
      by_event[e->getValue<std::string>("event")] =
          e->getObject("actor")->getValue<std::string>("organisation");
    }
  }
  BOOST_TEST(by_event["sign"] == "Kampala");
  BOOST_TEST(by_event["verify"] == "IOM");
  BOOST_TEST(by_event["disburse"] == "Mayors Migration Council");
}

BOOST_AUTO_TEST_CASE(every_signed_in_role_reads_every_organisation) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client admin = server.signedIn("admin@mmc.demo");
  const auto all = itemsOf(read(admin, "/api/v1/organisations"))->size();
  BOOST_TEST(all >= 14u);
  for (const char* login : kLogins) {
    Client c = server.signedIn(login);
    const auto r = c.get("/api/v1/organisations");
    expectSuccess(spec, r, "GET", "/api/v1/organisations", login);
    BOOST_TEST(itemsOf(r)->size() == all, login);
  }
  BOOST_TEST(server.client().get("/api/v1/organisations").status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
