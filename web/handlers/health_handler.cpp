#include "web/handlers/health_handler.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "services/db/migrator.h"
#include "web/app/version.h"
#include "web/http/problem_response.h"

namespace citygrants::handlers {

void HealthHandler::handleRequest(Poco::Net::HTTPServerRequest&,
                                  Poco::Net::HTTPServerResponse& response) {
  if (kind_ == kLive) {
    http::sendJson(response, 200,
                   std::string(R"({"status":"ok","version":")") + app::kVersion + "\"}");
    return;
  }
  try {
    db::requireCurrentSchema(ctx_.db);
    http::sendJson(response, 200, R"({"status":"ready"})");
  } catch (const std::exception& e) {
    http::sendProblem(response, 503, "not-ready", "Not ready", e.what());
  }
}

}  // namespace citygrants::handlers
