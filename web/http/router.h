#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "web/http/server_context.h"

namespace citygrants::http {

// One route: a method and an exact path, and how to make its handler.
struct Route {
  std::string method;
  std::string path;
  std::function<Poco::Net::HTTPRequestHandler*(ServerContext&)> make;
};

// Every route of the server, registered in one place.
std::vector<Route> routeTable();

// Picks the handler of the matching route; an unknown path gets a 404 handler and a known path
// with another method a 405 handler (never null, which Poco would answer with 501).
class Router : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Router(ServerContext ctx) : ctx_(ctx), routes_(routeTable()) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override;

 private:
  ServerContext ctx_;
  std::vector<Route> routes_;
};

}  // namespace citygrants::http
