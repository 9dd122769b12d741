#pragma once

#include <string>
#include <string_view>

namespace citygrants::http {

// An answer the server gives before (or instead of) any route: a slow request timed out (408), a
// client over its connection cap (429), the server over its capacity (503), a head too large
// (431), framing that cannot be read (400). Always problem+json, always "Connection: close".
struct Refusal {
  int status = 400;
  std::string slug;   // the problem type's last segment
  std::string title;
  std::string detail;
  int retry_after_seconds = 0;  // sent as Retry-After when > 0
};

// The whole HTTP/1.1 response for `refusal` (status line, headers with the security headers, and
// the problem+json body carrying `request_id`), ready to be written to the socket as it is.
std::string cannedResponse(const Refusal& refusal, const std::string& request_id);

// The access-log line and the metrics of a refusal given on a connection (route "connection"):
// what the request line said as far as it came, and the client's address.
struct RefusedRequest {
  std::string_view method;
  std::string_view target;
  std::string_view client;
  double seconds = 0;  // since the connection (or its current request) began
};
class Metrics;
void logRefusal(const Refusal& refusal, const RefusedRequest& what, const std::string& request_id,
                Metrics* metrics);

}  // namespace citygrants::http
