#include <map>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "modules/workflow/proposal_flow.h"
#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

// GET /api/v1/stats/pipeline and /api/v1/stats/money over the demo fund, held against the lists
// the same reader gets: the totals count exactly the records the lists show.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

// A login of each role of DESIGN §1 (the admin sees no proposals and no grants).
const char* const kReaders[] = {"fm1@mmc.demo",
                                "auditor@mmc.demo",
                                "admin@mmc.demo",
                                "reviewer@iom.demo",
                                "reviewer@unhcr.demo",
                                "applicant@kampala.demo",
                                "applicant@montevideo.demo"};

// Per proposal state: how many, Σ requested and Σ awarded, from the proposal list.
struct Tally {
  std::int64_t count = 0;
  std::int64_t requested = 0;
  std::int64_t awarded = 0;
};

std::map<std::string, Tally> tallyOfList(Client& c) {
  const auto items = itemsOf(read(c, "/api/v1/proposals?limit=200"));
  std::map<std::string, Tally> out;
  for (unsigned i = 0; i < items->size(); ++i) {
    const auto p = items->getObject(i);
    auto& t = out[p->getValue<std::string>("state")];
    ++t.count;
    t.requested += minorOf(p, "amount");
    if (!p->isNull("award")) t.awarded += minorOf(p, "award");
  }
  return out;
}

// Per grant id: the grant (from the grant list) and Σ its disbursed tranches.
struct GrantMoney {
  std::int64_t call_id = 0;
  std::int64_t city_id = 0;
  std::int64_t amount = 0;
  std::int64_t disbursed = 0;
};

std::vector<GrantMoney> grantsOf(Client& c) {
  const auto grants = itemsOf(read(c, "/api/v1/grants"));
  std::vector<GrantMoney> out;
  for (unsigned i = 0; i < grants->size(); ++i) {
    const auto g = grants->getObject(i);
    GrantMoney m{g->getValue<std::int64_t>("call_id"), g->getValue<std::int64_t>("city_org_id"),
                 minorOf(g, "amount"), 0};
    const auto tranches = tranchesOf(c, g->getValue<std::int64_t>("id"));
    for (unsigned j = 0; j < tranches->size(); ++j) {
      const auto t = tranches->getObject(j);
      if (t->getValue<std::string>("state") == "disbursed") m.disbursed += minorOf(t, "amount");
    }
    out.push_back(m);
  }
  return out;
}

