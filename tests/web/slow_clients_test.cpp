#include <algorithm>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <boost/test/unit_test.hpp>

#include "services/log/log_line.h"
#include "tests/web/http_fixture.h"

// Issue 14, part 1: clients that send slowly, or hold many connections, cannot take the server
// from everyone else. Real connections on loopback, from several source addresses (all of
// 127.0.0.0/8 is loopback), against servers with short limits so that deadlines pass quickly.
using namespace citygrants;
using namespace citygrants::webtest;
using Clock = std::chrono::steady_clock;

namespace {

// A connection from `source` (127.0.0.x) to the server.
Poco::Net::StreamSocket connectFrom(const std::string& source, std::uint16_t port) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress::IPv4);
  socket.impl()->bind(Poco::Net::SocketAddress(source, 0), false);
  socket.connect(Poco::Net::SocketAddress("127.0.0.1", port));
  socket.setReceiveTimeout(Poco::Timespan(10, 0));
  return socket;
}

void sendText(Poco::Net::StreamSocket& socket, const std::string& text) {
  socket.sendBytes(text.data(), static_cast<int>(text.size()));
}

// Everything the server sends until it closes (or `wait` passes).
std::string readAll(Poco::Net::StreamSocket& socket, Poco::Timespan wait = Poco::Timespan(10, 0)) {
  socket.setReceiveTimeout(wait);
  std::string answer;
  char buf[4096];
  try {
    for (int n; (n = socket.receiveBytes(buf, sizeof buf)) > 0;) answer.append(buf, static_cast<std::size_t>(n));
  } catch (const Poco::TimeoutException&) {
  } catch (const Poco::Net::ConnectionResetException&) {
  }
  return answer;
}

// One whole response on a kept-alive connection: its head, then Content-Length bytes of body.
std::string readResponse(Poco::Net::StreamSocket& socket) {
  std::string got;
  char buf[4096];
  for (;;) {
    const auto end = got.find("\r\n\r\n");
    if (end != std::string::npos) {
      const auto at = got.find("Content-Length: ");
      const auto length = at == std::string::npos ? 0 : std::stoul(got.substr(at + 16));
      if (got.size() >= end + 4 + length) return got;
    }
    const int n = socket.receiveBytes(buf, sizeof buf);
    if (n <= 0) return got;
    got.append(buf, static_cast<std::size_t>(n));
  }
}

double secondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// Limits short enough for a test: 1 s for headers, 1 s of grace for a body, a 4 KiB window.
http::HttpServerOptions shortLimits() {
  http::HttpServerOptions o;
  o.threads = 4;
  o.limits.header_timeout = std::chrono::milliseconds(1000);
  o.limits.idle_timeout = std::chrono::milliseconds(3000);
  o.limits.body_grace = std::chrono::milliseconds(1000);
  o.limits.body_min_rate = 4000;
  o.limits.read_window = 4096;
  o.limits.max_per_address = 8;
  o.limits.big_body_threads = 1;
  o.limits.uncapped_addresses = {"127.0.0.200"};
  return o;
}

const std::string kHealthz = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(slow_clients)

BOOST_AUTO_TEST_CASE(many_more_slow_connections_than_threads_leave_the_server_answering) {
  Server server(true, shortLimits());  // 4 request threads
  auto reader = server.signedIn("fm1@mmc.demo");
  // 64 connections (16 times the threads) from 8 addresses, each sending its request line and
  // headers a byte at a time and never finishing.
  std::vector<Poco::Net::StreamSocket> slow;
  for (int i = 0; i < 64; ++i) {
    slow.push_back(connectFrom("127.0.0." + std::to_string(2 + i / 8), server.port()));
    sendText(slow.back(), "G");
  }
  const std::string rest = "ET /api/v1/proposals HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (std::size_t byte = 0; byte < 3; ++byte) {
    for (auto& s : slow) sendText(s, rest.substr(byte, 1));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto started = Clock::now();
    BOOST_TEST(server.client().get("/healthz").status == 200);
    BOOST_TEST(secondsSince(started) < 1.0);
    started = Clock::now();
    BOOST_TEST(reader.get("/api/v1/proposals?limit=5").status == 200);
    BOOST_TEST(secondsSince(started) < 1.0);
  }
  // Past the header deadline every slow connection has its 408, as problem+json, and is closed.
  const auto answer = readAll(slow.front());
  BOOST_TEST(answer.starts_with("HTTP/1.1 408 "), answer.substr(0, 60));
  BOOST_TEST(answer.find("/problems/request-timeout") != std::string::npos);
  BOOST_TEST(answer.find("Connection: Close") != std::string::npos);
  BOOST_TEST(readAll(slow.back()).starts_with("HTTP/1.1 408 "));
}

