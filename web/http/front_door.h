#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include "web/http/canned_refusal.h"

namespace citygrants::http {

class Metrics;

// How long a client may take, and how many connections it and everyone may hold.
struct FrontDoorLimits {
  std::chrono::milliseconds header_timeout{10'000};  // request line and headers, in all
  std::chrono::milliseconds body_grace{10'000};      // the body: this, plus its bytes at
  std::size_t body_min_rate = 4096;                  // at least this many a second
  std::chrono::milliseconds idle_timeout{5'000};     // a kept-alive connection between requests
  std::size_t max_header_bytes = 32 * 1024;          // 431 past it
  std::uint64_t max_body_bytes = 1024 * 1024;  // the largest body a route takes: paces a chunked one
  std::size_t read_window = 64 * 1024;  // a request up to this size is read whole before a thread
  std::size_t max_connections = 10'000;
  std::size_t max_per_address = 100;
  std::size_t max_queued = 64;           // complete requests waiting for a thread; 503 past it
  std::size_t big_body_threads = 4;      // threads that may read a body larger than read_window
  int max_requests_per_connection = 1000;
  std::vector<std::string> uncapped_addresses;  // e.g. a trusted reverse proxy
};

// A request ready for a thread: its connection, with the request line, headers and (unless it is
// larger than the read window, or chunked) its whole body already received by the kernel.
struct Handover {
  int id = 0;  // the connection's key in the front door
  Poco::Net::StreamSocket socket;
  std::string client;  // the peer's address
  bool may_keep_alive = true;
  // For a body larger than the read window (or chunked): when it must have arrived by, at the
  // minimum rate. The request thread's reads stop there (408).
  std::optional<std::chrono::steady_clock::time_point> body_deadline;
};

// The reading stage before the request threads (issue 14): one thread that accepts connections
// and waits, with epoll, until a request has fully arrived, peeking at the bytes without
// consuming them, so that Poco then reads the request on a request thread without waiting. A
// client that sends slowly holds a file descriptor here, never a thread.
//  - Deadlines: the request line and headers within header_timeout of the first byte (of the
//    accept, for a new connection); the body within body_grace plus its size at body_min_rate;
//    past either, 408 and the connection closed. A kept-alive connection idle past idle_timeout
//    is closed without an answer.
//  - Caps: max_per_address connections per client address (429), max_connections in all and
//    max_queued complete requests waiting for a thread (503); each with Retry-After.
//  - A body larger than read_window is read by a request thread (at most big_body_threads at
//    once; others wait here), under the minimum rate that ApiPipeline's body reader enforces.
// Refusals are answered here, without a thread: problem+json, an access-log line, the input
// drained for up to a second so that the answer is not lost to a reset, then closed.
class FrontDoor {
 public:
  // `dispatch` takes a request to a thread and returns false when max_queued are already waiting.
  using Dispatch = std::function<bool(Handover)>;
  FrontDoor(Poco::Net::ServerSocket& listener, FrontDoorLimits limits, Dispatch dispatch, Metrics* metrics);
  ~FrontDoor();
  FrontDoor(const FrontDoor&) = delete;
  FrontDoor& operator=(const FrontDoor&) = delete;

  void start();
  // Stops accepting and closes every connection that is not with a request thread.
  void stop();
  // A request thread is done with a connection: it waits here for its next request, or is closed.
  // Thread-safe.
  void giveBack(int id, bool keep_alive);

 private:
  enum class Phase { kNew, kIdle, kHead, kBody, kWaitingForThread, kWithThread, kDraining };
  struct Connection {
    Poco::Net::StreamSocket socket;
    std::string client;
    Phase phase = Phase::kNew;
    std::chrono::steady_clock::time_point began;     // this request (or the accept)
    std::chrono::steady_clock::time_point deadline;
    std::size_t need = 0;  // head + body bytes, once the head is complete
    bool big = false;      // larger than the read window: read by a request thread
    bool unknown_length = false;  // chunked, or Content-Length malformed: handed over at once
    bool continue_sent = false;
    int requests = 0;
  };
  using Clock = std::chrono::steady_clock;

  void run();
  void acceptAll();
  void examine(int fd, Connection& c, bool peer_closed);
  void handOver(int fd, Connection& c);
  void refuse(int fd, Connection& c, const Refusal& refusal, std::string_view method = {},
              std::string_view target = {});
  void drain(int fd, Connection& c);
  void expire(Clock::time_point now);
  void takeBack();
  void watch(int fd);
  void close(int fd);
  void pauseAccepting(bool paused);
  bool uncapped(const std::string& client) const;

  Poco::Net::ServerSocket& listener_;
  FrontDoorLimits limits_;
  Dispatch dispatch_;
  Metrics* metrics_;
  int epoll_ = -1;
  int wake_ = -1;  // an eventfd: a connection was given back, or stop
  std::thread thread_;

  std::unordered_map<int, Connection> connections_;  // by file descriptor
  std::unordered_map<std::string, std::size_t> per_address_;
  std::vector<int> waiting_big_;  // complete heads of large bodies waiting for a thread
  std::size_t big_with_threads_ = 0;
  std::vector<char> peek_;
  bool accept_paused_ = false;  // out of file descriptors: retried at the next tick

  std::mutex returned_mutex_;
  std::vector<std::pair<int, bool>> returned_;  // (id, keep alive)
  bool stop_requested_ = false;
};

}  // namespace citygrants::http
