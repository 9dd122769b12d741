#include "web/http/access_log.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "services/log/log_line.h"

namespace citygrants::http {

void writeAccessLog(const AccessEntry& e) {
  static const bool enabled = [] {
    const char* v = std::getenv("CITYGRANTS_ACCESS_LOG");
    return v == nullptr || std::strcmp(v, "off") != 0;
  }();
  if (!enabled && !logs::hasLogSink()) return;  // a test that reads the lines gets them
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.3f", e.seconds * 1000);
  logs::LogLine()
      .text("request_id", e.request_id, 64)
      .text("method", e.method, 32)
      .text("path", e.path, 2048)
      .text("route", e.route, 200)
      .number("status", e.status)
      .decimal("ms", duration)
      .number("user_id", e.user_id)
      .text("client", e.client, 64)
      .write(logs::Stream::kAccess);
}

}  // namespace citygrants::http
