#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/results/measure.h"

// Results added up over periods, grants and groups of grants (per call, chapter, donor, city,
// country): target against actual per indicator and per breakdown value.
namespace citygrants::results {

// A grant as a roll-up sees it: which groups it belongs to, with what weight, and its targets
// and (verified) actuals per indicator code and period.
struct GrantResults {
  std::int64_t grant_id = 0;
  // The groups the grant counts in and their weights. One share (weight 1) for a call, city or
  // country; for chapters and donors one share per funder weighted by its allocation, so counts
  // and money are attributed pro rata (the remainder to the last). Shares with the same key
  // count as one (their weights summed). Empty: the "" group.
  std::vector<std::pair<std::string, std::int64_t>> shares;
  std::map<std::string, std::map<int, Measure>> targets;
  std::map<std::string, std::map<int, Measure>> actuals;
};

// One indicator's figures in a group.
struct IndicatorTotals {
  std::string indicator;
  Measure target;
  Measure actual;
  int grants = 0;  // grants with a target or a result on it
};

struct Group {
  std::string key;
  std::vector<IndicatorTotals> indicators;  // in catalog order, only those with figures
};

struct RollUp {
  std::vector<Group> groups;  // by key
  Group total;                // the whole: every group added up (key "")
};

// One grant's value over its periods: their sum, the latest period's value, or the highest,
// per total and per cell. An empty map is a zero measure.
Measure acrossPeriods(Aggregation aggregation, const std::map<int, Measure>& periods);

// `m` split by `weights` as attribute() splits money: the total and each cell on its own.
std::vector<Measure> attributeMeasure(const Measure& m, const std::vector<std::int64_t>& weights);

// Adds up `grants` per group for the indicators of `catalog` (only `period` when given).
// Counts and money are summed (pro rata across funders); yes/no values count the grants that
// say yes, and percentages are the mean over the grants that state one (neither is split
// between funders).
RollUp rollUp(const std::vector<Indicator>& catalog, const std::vector<GrantResults>& grants,
              std::optional<int> period);

// actual / target in whole percent (rounded down), nullopt without a positive target.
std::optional<std::int64_t> achievedPercent(std::int64_t target, std::int64_t actual);

}  // namespace citygrants::results