// Checks one money answer's items against the grants the reader lists, keyed by call or city.
void expectMoneyMatches(const Response& r, const std::vector<GrantMoney>& grants, bool by_call,
                        const std::string& who) {
  struct Expected {
    std::int64_t grants = 0;
    std::int64_t planned = 0;
    std::int64_t disbursed = 0;
  };
  std::map<std::int64_t, Expected> expected;
  for (const auto& g : grants) {
    auto& e = expected[by_call ? g.call_id : g.city_id];
    ++e.grants;
    e.planned += g.amount;
    e.disbursed += g.disbursed;
  }
  const auto items = r.json->getArray("items");
  BOOST_TEST(items->size() == expected.size(), who);
  for (unsigned i = 0; i < items->size(); ++i) {
    const auto item = items->getObject(i);
    const auto it = expected.find(item->getValue<std::int64_t>("id"));
    BOOST_REQUIRE_MESSAGE(it != expected.end(), who << ": an item of no grant it lists");
    BOOST_TEST(item->getValue<std::int64_t>("grants") == it->second.grants, who);
    BOOST_TEST(minorOf(item, "planned") == it->second.planned, who);
    BOOST_TEST(minorOf(item, "disbursed") == it->second.disbursed, who);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stats_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(the_pipeline_counts_what_each_readers_proposal_list_shows_state_by_state) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  for (const char* login : kReaders) {
    Client c = server.signedIn(login);
    const auto r = c.get("/api/v1/stats/pipeline");
    expectSuccess(spec, r, "GET", "/api/v1/stats/pipeline", login);
    BOOST_REQUIRE(r.json);
    BOOST_TEST(r.json->getValue<std::string>("currency") == "USD", login);
    BOOST_TEST(!r.json->has("by_currency"), login << ": the demo fund has one currency");
    const auto states = r.json->getArray("states");
    BOOST_REQUIRE_EQUAL(states->size(), std::size(workflow::kProposalStates));
    auto tally = tallyOfList(c);
    for (unsigned i = 0; i < states->size(); ++i) {
      const auto s = states->getObject(i);
      const auto state = s->getValue<std::string>("state");
      BOOST_TEST(state == workflow::kProposalStates[i], login << ": the machine's order");
      const auto& t = tally[state];
      BOOST_TEST(s->getValue<std::int64_t>("count") == t.count, login << " " << state);
      BOOST_TEST(minorOf(s, "requested") == t.requested, login << " " << state);
      BOOST_TEST(minorOf(s, "awarded") == t.awarded, login << " " << state);
    }
  }
  // The fund sees every state of the demo round; Kampala only its own two proposals.
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto approved = read(fm1, "/api/v1/stats/pipeline").json->getArray("states")->getObject(10);
  BOOST_TEST(approved->getValue<std::string>("state") == "approved");
  BOOST_TEST(minorOf(approved, "awarded") == 30'000'000 + 30'000'000 + 32'000'000);  // 3 grants
}

BOOST_AUTO_TEST_CASE(the_pipeline_of_one_call_is_in_its_currency_and_an_unknown_call_is_404) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto calls = itemsOf(read(fm1, "/api/v1/calls"));
  std::int64_t total = 0;
  for (unsigned i = 0; i < calls->size(); ++i) {
    const auto call = calls->getObject(i);
    const auto id = std::to_string(call->getValue<std::int64_t>("id"));
    const auto r = fm1.get("/api/v1/stats/pipeline?call=" + id);
    expectSuccess(spec, r, "GET", "/api/v1/stats/pipeline", "call " + id);
    const auto states = r.json->getArray("states");
    std::int64_t in_call = 0;
    for (unsigned j = 0; j < states->size(); ++j) {
      in_call += states->getObject(j)->getValue<std::int64_t>("count");
    }
    const auto listed = itemsOf(read(fm1, "/api/v1/proposals?limit=200&call=" + id))->size();
    BOOST_TEST(in_call == static_cast<std::int64_t>(listed), "call " << id);
    BOOST_TEST(r.json->getValue<std::string>("currency") ==
               call->getObject("budget")->getValue<std::string>("currency"));
    total += in_call;
  }
  BOOST_TEST(total == read(fm1, "/api/v1/proposals").json->getValue<std::int64_t>("total"));
  expectProblem(spec, fm1.get("/api/v1/stats/pipeline?call=99999999"), 404, "GET",
                "/api/v1/stats/pipeline", "unknown call");
  const auto bad = fm1.get("/api/v1/stats/pipeline?call=first");
  expectProblem(spec, bad, 400, "GET", "/api/v1/stats/pipeline", "malformed call");
}

