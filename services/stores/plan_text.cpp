#include "services/stores/plan_text.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace citygrants::stores::plan_text {
namespace {

bool holdsSeparator(std::string_view field) {
  return field.find_first_of("\t\n") != std::string_view::npos;
}

template <class Int>
bool parseNumber(std::string_view s, Int& out) {
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), out);
  return error == std::errc() && end == s.data() + s.size();
}

}  // namespace

void addRow(std::vector<results::IndicatorPlan>& plans, std::string_view code, int period,
            std::string_view dimension, std::string_view value, std::int64_t amount) {
  // Rows come grouped by indicator: the last plan is nearly always the one.
  auto it = !plans.empty() && plans.back().indicator == code
                ? plans.end() - 1
                : std::find_if(plans.begin(), plans.end(),
                               [&](const auto& p) { return p.indicator == code; });
  if (it == plans.end())
    it = plans.insert(plans.end(), results::IndicatorPlan{std::string(code), 0, {}});
  if (period == 0) {
    it->baseline = amount;
    return;
  }
  if (it->targets.size() < static_cast<std::size_t>(period)) it->targets.resize(period);
  it->targets[period - 1].put(dimension, value, amount);
}

bool appendRow(std::string& text, std::string_view code, int period, std::string_view dimension,
               std::string_view value, std::int64_t amount) {
  if (holdsSeparator(code) || holdsSeparator(dimension) || holdsSeparator(value)) return false;
  text.append(code).append(1, '\t').append(std::to_string(period)).append(1, '\t');
  text.append(dimension).append(1, '\t').append(value).append(1, '\t');
  text.append(std::to_string(amount)).append(1, '\n');
  return true;
}

std::optional<std::vector<results::IndicatorPlan>> decode(std::string_view text) {
  std::vector<results::IndicatorPlan> plans;
  while (!text.empty()) {
    const auto end = text.find('\n');
    if (end == std::string_view::npos) return std::nullopt;
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end + 1);
    std::array<std::string_view, 5> fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const auto tab = line.find('\t');
      if ((tab == std::string_view::npos) != (i + 1 == fields.size())) return std::nullopt;
      fields[i] = line.substr(0, tab);
      line.remove_prefix(tab == std::string_view::npos ? line.size() : tab + 1);
    }
    int period = 0;
    std::int64_t amount = 0;
    if (fields[0].empty() || !parseNumber(fields[1], period) || period < 0 ||
        !parseNumber(fields[4], amount)) {
      return std::nullopt;
    }
    addRow(plans, fields[0], period, fields[2], fields[3], amount);
  }
  return plans;
}

}  // namespace citygrants::stores::plan_text
