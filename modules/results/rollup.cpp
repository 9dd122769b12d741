#include "modules/results/rollup.h"

#include <algorithm>

#include "modules/core/money.h"
#include "modules/results/allocation.h"

namespace citygrants::results {
namespace {

using Combine = std::int64_t (*)(std::int64_t, std::int64_t);

std::int64_t add(std::int64_t a, std::int64_t b) { return a + b; }
std::int64_t later(std::int64_t, std::int64_t b) { return b; }
std::int64_t higher(std::int64_t a, std::int64_t b) { return std::max(a, b); }

// `into` combined with `m`, total and cells alike.
void combine(Measure& into, const Measure& m, Combine f) {
  into.total = f(into.total, m.total);
  for (const auto& c : m.cells) {
    auto it = std::find_if(into.cells.begin(), into.cells.end(), [&](const Cell& x) {
      return x.dimension == c.dimension && x.value == c.value;
    });
    if (it == into.cells.end()) {
      into.cells.push_back({c.dimension, c.value, f(0, c.amount)});
    } else {
      it->amount = f(it->amount, c.amount);
    }
  }
}

// A grant's value on one indicator: over all its periods, or only `period`.
std::optional<Measure> valueOf(const Indicator& indicator,
                               const std::map<std::string, std::map<int, Measure>>& by_code,
                               std::optional<int> period) {
  const auto found = by_code.find(indicator.code);
  if (found == by_code.end() || found->second.empty()) return std::nullopt;
  if (!period) return acrossPeriods(indicator.aggregation, found->second);
  const auto at = found->second.find(*period);
  if (at == found->second.end()) return std::nullopt;
  return at->second;
}

// Running sums of one indicator in one group, with the count of values for a mean.
struct Sums {
  IndicatorTotals totals;
  int target_values = 0;
  int actual_values = 0;
};

void finish(const Indicator& indicator, Sums& s) {
  if (indicator.unit != Unit::kPercentage) return;
  auto mean = [](Measure& m, int n) {
    if (n > 0) m.total /= n;
  };
  mean(s.totals.target, s.target_values);
  mean(s.totals.actual, s.actual_values);
}

}  // namespace

Measure acrossPeriods(Aggregation aggregation, const std::map<int, Measure>& periods) {
  Measure out;
  const Combine f = aggregation == Aggregation::kSum      ? add
                    : aggregation == Aggregation::kLatest ? later
                                                          : higher;
  for (const auto& [period, m] : periods) {
    if (aggregation == Aggregation::kLatest) {
      out = m;  // periods are ordered: the last one wins whole, cells included
    } else {
      combine(out, m, f);
    }
  }
  return out;
}

std::vector<Measure> attributeMeasure(const Measure& m, const std::vector<std::int64_t>& weights) {
  std::vector<Measure> out(weights.size());
  const auto totals = attribute(m.total, weights);
  for (std::size_t i = 0; i < weights.size(); ++i) out[i].total = totals[i];
  for (const auto& c : m.cells) {
    const auto parts = attribute(c.amount, weights);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      out[i].cells.push_back({c.dimension, c.value, parts[i]});
    }
  }
  return out;
}

RollUp rollUp(const std::vector<Indicator>& catalog, const std::vector<GrantResults>& grants,
              std::optional<int> period) {
  // group key -> indicator code -> sums
  std::map<std::string, std::map<std::string, Sums>> groups;
  std::map<std::string, Sums> whole;
  for (const auto& g : grants) {
    // Shares with the same key (two chapters of one donor) are one share of their summed
    // weight: the grant counts once in its group.
    std::vector<std::pair<std::string, std::int64_t>> shares;
    for (const auto& s : g.shares) {
      const auto same = std::find_if(shares.begin(), shares.end(),
                                     [&](const auto& x) { return x.first == s.first; });
      if (same == shares.end()) {
        shares.push_back(s);
      } else {
        same->second += s.second;
      }
    }
    if (shares.empty()) shares.push_back({"", 1});
    std::vector<std::int64_t> weights;
    for (const auto& s : shares) weights.push_back(s.second);
    for (const auto& indicator : catalog) {
      const auto target = valueOf(indicator, g.targets, period);
      const auto actual = valueOf(indicator, g.actuals, period);
      if (!target && !actual) continue;
      const bool split = isCount(indicator.unit) || indicator.unit == Unit::kCurrency;
      auto parts = [&](const std::optional<Measure>& m) {
        const Measure v = m.value_or(Measure{});
        return split ? attributeMeasure(v, weights) : std::vector<Measure>(shares.size(), v);
      };
      const auto targets = parts(target);
      const auto actuals = parts(actual);
      auto count = [&](Sums& s, const Measure& t, const Measure& a) {
        s.totals.indicator = indicator.code;
        combine(s.totals.target, t, add);
        combine(s.totals.actual, a, add);
        s.totals.grants += 1;
        s.target_values += target ? 1 : 0;
        s.actual_values += actual ? 1 : 0;
      };
      for (std::size_t i = 0; i < shares.size(); ++i) {
        count(groups[shares[i].first][indicator.code], targets[i], actuals[i]);
      }
      count(whole[indicator.code], target.value_or(Measure{}), actual.value_or(Measure{}));
    }
  }
  auto ordered = [&](std::map<std::string, Sums>& by_code, const std::string& key) {
    Group out{key, {}};
    for (const auto& indicator : catalog) {
      auto it = by_code.find(indicator.code);
      if (it == by_code.end()) continue;
      finish(indicator, it->second);
      out.indicators.push_back(it->second.totals);
    }
    return out;
  };
  RollUp r;
  for (auto& [key, by_code] : groups) r.groups.push_back(ordered(by_code, key));
  r.total = ordered(whole, "");
  return r;
}

std::optional<std::int64_t> achievedPercent(std::int64_t target, std::int64_t actual) {
  if (target <= 0) return std::nullopt;
  return core::mulDiv(actual, 100, target);
}

}  // namespace citygrants::results
