#include "modules/exports/table.h"

#include <chrono>
#include <cstdio>

namespace citygrants::exports {

std::string_view listName(ListKind list) { return kListNames[static_cast<int>(list)]; }

std::string_view formatName(FileFormat format) { return kFormatNames[static_cast<int>(format)]; }

std::optional<FileKind> parseFileName(std::string_view name) {
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const auto list = name.substr(0, dot);
  const auto format = name.substr(dot + 1);
  for (int l = 0; l < static_cast<int>(std::size(kListNames)); ++l) {
    if (kListNames[l] != list) continue;
    for (int f = 0; f < static_cast<int>(std::size(kFormatNames)); ++f) {
      if (kFormatNames[f] == format) return FileKind{ListKind(l), FileFormat(f)};
    }
  }
  return std::nullopt;
}

CivilTime civilTime(std::int64_t epoch_ms) {
  using namespace std::chrono;
  const sys_time<milliseconds> at{milliseconds{epoch_ms}};
  const auto day = floor<days>(at);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> time{floor<seconds>(at - day)};
  return {static_cast<int>(ymd.year()),
          static_cast<int>(unsigned(ymd.month())),
          static_cast<int>(unsigned(ymd.day())),
          static_cast<int>(time.hours().count()),
          static_cast<int>(time.minutes().count()),
          static_cast<int>(time.seconds().count())};
}

std::string isoDateTime(std::int64_t epoch_ms) {
  const auto t = civilTime(epoch_ms);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour,
                t.minute, t.second);
  return buf;
}

std::string isoDate(std::int64_t epoch_ms) {
  const auto t = civilTime(epoch_ms);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
  return buf;
}

}  // namespace citygrants::exports
