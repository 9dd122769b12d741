#pragma once

#include <optional>
#include <string>

#include <Poco/Net/HTTPServerRequest.h>

namespace citygrants::http {

// Why a request's framing is refused (RFC 9112 §6): its status (400, or 505 for a version other
// than HTTP/1.0 and 1.1) and what is wrong, in words for the problem's detail.
struct FramingRefusal {
  int status = 400;
  std::string detail;
};

// The refusal of `request`'s framing, or nullopt when it is sound: the version is HTTP/1.0 or
// HTTP/1.1; at most one Content-Length, of 1 to 18 digits; not both Content-Length and
// Transfer-Encoding (a smuggling risk behind a proxy that reads the other); no transfer coding
// but chunked. A request refused here is answered and its connection closed before any route
// runs. (A body shorter than its Content-Length is refused where the body is read.)
std::optional<FramingRefusal> framingRefusal(const Poco::Net::HTTPServerRequest& request);

}  // namespace citygrants::http
