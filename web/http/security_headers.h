#pragma once

#include <Poco/Net/HTTPResponse.h>

namespace citygrants::http {

// The headers every answer carries, API and console alike: only our own scripts, styles and
// images run; no framing; no MIME sniffing; no referrer sent on.
inline void addSecurityHeaders(Poco::Net::HTTPResponse& response) {
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Content-Security-Policy",
               "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
               "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
  response.set("X-Frame-Options", "DENY");
  response.set("Referrer-Policy", "no-referrer");
}

}  // namespace citygrants::http
