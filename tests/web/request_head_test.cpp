#include <string>

#include <boost/test/unit_test.hpp>

#include "web/http/request_head.h"

// The front door's reading of a request's head from the bytes peeked so far: when the head is
// complete, how long the body is, and when the framing is for the request threads to judge.
using citygrants::http::readRequestHead;
using Status = citygrants::http::RequestHead::Status;

namespace {

struct Case {
  const char* what;
  std::string bytes;
  Status status;
  std::size_t header_bytes;
  std::uint64_t body_bytes;
  bool framing_unknown;
  bool expects_continue;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(request_head)

BOOST_AUTO_TEST_CASE(reads_the_head_as_far_as_it_came) {
  const std::string get = "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n";
  const std::string post = "POST /x HTTP/1.1\r\nHost: a\r\n";
  // clang-format off
  const Case cases[] = {
    {"nothing yet",                    "",                                        Status::kIncomplete, 0, 0, false, false},
    {"part of the request line",       "GET /hea",                                Status::kIncomplete, 0, 0, false, false},
    {"headers not ended",              "GET / HTTP/1.1\r\nHost: a\r\n",          Status::kIncomplete, 0, 0, false, false},
    {"a whole GET",                    get,                                       Status::kComplete, get.size(), 0, false, false},
    {"bare LF line ends",              "GET / HTTP/1.1\nHost: a\n\n",            Status::kComplete, 24, 0, false, false},
    {"blank lines before it",          "\r\n\r\nGET / HTTP/1.1\r\n\r\n",         Status::kComplete, 22, 0, false, false},
    {"a Content-Length",               post + "Content-Length: 12\r\n\r\n",      Status::kComplete, post.size() + 22, 12, false, false},
    {"its name in any case, spaces",   post + "content-LENGTH:   7  \r\n\r\n",   Status::kComplete, post.size() + 25, 7, false, false},
    {"two Content-Length",             post + "Content-Length: 1\r\nContent-Length: 1\r\n\r\n", Status::kComplete, post.size() + 40, 0, true, false},
    {"a Content-Length not a number",  post + "Content-Length: abc\r\n\r\n",     Status::kComplete, post.size() + 23, 0, true, false},
    {"a list of lengths",              post + "Content-Length: 1, 2\r\n\r\n",    Status::kComplete, post.size() + 24, 0, true, false},
    {"19 digits",                      post + "Content-Length: 1234567890123456789\r\n\r\n", Status::kComplete, post.size() + 39, 0, true, false},
    {"chunked",                        post + "Transfer-Encoding: chunked\r\n\r\n", Status::kComplete, post.size() + 30, 0, true, false},
    {"Expect: 100-continue",           post + "Expect: 100-Continue\r\nContent-Length: 3\r\n\r\n", Status::kComplete, post.size() + 43, 3, false, true},
    {"too large and not ended",        "GET / HTTP/1.1\r\nX: " + std::string(200, 'a'), Status::kTooLarge, 0, 0, false, false},
  };
  // clang-format on
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.what) {
      const auto head = readRequestHead(c.bytes, 128);
      BOOST_TEST(static_cast<int>(head.status) == static_cast<int>(c.status));
      BOOST_TEST(head.header_bytes == c.header_bytes);
      BOOST_TEST(head.body_bytes == c.body_bytes);
      BOOST_TEST(head.framing_unknown == c.framing_unknown);
      BOOST_TEST(head.expects_continue == c.expects_continue);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_head_that_ends_past_the_limit_is_too_large) {
  const std::string head = "GET / HTTP/1.1\r\nX: " + std::string(200, 'a') + "\r\n\r\n";
  BOOST_TEST(static_cast<int>(readRequestHead(head, 128).status) == static_cast<int>(Status::kTooLarge));
  BOOST_TEST(static_cast<int>(readRequestHead(head, 4096).status) == static_cast<int>(Status::kComplete));
}

BOOST_AUTO_TEST_CASE(the_request_line_is_kept_for_the_log) {
  const auto head = readRequestHead("POST /api/v1/session HTT", 4096);
  BOOST_TEST(head.method == "POST");
  BOOST_TEST(head.target == "/api/v1/session");
  BOOST_TEST(readRequestHead("GE", 4096).method == "GE");
  BOOST_TEST(readRequestHead("GE", 4096).target.empty());
}

BOOST_AUTO_TEST_SUITE_END()
