#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include "web/http/api_types.h"

namespace citygrants::http {

// Whether `path` belongs to the browser console rather than the API or operations routes.
bool isConsolePath(const std::string& path);

// Serves the console's files (GET and HEAD): "/" is index.html, "/js/app.js" is js/app.js.
// Answers 304 to a matching If-None-Match, 404 (problem+json) for a file that is not there,
// 405 for any other method; every answer carries the security headers, a metrics entry and an
// access-log line.
class ConsoleHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit ConsoleHandler(ApiContext& ctx) : ctx_(ctx) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override;

 private:
  ApiContext& ctx_;
};

}  // namespace citygrants::http
