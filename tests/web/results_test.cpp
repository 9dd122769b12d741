#include <map>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

// GET /api/v1/results, /donors and /grants/{id}/results over the demo fund, held against the
// database: every grouping adds up to the whole, and the figures are what SQL over the stored
// targets, results and allocations says.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

using Poco::JSON::Object;

// Indicators whose values add up across grants and groups (counts and money).
const char* const kAdditive[] = {"people_reached", "households_reached", "services_delivered",
                                 "follow_on_funding", "children_enrolled"};

Object::Ptr figuresOf(const Object::Ptr& group, const std::string& indicator) {
  const auto list = group->getArray("indicators");
  for (unsigned i = 0; i < list->size(); ++i) {
    if (list->getObject(i)->getValue<std::string>("indicator") == indicator) return list->getObject(i);
  }
  return nullptr;
}

// target and actual of `indicator` in `group`, and of each breakdown cell ("sex/female").
std::map<std::string, std::pair<std::int64_t, std::int64_t>> numbersOf(const Object::Ptr& group,
                                                                      const std::string& indicator) {
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> out;
  const auto f = figuresOf(group, indicator);
  if (!f) return out;
  out[""] = {f->getValue<std::int64_t>("target"), f->getValue<std::int64_t>("actual")};
  const auto cells = f->getArray("breakdown");
  for (unsigned i = 0; i < cells->size(); ++i) {
    const auto c = cells->getObject(i);
    out[c->getValue<std::string>("dimension") + "/" + c->getValue<std::string>("value")] = {
        c->getValue<std::int64_t>("target"), c->getValue<std::int64_t>("actual")};
  }
  return out;
}

