#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include <optional>
#include <utility>

#include "web/http/api_types.h"
#include "web/http/framing.h"

namespace citygrants::http {

// The one request pipeline: match the route, read the body within its limit, authenticate
// (session cookie with CSRF token, or bearer token), call the route, map refusals to
// problem+json, add the security headers, write the access-log line and the metrics.
class ApiPipeline : public Poco::Net::HTTPRequestHandler {
 public:
  explicit ApiPipeline(ApiContext& ctx, std::optional<FramingRefusal> refusal = std::nullopt)
      : ctx_(ctx), refusal_(std::move(refusal)) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override;

  // The largest request body accepted (bytes).
  static constexpr std::size_t kMaxBody = 1024 * 1024;
  static constexpr const char* kSessionCookie = "cg_session";

 private:
  SharedResponse run(ApiRequest& req, const ApiRoute* route);
  void authenticate(ApiRequest& req, const ApiRoute& route);
  // Calls the route, or answers a signed-in GET from ctx.responses when it may.
  SharedResponse respond(ApiRequest& req, const ApiRoute& route);
  ApiContext& ctx_;
  std::optional<FramingRefusal> refusal_;  // the request's framing is refused: answer only that
};

}  // namespace citygrants::http
