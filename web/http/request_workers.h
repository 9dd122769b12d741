#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>

#include "web/http/front_door.h"

namespace citygrants::http {

// The request threads: each takes a request the front door has seen arrive, lets Poco read it
// (which does not wait: the bytes are there) and the router answer it, then gives the connection
// back to the front door, kept alive or to be closed. One request per turn, so a kept-alive
// connection never holds a thread between requests.
class RequestWorkers {
 public:
  // `give_back(id, keep_alive)` is called once for every handover, from a request thread.
  RequestWorkers(Poco::Net::HTTPRequestHandlerFactory& factory,
                 Poco::Net::HTTPServerParams::Ptr params, std::size_t threads,
                 std::size_t max_queued, std::function<void(int, bool)> give_back);
  ~RequestWorkers();
  RequestWorkers(const RequestWorkers&) = delete;
  RequestWorkers& operator=(const RequestWorkers&) = delete;

  void start();
  // Answers the requests already taken, then stops every thread.
  void stop();
  // False when max_queued requests already wait for a thread (the front door answers 503).
  bool submit(Handover handover);

 private:
  void run();
  // Answers one request; whether the connection may carry another.
  bool serve(Handover& handover);

  Poco::Net::HTTPRequestHandlerFactory& factory_;
  Poco::Net::HTTPServerParams::Ptr params_;
  std::size_t thread_count_;
  std::size_t max_queued_;
  std::function<void(int, bool)> give_back_;
  std::vector<std::thread> threads_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Handover> queue_;
  bool stopping_ = false;
};

}  // namespace citygrants::http
