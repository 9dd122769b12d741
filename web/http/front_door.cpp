#include "web/http/front_door.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocketImpl.h>

#include "services/crypto/digest.h"
#include "services/log/log_line.h"
#include "web/http/request_head.h"

namespace citygrants::http {
namespace {

constexpr auto kTick = std::chrono::milliseconds(100);     // how often deadlines are looked at
constexpr auto kDrainFor = std::chrono::milliseconds(1000);  // a refused client's input, read away
constexpr char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";

std::string seconds(std::chrono::milliseconds ms) { return std::to_string(ms.count() / 1000); }

Refusal timeout(std::string detail) {
  return {408, "request-timeout", "Request timeout", std::move(detail), 0};
}

Refusal busy(std::string detail) {
  return {503, "server-busy", "Server busy", std::move(detail), 1};
}

void writeNow(int fd, std::string_view bytes) {
  // Small answers on a fresh socket buffer: all or nothing in practice; never blocks.
  (void)::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

}  // namespace

FrontDoor::FrontDoor(Poco::Net::ServerSocket& listener, FrontDoorLimits limits, Dispatch dispatch,
                     Metrics* metrics)
    : listener_(listener),
      limits_(std::move(limits)),
      dispatch_(std::move(dispatch)),
      metrics_(metrics),
      peek_(limits_.max_header_bytes + limits_.read_window) {}

FrontDoor::~FrontDoor() {
  stop();
  for (auto& [fd, c] : connections_) c.socket.close();
  if (epoll_ >= 0) ::close(epoll_);
  if (wake_ >= 0) ::close(wake_);
}

void FrontDoor::start() {
  epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (epoll_ < 0 || wake_ < 0) throw std::runtime_error(std::string("epoll: ") + std::strerror(errno));
  listener_.setBlocking(false);
  for (const int fd : {listener_.impl()->sockfd(), wake_}) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = fd;
    if (::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev) != 0) {
      throw std::runtime_error(std::string("epoll_ctl: ") + std::strerror(errno));
    }
  }
  thread_ = std::thread([this] { run(); });
}

void FrontDoor::stop() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard lock(returned_mutex_);
    stop_requested_ = true;
  }
  const std::uint64_t one = 1;
  (void)::write(wake_, &one, sizeof one);
  thread_.join();
  for (auto& [fd, c] : connections_) {
    if (c.phase != Phase::kWithThread) c.socket.close();
  }
}

void FrontDoor::giveBack(int id, bool keep_alive) {
  {
    std::lock_guard lock(returned_mutex_);
    returned_.emplace_back(id, keep_alive);
  }
  const std::uint64_t one = 1;
  (void)::write(wake_, &one, sizeof one);
}

void FrontDoor::run() {
  std::vector<epoll_event> events(512);
  auto next_tick = Clock::now() + kTick;
  for (;;) {
    const int n = ::epoll_wait(epoll_, events.data(), static_cast<int>(events.size()),
                               static_cast<int>(kTick.count()));
    if (n < 0 && errno != EINTR) {
      logs::LogLine("error", "epoll_failed").text("detail", std::strerror(errno)).write(logs::Stream::kApp);
      return;
    }
    for (int i = 0; i < n; ++i) {
      const int fd = events[static_cast<std::size_t>(i)].data.fd;
      const auto what = events[static_cast<std::size_t>(i)].events;
      if (fd == listener_.impl()->sockfd()) {
        acceptAll();
      } else if (fd == wake_) {
        std::uint64_t count = 0;
        (void)::read(wake_, &count, sizeof count);
        {
          std::lock_guard lock(returned_mutex_);
          if (stop_requested_) return;
        }
        takeBack();
      } else if (auto it = connections_.find(fd); it != connections_.end()) {
        if (it->second.phase == Phase::kDraining) {
          drain(fd, it->second);
        } else {
          examine(fd, it->second, (what & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) != 0);
        }
      }
    }
    const auto now = Clock::now();
    if (now >= next_tick) {
      expire(now);
      next_tick = now + kTick;
    }
  }
}

