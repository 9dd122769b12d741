#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include "web/http/api_types.h"

namespace citygrants::http {

// The one request pipeline: match the route, read the body within its limit, authenticate
// (session cookie with CSRF token, or bearer token), call the route, map refusals to
// problem+json, add the security headers, write the access-log line and the metrics.
class ApiPipeline : public Poco::Net::HTTPRequestHandler {
 public:
  explicit ApiPipeline(ApiContext& ctx) : ctx_(ctx) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override;

  // The largest request body accepted (bytes).
  static constexpr std::size_t kMaxBody = 1024 * 1024;
  static constexpr const char* kSessionCookie = "cg_session";

 private:
  ApiResponse run(ApiRequest& req, const ApiRoute* route);
  void authenticate(ApiRequest& req, const ApiRoute& route);
  // Calls the route, or answers a signed-in GET from ctx.responses when it may.
  ApiResponse respond(ApiRequest& req, const ApiRoute& route);
  ApiContext& ctx_;
};

}  // namespace citygrants::http
