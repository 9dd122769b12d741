#include "web/http/router.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include "web/handlers/health_handler.h"
#include "web/http/problem_response.h"

namespace citygrants::http {
namespace {

// Answers a fixed problem: 404 for an unknown path, 405 for a known path with another method.
class StatusHandler : public Poco::Net::HTTPRequestHandler {
 public:
  StatusHandler(int status, std::string type, std::string title)
      : status_(status), type_(std::move(type)), title_(std::move(title)) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    sendProblem(response, status_, type_, title_, request.getMethod() + " " + request.getURI());
  }

 private:
  int status_;
  std::string type_;
  std::string title_;
};

}  // namespace

std::vector<Route> routeTable() {
  using handlers::HealthHandler;
  // clang-format off
  return {
    {"GET", "/healthz", [](ServerContext& c) { return new HealthHandler(c, HealthHandler::kLive); }},
    {"GET", "/readyz",  [](ServerContext& c) { return new HealthHandler(c, HealthHandler::kReady); }},
  };
  // clang-format on
}

Poco::Net::HTTPRequestHandler* Router::createRequestHandler(
    const Poco::Net::HTTPServerRequest& request) {
  const std::string path = Poco::URI(request.getURI()).getPath();
  bool path_known = false;
  for (const auto& route : routes_) {
    if (route.path != path) continue;
    path_known = true;
    if (route.method == request.getMethod()) return route.make(ctx_);
  }
  if (path_known) return new StatusHandler(405, "method-not-allowed", "Method not allowed");
  return new StatusHandler(404, "not-found", "Not found");
}

}  // namespace citygrants::http
