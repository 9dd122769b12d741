#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/core/problem.h"

// The fund's indicator catalog: what a grant is asked to achieve and how its results add up.
namespace citygrants::results {

// What an indicator counts. Counts (people, households, services) may be broken down;
// currency is minor units of the call's currency; percentage is 0..100; yes_no is 0 or 1.
enum class Unit { kPeople, kHouseholds, kServices, kCurrency, kPercentage, kYesNo };

// How the values of successive periods (and of several grants) add up: a sum of what each
// period achieved, the latest period's value, or the highest.
enum class Aggregation { kSum, kLatest, kMax };

std::string_view unitName(Unit unit);
std::optional<Unit> unitNamed(std::string_view name);
std::string_view aggregationName(Aggregation aggregation);
std::optional<Aggregation> aggregationNamed(std::string_view name);

// Whether values of this unit are counts that may be broken down by a dimension.
bool isCount(Unit unit);

// A breakdown dimension and its allowed values, e.g. sex: female, male, other_not_stated.
struct Dimension {
  std::string_view code;
  std::vector<std::string_view> values;
};

// The fund's dimensions: population_group, sex, age_band, reach.
const std::vector<Dimension>& dimensions();
const Dimension* findDimension(std::string_view code);

inline constexpr std::array<std::string_view, 4> kIndicatorLanguages = {"en", "fr", "es", "pt"};

// One indicator of the catalog. Names and definitions are per language, in kIndicatorLanguages order.
struct Indicator {
  std::int64_t id = 0;
  std::string code;  // people_reached
  Unit unit = Unit::kPeople;
  Aggregation aggregation = Aggregation::kSum;
  std::vector<std::string> dimensions;  // codes of dimensions(), in the order they are shown
  std::array<std::string, 4> names;
  std::array<std::string, 4> definitions;
  bool active = true;
  std::int64_t version = 1;
};

// Field errors of an indicator as an admin or fund manager wrote it: a code of lower-case
// letters, digits and underscores, a name in every language, dimensions only on counts, each
// known and given once.
std::vector<core::FieldError> validateIndicator(const Indicator& indicator);

// The GCF-shaped starting catalog: people reached, households reached, services delivered,
// follow-on funding raised, programme institutionalised, people placed in jobs, children enrolled.
std::vector<Indicator> gcfIndicators();

}  // namespace citygrants::results
