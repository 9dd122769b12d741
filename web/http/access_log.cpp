#include "web/http/access_log.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "services/usecases/use_case.h"

namespace citygrants::http {

void writeAccessLog(const AccessEntry& e) {
  static const bool enabled = [] {
    const char* v = std::getenv("CITYGRANTS_ACCESS_LOG");
    return v == nullptr || std::strcmp(v, "off") != 0;
  }();
  if (!enabled) return;
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch()).count();
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.3f", e.seconds * 1000);
  std::string line = "{\"ts\":" + std::to_string(ms) + ",\"request_id\":" + usecases::jsonQuote(e.request_id) +
                     ",\"method\":" + usecases::jsonQuote(e.method) + ",\"path\":" + usecases::jsonQuote(e.path) +
                     ",\"route\":" + usecases::jsonQuote(e.route) + ",\"status\":" + std::to_string(e.status) +
                     ",\"ms\":" + duration + ",\"user_id\":" + std::to_string(e.user_id) + "}\n";
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fflush(stdout);
}

}  // namespace citygrants::http
