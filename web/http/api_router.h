#pragma once

#include <map>
#include <span>
#include <string>
#include <vector>

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "web/http/api_types.h"

namespace citygrants::http {

// Every route of the server, registered in one place (route_table.cpp).
std::span<const ApiRoute> routeTable();

// The route whose pattern matches `path` for `method`, with its {params}; `path_known` tells
// whether any method matches the path (405 rather than 404).
struct RouteMatch {
  const ApiRoute* route = nullptr;
  std::map<std::string, std::string> params;
  bool path_known = false;
  std::string allowed;  // "GET, POST" for a 405's Allow header
};
RouteMatch matchRoute(std::span<const ApiRoute> routes, const std::string& method,
                      const std::string& path);

// Hands every request to the pipeline (never null, which Poco would answer with 501).
class ApiRouter : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit ApiRouter(ApiContext& ctx) : ctx_(ctx) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override;

 private:
  ApiContext& ctx_;
};

}  // namespace citygrants::http