void FrontDoor::acceptAll() {
  for (;;) {
    sockaddr_storage peer{};
    socklen_t length = sizeof peer;
    const int fd = ::accept4(listener_.impl()->sockfd(), reinterpret_cast<sockaddr*>(&peer), &length,
                             SOCK_CLOEXEC);  // blocking, for the request threads; every
                                             // call here says MSG_DONTWAIT or cannot block
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) {
        logs::LogLine("warn", "accept_failed").text("detail", std::strerror(errno)).write(logs::Stream::kApp);
        pauseAccepting(true);  // e.g. out of file descriptors: not a busy loop on the listener
      }
      return;
    }
    Poco::Net::StreamSocket socket(new Poco::Net::StreamSocketImpl(fd));
    // An answer leaves in several writes (Poco's 4 KiB stream buffer): without TCP_NODELAY the
    // last part of any answer over 4 KiB waited for the client's delayed ACK, 40 ms on Linux.
    socket.setNoDelay(true);
    const auto now = Clock::now();
    Connection c{socket, Poco::Net::SocketAddress(reinterpret_cast<sockaddr*>(&peer), length).host().toString(),
                 Phase::kNew, now, now + limits_.header_timeout};
    const auto on_address = ++per_address_[c.client];
    const bool capped = !uncapped(c.client);
    auto& added = connections_.emplace(fd, std::move(c)).first->second;
    // Far over a cap, a connection is dropped unanswered: answering costs a descriptor for a
    // second, and a flood must not turn into a flood of answers.
    const std::size_t total = connections_.size();
    if (total > limits_.max_connections + limits_.max_connections / 8 ||
        (capped && on_address > 2 * limits_.max_per_address)) {
      close(fd);
      continue;
    }
    watch(fd);
    if (total > limits_.max_connections) {
      refuse(fd, added, busy("the server has too many connections open; try again shortly"));
    } else if (capped && on_address > limits_.max_per_address) {
      refuse(fd, added, {429, "too-many-connections", "Too many connections",
                         "at most " + std::to_string(limits_.max_per_address) +
                             " connections at once from one address",
                         5});
    }
  }
}

void FrontDoor::examine(int fd, Connection& c, bool peer_closed) {
  if (c.phase == Phase::kWithThread || c.phase == Phase::kWaitingForThread) return;
  const auto now = Clock::now();
  if (c.phase == Phase::kBody) {  // the head is known: count the bytes, do not copy them
    int queued = 0;
    if (::ioctl(fd, FIONREAD, &queued) != 0) return close(fd);
    const auto have = static_cast<std::size_t>(queued);
    if (have >= c.need || (c.big && have >= limits_.read_window)) return handOver(fd, c);
    if (peer_closed) {
      return refuse(fd, c, {400, "incomplete-body", "Incomplete body",
                            "the body is shorter than its Content-Length", 0});
    }
    return;
  }
  const auto n = ::recv(fd, peek_.data(), peek_.size(), MSG_PEEK | MSG_DONTWAIT);
  if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) return close(fd);
  if (n < 0) {
    if (peer_closed) close(fd);
    return;
  }
  if (c.phase == Phase::kIdle) {  // the next request on a kept-alive connection begins
    c.began = now;
    c.deadline = now + limits_.header_timeout;
  }
  c.phase = Phase::kHead;
  const auto head = readRequestHead({peek_.data(), static_cast<std::size_t>(n)}, limits_.max_header_bytes);
  if (head.status == RequestHead::Status::kTooLarge) {
    return refuse(fd, c, {431, "header-too-large", "Request header fields too large",
                          "the request line and headers are larger than " +
                              std::to_string(limits_.max_header_bytes) + " bytes", 0},
                  head.method, head.target);
  }
  if (head.status == RequestHead::Status::kIncomplete) {
    if (peer_closed) {
      refuse(fd, c, {400, "incomplete-request", "Incomplete request",
                     "the connection was closed before the request's headers ended", 0},
             head.method, head.target);
    }
    return;
  }
  c.need = head.header_bytes + head.body_bytes;
  c.unknown_length = head.framing_unknown;
  c.big = head.framing_unknown || c.need > limits_.read_window;
  const std::uint64_t paced = c.unknown_length ? limits_.max_body_bytes : head.body_bytes;
  const auto body_ms = static_cast<std::int64_t>(paced * 1000 / limits_.body_min_rate);
  c.deadline = now + limits_.body_grace + std::chrono::milliseconds(body_ms);
  c.phase = Phase::kBody;
  const auto have = static_cast<std::size_t>(n);
  if (c.unknown_length || have >= c.need || (c.big && have >= limits_.read_window)) return handOver(fd, c);
  if (head.expects_continue && !c.continue_sent) {
    writeNow(fd, kContinue);
    c.continue_sent = true;
  }
  if (peer_closed) {
    refuse(fd, c, {400, "incomplete-body", "Incomplete body",
                   "the body is shorter than its Content-Length", 0},
           head.method, head.target);
  }
}

void FrontDoor::handOver(int fd, Connection& c) {
  if (c.big && big_with_threads_ >= limits_.big_body_threads) {
    c.phase = Phase::kWaitingForThread;  // its deadline goes on; 503 if no thread comes in time
    waiting_big_.push_back(fd);
    return;
  }
  ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
  Handover h{fd, c.socket, c.client, c.requests + 1 < limits_.max_requests_per_connection, std::nullopt};
  if (c.big) h.body_deadline = c.deadline;
  c.phase = Phase::kWithThread;
  if (!dispatch_(std::move(h))) {
    c.phase = Phase::kBody;
    watch(fd);
    return refuse(fd, c, busy("every request thread is busy and " + std::to_string(limits_.max_queued) +
                              " requests are waiting; try again shortly"));
  }
  if (c.big) ++big_with_threads_;
  ++c.requests;
}