std::string chapterId(Server& server, const std::string& code) {
  return std::to_string(queryInt(server.db(), "SELECT id FROM chapters WHERE code = '" + code + "'").value());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(results_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(every_grouping_adds_up_to_the_whole_for_every_reader) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  for (const char* login : {"fm1@mmc.demo", "auditor@mmc.demo", "reviewer@iom.demo", "applicant@kampala.demo"}) {
    Client c = server.signedIn(login);
    for (const std::string by : {"call", "chapter", "donor", "city", "country"}) {
      const auto r = c.get("/api/v1/results?group_by=" + by);
      expectSuccess(spec, r, "GET", "/api/v1/results", std::string(login) + " by " + by);
      BOOST_REQUIRE(r.json);
      BOOST_TEST(r.json->getValue<std::string>("group_by") == by);
      const auto groups = r.json->getArray("groups");
      BOOST_TEST(groups->size() >= 1u, login << " by " << by);
      const auto total = r.json->getObject("total");
      for (const char* indicator : kAdditive) {
        std::map<std::string, std::pair<std::int64_t, std::int64_t>> sum;
        for (unsigned i = 0; i < groups->size(); ++i) {
          for (const auto& [cell, figures] : numbersOf(groups->getObject(i), indicator)) {
            sum[cell].first += figures.first;
            sum[cell].second += figures.second;
          }
        }
        BOOST_TEST((sum == numbersOf(total, indicator)), login << " by " << by << ": " << indicator);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_refugees_the_children_chapter_paid_for_per_city_are_what_sql_says) {
  auto& server = SeededServer::get();
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto child = chapterId(server, "CHILD-2026");
  const auto r = read(fm1, "/api/v1/results?group_by=city&indicator=people_reached&chapter=" + child);
  const auto groups = r.json->getArray("groups");
  BOOST_REQUIRE(groups->size() >= 3u);  // Kampala, Amman and São Paulo draw on it
  std::int64_t verified = 0;
  for (unsigned i = 0; i < groups->size(); ++i) {
    const auto g = groups->getObject(i);
    const auto city = std::stoll(g->getValue<std::string>("key"));
    // Each accepted refugee count of the city's grants, times the chapter's share of the grant
    // (rounded down; in the demo the chapter is the first of any grant it shares). The targets
    // are those of the approved (current) version.
    const auto actual = queryInt(server.db(),
        "SELECT COALESCE(SUM(c.amount * a.amount_minor / g.amount_minor), 0) FROM grants g "
        "JOIN grant_allocations a ON a.grant_id = g.id AND a.chapter_id = " + child +
        " JOIN reports rp ON rp.grant_id = g.id AND rp.state = 'accepted' "
        "JOIN report_results rr ON rr.report_id = rp.id "
        "JOIN indicators i ON i.id = rr.indicator_id AND i.code = 'people_reached' "
        "JOIN report_result_cells c ON c.result_id = rr.id AND c.dimension = 'population_group' "
        "AND c.value_code = 'refugee' WHERE g.city_org_id = :p", city);
    const auto target = queryInt(server.db(),
        "SELECT COALESCE(SUM(t.amount * a.amount_minor / g.amount_minor), 0) FROM grants g "
        "JOIN grant_allocations a ON a.grant_id = g.id AND a.chapter_id = " + child +
        " JOIN proposals p ON p.id = g.proposal_id JOIN proposal_versions v ON v.proposal_id = p.id "
        "AND v.number = p.current_version JOIN proposal_targets t ON t.version_id = v.id AND "
        "t.period >= 1 AND t.dimension = 'population_group' AND t.value_code = 'refugee' "
        "JOIN indicators i ON i.id = t.indicator_id AND i.code = 'people_reached' "
        "WHERE g.city_org_id = :p", city);
    const auto figures = numbersOf(g, "people_reached").at("population_group/refugee");
    BOOST_TEST(figures.second == actual.value(), g->getValue<std::string>("label"));
    BOOST_TEST(figures.first == target.value(), g->getValue<std::string>("label"));
    verified += figures.second;
  }
  BOOST_TEST(verified > 0);  // Amman's and São Paulo's verified reports
}

BOOST_AUTO_TEST_CASE(donors_money_adds_up_to_what_was_allocated_and_paid) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto r = fm1.get("/api/v1/donors");
  expectSuccess(spec, r, "GET", "/api/v1/donors", "fm1");
  const auto donors = itemsOf(r);
  BOOST_REQUIRE(donors->size() >= 3u);
  std::int64_t allocated = 0, disbursed = 0;
  for (unsigned i = 0; i < donors->size(); ++i) {
    const auto d = donors->getObject(i);
    const auto chapters = d->getArray("chapters");
    for (unsigned j = 0; j < chapters->size(); ++j) {
      const auto c = chapters->getObject(j);
      const auto id = c->getValue<std::int64_t>("id");
      BOOST_TEST(minorOf(c, "allocated") ==
                 queryInt(server.db(), "SELECT COALESCE(SUM(amount_minor), 0) FROM grant_allocations "
                                       "WHERE chapter_id = :p", id).value());
      BOOST_TEST(minorOf(c, "allocated") <= minorOf(c, "committed"));
      allocated += minorOf(c, "allocated");
      disbursed += minorOf(c, "disbursed");
    }
    const auto summary = fm1.get("/api/v1/donors/" + std::to_string(d->getValue<std::int64_t>("id")) + "/summary");
    expectSuccess(spec, summary, "GET", "/api/v1/donors/{id}/summary", "donor " + std::to_string(i));
  }
  BOOST_TEST(allocated == queryInt(server.db(), "SELECT COALESCE(SUM(amount_minor), 0) FROM grant_allocations").value());
  BOOST_TEST(disbursed ==
             queryInt(server.db(), "SELECT COALESCE(SUM(t.amount_minor), 0) FROM tranches t WHERE t.state = "
                                   "'disbursed' AND EXISTS (SELECT 1 FROM grant_allocations a WHERE "
                                   "a.grant_id = t.grant_id)").value());
  // Another city sees the donors, but none of the money of grants it may not see.
  Client montevideo = server.signedIn("applicant@montevideo.demo");
  const auto theirs = itemsOf(read(montevideo, "/api/v1/donors"));
  for (unsigned i = 0; i < theirs->size(); ++i) {
    const auto chapters = theirs->getObject(i)->getArray("chapters");
    for (unsigned j = 0; j < chapters->size(); ++j) {
      BOOST_TEST(minorOf(chapters->getObject(j), "allocated") == 0);
    }
  }
  BOOST_TEST(read(montevideo, "/api/v1/results").json->getValue<std::int64_t>("grants") == 0);
  BOOST_TEST(montevideo.get("/api/v1/donors/999999/summary").status == 404);
}

BOOST_AUTO_TEST_CASE(bad_targets_results_and_allocations_are_refused_naming_each_field) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client kampala = server.signedIn("applicant@kampala.demo");
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto concept_id = queryInt(server.db(),
      "SELECT MIN(p.id) FROM proposals p JOIN organisations o ON o.id = p.city_org_id WHERE "
      "o.name = 'Kampala' AND p.state = 'concept_draft'").value();
  const auto path = proposalPath(concept_id);
  const auto before = databaseDigest(server.db());
  const auto bad = putWithEtag(kampala, path,
      R"({"title":"Kampala youth","indicators":[)"
      R"({"indicator":"people_reached","targets":[{"total":100,"breakdown":{"sex":{"female":60,"male":30}}},)"
      R"({"total":-5},{"total":"many"}]},)"
      R"({"indicator":"people_placed_in_jobs","targets":[{"total":1}]},)"
      R"({"indicator":"households_reached","targets":[{"total":4,"breakdown":{"population_group":{"martian":4}}}]}]})",
      path);
  expectProblem(spec, bad, 422, "PUT", "/api/v1/proposals/{id}", "bad targets");
  std::vector<std::string> fields;
  const auto errors = bad.json->getArray("errors");
  for (unsigned i = 0; i < errors->size(); ++i) fields.push_back(errors->getObject(i)->getValue<std::string>("field"));
  for (const char* expected : {"indicators[0].targets[1].total", "indicators[0].targets[2].total"}) {
    BOOST_TEST((std::find(fields.begin(), fields.end(), expected) != fields.end()), expected);
  }
  BOOST_TEST(databaseDigest(server.db()) == before);
  // The reader's own checks pass; the domain's come next, each named.
  const auto wrong = putWithEtag(kampala, path,
      R"({"title":"Kampala youth","indicators":[)"
      R"({"indicator":"people_reached","targets":[{"total":100,"breakdown":{"sex":{"female":60,"male":30}}}]},)"
      R"({"indicator":"people_placed_in_jobs","targets":[{"total":1}]},)"
      R"({"indicator":"households_reached","targets":[{"total":4,"breakdown":{"population_group":{"martian":4}}}]}]})",
      path);
  expectProblem(spec, wrong, 422, "PUT", "/api/v1/proposals/{id}", "targets the domain refuses");
  fields.clear();
  const auto domain = wrong.json->getArray("errors");
  for (unsigned i = 0; i < domain->size(); ++i) fields.push_back(domain->getObject(i)->getValue<std::string>("field"));
  for (const char* expected : {"indicators[0].targets[0].breakdown.sex", "indicators[1].indicator",
                               "indicators[2].targets[0].breakdown.population_group.martian"}) {
    BOOST_TEST((std::find(fields.begin(), fields.end(), expected) != fields.end()), expected);
  }
  BOOST_TEST(databaseDigest(server.db()) == before);
  // A split that does not add up to the award, on a grant already paid from: 422 before 409.
  const auto grant = queryInt(server.db(), "SELECT MIN(id) FROM grants").value();
  const auto allocations = "/api/v1/grants/" + std::to_string(grant) + "/allocations";
  const auto split = putWithEtag(fm1, allocations, R"({"allocations":[{"chapter_id":1,"amount_minor":5}]})", allocations);
  BOOST_TEST((split.status == 422 || split.status == 409), split.body);
  BOOST_TEST(split.isProblem());
  expectProblem(spec, fm1.get("/api/v1/results?group_by=region"), 400, "GET", "/api/v1/results", "group_by");
  expectProblem(spec, fm1.get("/api/v1/results?indicator=nothing"), 422, "GET", "/api/v1/results", "indicator");
  BOOST_TEST(databaseDigest(server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()
