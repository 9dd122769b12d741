#pragma once

#include <cstdint>
#include <string>

#include "modules/exports/table.h"  // isoDateTime, isoDate: times as every export writes them

// How the open-data files write money.
namespace citygrants::exports {

// An amount as a decimal text in major units with the currency's digits: "300000.00" (USD).
// REQUIRES: a known ISO 4217 currency (else std::invalid_argument).
std::string decimalText(std::int64_t minor, const std::string& currency);
// The same as a JSON number (exact for amounts below 2^53 minor units).
double majorUnits(std::int64_t minor, const std::string& currency);

}  // namespace citygrants::exports
