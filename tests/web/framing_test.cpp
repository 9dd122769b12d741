#include <cctype>
#include <sstream>
#include <string>
#include <vector>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/http_fixture.h"

// HTTP framing by RFC 9112: what could let a request be read two ways (behind a proxy that reads
// the other header) or be acted on half-sent is refused with a problem, never a silent close.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

// Sends `raw`, half-closes when `half_close`, and reads the answer until the server closes.
std::string exchange(std::uint16_t port, const std::string& raw, bool half_close) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
  socket.setReceiveTimeout(Poco::Timespan(5, 0));
  socket.sendBytes(raw.data(), static_cast<int>(raw.size()));
  if (half_close) socket.shutdownSend();
  std::string answer;
  char buf[4096];
  try {
    for (int n; (n = socket.receiveBytes(buf, sizeof buf)) > 0;) answer.append(buf, static_cast<std::size_t>(n));
  } catch (const Poco::TimeoutException&) {  // the answer is what was read
  }
  return answer;
}

struct Case {
  const char* what;
  std::string request;
  bool half_close;
  int status;
  const char* type;  // the problem type's last segment
};

const std::string kBody = R"({"email":"fm1@mmc.demo","password":"x"})";

std::vector<Case> cases() {
  const std::string sign_in = "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";
  const std::string size = std::to_string(kBody.size());
  return {
      {"two equal Content-Length", sign_in + "Content-Length: " + size + "\r\nContent-Length: " + size + "\r\n\r\n" + kBody, false, 400, "bad-framing"},
      {"two different Content-Length", sign_in + "Content-Length: " + size + "\r\nContent-Length: 5\r\n\r\n" + kBody, false, 400, "bad-framing"},
      {"Content-Length with Transfer-Encoding", sign_in + "Content-Length: " + size + "\r\nTransfer-Encoding: chunked\r\n\r\n" + kBody, false, 400, "bad-framing"},
      {"a transfer coding not chunked", sign_in + "Transfer-Encoding: gzip\r\n\r\n" + kBody, false, 400, "bad-framing"},
      {"a body shorter than declared, then a half-close", sign_in + "Content-Length: " + std::to_string(kBody.size() + 40) + "\r\n\r\n" + kBody, true, 400, "incomplete-body"},
      {"HTTP/2.0", "GET /healthz HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n", false, 505, "http-version-not-supported"},
      {"HTTP/0.9", "GET /healthz HTTP/0.9\r\nHost: 127.0.0.1\r\n\r\n", false, 505, "http-version-not-supported"},
      {"HTTP/1.2", "GET /healthz HTTP/1.2\r\nHost: 127.0.0.1\r\n\r\n", false, 505, "http-version-not-supported"},
      // Poco parses these lengths before any handler exists; the request thread answers them.
      {"Content-Length: abc", sign_in + "Content-Length: abc\r\n\r\n" + kBody, false, 400, "bad-framing"},
      {"Content-Length: 1, 2", sign_in + "Content-Length: 1, 2\r\n\r\n" + kBody, false, 400, "bad-framing"},
      {"a Content-Length of 21 digits", sign_in + "Content-Length: 123456789012345678901\r\n\r\n" + kBody, false, 400, "bad-framing"},
      {"a negative Content-Length", sign_in + "Content-Length: -5\r\n\r\n" + kBody, false, 400, "bad-framing"},
      // The front door answers these without a request thread.
      {"headers larger than 32 KiB", "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + std::string(40 * 1024, 'a') + "\r\n\r\n", false, 431, "header-too-large"},
      {"headers cut short by a half-close", "GET /healthz HTTP/1.1\r\nHost: 127.", true, 400, "incomplete-request"},
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(framing, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(unsound_framing_is_refused_with_a_problem_in_http_1_1) {
  auto& server = SeededServer::get();
  for (const auto& c : cases()) {
    BOOST_TEST_CONTEXT(c.what) {
      const auto answer = exchange(server.port(), c.request, c.half_close);
      BOOST_TEST(answer.starts_with("HTTP/1.1 " + std::to_string(c.status) + " "), answer.substr(0, 80));
      BOOST_TEST(answer.find("application/problem+json") != std::string::npos);
      BOOST_TEST(answer.find(std::string("/problems/") + c.type) != std::string::npos);
      std::string lower = answer;
      for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      BOOST_TEST(lower.find("\r\nconnection: close\r\n") != std::string::npos);  // and closed
    }
  }
  // Sound framing still works: one Content-Length, or chunked alone.
  const auto sign_in = "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       "Connection: close\r\nContent-Length: " + std::to_string(kBody.size()) + "\r\n\r\n" + kBody;
  BOOST_TEST(exchange(server.port(), sign_in, false).starts_with("HTTP/1.1 401 "));  // a wrong password
  BOOST_TEST(exchange(server.port(), "GET /healthz HTTP/1.0\r\n\r\n", false).starts_with("HTTP/1.0 200 "));
  const auto chunked = "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n" +
                       (std::ostringstream() << std::hex << kBody.size()).str() + "\r\n" + kBody + "\r\n0\r\n\r\n";
  BOOST_TEST(exchange(server.port(), chunked, false).starts_with("HTTP/1.1 401 "));
}

BOOST_AUTO_TEST_SUITE_END()
