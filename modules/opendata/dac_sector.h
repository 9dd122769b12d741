#pragma once

#include <span>
#include <string>
#include <vector>
#include <string_view>

// The OECD DAC 5-digit purpose codes a grant of the fund may carry (IATI Sector vocabulary 1,
// also written as 360Giving classifications). Every code here is in the IATI 2.03 Sector
// codelist: tests/opendata checks that against ../shared/schemas.
namespace citygrants::opendata {

struct DacSector {
  std::string_view code;
  std::string_view name;  // the codelist's English name
};

// Every grant's first code: facilitation of orderly, safe, regular and responsible migration.
inline constexpr std::string_view kDefaultSector = "15190";

// The codes a fund manager may choose as a service's own, the default first.
std::span<const DacSector> dacSectors();

// Whether `code` is one of dacSectors().
bool isDacSector(std::string_view code);

// A grant's codes: the fund's default, then the service's own (`own`, "" for none) unless it is
// the default again.
std::vector<std::string> sectorsOf(std::string_view own);

}  // namespace citygrants::opendata
