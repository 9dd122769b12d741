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
  if (total < 0) return {{field, "field.not_negative"}};
  if (total > kMaxValue) return {{field, {"field.at_most", {{"max", kMaxValue}}}}};
  if (indicator.unit == Unit::kPercentage && total > 100) {
    return {{field, {"results.percentage_max", {{"max", 100}}}}};
  }
  if (indicator.unit == Unit::kYesNo && total > 1) return {{field, "results.yes_no"}};
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
      errors.push_back(
          {field + ".breakdown." + c.dimension,
           {"results.not_broken_down", {{"code", indicator.code}, {"dimension", c.dimension}}}});
      continue;
    }
    if (std::find(d->values.begin(), d->values.end(), c.value) == d->values.end()) {
      errors.push_back(
          {at, {"results.not_a_value", {{"value", c.value}, {"dimension", c.dimension}}}});
      continue;
    }
    if (!seen.insert({c.dimension, c.value}).second) {
      errors.push_back({at, "field.twice"});
      continue;
    }
    if (c.amount < 0 || c.amount > kMaxValue) {
      errors.push_back({at, c.amount < 0 ? core::Message("field.not_negative")
                                         : core::Message("field.at_most", {{"max", kMaxValue}})});
      continue;
    }
    sums[c.dimension] += c.amount;
  }
  for (const auto& [dimension, sum] : sums) {
    if (sum != m.total) {
      errors.push_back({field + ".breakdown." + dimension,
                        {"results.cells_sum", {{"sum", sum}, {"total", m.total}}}});
    }
  }
  return errors;
}

}  // namespace citygrants::results