void FrontDoor::refuse(int fd, Connection& c, const Refusal& refusal, std::string_view method,
                       std::string_view target) {
  std::string m(method), t(target);
  if (m.empty()) {  // what the request line said, for the log
    const auto n = ::recv(fd, peek_.data(), std::min<std::size_t>(peek_.size(), 4096), MSG_PEEK | MSG_DONTWAIT);
    if (n > 0) {
      const auto head = readRequestHead({peek_.data(), static_cast<std::size_t>(n)}, limits_.max_header_bytes);
      m = head.method;
      t = head.target;
    }
  }
  const auto request_id = crypto::randomHex(8);
  const auto now = Clock::now();
  // The line before the answer: whoever reads the answer can find its line.
  logRefusal(refusal, {m, t, c.client, std::chrono::duration<double>(now - c.began).count()},
             request_id, metrics_);
  writeNow(fd, cannedResponse(refusal, request_id));
  ::shutdown(fd, SHUT_WR);
  c.phase = Phase::kDraining;
  c.deadline = now + kDrainFor;
  drain(fd, c);
}

void FrontDoor::drain(int fd, Connection& c) {
  for (;;) {
    const auto n = ::recv(fd, peek_.data(), peek_.size(), MSG_DONTWAIT);
    if (n > 0) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;  // more may come until the deadline
    (void)c;
    return close(fd);  // the client closed too (or failed): done
  }
}

void FrontDoor::expire(Clock::time_point now) {
  if (accept_paused_) pauseAccepting(false);
  std::vector<int> due;
  for (const auto& [fd, c] : connections_) {
    if (c.phase != Phase::kWithThread && now >= c.deadline) due.push_back(fd);
  }
  for (const int fd : due) {
    auto& c = connections_.at(fd);
    switch (c.phase) {
      case Phase::kIdle:
      case Phase::kDraining:
        close(fd);
        break;
      case Phase::kNew:
      case Phase::kHead:
        refuse(fd, c, timeout("the request line and headers did not arrive within " +
                              seconds(limits_.header_timeout) + " seconds"));
        break;
      case Phase::kBody:
        refuse(fd, c, timeout("the body did not arrive at " + std::to_string(limits_.body_min_rate) +
                              " bytes a second"));
        break;
      case Phase::kWaitingForThread:
        std::erase(waiting_big_, fd);
        refuse(fd, c, busy("no request thread was free for a large body; try again shortly"));
        break;
      case Phase::kWithThread:
        break;
    }
  }
}

void FrontDoor::takeBack() {
  std::vector<std::pair<int, bool>> returned;
  {
    std::lock_guard lock(returned_mutex_);
    returned.swap(returned_);
  }
  const auto now = Clock::now();
  for (const auto& [fd, keep_alive] : returned) {
    auto& c = connections_.at(fd);
    if (c.big) --big_with_threads_;
    if (!keep_alive) {
      close(fd);
      continue;
    }
    c.phase = Phase::kIdle;
    c.big = c.unknown_length = c.continue_sent = false;
    c.need = 0;
    c.began = now;
    c.deadline = now + limits_.idle_timeout;
    watch(fd);  // reports at once a next request that is already there
  }
  while (big_with_threads_ < limits_.big_body_threads && !waiting_big_.empty()) {
    const int fd = waiting_big_.front();
    waiting_big_.erase(waiting_big_.begin());
    auto& c = connections_.at(fd);
    c.phase = Phase::kBody;
    handOver(fd, c);
  }
}

void FrontDoor::watch(int fd) {
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;  // edge-triggered: peeked bytes stay unread
  ev.data.fd = fd;
  ::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev);
}

void FrontDoor::close(int fd) {
  const auto it = connections_.find(fd);
  if (it == connections_.end()) return;
  if (--per_address_[it->second.client] == 0) per_address_.erase(it->second.client);
  if (it->second.phase == Phase::kWaitingForThread) std::erase(waiting_big_, fd);
  it->second.socket.close();  // also leaves the epoll set
  connections_.erase(it);
}

void FrontDoor::pauseAccepting(bool paused) {
  if (paused == accept_paused_) return;
  accept_paused_ = paused;
  const int fd = listener_.impl()->sockfd();
  if (paused) {
    ::epoll_ctl(epoll_, EPOLL_CTL_DEL, fd, nullptr);
  } else {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = fd;
    ::epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev);
  }
}

bool FrontDoor::uncapped(const std::string& client) const {
  return std::find(limits_.uncapped_addresses.begin(), limits_.uncapped_addresses.end(), client) !=
         limits_.uncapped_addresses.end();
}

}  // namespace citygrants::http
