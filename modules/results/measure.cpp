#include "modules/results/measure.h"

#include <algorithm>
#include <map>
#include <set>

namespace citygrants::results {

std::int64_t Measure::cell(const std::string& dimension, const std::string& value) const {
  for (const auto& c : cells) {
    if (c.dimension == dimension && c.value == value) return c.amount;
  }
  return 0;
}

void Measure::put(const std::string& dimension, const std::string& value, std::int64_t amount) {
  if (dimension.empty()) {
    total = amount;
  } else {
    cells.push_back({dimension, value, amount});
  }
}

std::vector<core::FieldError> validateTotal(const Indicator& indicator, std::int64_t total,
                                            const std::string& field) {
  if (total < 0) return {{field, "must not be negative"}};
  if (total > kMaxValue) return {{field, "must be at most " + std::to_string(kMaxValue)}};
  if (indicator.unit == Unit::kPercentage && total > 100) {
    return {{field, "a percentage is at most 100"}};
  }
  if (indicator.unit == Unit::kYesNo && total > 1) return {{field, "must be 0 (no) or 1 (yes)"}};
  return {};
}

std::vector<core::FieldError> validateMeasure(const Indicator& indicator, const Measure& m,
                                              const std::string& field) {
  auto errors = validateTotal(indicator, m.total, field + ".total");
  std::map<std::string, std::int64_t> sums;  // per dimension given
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& c : m.cells) {
    const std::string at = field + ".breakdown." + c.dimension + "." + c.value;
    const bool chosen = std::find(indicator.dimensions.begin(), indicator.dimensions.end(),
                                  c.dimension) != indicator.dimensions.end();
    const Dimension* d = findDimension(c.dimension);
    if (!chosen || !d) {
      errors.push_back({field + ".breakdown." + c.dimension,
                        "'" + indicator.code + "' is not broken down by '" + c.dimension + "'"});
      continue;
    }
    if (std::find(d->values.begin(), d->values.end(), c.value) == d->values.end()) {
      errors.push_back({at, "'" + c.value + "' is not a value of " + c.dimension});
      continue;
    }
    if (!seen.insert({c.dimension, c.value}).second) {
      errors.push_back({at, "given twice"});
      continue;
    }
    if (c.amount < 0 || c.amount > kMaxValue) {
      errors.push_back({at, c.amount < 0 ? "must not be negative" : "too large"});
      continue;
    }
    sums[c.dimension] += c.amount;
  }
  for (const auto& [dimension, sum] : sums) {
    if (sum != m.total) {
      errors.push_back({field + ".breakdown." + dimension,
                        "the cells add up to " + std::to_string(sum) + ", not to the total " +
                            std::to_string(m.total)});
    }
  }
  return errors;
}

}  // namespace citygrants::results
