#pragma once

#include <span>
#include <string_view>

#include "web/http/json_encode.h"

// What each route takes and answers, for the OpenAPI document (GET /api/v1/openapi.json): one
// row per route of the route table, and the component schemas the rows name.
namespace citygrants::http {

// How a route's request body is sent. kJsonOrMultipart: JSON of the row's `request` schema, or
// multipart/form-data of the schema named `request` + "Form" (a message with files).
enum class RequestBody { kNone, kJson, kMultipart, kJsonOrMultipart };

// Headers a route reads or writes, as a bit mask on its row.
enum RouteHeaders : unsigned {
  kNoHeaders = 0,
  kIfMatch = 1u << 0,         // reads If-Match (428 without it, 412 when stale)
  kIdempotencyKey = 1u << 1,  // reads Idempotency-Key (optional)
  kETag = 1u << 2,            // answers the record's version as ETag
  kLocation = 1u << 3,        // answers the new record's address as Location
  kSetCookie = 1u << 4,       // sets or clears the session cookie
  kDownload = 1u << 5,        // answers Content-Disposition: attachment and X-Content-SHA256
  kExport = 1u << 6,          // answers Content-Disposition: attachment (LIST-DAY.EXT) and X-Export-Rows
  kRateLimited = 1u << 7,     // may answer 429 with Retry-After
  kPublishedFile = 1u << 8,   // a file with an ETag of its bytes and Last-Modified; 304 when current
  kMayBeBusy = 1u << 9,       // may answer 503 with Retry-After while too many run at once
};

// The success response and request body of one route.
struct RouteDoc {
  const char* method;
  const char* pattern;
  RequestBody body;
  const char* request;   // component schema of the body; null when the route takes none
  int status;            // the status of success
  const char* response;  // component schema of the success body; null when there is no body
  const char* media;     // media types of the success body, space-separated; null when none
  unsigned headers = kNoHeaders;
};

// Every documented route, in route table order.
std::span<const RouteDoc> routeDocs();

// The row of `method` `pattern`, or null when the route is not documented.
const RouteDoc* findRouteDoc(std::string_view method, std::string_view pattern);

// The query parameters of `method` `pattern` as OpenAPI parameter objects (empty when none).
JsonArray queryParameters(std::string_view method, std::string_view pattern);

// components.schemas: every schema the rows name, and those they refer to.
JsonObject componentSchemas();

}  // namespace citygrants::http
