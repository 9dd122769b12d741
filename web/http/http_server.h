#pragma once

#include <memory>
#include <string>

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Timespan.h>

#include "web/http/front_door.h"
#include "web/http/request_workers.h"

namespace citygrants::http {

struct HttpServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port (tests)
  std::size_t threads = 16;
  Poco::Timespan socket_timeout{15, 0};  // one read or write of a request thread
  int backlog = 1024;
  FrontDoorLimits limits;
};

// The HTTP server: a listening socket, the front door that reads requests until they have
// arrived, and the request threads that answer them (see FrontDoor for why). Stops in its
// destructor if stop() was not called.
class HttpServer {
 public:
  // `factory` is owned by the server. `metrics` (may be null) counts the front door's refusals.
  HttpServer(Poco::Net::HTTPRequestHandlerFactory* factory, HttpServerOptions options,
             Metrics* metrics);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const { return port_; }
  void start();
  // Stops accepting, answers the requests already with a thread, closes every connection.
  void stop();

 private:
  std::unique_ptr<Poco::Net::HTTPRequestHandlerFactory> factory_;
  Poco::Net::ServerSocket listener_;
  int port_ = 0;
  std::unique_ptr<RequestWorkers> workers_;
  std::unique_ptr<FrontDoor> front_;
  bool stopped_ = false;
};

}  // namespace citygrants::http
