#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <Poco/JSON/Parser.h>
#include <boost/test/unit_test.hpp>

#include "services/log/log_line.h"
#include "tests/web/http_fixture.h"
#include "web/http/client_address.h"

// The client's address as the sign-in budget and the access log count it (issue 14): the peer,
// or the last X-Forwarded-For entry when the peer is a trusted proxy; never what an untrusted
// peer forwards.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

Server& server() { return EmptyServer::get(); }

// The suite server's trusted proxies for one test, none again after it.
struct Trusting {
  explicit Trusting(const std::string& list) {
    server().context().trusted_proxies = http::parseTrustedProxies(list);
  }
  ~Trusting() { server().context().trusted_proxies = {}; }
  Trusting(const Trusting&) = delete;
  Trusting& operator=(const Trusting&) = delete;
};

Client from(const std::string& source) {
  Client c = server().client();
  c.source_address = source;
  return c;
}

// The access-log lines the server writes while it lives.
struct AccessLines {
  AccessLines() {
    logs::setLogSink([this](logs::Stream stream, const std::string& line) {
      if (stream != logs::Stream::kAccess) return;
      const std::lock_guard lock(mutex);
      lines.push_back(line);
    });
  }
  ~AccessLines() { logs::setLogSink({}); }
  // The "client" of the next line logged for `path`, waiting for it up to 2 s (the line is
  // written after the answer is sent).
  std::string clientOfNext(const std::string& path) {
    for (int waited = 0; waited < 2000; waited += 5) {
      {
        const std::lock_guard lock(mutex);
        for (; seen < lines.size(); ++seen) {
          auto line = Poco::JSON::Parser().parse(lines[seen]).extract<Poco::JSON::Object::Ptr>();
          if (line->getValue<std::string>("path") == path) {
            ++seen;
            return line->getValue<std::string>("client");
          }
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return "(no line)";
  }
  std::mutex mutex;
  std::vector<std::string> lines;
  std::size_t seen = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(client_address, *boost::unit_test::fixture<EmptyServer>())

BOOST_AUTO_TEST_CASE(the_access_log_names_the_peer_or_the_last_entry_a_trusted_proxy_forwarded) {
  struct Case {
    const char* source;     // "" for 127.0.0.1
    const char* forwarded;  // X-Forwarded-For; null for none
    const char* trusted;
    const char* client;
  };
  // clang-format off
  const Case cases[] = {
    {"",          nullptr,                     "",                      "127.0.0.1"},
    {"",          "203.0.113.7",               "",                      "127.0.0.1"},    // nobody trusted
    {"127.0.0.2", "203.0.113.7",               "127.0.0.1",             "127.0.0.2"},    // not a proxy
    {"",          "203.0.113.7",               "127.0.0.1",             "203.0.113.7"},
    {"",          "198.51.100.1, 203.0.113.7", "127.0.0.1",             "203.0.113.7"},  // the last
    {"",          " 2001:db8::7 ",             "::1,127.0.0.1",         "2001:db8::7"},
    {"",          "::ffff:203.0.113.9",        "127.0.0.1",             "203.0.113.9"},
    {"",          "203.0.113.7:4711",          "127.0.0.1",             "127.0.0.1"},    // not an address
    {"",          "unknown",                   "127.0.0.1",             "127.0.0.1"},
    {"",          nullptr,                     "127.0.0.1",             "127.0.0.1"},    // the proxy's own
    {"127.0.0.2", "203.0.113.7",               "127.0.0.1, 127.0.0.2",  "203.0.113.7"},
  };
  // clang-format on
  AccessLines log;
  for (const auto& c : cases) {
    const Trusting trusting(c.trusted);
    Headers headers;
    if (c.forwarded != nullptr) headers.emplace_back("X-Forwarded-For", c.forwarded);
    BOOST_TEST(from(c.source).get("/healthz", headers).status == 200);
    BOOST_TEST(log.clientOfNext("/healthz") == c.client,
               "from " << c.source << " forwarding " << (c.forwarded ? c.forwarded : "nothing"));
  }
  const Trusting trusting("127.0.0.1");  // the console's lines name it the same way
  BOOST_TEST(server().client().get("/", {{"X-Forwarded-For", "203.0.113.5"}}).status == 200);
  BOOST_TEST(log.clientOfNext("/") == "203.0.113.5");
}

BOOST_AUTO_TEST_CASE(a_trusted_proxy_list_is_addresses_and_a_bad_entry_is_named) {
  BOOST_TEST(http::parseTrustedProxies("").empty());
  BOOST_TEST(http::parseTrustedProxies(" ").empty());
  const auto two = http::parseTrustedProxies(" 10.0.0.2 , ::1 ");
  BOOST_REQUIRE_EQUAL(two.size(), 2u);
  BOOST_TEST(two[0].toString() == "10.0.0.2");
  BOOST_TEST(two[1].toString() == "::1");
  BOOST_TEST(http::parseTrustedProxies("::ffff:10.0.0.2")[0].toString() == "10.0.0.2");
  for (const std::string bad :
       {"10.0.0.300", "10.0.0.0/8", "proxy.example.org", "10.0.0.2,", "10.0.0.2,,::1"}) {
    try {
      http::parseTrustedProxies(bad);
      BOOST_ERROR("accepted " << bad);
    } catch (const std::invalid_argument& e) {
      BOOST_TEST(std::string(e.what()).starts_with("--trusted-proxy: \""), e.what());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
