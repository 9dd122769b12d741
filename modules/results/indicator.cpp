#include "modules/results/indicator.h"

#include <algorithm>
#include <set>

#include "modules/core/text.h"

namespace citygrants::results {
namespace {

constexpr std::pair<Unit, std::string_view> kUnits[] = {
    {Unit::kPeople, "people"},         {Unit::kHouseholds, "households"},
    {Unit::kServices, "services"},     {Unit::kCurrency, "currency"},
    {Unit::kPercentage, "percentage"}, {Unit::kYesNo, "yes_no"}};
constexpr std::pair<Aggregation, std::string_view> kAggregations[] = {
    {Aggregation::kSum, "sum"}, {Aggregation::kLatest, "latest"}, {Aggregation::kMax, "max"}};

bool codeLike(const std::string& s) {
  if (s.empty() || s.size() > 40 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

// A text of at most `max` characters (code points) of valid UTF-8.
void checkText(std::vector<core::FieldError>& errors, const std::string& field,
               const std::string& text, std::size_t max) {
  const auto length = core::utf8Length(text);
  if (!length) {
    errors.push_back({field, "field.not_utf8"});
  } else if (*length > max) {
    errors.push_back({field, {"field.too_long", {{"max", max}}}});
  }
}

}  // namespace

std::string_view unitName(Unit unit) {
  for (const auto& [u, name] : kUnits) if (u == unit) return name;
  return "people";
}

std::optional<Unit> unitNamed(std::string_view name) {
  for (const auto& [u, n] : kUnits) if (n == name) return u;
  return std::nullopt;
}

std::string_view aggregationName(Aggregation aggregation) {
  for (const auto& [a, name] : kAggregations) if (a == aggregation) return name;
  return "sum";
}

std::optional<Aggregation> aggregationNamed(std::string_view name) {
  for (const auto& [a, n] : kAggregations) if (n == name) return a;
  return std::nullopt;
}

bool isCount(Unit unit) {
  return unit == Unit::kPeople || unit == Unit::kHouseholds || unit == Unit::kServices;
}

const std::vector<Dimension>& dimensions() {
  static const std::vector<Dimension> kDimensions = {
      {"population_group", {"migrant", "refugee", "internally_displaced", "host_community"}},
      {"sex", {"female", "male", "other_not_stated"}},
      {"age_band", {"age_0_17", "age_18_59", "age_60_plus"}},
      {"reach", {"direct", "indirect"}},
  };
  return kDimensions;
}

const Dimension* findDimension(std::string_view code) {
  for (const auto& d : dimensions()) if (d.code == code) return &d;
  return nullptr;
}

std::vector<core::FieldError> validateIndicator(const Indicator& indicator) {
  std::vector<core::FieldError> errors;
  if (!codeLike(indicator.code)) {
    errors.push_back({"code", {"field.code_lower", {{"min", 1}, {"max", 40}}}});
  }
  for (std::size_t i = 0; i < kIndicatorLanguages.size(); ++i) {
    const std::string lang(kIndicatorLanguages[i]);
    if (core::isBlank(indicator.names[i])) {
      errors.push_back({"names." + lang, "field.required"});
    } else {
      checkText(errors, "names." + lang, indicator.names[i], 200);
    }
    checkText(errors, "definitions." + lang, indicator.definitions[i], 2000);
  }
  if (!indicator.dimensions.empty() && !isCount(indicator.unit)) {
    errors.push_back({"dimensions", "results.dimensions_counts_only"});
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < indicator.dimensions.size(); ++i) {
    const auto& d = indicator.dimensions[i];
    const std::string field = "dimensions[" + std::to_string(i) + "]";
    if (!findDimension(d))
      errors.push_back({field, {"results.dimension_unknown", {{"dimension", d}}}});
    if (!seen.insert(d).second)
      errors.push_back({field, {"results.dimension_twice", {{"dimension", d}}}});
  }
  return errors;
}

}  // namespace citygrants::results
