#pragma once

#include <cstdint>
#include <string>

// How the open-data files write times and money.
namespace citygrants::exports {

// "2026-03-01T09:30:00Z": UTC, whole seconds.
std::string isoDateTime(std::int64_t epoch_ms);
// "2026-03-01": the UTC date.
std::string isoDate(std::int64_t epoch_ms);
// An amount as a decimal text in major units with the currency's digits: "250000.00" (USD),
// "-12.5" never: REQUIRES minor >= 0 and a known ISO 4217 currency.
std::string decimalText(std::int64_t minor, const std::string& currency);
// The same as a JSON number (exact for amounts below 2^53 minor units).
double majorUnits(std::int64_t minor, const std::string& currency);

}  // namespace citygrants::exports
