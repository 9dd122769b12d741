#include "modules/results/allocation.h"

#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/core/money.h"
#include "tests/modules/results_fixtures.h"

namespace citygrants::results {
namespace {

using namespace testing;

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

__extension__ typedef __int128 Wide;  // exact products for the expected parts

// Three chapters funding a call: 1 has 800 of 1,000 left, 2 has all its 500, 3 has nothing left.
std::vector<ChapterRoom> rooms() {
  return {{1, 1'000, 200}, {2, 500, 0}, {3, 300, 300}};
}

std::int64_t sum(const std::vector<std::int64_t>& v) {
  return std::accumulate(v.begin(), v.end(), std::int64_t{0});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(results_allocation)

BOOST_AUTO_TEST_CASE(the_room_left_is_committed_less_allocated_elsewhere) {
  BOOST_TEST(rooms()[0].left() == 800);
  BOOST_TEST(rooms()[1].left() == 500);
  BOOST_TEST(rooms()[2].left() == 0);
  BOOST_TEST((ChapterRoom{4, 100, 150}.left()) == -50);
}

BOOST_AUTO_TEST_CASE(each_allocation_rule_names_its_field) {
  struct Row {
    const char* name;
    std::int64_t award;
    std::vector<Allocation> allocations;
    Fields fields;
    const char* message;  // of the first field, "" when valid
  };
  const Row rows[] = {
      {"two chapters, one to its last unit", 1'000, {{1, 800}, {2, 200}}, {}, ""},
      {"one chapter", 500, {{2, 500}}, {}, ""},
      {"every chapter with room", 1'300, {{2, 500}, {1, 800}}, {}, ""},
      {"none", 1'000, {}, {"allocations"}, "allocation.none"},
      {"short of the award",
       1'000,
       {{1, 800}, {2, 100}},
       {"allocations"},
       "allocation.not_award(sum=900, award=1000)"},
      {"over the award",
       1'000,
       {{1, 700}, {2, 301}},
       {"allocations"},
       "allocation.not_award(sum=1001, award=1000)"},
      {"over the chapter's room",
       1'000,
       {{1, 801}, {2, 199}},
       {"allocations[0].amount_minor"},
       "allocation.chapter_short(left=800, committed=1000)"},
      {"from a chapter with nothing left",
       1'000,
       {{1, 800}, {2, 199}, {3, 1}},
       {"allocations[2].amount_minor"},
       "allocation.chapter_short(left=0, committed=300)"},
      {"an unknown chapter",
       1'000,
       {{1, 800}, {9, 200}},
       {"allocations[1].chapter_id"},
       "allocation.not_funding(chapter=9)"},
      {"a chapter twice",
       1'000,
       {{1, 400}, {2, 200}, {1, 400}},
       {"allocations[2].chapter_id"},
       "allocation.chapter_twice"},
      {"zero", 500, {{2, 500}, {1, 0}}, {"allocations[1].amount_minor"}, "allocation.amount_range"},
      {"negative, balancing an excess",
       500,
       {{2, 500}, {1, 100}, {3, -100}},
       {"allocations[2].amount_minor"},
       "allocation.amount_range"},
      {"more than the award",
       500,
       {{1, 501}},
       {"allocations[0].amount_minor"},
       "allocation.amount_range"},
      {"several faults",
       1'000,
       {{7, 1}, {1, 900}, {2, 0}, {2, 100}},
       {"allocations[0].chapter_id", "allocations[1].amount_minor", "allocations[2].amount_minor",
        "allocations[3].chapter_id"},
       "allocation.not_funding(chapter=7)"},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      const auto errors = validateAllocations(row.award, row.allocations, rooms());
      BOOST_TEST(fieldsOf(errors) == row.fields, boost::test_tools::per_element());
      if (!row.fields.empty()) BOOST_TEST(messageAt(errors, row.fields.front()) == row.message);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_call_without_chapters_accepts_no_allocation) {
  BOOST_TEST(fieldsOf(validateAllocations(100, {{1, 100}}, {})) ==
                 Fields{"allocations[0].chapter_id"},
             boost::test_tools::per_element());
  BOOST_TEST(fieldsOf(validateAllocations(100, {}, {})) == Fields{"allocations"},
             boost::test_tools::per_element());
}

// Amounts whose sum overflows int64 must not wrap around to the award: 3 x 7e18 + 4.4e18 is the
// award of 7e18 plus 2^64.
BOOST_AUTO_TEST_CASE(allocations_whose_sum_overflows_do_not_add_up_to_the_award) {
  const std::int64_t award = 7'000'000'000'000'000'000;
  const std::int64_t wrap = static_cast<std::int64_t>((Wide{1} << 64) - Wide{2} * award);
  const std::vector<ChapterRoom> big = {{1, award, 0}, {2, award, 0}, {3, award, 0}, {4, award, 0}};
  const std::vector<Allocation> allocations = {{1, award}, {2, award}, {3, award}, {4, wrap}};
  const auto errors = validateAllocations(award, allocations, big);
  BOOST_TEST(fieldsOf(errors) == Fields{"allocations"}, boost::test_tools::per_element());
  BOOST_TEST(messageAt(errors, "allocations") ==
             "allocation.over_award(award=7000000000000000000)");
  // At the edge without overflow the sum is still named.
  const auto at_edge = validateAllocations(kMax, {{1, kMax - 1}, {2, 2}},
                                           {{1, kMax, 0}, {2, kMax, 0}});
  BOOST_TEST(fieldsOf(at_edge) == Fields{"allocations"}, boost::test_tools::per_element());
  BOOST_TEST(validateAllocations(kMax, {{1, kMax - 1}, {2, 1}}, {{1, kMax, 0}, {2, kMax, 0}})
                 .empty());
}

BOOST_AUTO_TEST_CASE(the_default_split_takes_chapters_in_order_until_the_award_is_covered) {
  struct Row {
    std::int64_t award;
    std::optional<std::vector<Allocation>> split;
  };
  const Row rows[] = {
      {1, std::vector<Allocation>{{1, 1}}},
      {500, std::vector<Allocation>{{1, 500}}},
      {800, std::vector<Allocation>{{1, 800}}},
      {801, std::vector<Allocation>{{1, 800}, {2, 1}}},
      {1'000, std::vector<Allocation>{{1, 800}, {2, 200}}},
      {1'300, std::vector<Allocation>{{1, 800}, {2, 500}}},
      {1'301, std::nullopt},
      {1'000'000, std::nullopt},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT("award " << row.award) {
      const auto got = fillAllocations(row.award, rooms());
      BOOST_TEST(got.has_value() == row.split.has_value());
      if (got && row.split) BOOST_TEST((*got == *row.split));
    }
  }
}

BOOST_AUTO_TEST_CASE(the_default_split_skips_chapters_with_nothing_or_less_than_nothing_left) {
  const std::vector<ChapterRoom> chapters = {{4, 100, 150}, {3, 300, 300}, {2, 500, 0}, {5, 50, 0}};
  const auto got = fillAllocations(520, chapters);
  BOOST_TEST_REQUIRE(got.has_value());
  BOOST_TEST((*got == std::vector<Allocation>{{2, 500}, {5, 20}}));
  BOOST_TEST(!fillAllocations(551, chapters).has_value());
  BOOST_TEST(!fillAllocations(1, {}).has_value());
  BOOST_TEST(!fillAllocations(1, {{4, 100, 150}}).has_value());
}

BOOST_AUTO_TEST_CASE(the_default_split_always_passes_validation) {
  for (std::int64_t award = 1; award <= 1'300; ++award) {
    const auto got = fillAllocations(award, rooms());
    BOOST_TEST_REQUIRE(got.has_value());
    BOOST_TEST_CONTEXT("award " << award) {
      BOOST_TEST(validateAllocations(award, *got, rooms()).empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(attribution_rounds_down_and_gives_the_remainder_to_the_last) {
  struct Row {
    std::int64_t amount;
    std::vector<std::int64_t> weights;
    std::vector<std::int64_t> parts;
  };
  const Row rows[] = {
      {100, {1, 1, 1}, {33, 33, 34}},
      {10, {3, 7}, {3, 7}},
      {1, {1, 1}, {0, 1}},
      {999, {1}, {999}},
      {100, {2, 1, 1}, {50, 25, 25}},
      {5, {1, 1, 1, 1, 1, 1, 1}, {0, 0, 0, 0, 0, 0, 5}},
      {7, {0, 1}, {0, 7}},
      {7, {1, 0}, {7, 0}},
      {7, {0, 5, 0}, {0, 7, 0}},
      {1'000'001, {800, 200}, {800'000, 200'001}},
      {0, {5, 5}, {0, 0}},
      {0, {1}, {0}},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.amount << " by " << row.weights.size() << " weights") {
      BOOST_TEST(attribute(row.amount, row.weights) == row.parts, boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(attributed_parts_add_up_to_the_amount_for_many_tables) {
  std::mt19937_64 rng(20'260'301);  // fixed: the same tables every run
  auto below = [&](std::int64_t n) {
    return static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(n));
  };
  const std::int64_t amount_limits[] = {10, 1'000, 1'000'000'000, kMax};
  const std::int64_t weight_limits[] = {3, 1'000, 1'000'000'000'000, kMax / 16};
  for (int round = 0; round < 4'000; ++round) {
    const std::size_t n = 1 + static_cast<std::size_t>(below(8));
    std::vector<std::int64_t> weights(n);
    const std::int64_t weight_limit = weight_limits[below(4)];
    for (auto& w : weights) w = below(weight_limit);
    if (sum(weights) == 0) weights[static_cast<std::size_t>(below(static_cast<std::int64_t>(n)))] = 1;
    const std::int64_t amount = below(amount_limits[below(4)]);

    const auto parts = attribute(amount, weights);
    BOOST_TEST_CONTEXT("round " << round << ": " << amount << " over " << n << " weights") {
      BOOST_TEST_REQUIRE(parts.size() == n);
      const Wide total = std::accumulate(weights.begin(), weights.end(), Wide{0});
      Wide given = 0;
      for (std::size_t i = 0; i < n; ++i) {
        BOOST_TEST(parts[i] >= 0);
        given += parts[i];
        const Wide exact = Wide{amount} * weights[i] / total;  // rounded down
        if (i + 1 < n) {
          BOOST_TEST((parts[i] == exact));
        } else {
          // The last takes its own share and the remainder, less than one unit per part.
          BOOST_TEST((parts[i] >= exact));
          BOOST_TEST((parts[i] - exact < static_cast<Wide>(n)));
        }
      }
      BOOST_TEST((given == amount));
    }
  }
}

BOOST_AUTO_TEST_CASE(attribution_of_the_largest_amounts_does_not_overflow) {
  BOOST_TEST(attribute(kMax, {kMax / 2, kMax - kMax / 2}) ==
                 (std::vector<std::int64_t>{kMax / 2, kMax - kMax / 2}),
             boost::test_tools::per_element());
  BOOST_TEST(attribute(kMax, {1, 1}) == (std::vector<std::int64_t>{kMax / 2, kMax - kMax / 2}),
             boost::test_tools::per_element());
  const auto thirds = attribute(kMax, {kMax / 3, kMax / 3, kMax / 3});
  BOOST_TEST(sum(thirds) == kMax);
  BOOST_TEST(thirds[0] == kMax / 3);
}

BOOST_AUTO_TEST_CASE(weights_are_the_allocated_amounts_in_order) {
  BOOST_TEST(weightsOf({{1, 800}, {2, 200}, {7, 5}}) == (std::vector<std::int64_t>{800, 200, 5}),
             boost::test_tools::per_element());
  BOOST_TEST(weightsOf({}).empty());
  // A disbursement attributed by a grant's allocations.
  BOOST_TEST(attribute(333, weightsOf({{1, 800}, {2, 200}})) == (std::vector<std::int64_t>{266, 67}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(mul_div_is_exact_where_the_product_overflows_int64) {
  struct Row {
    std::int64_t a, b, c, expected;
  };
  const std::int64_t e18 = 1'000'000'000'000'000'000;
  const Row rows[] = {
      {6, 7, 4, 10},
      {kMax, kMax, kMax, kMax},
      {kMax, 2, 4, 4'611'686'018'427'387'903},
      {kMax, kMax - 1, kMax, kMax - 1},
      {e18, e18, e18, e18},
      {3 * e18, 3 * e18, 9 * e18, e18},
      {kMax, 100, kMax, 100},
      {kMax, 3, 7, 3'952'873'730'080'618'203},
      {kMin, 1, 2, kMin / 2},
      {kMin, -1, -1, kMin},
      {-7, 1, 2, -3},   // toward zero
      {7, -1, 2, -3},
      {-7, -1, 2, 3},
      {7, 1, -2, -3},
      {0, kMax, 1, 0},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.a << " * " << row.b << " / " << row.c) {
      BOOST_TEST(core::mulDiv(row.a, row.b, row.c) == row.expected);
    }
  }
  // 2^62 * 2^62 / 2^63-1 rounds down to 2^61, the product being 2^124.
  BOOST_TEST(core::mulDiv(std::int64_t{1} << 62, std::int64_t{1} << 62, kMax) ==
             std::int64_t{1} << 61);
  BOOST_TEST(core::mulDiv(std::int64_t{1} << 62, std::int64_t{1} << 62, std::int64_t{1} << 62) ==
             std::int64_t{1} << 62);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::results
