#include <cctype>
#include <sstream>

#include "modules/access/role.h"
#include "modules/exports/table.h"
#include "web/app/version.h"
#include "web/handlers/routes.h"
#include "web/http/api_router.h"
#include "web/http/json_encode.h"
#include "web/http/openapi_schemas.h"
#include "web/http/schema_builder.h"

namespace citygrants::handlers {
namespace {

namespace schema = http::schema;

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

http::JsonObject parameter(const std::string& name, const std::string& in, bool required,
                           const http::JsonObject& s, const std::string& description = "") {
  auto p = http::object();
  p->set("name", name);
  p->set("in", in);
  p->set("required", required);
  if (!description.empty()) p->set("description", description);
  p->set("schema", s);
  return p;
}

// The {name} segments of a pattern as OpenAPI path parameters.
void addPathParameters(const std::string& pattern, http::JsonArray out) {
  for (std::size_t at = pattern.find('{'); at != std::string::npos;
       at = pattern.find('{', at + 1)) {
    const auto end = pattern.find('}', at);
    const auto name = pattern.substr(at + 1, end - at - 1);
    if (name == "role") {
      std::vector<std::string> roles;
      for (auto r : access::kAllRoles) roles.emplace_back(access::roleName(r));
      out->add(parameter(name, "path", true, schema::choice(roles)));
    } else if (name == "file") {
      std::vector<std::string> files;
      for (auto list : exports::kListNames) {
        for (auto format : exports::kFormatNames) files.push_back(std::string(list) + "." + std::string(format));
      }
      out->add(parameter(name, "path", true, schema::choice(files), "the list and the format"));
    } else if (name == "id") {
      out->add(parameter(name, "path", true, schema::atLeast(1)));
    } else if (name == "n") {
      out->add(parameter(name, "path", true, schema::atLeast(1), "a message's file, from 1"));
    } else {
      out->add(parameter(name, "path", true, schema::text()));
    }
  }
}

http::JsonArray parameters(const http::ApiRoute& route, const http::RouteDoc* doc) {
  http::JsonArray out = new Poco::JSON::Array;
  addPathParameters(route.pattern, out);
  const unsigned headers = doc != nullptr ? doc->headers : 0;
  if (headers & http::kIfMatch) {
    out->add(
        parameter("If-Match", "header", true, schema::text(),
                  "the ETag of the version you read, like \"v3\" (428 without, 412 when stale)"));
  }
  if (headers & http::kPublishedFile) {
    out->add(parameter("If-None-Match", "header", false, schema::text(),
                       "the ETag of the copy you hold: 304 while it is current"));
    out->add(parameter("If-Modified-Since", "header", false, schema::text(),
                       "an HTTP date (without If-None-Match): 304 unless changed since"));
  }
  if (headers & http::kIdempotencyKey) {
    out->add(
        parameter("Idempotency-Key", "header", false, schema::text(200),
                  "1 to 200 characters; a disbursement retried with the same key happens once"));
  }
  const auto query = http::queryParameters(route.method, route.pattern);
  for (const auto& q : *query) out->add(q);
  return out;
}

http::JsonObject mediaOf(const std::string& component) {
  auto m = http::object();
  m->set("schema", schema::ref(component));
  return m;
}

http::JsonObject requestBody(const http::RouteDoc& doc) {
  auto content = http::object();
  content->set(
      doc.body == http::RequestBody::kMultipart ? "multipart/form-data" : "application/json",
      mediaOf(doc.request));
  if (doc.body == http::RequestBody::kJsonOrMultipart) {
    content->set("multipart/form-data", mediaOf(std::string(doc.request) + "Form"));
  }
  auto body = http::object();
  body->set("required", true);
  body->set("content", content);
  return body;
}

http::JsonObject responseHeaders(unsigned headers) {
  auto out = http::object();
  auto add = [&](const char* name, const char* description) {
    auto h = http::object();
    h->set("description", description);
    h->set("schema", schema::text());
    out->set(name, h);
  };
  if (headers & http::kETag) add("ETag", "the record's version, \"v3\": send it back as If-Match");
  if (headers & http::kLocation) add("Location", "the new record's address");
  if (headers & http::kSetCookie)
    add("Set-Cookie", "the session cookie cg_session (HttpOnly, SameSite=Strict)");
  if (headers & http::kDownload) {
    add("Content-Disposition", "attachment; filename*=UTF-8''NAME");
    add("X-Content-SHA256", "the SHA-256 of the bytes, in hex");
  }
  if (headers & http::kExport) {
    add("Content-Disposition", "attachment; filename=\"proposals-2026-12-03.csv\": the list, the UTC day");
    add("X-Export-Rows", "the number of rows under the header");
  }
  if (headers & http::kPublishedFile) {
    add("ETag", "a strong tag of the file's bytes");
    add("Last-Modified", "the latest change to a grant it holds");
    add("Content-Disposition", "attachment; filename=\"NAME\"");
  }
  return out;
}

// 429 of a rate-limited route, or 503 of a route that may be busy: a problem, and when to try
// again.
http::JsonObject retryLater(const char* description) {
  auto answer = http::object();
  answer->set("description", description);
  auto retry = http::object();
  retry->set("description", "whole seconds until the request may succeed");
  retry->set("schema", schema::atLeast(1));
  auto headers = http::object();
  headers->set("Retry-After", retry);
  answer->set("headers", headers);
  auto content = http::object();
  content->set("application/problem+json", mediaOf("Problem"));
  answer->set("content", content);
  return answer;
}

http::JsonObject success(const http::RouteDoc& doc) {
  auto ok = http::object();
  ok->set("description", doc.response != nullptr ? "success" : "success, no body");
  if (auto headers = responseHeaders(doc.headers); headers->size() > 0) ok->set("headers", headers);
  if (doc.response != nullptr) {
    auto content = http::object();
    std::istringstream media(doc.media);
    for (std::string type; media >> type;) content->set(type, mediaOf(doc.response));
    ok->set("content", content);
  }
  return ok;
}

http::JsonObject responses(const http::RouteDoc* doc) {
  auto out = http::object();
  if (doc != nullptr) out->set(std::to_string(doc->status), success(*doc));
  if (doc != nullptr && (doc->headers & http::kRateLimited)) {
    out->set("429", retryLater("too many requests: try again after Retry-After seconds"));
  }
  if (doc != nullptr && (doc->headers & http::kMayBeBusy)) {
    out->set("503",
             retryLater("too many such requests at once: try again after Retry-After seconds"));
  }
  if (doc != nullptr && (doc->headers & http::kPublishedFile) != 0) {
    auto same = http::object();
    same->set("description", "not modified: the copy the client holds is current");
    out->set("304", same);
  }
  auto problem = http::object();
  problem->set("description", "a refusal or an error (RFC 9457)");
  auto content = http::object();
  content->set("application/problem+json", mediaOf("Problem"));
  problem->set("content", content);
  out->set("default", problem);
  return out;
}

http::JsonObject operation(const http::ApiRoute& route) {
  const auto* doc = http::findRouteDoc(route.method, route.pattern);
  auto op = http::object();
  op->set("summary", route.summary);
  op->set("tags", http::strings({route.tag}));
  op->set("operationId", lower(route.method) + std::string(route.pattern));
  if (auto params = parameters(route, doc); params->size() > 0) op->set("parameters", params);
  if (route.access == http::Access::kPublic) {
    op->set("security", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
  }
  if (doc != nullptr && doc->body != http::RequestBody::kNone)
    op->set("requestBody", requestBody(*doc));
  op->set("responses", responses(doc));
  return op;
}

http::JsonObject securitySchemes() {
  auto schemes = http::object();
  auto cookie = http::object();
  cookie->set("type", "apiKey");
  cookie->set("in", "cookie");
  cookie->set("name", "cg_session");
  cookie->set("description", "changes also send X-CSRF-Token: the csrf_token of the sign-in");
  schemes->set("session", cookie);
  auto bearer = http::object();
  bearer->set("type", "http");
  bearer->set("scheme", "bearer");
  schemes->set("bearer", bearer);
  return schemes;
}

std::string document() {
  auto doc = http::object();
  doc->set("openapi", "3.1.0");
  auto info = http::object();
  info->set("title", "citygrants API");
  info->set("version", app::kVersion);
  info->set("description",
            "The grant pipeline of the Global Cities Fund for Migrants and Refugees.");
  doc->set("info", info);
  auto paths = http::object();
  for (const auto& route : http::routeTable()) {
    if (!paths->has(route.pattern)) paths->set(route.pattern, http::object());
    paths->getObject(route.pattern)->set(lower(route.method), operation(route));
  }
  doc->set("paths", paths);
  http::JsonArray security = new Poco::JSON::Array;
  for (const char* scheme : {"session", "bearer"}) {
    auto requirement = http::object();
    requirement->set(scheme, Poco::JSON::Array::Ptr(new Poco::JSON::Array));
    security->add(requirement);
  }
  doc->set("security", security);
  auto components = http::object();
  components->set("schemas", http::componentSchemas());
  components->set("securitySchemes", securitySchemes());
  doc->set("components", components);
  std::ostringstream out;
  doc->stringify(out);
  return out.str();
}

}  // namespace

ApiResponse getOpenApi(ApiContext&, ApiRequest&) {
  static const std::string kBody = document();  // the route table and schemas are compiled in
  ApiResponse r;
  r.body = kBody;
  return r;
}

}  // namespace citygrants::handlers
