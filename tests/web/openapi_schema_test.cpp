#include <set>
#include <string>

#include <Poco/JSON/Array.h>
#include <Poco/String.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/http_fixture.h"
#include "tests/web/json_schema_check.h"
#include "tests/web/openapi_spec.h"
#include "web/http/api_router.h"
#include "web/http/openapi_schemas.h"

using namespace citygrants;
using namespace citygrants::webtest;
using Poco::JSON::Object;

namespace {

// The POST and PUT routes that take no body at all: granting a role, requeueing or discarding a
// dead message is all in the path.
const std::set<std::string> kBodiless = {"PUT /api/v1/users/{id}/roles/{role}",
                                         "POST /api/v1/outbox/{id}/requeue",
                                         "POST /api/v1/outbox/{id}/discard",
                                         "POST /api/v1/account/second-factor",
                                         "POST /api/v1/users/{id}/unlock",
                                         "POST /api/v1/users/{id}/password-reset",
                                         "POST /api/v1/users/{id}/second-factor-reset/confirm"};

bool changesState(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH";
}

// Every object schema reachable from `s` (following references) that allows members it does not
// name, each as the path where it was found.
void openObjects(const Spec& spec, const Object::Ptr& s, const std::string& at,
                 std::set<std::string>& seen, std::vector<std::string>& out) {
  if (s.isNull()) return;
  if (s->has("$ref")) {
    const auto ref = s->getValue<std::string>("$ref");
    if (seen.insert(ref).second)
      openObjects(spec, resolveRef(spec.document(), ref), ref, seen, out);
  }
  if (s->has("properties")) {
    const bool closed = s->has("additionalProperties") &&
                        s->get("additionalProperties").isBoolean() &&
                        !s->getValue<bool>("additionalProperties");
    if (!closed) out.push_back(at);
    const auto props = s->getObject("properties");
    for (const auto& [name, sub] : *props)
      openObjects(spec, props->getObject(name), at + "." + name, seen, out);
  }
  if (s->has("items")) openObjects(spec, s->getObject("items"), at + "[]", seen, out);
  if (const auto any = s->getArray("anyOf"); !any.isNull()) {
    for (unsigned i = 0; i < any->size(); ++i) openObjects(spec, any->getObject(i), at, seen, out);
  }
}

std::vector<std::string> errorsOf(const Spec& spec, const std::string& json,
                                  const std::string& component) {
  return spec.errors(json, spec.component(component));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(openapi_schemas, *boost::unit_test::fixture<EmptyServer>())

BOOST_AUTO_TEST_CASE(every_route_documents_its_success_its_problems_and_its_request_body) {
  const Spec spec(EmptyServer::get());
  for (const auto& route : http::routeTable()) {
    const std::string method = route.method;
    const std::string key = method + " " + route.pattern;
    BOOST_TEST_CONTEXT(key) {
      BOOST_TEST(http::findRouteDoc(route.method, route.pattern) != nullptr,
                 "no row in openapi_routes.cpp");
      const auto op = spec.operation(method, route.pattern);
      BOOST_REQUIRE(!op.isNull());
      const int status = spec.successStatus(method, route.pattern);
      BOOST_TEST(status >= 200, "needs exactly one documented success (2xx) answer");
      if (status >= 200 && status != 204) {
        const auto ok = op->getObject("responses")->getObject(std::to_string(status));
        BOOST_TEST(!ok->getObject("content").isNull(), "the success answer has no content");
      }
      BOOST_TEST(
          !spec.responseSchema(method, route.pattern, 599, "application/problem+json").isNull(),
          "the default answer is not application/problem+json");
      const auto problem = op->getObject("responses")
                               ->getObject("default")
                               ->getObject("content")
                               ->getObject("application/problem+json")
                               ->getObject("schema");
      BOOST_TEST(problem->getValue<std::string>("$ref") == "#/components/schemas/Problem");
      if (changesState(method) && !kBodiless.count(key)) {
        BOOST_TEST(op->has("requestBody"), "a POST, PUT or PATCH without a documented request body");
        const bool json = !spec.requestSchema(method, route.pattern).isNull();
        const bool form =
            !spec.requestSchema(method, route.pattern, "multipart/form-data").isNull();
        BOOST_TEST((json || form), "the request body has no JSON or multipart schema");
      }
      if (!changesState(method) || kBodiless.count(key)) BOOST_TEST(!op->has("requestBody"));
    }
  }
}

BOOST_AUTO_TEST_CASE(the_documentation_rows_name_only_routes_of_the_table) {
  std::set<std::string> routed;
  for (const auto& route : http::routeTable())
    routed.insert(std::string(route.method) + " " + route.pattern);
  std::set<std::string> rows;
  for (const auto& doc : http::routeDocs()) {
    const std::string key = std::string(doc.method) + " " + doc.pattern;
    BOOST_TEST(rows.insert(key).second, "documented twice: " << key);
    BOOST_TEST(routed.count(key) == 1u, "documented but not routed: " << key);
    BOOST_TEST((doc.response == nullptr) == (doc.media == nullptr), key);
    BOOST_TEST((doc.body == http::RequestBody::kNone) == (doc.request == nullptr), key);
  }
  BOOST_TEST(rows.size() == routed.size());
}

BOOST_AUTO_TEST_CASE(every_ref_in_the_document_resolves) {
  const Spec spec(EmptyServer::get());
  const auto refs = refsIn(spec.document());
  BOOST_TEST(refs.size() > 100u);
  for (const auto& [where, ref] : refs) {
    BOOST_TEST(!resolveRef(spec.document(), ref).isNull(),
               where << ": " << ref << " does not resolve");
  }
  BOOST_TEST(resolveRef(spec.document(), "#/components/schemas/NoSuchThing").isNull());
  // Every component is used by some operation or by another component.
  std::set<std::string> used;
  for (const auto& [where, ref] : refs) used.insert(ref);
  for (const auto& [name, s] : *spec.document()->getObject("components")->getObject("schemas")) {
    BOOST_TEST(used.count("#/components/schemas/" + name) == 1u, "unused schema " << name);
  }
}

BOOST_AUTO_TEST_CASE(every_schema_uses_only_keywords_the_checker_knows) {
  const Spec spec(EmptyServer::get());
  const auto schemas = spec.document()->getObject("components")->getObject("schemas");
  BOOST_TEST(schemas->size() >= 60u);
  for (const auto& [name, s] : *schemas) {
    const auto unknown = unknownKeywords(schemas->getObject(name), "#/components/schemas/" + name);
    BOOST_TEST(unknown.empty(), joined(unknown));
  }
}

BOOST_AUTO_TEST_CASE(every_json_request_body_refuses_members_it_does_not_name) {
  const Spec spec(EmptyServer::get());
  for (const auto& route : http::routeTable()) {
    const auto body = spec.requestSchema(route.method, route.pattern);
    if (body.isNull()) continue;
    std::set<std::string> seen;
    std::vector<std::string> open;
    openObjects(spec, body, std::string(route.method) + " " + route.pattern, seen, open);
    BOOST_TEST(open.empty(), "open objects: " << joined(open));
    BOOST_TEST(seen.size() >= 1u);
  }
}

BOOST_AUTO_TEST_CASE(the_checker_refuses_bodies_that_break_the_schema) {
  const Spec spec(EmptyServer::get());
  const std::string money = R"({"amount_minor":100,"currency":"USD","formatted":"USD 1.00"})";
  BOOST_TEST(errorsOf(spec, money, "Money").empty(), joined(errorsOf(spec, money, "Money")));
  struct Case {
    const char* component;
    std::string json;
    const char* expected;  // a word of the error
  };
  const Case cases[] = {
      {"Money", R"({"amount_minor":"100","currency":"USD","formatted":"x"})", "not integer"},
      {"Money", R"({"amount_minor":1.5,"currency":"USD","formatted":"x"})", "not integer"},
      {"Money", R"({"currency":"USD","formatted":"x"})", "required member amount_minor"},
      {"Money", R"({"amount_minor":1,"currency":"USD","formatted":"x","extra":1})", "member extra"},
      {"Money", R"({"amount_minor":1,"currency":"usd","formatted":"x"})", "does not match"},
      {"Money", R"({"amount_minor":null,"currency":"USD","formatted":"x"})", "is null"},
      {"Money", R"([1])", "is array"},
      {"Health", R"({"status":"fine","version":"1"})", "enum"},
      {"Token", R"({"id":1,"name":"t","created_at":"yesterday","revoked_at":null,"scopes":["read"]})", "date-time"},
      {"Token", R"({"id":1,"name":"t","created_at":"2026-01-01T00:00:00.000Z","revoked_at":7,"scopes":["read"]})",
       "not string|null"},
      {"Token", R"({"id":1,"name":"t","created_at":"2026-01-01T00:00:00.000Z","scopes":["read"]})",
       "required member revoked_at"},
      {"NewScore", R"({"criterion_id":1,"score":6})", "above the maximum"},
      {"NewScore", R"({"criterion_id":0,"score":3})", "below the minimum"},
      {"TokenRequest", R"({"name":")" + std::string(101, 'x') + R"("})", "longer than maxLength"},
      {"ProposalContent", R"({"target_groups":["migrants","migrants"]})", "are equal"},
      {"ProposalContent", R"({"target_groups":["aliens"]})", "$.target_groups[0]"},
      {"ProposalContent", R"({"budget":[{"category":"travel","amount_minor":1,"colour":"red"}]})",
       "member colour"},
      {"ProposalSummary",
       R"({"id":1,"reference":"r","state":"draft","version":1,"call_id":1,"city":{"id":1,"name":"K"},"title":"t","language":"en","amount":{"amount_minor":1,"currency":"USD","formatted":"x"},"award":"lots","supporting_org_id":null,"updated_at":"2026-01-01T00:00:00.000Z"})",
       "none of anyOf"},
      {"Problem", R"({"type":"not a uri","title":"t","status":404,"detail":"d","request_id":"r"})",
       "not a URI"},
      {"Problem",
       R"({"type":"https://x/y","title":"t","status":200,"detail":"d","request_id":"r"})",
       "below the minimum"},
      {"Problem",
       R"({"type":"https://x/y","title":"t","status":422,"detail":"d","errors":[],"request_id":"r"})",
       "too few items"},
      {"Problem",
       R"({"type":"https://x/y","title":"t","status":422,"detail":"d","errors":[{"field":"a"}],"request_id":"r"})",
       "required member message"},
      {"TrancheTransition", R"({"event":"submit_concept"})", "enum"},
  };
  for (const auto& c : cases) {
    const auto errors = errorsOf(spec, c.json, c.component);
    BOOST_TEST(!errors.empty(), c.component << " accepted " << c.json);
    BOOST_TEST(joined(errors).find(c.expected) != std::string::npos,
               c.component << ": expected \"" << c.expected << "\" in: " << joined(errors));
  }
  // A schema the checker cannot fully check is an error too, never a silent pass.
  Object::Ptr odd = new Object;
  odd->set("type", "string");
  odd->set("contains", "x");
  BOOST_TEST(!schemaErrors(std::string("x"), odd, spec.document()).empty());
  Object::Ptr dangling = new Object;
  dangling->set("$ref", "#/components/schemas/Nothing");
  BOOST_TEST(joined(schemaErrors(1, dangling, spec.document())).find("unresolved") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_checker_accepts_bodies_that_keep_the_schema) {
  const Spec spec(EmptyServer::get());
  const std::pair<const char*, std::string> cases[] = {
      {"Token", R"({"id":1,"name":"t","created_at":"2026-01-01T00:00:00.000Z","revoked_at":null,"scopes":["read","write"]})"},
      {"ProposalContent", R"({})"},
      {"ProposalContent",
       R"({"language":null,"title":"T","target_groups":["migrants","refugees"],"budget":[{"category":"travel","amount_minor":1}]})"},
      {"NewScore", R"({"criterion_id":1,"score":5,"comment":null})"},
      {"TrancheTransition", R"({"event":"disburse","payment_reference":"PAY-1"})"},
      {"Problem",
       R"({"type":"https://x/y","title":"t","status":422,"detail":"d","errors":[{"field":"a","message":"b"}],"request_id":"r"})"},
      {"NewCall",
       R"({"code":"GCF-2030","title":"T","budget_minor":10,"min_award_minor":1,"max_award_minor":5,"threshold_minor":0,"closes_at":"2030-01-01T00:00:00+02:00"})"},
  };
  for (const auto& [component, json] : cases) {
    const auto errors = errorsOf(spec, json, component);
    BOOST_TEST(errors.empty(), component << ": " << joined(errors));
  }
}

BOOST_AUTO_TEST_SUITE_END()
