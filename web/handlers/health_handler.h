#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include "web/http/server_context.h"

namespace citygrants::handlers {

// GET /healthz: the process answers. GET /readyz: the database answers and its schema is the
// one this binary knows; 503 otherwise.
class HealthHandler : public Poco::Net::HTTPRequestHandler {
 public:
  enum Kind { kLive, kReady };
  HealthHandler(http::ServerContext& ctx, Kind kind) : ctx_(ctx), kind_(kind) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override;

 private:
  http::ServerContext& ctx_;
  Kind kind_;
};

}  // namespace citygrants::handlers