BOOST_AUTO_TEST_CASE(headers_have_a_deadline_in_all_not_per_read) {
  Server server(false, shortLimits());
  auto s = connectFrom("127.0.0.2", server.port());
  const auto started = Clock::now();
  // A byte every 300 ms: each read is quick, the whole is not.
  for (const char c : std::string("GET /healthz HTTP/1.1\r\n")) {
    try {
      sendText(s, std::string(1, c));
    } catch (const Poco::Exception&) {
      break;  // the server answered and closed
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    if (secondsSince(started) > 1.6) break;
  }
  const auto answer = readAll(s);
  BOOST_TEST(answer.starts_with("HTTP/1.1 408 "), answer.substr(0, 60));
  BOOST_TEST(secondsSince(started) < 3.0);
}

BOOST_AUTO_TEST_CASE(a_body_must_arrive_at_the_minimum_rate) {
  Server server(false, shortLimits());
  const std::string head = "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
  // A small body (read before any thread): 1 s of grace plus 100 bytes at 4,000 a second.
  auto small = connectFrom("127.0.0.2", server.port());
  sendText(small, head + "Content-Length: 100\r\n\r\n{\"email\":");
  auto started = Clock::now();
  auto answer = readAll(small);
  BOOST_TEST(answer.starts_with("HTTP/1.1 408 "), answer.substr(0, 60));
  BOOST_TEST(answer.find("/problems/request-timeout") != std::string::npos);
  BOOST_TEST(secondsSince(started) < 2.5);
  // A body larger than the window is read by a request thread, under the same rule
  // (1 s + 8,000 bytes at 4,000 a second = 3 s), however it trickles.
  auto large = connectFrom("127.0.0.3", server.port());
  sendText(large, head + "Content-Length: 8000\r\n\r\n" + std::string(4096, ' '));
  started = Clock::now();
  for (int i = 0; i < 8 && secondsSince(started) < 3.5; ++i) {
    try {
      sendText(large, " ");
    } catch (const Poco::Exception&) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  answer = readAll(large);
  BOOST_TEST(answer.starts_with("HTTP/1.1 408 "), answer.substr(0, 60));
  BOOST_TEST(answer.find("/problems/request-timeout") != std::string::npos);
  BOOST_TEST(secondsSince(started) < 5.5);
  // And in time, a large body is read whole and judged (a 6,000-character password: 422).
  auto fine = connectFrom("127.0.0.4", server.port());
  const std::string body = R"({"email":"nobody@example.org","password":")" + std::string(6000, 'x') + "\"}";
  sendText(fine, head + "Connection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  const auto fine_answer = readAll(fine);
  BOOST_TEST(fine_answer.starts_with("HTTP/1.1 422 "), fine_answer.substr(0, 60));
  BOOST_TEST(fine_answer.find("password") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(connections_per_address_are_capped_with_429_and_retry_after) {
  Server server(false, shortLimits());  // 8 per address
  std::mutex lines_mutex;
  std::vector<std::string> lines;
  logs::setLogSink([&](logs::Stream, const std::string& line) {
    std::lock_guard lock(lines_mutex);
    lines.push_back(line);
  });
  std::vector<Poco::Net::StreamSocket> held;
  for (int i = 0; i < 8; ++i) held.push_back(connectFrom("127.0.0.2", server.port()));
  auto ninth = connectFrom("127.0.0.2", server.port());
  const auto answer = readAll(ninth, Poco::Timespan(2, 0));
  BOOST_TEST(answer.starts_with("HTTP/1.1 429 "), answer.substr(0, 60));
  BOOST_TEST(answer.find("Retry-After: ") != std::string::npos);
  BOOST_TEST(answer.find("/problems/too-many-connections") != std::string::npos);
  {  // and the access log says who was refused, and why
    std::lock_guard lock(lines_mutex);
    const auto refused = std::count_if(lines.begin(), lines.end(), [](const std::string& l) {
      return l.find(R"("route":"connection")") != std::string::npos && l.find(R"("status":429)") != std::string::npos &&
             l.find(R"("client":"127.0.0.2")") != std::string::npos;
    });
    BOOST_TEST(refused == 1);
  }
  // Another address is not affected, nor an uncapped one (a trusted proxy) however many it holds.
  auto other = connectFrom("127.0.0.3", server.port());
  sendText(other, kHealthz);
  BOOST_TEST(readAll(other, Poco::Timespan(0, 500'000)).starts_with("HTTP/1.1 200 "));
  std::vector<Poco::Net::StreamSocket> proxy;
  for (int i = 0; i < 12; ++i) proxy.push_back(connectFrom("127.0.0.200", server.port()));
  sendText(proxy.back(), kHealthz);
  BOOST_TEST(readAll(proxy.back(), Poco::Timespan(0, 500'000)).starts_with("HTTP/1.1 200 "));
  // A connection closed frees its place.
  held.front().close();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto again = connectFrom("127.0.0.2", server.port());
  sendText(again, kHealthz);
  BOOST_TEST(readAll(again, Poco::Timespan(0, 500'000)).starts_with("HTTP/1.1 200 "));
  logs::setLogSink({});
}

BOOST_AUTO_TEST_CASE(overload_is_answered_503_with_retry_after_not_a_reset) {
  auto options = shortLimits();
  options.threads = 1;
  options.limits.max_queued = 1;
  options.limits.body_grace = std::chrono::milliseconds(5000);
  Server server(false, options);
  // The only thread reads a large body that is slow to come...
  auto busy = connectFrom("127.0.0.2", server.port());
  sendText(busy, "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 "Content-Length: 8000\r\n\r\n" + std::string(4096, ' '));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // ...one complete request waits for it, and the next is refused at once.
  auto waiting = connectFrom("127.0.0.3", server.port());
  sendText(waiting, kHealthz);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto refused = connectFrom("127.0.0.4", server.port());
  sendText(refused, kHealthz);
  const auto answer = readAll(refused, Poco::Timespan(2, 0));
  BOOST_TEST(answer.starts_with("HTTP/1.1 503 "), answer.substr(0, 60));
  BOOST_TEST(answer.find("Retry-After: 1") != std::string::npos);
  BOOST_TEST(answer.find("/problems/server-busy") != std::string::npos);
  // When the body is done, the waiting request is answered.
  sendText(busy, std::string(3904, ' '));
  BOOST_TEST(readAll(busy, Poco::Timespan(1, 0)).starts_with("HTTP/1.1 4"));  // spaces: not JSON
  BOOST_TEST(readAll(waiting, Poco::Timespan(1, 0)).starts_with("HTTP/1.1 200 "));
}

BOOST_AUTO_TEST_CASE(kept_alive_connections_hold_no_thread_and_close_when_idle) {
  auto options = shortLimits();
  options.threads = 2;
  options.limits.idle_timeout = std::chrono::milliseconds(1000);
  Server server(false, options);
  // Ten kept-alive connections, each after one answered request, and two threads.
  std::vector<Poco::Net::StreamSocket> idle;
  for (int i = 0; i < 10; ++i) {
    idle.push_back(connectFrom("127.0.0." + std::to_string(2 + i % 3), server.port()));
    sendText(idle.back(), kHealthz);
    BOOST_TEST(readResponse(idle.back()).starts_with("HTTP/1.1 200 "));
  }
  // Each may ask again, in any order: no thread was kept waiting for it.
  for (auto it = idle.rbegin(); it != idle.rend(); ++it) {
    sendText(*it, kHealthz);
    BOOST_TEST(readResponse(*it).starts_with("HTTP/1.1 200 "));
  }
  // Past the idle timeout they are closed without an answer.
  const auto started = Clock::now();
  BOOST_TEST(readAll(idle.front(), Poco::Timespan(3, 0)).empty());
  BOOST_TEST(secondsSince(started) < 2.0);
}

BOOST_AUTO_TEST_CASE(expect_100_continue_is_answered_before_the_body) {
  Server server(false, shortLimits());
  auto s = connectFrom("127.0.0.2", server.port());
  const std::string body = R"({"email":"nobody@example.org","password":"x"})";
  sendText(s, "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              "Expect: 100-continue\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n");
  char buf[256];
  const int n = s.receiveBytes(buf, sizeof buf);
  BOOST_TEST(std::string(buf, static_cast<std::size_t>(n)) == "HTTP/1.1 100 Continue\r\n\r\n");
  sendText(s, body);
  BOOST_TEST(readAll(s).starts_with("HTTP/1.1 401 "));
}

BOOST_AUTO_TEST_SUITE_END()
