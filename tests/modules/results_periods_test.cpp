#include "modules/results/rollup.h"

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/modules/results_fixtures.h"

// One grant's value over its periods, a value split between funders, and the share achieved.
namespace citygrants::results {
namespace {

using namespace testing;
using Periods = std::map<int, Measure>;

constexpr std::int64_t kHuge = std::numeric_limits<std::int64_t>::max() / 2;

}  // namespace

BOOST_AUTO_TEST_SUITE(results_periods)

BOOST_AUTO_TEST_CASE(a_grant_adds_up_its_periods_per_aggregation_cells_included) {
  const Periods periods = {{2, people(5, 5, 0)}, {1, people(10, 4, 6)}, {3, people(8, 1, 7)}};
  struct Row {
    Aggregation aggregation;
    std::int64_t total, female, male;
  };
  const Row rows[] = {
      {Aggregation::kSum, 23, 10, 13},
      {Aggregation::kLatest, 8, 1, 7},  // period 3, though given last but one
      {Aggregation::kMax, 10, 5, 7},    // each on its own
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(aggregationName(row.aggregation)) {
      const Measure m = acrossPeriods(row.aggregation, periods);
      BOOST_TEST(m.total == row.total);
      BOOST_TEST(m.cell("sex", "female") == row.female);
      BOOST_TEST(m.cell("sex", "male") == row.male);
      BOOST_TEST(m.cells.size() == 2u);
    }
  }
}

BOOST_AUTO_TEST_CASE(the_latest_period_wins_whole_with_only_its_own_cells) {
  const Periods periods = {{1, Measure{10, {{"reach", "direct", 10}}}},
                           {2, Measure{4, {{"sex", "female", 4}}}}};
  const Measure latest = acrossPeriods(Aggregation::kLatest, periods);
  BOOST_TEST((latest == Measure{4, {{"sex", "female", 4}}}));
  BOOST_TEST(latest.cell("reach", "direct") == 0);

  const Measure sum = acrossPeriods(Aggregation::kSum, periods);
  BOOST_TEST(sum.total == 14);
  BOOST_TEST(sum.cell("reach", "direct") == 10);
  BOOST_TEST(sum.cell("sex", "female") == 4);
}

BOOST_AUTO_TEST_CASE(no_periods_are_a_zero_measure_and_one_period_is_itself) {
  for (auto a : {Aggregation::kSum, Aggregation::kLatest, Aggregation::kMax}) {
    BOOST_TEST_CONTEXT(aggregationName(a)) {
      BOOST_TEST((acrossPeriods(a, {}) == Measure{}));
      BOOST_TEST((acrossPeriods(a, {{1, people(9, 3, 6)}}) == people(9, 3, 6)));
      BOOST_TEST((acrossPeriods(a, {{1, value(0)}, {2, value(0)}}) == value(0)));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_measure_is_attributed_total_and_cells_each_on_its_own) {
  const auto parts = attributeMeasure(people(10, 6, 4), {1, 1, 1});
  BOOST_TEST_REQUIRE(parts.size() == 3u);
  BOOST_TEST((parts[0] == people(3, 2, 1)));
  BOOST_TEST((parts[1] == people(3, 2, 1)));
  BOOST_TEST((parts[2] == people(4, 2, 2)));
  BOOST_TEST((attributeMeasure(value(5), {7}) == std::vector<Measure>{value(5)}));
  BOOST_TEST((attributeMeasure(Measure{}, {1, 2}) == std::vector<Measure>{Measure{}, Measure{}}));
}

BOOST_AUTO_TEST_CASE(achievement_is_a_whole_percent_of_a_positive_target) {
  struct Row {
    std::int64_t target, actual;
    std::optional<std::int64_t> percent;
  };
  const Row rows[] = {
      {100, 50, 50},
      {3, 1, 33},  // rounded down
      {3, 2, 66},
      {1, 5, 500},
      {200, 0, 0},
      {7, 7, 100},
      {kMaxValue, kMaxValue, 100},
      {kHuge, kHuge, 100},  // 100 x actual overflows int64
      {kHuge, kHuge - 1, 99},
      {kMaxValue, kMaxValue - 1, 99},
      {1, 1'000'000, 100'000'000},
      {0, 5, std::nullopt},
      {0, 0, std::nullopt},
      {-1, 5, std::nullopt},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.actual << " of " << row.target) {
      BOOST_TEST((achievedPercent(row.target, row.actual) == row.percent));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::results
