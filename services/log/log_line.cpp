#include "services/log/log_line.h"

#include <chrono>
#include <cstdio>
#include <mutex>

#include "modules/core/text.h"

namespace citygrants::logs {
namespace {

using Sink = std::function<void(Stream, const std::string&)>;

// The test's sink, if any: set and read under the lock, called outside it.
std::mutex& sinkLock() {
  static std::mutex m;
  return m;
}
Sink& sinkSlot() {
  static Sink s;
  return s;
}
Sink sink() {
  std::lock_guard lock(sinkLock());
  return sinkSlot();
}

std::int64_t nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

LogLine::LogLine() : body_("{\"ts\":" + std::to_string(nowMs())) {}

LogLine::LogLine(std::string_view level, std::string_view event) : LogLine() {
  text("level", level, 16);
  text("event", event, 64);
}

LogLine& LogLine::text(std::string_view key, std::string_view value, std::size_t max_bytes) {
  body_ += ",\"" + std::string(key) + "\":" + core::jsonLogText(value, max_bytes);
  return *this;
}

LogLine& LogLine::number(std::string_view key, std::int64_t value) {
  return decimal(key, std::to_string(value));
}

LogLine& LogLine::decimal(std::string_view key, std::string_view formatted) {
  body_ += ",\"" + std::string(key) + "\":" + std::string(formatted);
  return *this;
}

std::string LogLine::str() const { return body_ + "}\n"; }

void LogLine::write(Stream stream) const {
  const auto line = str();
  if (const auto s = sink()) {
    s(stream, line);
    return;
  }
  auto* file = stream == Stream::kAccess ? stdout : stderr;
  std::fwrite(line.data(), 1, line.size(), file);
  std::fflush(file);
}

void setLogSink(std::function<void(Stream, const std::string& line)> s) {
  std::lock_guard lock(sinkLock());
  sinkSlot() = std::move(s);
}

bool hasLogSink() { return static_cast<bool>(sink()); }

}  // namespace citygrants::logs
