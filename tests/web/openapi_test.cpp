#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

#include <Poco/JSON/Array.h>
#include <Poco/String.h>

#include "tests/web/http_fixture.h"
#include "web/http/api_router.h"

using namespace citygrants;
using webtest::EmptyServer;

namespace {

const char* const kMethods[] = {"get", "put", "post", "delete", "patch", "head", "options", "trace"};

Poco::JSON::Object::Ptr fetchDocument() {
  const auto r = EmptyServer::get().client().get("/api/v1/openapi.json");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_REQUIRE_EQUAL(r.mediaType(), "application/json");
  BOOST_REQUIRE(!r.json.isNull());
  return r.json;
}

// "{id}", "{role}": the names between braces in a path template.
std::set<std::string> templateNames(const std::string& path) {
  std::set<std::string> out;
  for (auto at = path.find('{'); at != std::string::npos; at = path.find('{', at + 1)) {
    out.insert(path.substr(at + 1, path.find('}', at) - at - 1));
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(openapi, *boost::unit_test::fixture<EmptyServer>())

BOOST_AUTO_TEST_CASE(the_document_is_openapi_3_1_and_public) {
  const auto doc = fetchDocument();
  BOOST_TEST(doc->getValue<std::string>("openapi").starts_with("3.1"));
  BOOST_REQUIRE(doc->getObject("info"));
  BOOST_TEST(!doc->getObject("info")->getValue<std::string>("title").empty());
  BOOST_TEST(!doc->getObject("info")->getValue<std::string>("version").empty());
  BOOST_REQUIRE(doc->getObject("paths"));
}

BOOST_AUTO_TEST_CASE(the_document_and_the_router_list_the_same_routes) {
  const auto paths = fetchDocument()->getObject("paths");
  std::set<std::string> documented;
  for (const auto& [path, item] : *paths) {
    const auto ops = item.extract<Poco::JSON::Object::Ptr>();
    for (const auto& [method, op] : *ops) {
      if (method == "parameters" || method == "summary" || method == "description") continue;
      documented.insert(Poco::toUpper(method) + " " + path);
    }
  }
  std::set<std::string> routed;
  for (const auto& route : http::routeTable()) routed.insert(std::string(route.method) + " " + route.pattern);
  for (const auto& r : routed) BOOST_TEST(documented.count(r) == 1u, "undocumented route: " << r);
  for (const auto& d : documented) BOOST_TEST(routed.count(d) == 1u, "documented but not routed: " << d);
  BOOST_TEST(documented.size() == http::routeTable().size());
}

BOOST_AUTO_TEST_CASE(every_operation_declares_its_path_parameters_and_answers) {
  const auto paths = fetchDocument()->getObject("paths");
  std::set<std::string> operation_ids;
  for (const auto& [path, item] : *paths) {
    const auto names = templateNames(path);
    const auto ops = item.extract<Poco::JSON::Object::Ptr>();
    for (const char* method : kMethods) {
      if (!ops->has(method)) continue;
      const auto op = ops->getObject(method);
      const std::string where = std::string(method) + " " + path;
      std::set<std::string> declared;
      for (const auto& params : {ops->getArray("parameters"), op->getArray("parameters")}) {
        if (params.isNull()) continue;
        for (std::size_t i = 0; i < params->size(); ++i) {
          const auto p = params->getObject(static_cast<unsigned>(i));
          if (p->getValue<std::string>("in") != "path") continue;
          BOOST_TEST(p->getValue<bool>("required"), where << ": " << p->getValue<std::string>("name"));
          BOOST_TEST(p->has("schema"), where);
          declared.insert(p->getValue<std::string>("name"));
        }
      }
      BOOST_TEST((declared == names), where << ": path parameters declared differ from the template");
      BOOST_TEST(op->has("summary"), where);
      BOOST_REQUIRE_MESSAGE(op->getObject("responses"), where << " has no responses");
      BOOST_TEST(op->getObject("responses")->size() > 0u, where);
      if (op->has("operationId")) {
        BOOST_TEST(operation_ids.insert(op->getValue<std::string>("operationId")).second, where);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(public_routes_need_no_security_and_the_schemes_are_declared) {
  const auto doc = fetchDocument();
  const auto schemes = doc->getObject("components")->getObject("securitySchemes");
  BOOST_REQUIRE(schemes);
  BOOST_TEST(schemes->size() >= 2u);
  const auto paths = doc->getObject("paths");
  for (const auto& route : http::routeTable()) {
    const auto op = paths->getObject(route.pattern)->getObject(Poco::toLower(std::string(route.method)));
    const bool open = op->has("security") && op->getArray("security")->size() == 0;
    BOOST_TEST(open == (route.access == http::Access::kPublic), route.method << " " << route.pattern);
  }
}

BOOST_AUTO_TEST_SUITE_END()
