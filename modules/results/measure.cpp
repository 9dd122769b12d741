#include "modules/results/measure.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace citygrants::results {

std::int64_t Measure::cell(const std::string& dimension, const std::string& value) const {
  for (const auto& c : cells) {
    if (c.dimension == dimension && c.value == value) return c.amount;
  }
  return 0;
}

void Measure::put(std::string_view dimension, std::string_view value, std::int64_t amount) {
  if (dimension.empty()) {
    total = amount;
  } else {
    if (cells.empty()) cells.reserve(16);  // a stored target's breakdowns: about a dozen cells
    cells.push_back({std::string(dimension), std::string(value), amount});
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
  // A proposal being written is checked on each read: nothing is allocated for a cell that is
  // right (a measure has a few dozen cells at most, so the lists are searched in order).
  std::vector<std::pair<std::string_view, std::int64_t>> sums;  // per dimension given
  std::vector<const Cell*> seen;
  for (const auto& c : m.cells) {
    auto at = [&] { return field + ".breakdown." + c.dimension + "." + c.value; };
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
          {at(), {"results.not_a_value", {{"value", c.value}, {"dimension", c.dimension}}}});
      continue;
    }
    if (std::any_of(seen.begin(), seen.end(), [&](const Cell* s) {
          return s->dimension == c.dimension && s->value == c.value;
        })) {
      errors.push_back({at(), "field.twice"});
      continue;
    }
    seen.push_back(&c);
    if (c.amount < 0 || c.amount > kMaxValue) {
      errors.push_back({at(), c.amount < 0 ? core::Message("field.not_negative")
                                           : core::Message("field.at_most", {{"max", kMaxValue}})});
      continue;
    }
    auto sum = std::find_if(sums.begin(), sums.end(),
                            [&](const auto& s) { return s.first == c.dimension; });
    if (sum == sums.end()) sum = sums.insert(sums.end(), {c.dimension, 0});
    sum->second += c.amount;
  }
  std::sort(sums.begin(), sums.end());  // errors in the order of the dimensions' names
  for (const auto& [dimension, sum] : sums) {
    if (sum != m.total) {
      errors.push_back({field + ".breakdown." + std::string(dimension),
                        {"results.cells_sum", {{"sum", sum}, {"total", m.total}}}});
    }
  }
  return errors;
}

}  // namespace citygrants::results
