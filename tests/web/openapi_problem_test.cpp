#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/http_fixture.h"
#include "tests/web/json_schema_check.h"
#include "tests/web/openapi_demo.h"
#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

using namespace citygrants;
using namespace citygrants::webtest;

namespace {

std::string at(const std::string& collection, std::int64_t id, const std::string& rest = "") {
  return "/api/v1/" + collection + "/" + std::to_string(id) + rest;
}

// Whether the problem names `field` in errors[].
bool namesField(const Response& r, const std::string& field) {
  if (!r.json || !r.json->has("errors")) return false;
  const auto errors = r.json->getArray("errors");
  for (unsigned i = 0; i < errors->size(); ++i) {
    if (errors->getObject(i)->getValue<std::string>("field") == field) return true;
  }
  return false;
}

// Whether one of the checker's errors names the member `name`.
bool checkerNames(const std::vector<std::string>& errors, const std::string& name) {
  return joined(errors).find("member " + name) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(openapi_problems, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(refusals_answer_the_documented_problem) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  Client kampala = server.signedIn("applicant@kampala.demo");
  const auto d = listedRecords(fm1, kampala);
  const auto approved = at("proposals", d.ids.at("proposals"));
  const auto draft = at("proposals", d.kampala_concept);

  expectProblem(spec, fm1.get("/api/v1/proposals/99999999"), 404, "GET", "/api/v1/proposals/{id}",
                "unknown id");
  expectProblem(spec, fm1.get("/api/v1/no-such-thing"), 404, "", "", "unknown route");
  expectProblem(spec, fm1.del("/api/v1/me"), 405, "", "", "wrong method");
  expectProblem(spec, server.client().get("/api/v1/me"), 401, "GET", "/api/v1/me", "no session");
  const auto bad_query = fm1.get("/api/v1/proposals?limit=0");
  expectProblem(spec, bad_query, 400, "GET", "/api/v1/proposals", "bad limit");
  BOOST_TEST(namesField(bad_query, "limit"), bad_query.body);
  expectProblem(spec, fm1.post("/api/v1/tokens", "{"), 400, "POST", "/api/v1/tokens",
                "malformed JSON");
  expectProblem(spec, fm1.send("POST", "/api/v1/tokens", R"({"name":"x"})", "text/plain"), 415,
                "POST", "/api/v1/tokens", "not JSON");
  const auto invalid = fm1.post("/api/v1/calls", "{}");
  expectProblem(spec, invalid, 422, "POST", "/api/v1/calls", "an empty call");
  BOOST_TEST(namesField(invalid, "code"), invalid.body);
  BOOST_TEST(namesField(invalid, "closes_at"), invalid.body);
  expectProblem(spec, kampala.post("/api/v1/organisations", R"({"kind":"city","name":"Nowhere"})"),
                403, "POST", "/api/v1/organisations", "an applicant adds an organisation");
  const auto resubmit = fm1.post(approved + "/transitions", R"({"event":"submit"})",
                                 {{"If-Match", etagOf(fm1, approved)}});
  expectProblem(spec, resubmit, 409, "POST", "/api/v1/proposals/{id}/transitions",
                "submit an approved proposal");
  expectProblem(spec, fm1.post(approved + "/transitions", R"({"event":"submit"})"), 428, "POST",
                "/api/v1/proposals/{id}/transitions", "no If-Match");
  const auto stale = kampala.put(draft, R"({"title":"A lost update"})", {{"If-Match", "\"v999\""}});
  expectProblem(spec, stale, 412, "PUT", "/api/v1/proposals/{id}", "a stale If-Match");
  const auto unknown_event = fm1.post(approved + "/transitions", R"({"event":"explode"})",
                                      {{"If-Match", etagOf(fm1, approved)}});
  expectProblem(spec, unknown_event, 422, "POST", "/api/v1/proposals/{id}/transitions",
                "an unknown event");
  BOOST_TEST(namesField(unknown_event, "event"), unknown_event.body);
  // The document's enum of events refuses it as well.
  BOOST_TEST(!spec.errors(R"({"event":"explode"})",
                          spec.requestSchema("POST", "/api/v1/proposals/{id}/transitions"))
                  .empty());
}

BOOST_AUTO_TEST_CASE(the_document_and_the_server_agree_on_request_members) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  Client kampala = server.signedIn("applicant@kampala.demo");
  Client admin = server.signedIn("admin@mmc.demo");
  const auto d = listedRecords(fm1, kampala);
  const auto draft = at("proposals", d.kampala_concept);
  const auto call = at("calls", d.open_call);
  const auto report = at("reports", d.ids.at("reports"));
  struct Case {
    Client* client;
    std::string method, pattern, path, valid, unknown_member, extra;
    bool if_match;
  };
  // `valid` is accepted by the schema and, where the case sends it, by the server; `valid` with
  // `extra` spliced in is refused by both, naming `unknown_member`.
  const Case cases[] = {
      {&fm1, "POST", "/api/v1/tokens", "/api/v1/tokens", R"({"name":"parity"})", "colour",
       R"(,"colour":"red")", false},
      {&kampala, "PUT", "/api/v1/proposals/{id}", draft,
       R"({"title":"Kampala youth apprenticeships","beneficiaries":900})", "colour",
       R"(,"colour":"red")", true},
      {&kampala, "PUT", "/api/v1/proposals/{id}", draft,
       R"({"budget":[{"category":"travel","amount_minor":100,"description":null}]})",
       "budget[0].note", "", true},
      {&admin, "POST", "/api/v1/organisations", "/api/v1/organisations",
       R"({"kind":"partner","name":"Parity Partners"})", "founded", R"(,"founded":1999)", false},
      {&kampala, "PUT", "/api/v1/reports/{id}", report, R"({"narrative":"Parity."})", "narative",
       R"(,"narative":"typo")", true},
      // Last: closing the round is accepted too.
      {&fm1, "POST", "/api/v1/calls/{id}/transitions", call, R"({"event":"close","reason":null})",
       "when", R"(,"when":"now")", true},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.method << " " << c.path) {
      const auto schema = spec.requestSchema(c.method, c.pattern);
      BOOST_REQUIRE(!schema.isNull());
      BOOST_TEST(spec.errors(c.valid, schema).empty(), joined(spec.errors(c.valid, schema)));
      std::string wrong = c.valid;
      if (c.extra.empty()) {  // the nested case: an unknown member inside the budget line
        wrong.replace(wrong.find(R"("description":null)"), 18, R"("description":null,"note":"x")");
      } else {
        wrong.insert(wrong.size() - 1, c.extra);
      }
      const auto errors = spec.errors(wrong, schema);
      const auto member = c.unknown_member.substr(c.unknown_member.rfind('.') + 1);
      BOOST_TEST(checkerNames(errors, member),
                 "the checker accepted " << wrong << ": " << joined(errors));
      Headers headers;
      const auto record = c.path;
      if (c.if_match) headers = {{"If-Match", etagOf(*c.client, record)}};
      const auto target = c.pattern.ends_with("/transitions") ? record + "/transitions" : record;
      const auto refused = c.method == "POST" ? c.client->post(target, wrong, headers)
                                              : c.client->put(target, wrong, headers);
      BOOST_TEST(refused.status == 422, refused.body);
      BOOST_TEST(namesField(refused, c.unknown_member), refused.body);
      // Nothing was changed by the refusal, so the valid body is still accepted.
      if (c.if_match) headers = {{"If-Match", etagOf(*c.client, record)}};
      const auto accepted = c.method == "POST" ? c.client->post(target, c.valid, headers)
                                               : c.client->put(target, c.valid, headers);
      BOOST_TEST(accepted.status == spec.successStatus(c.method, c.pattern), accepted.body);
      expectSuccess(spec, accepted, c.method, c.pattern, c.path);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
