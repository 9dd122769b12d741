#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

// Amendments over HTTP on the demo fund: Kampala's grant (already extended once by seed-demo)
// is changed again. The routes answer their documented schemas; bad terms are 422 naming the
// field with nothing written; If-Match is required (428) and checked (412); a step out of its
// state is 409; someone who may not act is 403, someone who may not see is 404.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

std::vector<std::string> errorFields(const Response& r) {
  std::vector<std::string> out;
  if (!r.json || !r.json->has("errors")) return out;
  const auto errors = r.json->getArray("errors");
  for (unsigned i = 0; i < errors->size(); ++i)
    out.push_back(errors->getObject(i)->getValue<std::string>("field"));
  return out;
}

std::string kampalaGrant(Client& kampala) {
  const auto items = itemsOf(read(kampala, "/api/v1/grants"));
  BOOST_REQUIRE(items->size() >= 1u);
  return "/api/v1/grants/" + std::to_string(items->getObject(0)->getValue<std::int64_t>("id"));
}

std::size_t amendmentsOf(Client& c, const std::string& grant) {
  return itemsOf(read(c, grant + "/amendments"))->size();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(amendments_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(the_demo_grant_has_an_applied_extension_and_two_versions_of_its_terms) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client kampala = server.signedIn("applicant@kampala.demo");
  const auto grant = kampalaGrant(kampala);
  const auto list = kampala.get(grant + "/amendments");
  expectSuccess(spec, list, "GET", "/api/v1/grants/{id}/amendments", "Kampala's amendments");
  const auto applied = itemsOf(list)->getObject(0);
  BOOST_TEST(applied->getValue<std::string>("state") == "applied");
  const auto terms = kampala.get(grant + "/terms");
  expectSuccess(spec, terms, "GET", "/api/v1/grants/{id}/terms", "Kampala's terms");
  const auto versions = itemsOf(terms);
  BOOST_REQUIRE(versions->size() == 2u);
  BOOST_TEST(versions->getObject(0)->getValue<std::string>("ends_at") <
             versions->getObject(1)->getValue<std::string>("ends_at"));
}

BOOST_AUTO_TEST_CASE(the_amended_grant_shows_its_revised_budget_in_iati) {
  auto& server = SeededServer::get();
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto r = fm1.get("/api/v1/exports/iati.xml?all=1");
  BOOST_REQUIRE(r.status == 200);
  // Kampala's grant was extended: its budgets are revised (type 2); the others' stay original.
  BOOST_TEST(r.body.find("<budget status=\"2\" type=\"2\">") != std::string::npos);
  BOOST_TEST(r.body.find("<budget status=\"2\" type=\"1\">") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_terms_are_422_naming_the_field_and_write_nothing) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client kampala = server.signedIn("applicant@kampala.demo");
  const auto grant = kampalaGrant(kampala);
  const auto before = amendmentsOf(kampala, grant);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"reason": "earlier", "ends_at": "2001-01-01T00:00:00Z"})", "ends_at"},
      {R"({"reason": "nothing"})", "kinds"},
      {R"({"reason": "", "ends_at": "2031-01-01T00:00:00Z"})", "reason"},
      {R"({"reason": "more", "amount_minor": 99000000})", "tranches"},
      {R"({"reason": "move", "tranches": [{"seq": 1, "amount_minor": 1}]})", "tranches[0].seq"},
      {R"({"reason": "typo", "ends_at": "soon"})", "ends_at"},
  };
  for (const auto& [body, field] : cases) {
    const auto r = kampala.post(grant + "/amendments", body);
    BOOST_TEST_CONTEXT(body) {
      expectProblem(spec, r, 422, "POST", "/api/v1/grants/{id}/amendments", body);
      const auto fields = errorFields(r);
      BOOST_TEST((std::find(fields.begin(), fields.end(), field) != fields.end()));
    }
  }
  BOOST_TEST(amendmentsOf(kampala, grant) == before);
}

BOOST_AUTO_TEST_CASE(a_city_requests_and_the_fund_approves_with_if_match) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client kampala = server.signedIn("applicant@kampala.demo");
  Client amman = server.signedIn("applicant@amman.demo");
  Client iom = server.signedIn("reviewer@iom.demo");
  Client auditor = server.signedIn("auditor@mmc.demo");
  Client fm1 = server.signedIn("fm1@mmc.demo");
  Client fm2 = server.signedIn("fm2@mmc.demo");
  const auto grant = kampalaGrant(kampala);
  const std::string body = R"({"reason": "Three more months.", "ends_at": "2032-03-31T00:00:00Z"})";
  expectProblem(spec, amman.post(grant + "/amendments", body), 404, "POST",
                "/api/v1/grants/{id}/amendments", "another city");
  expectProblem(spec, iom.post(grant + "/amendments", body), 403, "POST",
                "/api/v1/grants/{id}/amendments", "the supporting partner");
  const auto created = kampala.post(grant + "/amendments", body);
  expectSuccess(spec, created, "POST", "/api/v1/grants/{id}/amendments", "an extension");
  BOOST_REQUIRE(created.status == 201);
  const auto path = "/api/v1/amendments/" + std::to_string(idOf(created));
  BOOST_TEST(created.header("Location") == path);
  const auto read_back = kampala.get(path);
  expectSuccess(spec, read_back, "GET", "/api/v1/amendments/{id}", "the amendment");
  BOOST_TEST(read_back.json->getObject("after")->getValue<std::string>("ends_at") ==
             "2032-03-31T00:00:00.000Z");
  expectProblem(spec, amman.get(path), 404, "GET", "/api/v1/amendments/{id}", "another city");
  BOOST_TEST(auditor.get(path).status == 200);

  const auto transitions = path + "/transitions";
  expectProblem(spec, kampala.post(transitions, R"({"event":"request"})"), 428, "POST",
                "/api/v1/amendments/{id}/transitions", "no If-Match");
  expectProblem(spec, kampala.post(transitions, R"({"event":"request"})", {{"If-Match", "\"99\""}}),
                412, "POST", "/api/v1/amendments/{id}/transitions", "stale");
  expectProblem(spec, tryFire(fm1, path, {"approve"}), 409, "POST",
                "/api/v1/amendments/{id}/transitions", "approve a draft");
  expectProblem(spec, tryFire(auditor, path, {"request"}), 403, "POST",
                "/api/v1/amendments/{id}/transitions", "an auditor");
  fire(kampala, path, {"request"}, "requested");
  fire(fm1, path, {"approve"}, "approved");
  const auto applied = fire(fm2, path, {"apply"}, "applied");
  BOOST_TEST(applied.json->getValue<int>("terms_version") == 3);
  BOOST_TEST(itemsOf(read(kampala, grant + "/terms"))->size() == 3u);
  BOOST_TEST(transitionsCounted(fm1, "amendment", "apply") >= 1);
}

BOOST_AUTO_TEST_SUITE_END()
