#pragma once

#include <Poco/Net/HTTPResponse.h>

namespace citygrants::http {

// The headers every answer carries, API and console alike: only our own scripts, styles and
// images run; no framing; no MIME sniffing; no referrer sent on. Added, not set: `response` has
// none of them yet (set() searches the head for each, 3 % of a computed record's instructions).
inline void addSecurityHeaders(Poco::Net::HTTPResponse& response) {
  response.add("X-Content-Type-Options", "nosniff");
  response.add("Content-Security-Policy",
               "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
               "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  response.add("X-Frame-Options", "DENY");
  response.add("Referrer-Policy", "no-referrer");
}

}  // namespace citygrants::http
