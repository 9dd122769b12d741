#include "services/exports/workflow_json.h"
#include "web/app/version.h"
#include "web/handlers/routes.h"
#include "web/http/api_router.h"
#include "web/http/json_encode.h"

namespace citygrants::handlers {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The {name} segments of a pattern as OpenAPI path parameters.
http::JsonArray pathParameters(const std::string& pattern) {
  http::JsonArray out = new Poco::JSON::Array;
  for (std::size_t at = pattern.find('{'); at != std::string::npos; at = pattern.find('{', at + 1)) {
    const auto end = pattern.find('}', at);
    auto p = http::object();
    const auto name = pattern.substr(at + 1, end - at - 1);
    p->set("name", name);
    p->set("in", "path");
    p->set("required", true);
    auto schema = http::object();
    if (name == "id") {
      schema->set("type", "integer");
      schema->set("minimum", 1);
    } else {
      schema->set("type", "string");
    }
    p->set("schema", schema);
    out->add(p);
  }
  return out;
}

http::JsonObject operation(const http::ApiRoute& route) {
  auto op = http::object();
  op->set("summary", route.summary);
  op->set("tags", http::strings({route.tag}));
  op->set("operationId", lower(route.method) + std::string(route.pattern));
  if (auto params = pathParameters(route.pattern); params->size() > 0) op->set("parameters", params);
  if (route.access == http::Access::kPublic) op->set("security", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
  auto responses = http::object();
  auto ok = http::object();
  ok->set("description", "success");
  responses->set("200", ok);
  auto problem = http::object();
  problem->set("description", "a problem (RFC 9457 application/problem+json)");
  responses->set("default", problem);
  op->set("responses", responses);
  return op;
}

}  // namespace

ApiResponse getWorkflows(ApiContext&, ApiRequest&) {
  static const std::string kBody = exports::workflowJson();  // the tables are compiled in
  ApiResponse r;
  r.body = kBody;
  return r;
}

ApiResponse getOpenApi(ApiContext&, ApiRequest&) {
  auto doc = http::object();
  doc->set("openapi", "3.1.0");
  auto info = http::object();
  info->set("title", "citygrants API");
  info->set("version", app::kVersion);
  info->set("description", "The grant pipeline of the Global Cities Fund for Migrants and Refugees.");
  doc->set("info", info);
  auto paths = http::object();
  for (const auto& route : http::routeTable()) {
    if (!paths->has(route.pattern)) paths->set(route.pattern, http::object());
    paths->getObject(route.pattern)->set(lower(route.method), operation(route));
  }
  doc->set("paths", paths);
  auto schemes = http::object();
  auto cookie = http::object();
  cookie->set("type", "apiKey");
  cookie->set("in", "cookie");
  cookie->set("name", "cg_session");
  schemes->set("session", cookie);
  auto bearer = http::object();
  bearer->set("type", "http");
  bearer->set("scheme", "bearer");
  schemes->set("bearer", bearer);
  auto components = http::object();
  components->set("securitySchemes", schemes);
  doc->set("components", components);
  return http::jsonResponse(doc);
}

}  // namespace citygrants::handlers
