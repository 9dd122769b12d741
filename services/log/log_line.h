#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

// The server's logs: one JSON object per line, valid UTF-8 whatever a request carried
// (core::jsonLogText: invalid bytes replaced, control characters escaped, long values cut).
namespace citygrants::logs {

// Where a line goes: the access log (standard output) or the application log (standard error).
enum class Stream { kAccess, kApp };

class LogLine {
 public:
  // A line that starts with the time ("ts", epoch ms) and, for the application log, the level
  // and what happened: {"ts":..., "level":"error", "event":"database_error", ...}.
  LogLine();
  LogLine(std::string_view level, std::string_view event);
  // A text field, cut past `max_bytes`.
  LogLine& text(std::string_view key, std::string_view value, std::size_t max_bytes = 2048);
  LogLine& number(std::string_view key, std::int64_t value);
  // A number already formatted ("12.345").
  LogLine& decimal(std::string_view key, std::string_view formatted);
  // The line, newline included.
  std::string str() const;
  // Writes the line to `stream` in one call (lines of several threads never mix).
  void write(Stream stream) const;

 private:
  std::string body_;
};

// Where lines go instead of standard output and error, for tests that read every line (the
// access log then writes even when CITYGRANTS_ACCESS_LOG=off); an empty function restores the
// standard streams. Thread-safe.
void setLogSink(std::function<void(Stream, const std::string& line)> sink);
bool hasLogSink();

}  // namespace citygrants::logs