BOOST_AUTO_TEST_CASE(money_per_call_and_per_city_adds_up_the_grants_each_reader_may_see) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  for (const char* login : kReaders) {
    Client c = server.signedIn(login);
    const auto grants = grantsOf(c);
    for (const std::string by : {"call", "city"}) {
      const auto r = c.get("/api/v1/stats/money?by=" + by);
      expectSuccess(spec, r, "GET", "/api/v1/stats/money", std::string(login) + " by " + by);
      BOOST_REQUIRE(r.json);
      BOOST_TEST(r.json->getValue<std::string>("by") == by);
      BOOST_TEST(r.json->getValue<std::string>("currency") == "USD");
      expectMoneyMatches(r, grants, by == "call", std::string(login) + " by " + by);
    }
  }
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto by_call = read(fm1, "/api/v1/stats/money");  // by=call is the default
  BOOST_TEST(by_call.json->getValue<std::string>("by") == "call");
  const auto item = by_call.json->getArray("items")->getObject(0);
  BOOST_TEST(item->getValue<std::string>("name").starts_with("GCF-2026 \u2014 Global Cities Fund"));
  // The first tranches (40 %) of Kampala's, Amman's and São Paulo's grants.
  BOOST_TEST(minorOf(item, "disbursed") == 12'000'000 + 12'000'000 + 12'800'000);
  const auto by_city = read(fm1, "/api/v1/stats/money?by=city").json->getArray("items");
  BOOST_REQUIRE_EQUAL(by_city->size(), 3u);
  BOOST_TEST(by_city->getObject(0)->getValue<std::string>("name") == "Amman");  // by name
  BOOST_TEST(by_city->getObject(1)->getValue<std::string>("name") == "Kampala");
  BOOST_TEST(by_city->getObject(2)->getValue<std::string>("name") == "São Paulo");
  // A city without grants and a partner supporting none see an empty chart, not a refusal.
  Client montevideo = server.signedIn("applicant@montevideo.demo");
  BOOST_TEST(read(montevideo, "/api/v1/stats/money?by=city").json->getArray("items")->size() == 0u);
}

BOOST_AUTO_TEST_CASE(money_by_anything_else_is_a_400_naming_by) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  for (const char* by : {"region", "", "CALL", "call,city"}) {
    const auto r = fm1.get(std::string("/api/v1/stats/money?by=") + by);
    expectProblem(spec, r, 400, "GET", "/api/v1/stats/money", std::string("by=") + by);
    BOOST_REQUIRE(r.json);
    BOOST_TEST(r.json->getArray("errors")->getObject(0)->getValue<std::string>("field") == "by");
  }
  BOOST_TEST(server.client().get("/api/v1/stats/money").status == 401);
  BOOST_TEST(server.client().get("/api/v1/stats/pipeline").status == 401);
}

BOOST_AUTO_TEST_CASE(totals_follow_a_disbursement_at_once) {
  auto& server = SeededServer::get();
  Cast cast(server, "applicant@athens.demo");  // a city without a grant yet
  const auto before = read(cast.fm1, "/api/v1/stats/money?by=city").json->getArray("items")->size();
  const auto first = approvedTranche(cast, 26'000'000, "Athens Welcomes II");
  fire(cast.fm2, tranchePath(first), {.name = "disburse", .payment_reference = "PAY-ATHENS-1"},
       "disbursed", {{"Idempotency-Key", "stats-athens-1"}});
  const auto cities = read(cast.fm1, "/api/v1/stats/money?by=city").json->getArray("items");
  BOOST_REQUIRE_EQUAL(cities->size(), before + 1);
  bool found = false;
  for (unsigned i = 0; i < cities->size(); ++i) {
    const auto item = cities->getObject(i);
    if (item->getValue<std::string>("name") != "Athens") continue;
    found = true;
    BOOST_TEST(minorOf(item, "planned") == 26'000'000);
    BOOST_TEST(minorOf(item, "disbursed") == 10'400'000);  // 40 % on signature
  }
  BOOST_TEST(found);
  const auto athens = read(cast.applicant, "/api/v1/stats/pipeline").json->getArray("states");
  BOOST_TEST(athens->getObject(10)->getValue<std::int64_t>("count") == 1);  // approved
  BOOST_TEST(minorOf(athens->getObject(10), "awarded") == 26'000'000);
}

