#pragma once

#include <cstdint>
#include <string>

namespace citygrants::http {

// One request as the access log records it.
struct AccessEntry {
  std::string request_id;
  std::string method;
  std::string path;
  std::string route;
  int status = 0;
  double seconds = 0;
  std::int64_t user_id = 0;  // 0 when not signed in
  std::string client;        // the client's address (clientAddress)
};

// Writes one JSON line per request to standard output (one write call, so lines never mix), valid
// JSON in valid UTF-8 whatever the request carried (logs::LogLine).
// Off when the environment sets CITYGRANTS_ACCESS_LOG=off (benchmarks).
void writeAccessLog(const AccessEntry& entry);

}  // namespace citygrants::http
