#include "modules/core/iso_instant.h"

#include <utility>

namespace citygrants::core {
namespace {

constexpr std::int64_t kMsPerMinute = 60'000;
constexpr std::int64_t kMsPerDay = 86'400'000;
constexpr int kMaxOffsetMinutes = 14 * 60;

// Reads `n` digits at `at`, or nothing.
std::optional<int> digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

// The zone at `at` ("Z", "+hh:mm", "-hh:mm") as minutes east of UTC, when it ends the text.
std::optional<int> zone(std::string_view s, std::size_t at) {
  if (at >= s.size()) return std::nullopt;
  if (s[at] == 'Z') return at + 1 == s.size() ? std::optional<int>(0) : std::nullopt;
  if ((s[at] != '+' && s[at] != '-') || at + 6 != s.size() || s[at + 3] != ':') return std::nullopt;
  const auto hh = digits(s, at + 1, 2);
  const auto mm = digits(s, at + 4, 2);
  if (!hh || !mm || *mm > 59) return std::nullopt;
  const int minutes = *hh * 60 + *mm;
  if (minutes > kMaxOffsetMinutes) return std::nullopt;
  return s[at] == '-' ? -minutes : minutes;
}

// hh:mm[:ss[.f...]] at `at`; the milliseconds into the day and where the zone starts.
std::optional<std::pair<std::int64_t, std::size_t>> timeOfDay(std::string_view s, std::size_t at) {
  const auto hh = digits(s, at, 2);
  const auto mm = digits(s, at + 3, 2);
  if (!hh || !mm || s.size() < at + 5 || s[at + 2] != ':' || *hh > 23 || *mm > 59) {
    return std::nullopt;
  }
  std::int64_t ms = (*hh * 60 + *mm) * kMsPerMinute;
  std::size_t next = at + 5;
  if (next < s.size() && s[next] == ':') {
    const auto ss = digits(s, next + 1, 2);
    if (!ss || *ss > 59) return std::nullopt;
    ms += *ss * 1000;
    next += 3;
    if (next < s.size() && s[next] == '.') {
      std::size_t end = next + 1;
      while (end < s.size() && s[end] >= '0' && s[end] <= '9') ++end;
      const std::size_t n = end - next - 1;
      if (n < 1 || n > 9) return std::nullopt;
      int fraction_ms = 0;
      for (std::size_t i = 0; i < 3; ++i) {
        fraction_ms = fraction_ms * 10 + (i < n ? s[next + 1 + i] - '0' : 0);
      }
      ms += fraction_ms;
      next = end;
    }
  }
  return std::make_pair(ms, next);
}

}  // namespace

std::int64_t daysFromCivil(int year, int month, int day) {
  // Howard Hinnant's days_from_civil.
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (month + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146'097 + doe - 719'468;
}

std::optional<std::int64_t> parseIsoInstant(std::string_view s) {
  const auto year = digits(s, 0, 4);
  const auto month = digits(s, 5, 2);
  const auto day = digits(s, 8, 2);
  if (!year || !month || !day || s[4] != '-' || s[7] != '-' || *year < 2000 || *month < 1 ||
      *month > 12 || *day < 1 || *day > daysInMonth(*year, *month)) {
    return std::nullopt;
  }
  const std::int64_t midnight = daysFromCivil(*year, *month, *day) * kMsPerDay;
  if (s.size() == 10) return midnight;
  if (s[10] != 'T') return std::nullopt;
  const auto time = timeOfDay(s, 11);
  if (!time) return std::nullopt;
  const auto offset = zone(s, time->second);
  if (!offset) return std::nullopt;
  return midnight + time->first - *offset * kMsPerMinute;
}

}  // namespace citygrants::core