// Runs last: it adds a call in euros, so that the totals span two currencies.
BOOST_AUTO_TEST_CASE(several_currencies_are_grouped_by_currency_never_added_up) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Cast cast(server, "applicant@abidjan.demo");
  std::string criteria;
  for (const char* code : {"relevance", "inclusion", "feasibility", "sustainability", "value"}) {
    criteria += std::string(criteria.empty() ? "" : ",") + "{\"code\":\"" + code +
                "\",\"name\":\"" + code + "\",\"weight\":20}";
  }
  const auto created = cast.fm1.post(
      "/api/v1/calls",
      "{\"code\":\"GCF-EUR-2026\",\"title\":\"Euro round\",\"currency\":\"EUR\","
      "\"budget_minor\":500000000,\"min_award_minor\":20000000,\"max_award_minor\":50000000,"
      "\"threshold_minor\":35000000,\"closes_at\":\"2031-01-01T00:00:00Z\",\"criteria\":[" +
          criteria +
          "],\"tranche_plan\":[{\"share_bp\":6000,\"trigger\":\"signature\"},"
          "{\"share_bp\":4000,\"trigger\":\"final_report\"}]}");
  BOOST_REQUIRE_MESSAGE(created.status == 201, created.body);
  const auto opened =
      fire(cast.fm1, "/api/v1/calls/" + std::to_string(idOf(created)), {.name = "open"}, "open");
  cast.call_id = idOf(opened);
  cast.target_periods = 0;  // the euro round chose no indicators
  cast.criteria.clear();
  const auto list = opened.json->getArray("criteria");
  for (unsigned i = 0; i < list->size(); ++i) {
    cast.criteria.push_back(list->getObject(i)->getValue<std::int64_t>("id"));
  }
  const auto proposal = proposalInReview(cast, 27'000'000, "Abidjan en euros");
  fire(cast.fm1, proposalPath(proposal), {.name = "approve"}, "approved");

  const auto pipeline = cast.fm1.get("/api/v1/stats/pipeline");
  expectSuccess(spec, pipeline, "GET", "/api/v1/stats/pipeline", "two currencies");
  BOOST_REQUIRE(pipeline.json && pipeline.json->has("by_currency"));
  const auto groups = pipeline.json->getArray("by_currency");
  BOOST_REQUIRE_EQUAL(groups->size(), 2u);
  BOOST_TEST(pipeline.json->getValue<std::string>("currency") == "EUR");  // code order
  BOOST_TEST(groups->getObject(0)->getValue<std::string>("currency") == "EUR");
  BOOST_TEST(groups->getObject(1)->getValue<std::string>("currency") == "USD");
  const auto euro_approved = groups->getObject(0)->getArray("states")->getObject(10);
  BOOST_TEST(euro_approved->getValue<std::int64_t>("count") == 1);
  BOOST_TEST(minorOf(euro_approved, "awarded") == 27'000'000);
  BOOST_TEST(euro_approved->getObject("awarded")->getValue<std::string>("currency") == "EUR");
  const auto dollar_approved = groups->getObject(1)->getArray("states")->getObject(10);
  BOOST_TEST(dollar_approved->getObject("awarded")->getValue<std::string>("currency") == "USD");
  BOOST_TEST(minorOf(dollar_approved, "awarded") >= 30'000'000);  // Kampala's, at least

  const auto money = cast.fm1.get("/api/v1/stats/money?by=call");
  expectSuccess(spec, money, "GET", "/api/v1/stats/money", "two currencies");
  BOOST_REQUIRE(money.json && money.json->has("by_currency"));
  BOOST_TEST(money.json->getValue<std::string>("currency") == "EUR");
  const auto euro_items = money.json->getArray("items");
  BOOST_REQUIRE_EQUAL(euro_items->size(), 1u);
  BOOST_TEST(euro_items->getObject(0)->getValue<std::int64_t>("id") == cast.call_id);
  BOOST_TEST(minorOf(euro_items->getObject(0), "planned") == 27'000'000);
  // Abidjan alone is in one currency: no by_currency for its applicant.
  const auto abidjan = cast.applicant.get("/api/v1/stats/money?by=city");
  expectSuccess(spec, abidjan, "GET", "/api/v1/stats/money", "Abidjan");
  BOOST_TEST(!abidjan.json->has("by_currency"));
  BOOST_TEST(abidjan.json->getValue<std::string>("currency") == "EUR");
}

BOOST_AUTO_TEST_SUITE_END()
