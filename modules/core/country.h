#pragma once

#include <string_view>

namespace citygrants::core {

// Whether `code` is an ISO 3166-1 alpha-2 country code ("UG", "BR"): the country of an
// organisation, so that results and money roll up per country.
bool isCountryCode(std::string_view code);

}  // namespace citygrants::core
