#include <mutex>
#include <string>
#include <vector>

#include <Poco/JSON/Parser.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <boost/test/unit_test.hpp>

#include "modules/core/text.h"
#include "services/log/log_line.h"
#include "tests/web/http_fixture.h"

// Every log line stays one valid JSON object in valid UTF-8 whatever a request carries: forged
// line ends, quotes that would close a string, bytes that are not UTF-8, overlong paths.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

// Collects every line the server logs while it lives.
struct CapturedLines {
  CapturedLines() {
    logs::setLogSink([this](logs::Stream, const std::string& line) {
      std::lock_guard lock(mutex);
      lines.push_back(line);
    });
  }
  ~CapturedLines() { logs::setLogSink({}); }
  std::vector<std::string> taken() {
    std::lock_guard lock(mutex);
    return lines;
  }
  std::mutex mutex;
  std::vector<std::string> lines;
};

// Sends `raw` as it is and reads whatever comes back until the server closes or 2 s pass.
void sendRaw(std::uint16_t port, const std::string& raw) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
  socket.setReceiveTimeout(Poco::Timespan(2, 0));
  char buf[4096];
  try {
    socket.sendBytes(raw.data(), static_cast<int>(raw.size()));
    socket.shutdownSend();
    while (socket.receiveBytes(buf, sizeof buf) > 0) {
    }
  } catch (const Poco::Exception&) {  // refused half-way or reset: the log line is what is checked
  }
}

const std::string kEnd = " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

std::vector<std::string> hostileRequests() {
  return {
      "GET /api/v1/proposals/%0a{\"forged\":true}%0d%0a" + kEnd,           // a forged line end
      "GET /api/v1/\"},\"status\":200,\"x\":{\"" + kEnd,                     // closes the string
      "GET /api/v1/%C3%28%FF%FE%ED%A0%80" + kEnd,                           // not UTF-8 once decoded
      "GET /api/v1/\xC3\x28\xFF\xFE\xED\xA0\x80" + kEnd,                    // raw bytes, not UTF-8
      "GET /api/v1/%00%01%1b[31mred%7f" + kEnd,                             // NUL, escape, DEL
      "GET /api/v1/%E2%80%A8%E2%80%A9" + kEnd,                              // JS line separators
      "GET /" + std::string(100'000, 'a') + kEnd,                           // an overlong path
      "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 23\r\nConnection: close\r\n\r\n{\"email\":\"\xFF\\n\",\"x\":1}",
      "G\"ET /healthz" + kEnd,                                              // a quote in the method
      "GET /api/v1/me%5c%22%5cn" + kEnd,                                    // backslashes and quotes
  };
}

}  // namespace

BOOST_AUTO_TEST_SUITE(log_lines)

BOOST_AUTO_TEST_CASE(every_line_is_one_json_object_in_valid_utf8_whatever_the_request) {
  CapturedLines captured;
  Server server(false);
  for (const auto& raw : hostileRequests()) sendRaw(server.port(), raw);
  auto client = server.client();
  client.get("/healthz");  // and one ordinary request, as a control
  const auto lines = captured.taken();
  BOOST_TEST(lines.size() >= hostileRequests().size());  // each hostile request is logged
  bool replaced = false, escaped_line_end = false;
  for (const auto& line : lines) {
    BOOST_TEST_CONTEXT(line.substr(0, 200)) {
      BOOST_TEST_REQUIRE(!line.empty());
      BOOST_TEST(line.back() == '\n');
      BOOST_TEST(line.find('\n') == line.size() - 1);  // one line: no raw line end inside
      BOOST_TEST(line.find('\r') == std::string::npos);
      BOOST_TEST(core::utf8Length(line).has_value());
      BOOST_TEST(line.size() < 4096u);  // fields are cut: a 100 kB path makes no 100 kB line
      Poco::JSON::Object::Ptr o;
      BOOST_CHECK_NO_THROW(o = Poco::JSON::Parser().parse(line).extract<Poco::JSON::Object::Ptr>());
      if (o) {
        BOOST_TEST(o->has("ts"));
        BOOST_TEST(!o->has("forged"));
        BOOST_TEST(!o->has("x"));
      }
      replaced |= line.find("\\ufffd") != std::string::npos;
      escaped_line_end |= line.find("\\u000a{") != std::string::npos;
    }
  }
  BOOST_TEST(replaced);          // the invalid bytes were replaced, not copied
  BOOST_TEST(escaped_line_end);  // the forged line end was escaped
}

BOOST_AUTO_TEST_SUITE_END()
