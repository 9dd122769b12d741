#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace citygrants::http {

// What the reading stage learns from the bytes a client has sent so far (peeked, not consumed):
// whether the request line and headers are all there, and how long the body then is. Only the
// few headers that frame the request are looked at; Poco parses the request again, whole, on a
// request thread.
struct RequestHead {
  enum class Status { kIncomplete, kComplete, kTooLarge };
  Status status = Status::kIncomplete;
  std::size_t header_bytes = 0;  // up to and including the blank line (kComplete only)
  // The body's length when exactly one well-formed Content-Length frames it (0 without one).
  std::uint64_t body_bytes = 0;
  // Several or malformed Content-Length headers, or a Transfer-Encoding: the body's end cannot be
  // known here. The request threads refuse the first two (400) and read a chunked body themselves.
  bool framing_unknown = false;
  bool expects_continue = false;  // "Expect: 100-continue"
  // The request line's method and target as far as they came (for the log line of a refusal).
  std::string_view method;
  std::string_view target;
};

// Reads the head of `bytes`. Blank lines before the request line are skipped (RFC 9112 §2.2);
// lines may end in CRLF or a bare LF. kTooLarge when no blank line ends the head within
// `max_header_bytes`.
RequestHead readRequestHead(std::string_view bytes, std::size_t max_header_bytes);

}  // namespace citygrants::http
