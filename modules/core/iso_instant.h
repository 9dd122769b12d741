#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace citygrants::core {

// Reads an instant written in ISO 8601 as epoch milliseconds (UTC), strictly:
//   2026-03-01                       a day: its first instant, 00:00 UTC
//   2026-03-01T12:30Z                minutes, seconds (12:30:15) and fractions (12:30:15.250) may
//   2026-03-01T12:30:15.250+02:00    follow; a zone is required: Z or +hh:mm / -hh:mm (up to 14:00)
// Years 2000 to 9999; months, days (leap years counted), hours 0-23, minutes and seconds 0-59
// checked; fractions of up to 9 digits, cut to milliseconds. Nothing for any other text.
std::optional<std::int64_t> parseIsoInstant(std::string_view text);

// Days since 1970-01-01 of a civil date (proleptic Gregorian). REQUIRES: a valid date.
std::int64_t daysFromCivil(int year, int month, int day);

}  // namespace citygrants::core
