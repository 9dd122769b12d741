#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "modules/core/problem.h"
#include "modules/results/indicator.h"

namespace citygrants::results {

// The largest value a target or result may state (people, services or minor units).
inline constexpr std::int64_t kMaxValue = 1'000'000'000'000'000;

// One cell of a breakdown: the part of the total with `value` on `dimension`
// (population_group = refugee: 600).
struct Cell {
  std::string dimension;
  std::string value;
  std::int64_t amount = 0;

  bool operator==(const Cell&) const = default;
};

// A value of an indicator: its total and, for a count, its breakdowns. Each dimension that is
// given is given whole: its cells add up to the total. A dimension not given is not broken down.
struct Measure {
  std::int64_t total = 0;
  std::vector<Cell> cells;

  // The amount of one cell, 0 when the breakdown does not state it.
  std::int64_t cell(const std::string& dimension, const std::string& value) const;
  // Sets the total (dimension "") or adds a cell, as stored rows of a measure come.
  void put(std::string_view dimension, std::string_view value, std::int64_t amount);
  bool operator==(const Measure&) const = default;
};

// Field errors of `m` as a value of `indicator`, named under `field`
// ("indicators[0].targets[1]"): a total from 0 to kMaxValue (a percentage up to 100, yes/no 0 or
// 1); cells only on the indicator's dimensions and their allowed values, each once, not negative,
// and per dimension adding up to the total.
std::vector<core::FieldError> validateMeasure(const Indicator& indicator, const Measure& m,
                                              const std::string& field);

// Field errors of a single number (a baseline) as a value of `indicator`.
std::vector<core::FieldError> validateTotal(const Indicator& indicator, std::int64_t total,
                                            const std::string& field);

}  // namespace citygrants::results
