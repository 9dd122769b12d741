#include "modules/results/rollup.h"

#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/results/indicator.h"
#include "tests/modules/results_fixtures.h"

namespace citygrants::results {
namespace {

using namespace testing;

// The GCF catalog and a percentage indicator, the share of local staff (latest period counts).
std::vector<Indicator> catalog() {
  auto out = gcfIndicators();
  Indicator local;
  local.code = "local_staff_share";
  local.unit = Unit::kPercentage;
  local.aggregation = Aggregation::kLatest;
  out.push_back(local);
  return out;
}

// Grant 1 is funded 3:1 by A and B, grant 2 by B alone, grant 3 by nobody named.
std::vector<GrantResults> grants() {
  GrantResults g1;
  g1.grant_id = 1;
  g1.shares = {{"A", 3}, {"B", 1}};
  g1.targets["people_reached"] = {{1, people(1'000, 600, 400)}, {2, people(1'000, 500, 500)}};
  g1.actuals["people_reached"] = {{1, people(701, 401, 300)}};
  g1.actuals["follow_on_funding"] = {{2, value(100'001)}};
  g1.actuals["programme_institutionalised"] = {{1, value(0)}, {2, value(1)}};
  g1.actuals["local_staff_share"] = {{1, value(40)}};

  GrantResults g2;
  g2.grant_id = 2;
  g2.shares = {{"B", 1}};
  g2.targets["people_reached"] = {{1, value(100)}};
  g2.targets["local_staff_share"] = {{2, value(80)}};
  g2.actuals["people_reached"] = {{1, value(50)}};
  g2.actuals["programme_institutionalised"] = {{2, value(1)}};
  g2.actuals["local_staff_share"] = {{1, value(61)}};

  GrantResults g3;
  g3.grant_id = 3;
  g3.actuals["people_reached"] = {{1, value(7)}};
  g3.actuals["programme_institutionalised"] = {{1, value(1)}, {2, value(0)}};
  return {g1, g2, g3};
}

const Group* groupOf(const RollUp& r, const std::string& key) {
  for (const auto& g : r.groups) {
    if (g.key == key) return &g;
  }
  return nullptr;
}

const IndicatorTotals* figuresOf(const Group& g, const std::string& code) {
  for (const auto& i : g.indicators) {
    if (i.indicator == code) return &i;
  }
  return nullptr;
}

std::vector<std::string> keysOf(const RollUp& r) {
  std::vector<std::string> out;
  for (const auto& g : r.groups) out.push_back(g.key);
  return out;
}

std::vector<std::string> codesOf(const Group& g) {
  std::vector<std::string> out;
  for (const auto& i : g.indicators) out.push_back(i.indicator);
  return out;
}

using Strings = std::vector<std::string>;

// One expected line of a roll-up: a group's figures on one indicator.
struct Expected {
  const char* key;  // "*" for the whole
  const char* code;
  std::int64_t target;
  std::int64_t actual;
  int grants;
};

void check(const RollUp& r, const Expected& e) {
  BOOST_TEST_CONTEXT(e.key << " / " << e.code) {
    const Group* g = std::string(e.key) == "*" ? &r.total : groupOf(r, e.key);
    BOOST_TEST_REQUIRE(g != nullptr);
    const IndicatorTotals* f = figuresOf(*g, e.code);
    BOOST_TEST_REQUIRE(f != nullptr);
    BOOST_TEST(f->target.total == e.target);
    BOOST_TEST(f->actual.total == e.actual);
    BOOST_TEST(f->grants == e.grants);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(results_rollup)

BOOST_AUTO_TEST_CASE(groups_come_by_key_with_indicators_in_catalog_order) {
  const auto r = rollUp(catalog(), grants(), std::nullopt);
  BOOST_TEST(keysOf(r) == (Strings{"", "A", "B"}), boost::test_tools::per_element());
  BOOST_TEST(r.total.key == "");
  BOOST_TEST(codesOf(r.total) == (Strings{"people_reached", "follow_on_funding",
                                          "programme_institutionalised", "local_staff_share"}),
             boost::test_tools::per_element());
  // A grant without shares counts in the "" group, and only in the indicators it has figures on.
  BOOST_TEST(codesOf(*groupOf(r, "")) == (Strings{"people_reached", "programme_institutionalised"}),
             boost::test_tools::per_element());
  BOOST_TEST(codesOf(*groupOf(r, "B")) == codesOf(r.total), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(counts_and_money_are_split_pro_rata_between_funders) {
  const auto r = rollUp(catalog(), grants(), std::nullopt);
  const Expected rows[] = {
      // people: grant 1 2,000 / 701 split 3:1, grant 2 100 / 50 to B, grant 3 - / 7 to "".
      {"A", "people_reached", 1'500, 525, 1},
      {"B", "people_reached", 500 + 100, 176 + 50, 2},
      {"", "people_reached", 0, 7, 1},
      {"*", "people_reached", 2'100, 758, 3},
      // money: grant 1 raised 100,001, 3:1.
      {"A", "follow_on_funding", 0, 75'000, 1},
      {"B", "follow_on_funding", 0, 25'001, 1},
      {"*", "follow_on_funding", 0, 100'001, 1},
  };
  for (const auto& e : rows) check(r, e);

  // The cells are split the same way.
  const auto* a = figuresOf(*groupOf(r, "A"), "people_reached");
  const auto* b = figuresOf(*groupOf(r, "B"), "people_reached");
  const auto* whole = figuresOf(r.total, "people_reached");
  BOOST_TEST(a->target.cell("sex", "female") == 825);
  BOOST_TEST(b->target.cell("sex", "female") == 275);
  BOOST_TEST(a->actual.cell("sex", "female") == 300);
  BOOST_TEST(b->actual.cell("sex", "female") == 101);
  BOOST_TEST(a->actual.cell("sex", "male") == 225);
  BOOST_TEST(b->actual.cell("sex", "male") == 75);
  BOOST_TEST(whole->target.cell("sex", "female") == 1'100);
  BOOST_TEST(whole->target.cell("sex", "male") == 900);
  BOOST_TEST(whole->actual.cell("sex", "female") == 401);
  BOOST_TEST(whole->actual.cell("sex", "male") == 300);
}

BOOST_AUTO_TEST_CASE(yes_no_counts_the_grants_saying_yes_in_every_group_they_count_in) {
  const auto r = rollUp(catalog(), grants(), std::nullopt);
  // Latest periods: grant 1 yes, grant 2 yes, grant 3 no.
  const Expected rows[] = {
      {"A", "programme_institutionalised", 0, 1, 1},  // grant 1 whole, not 3/4 of it
      {"B", "programme_institutionalised", 0, 2, 2},
      {"", "programme_institutionalised", 0, 0, 1},
      {"*", "programme_institutionalised", 0, 2, 3},
  };
  for (const auto& e : rows) check(r, e);
}

BOOST_AUTO_TEST_CASE(percentages_are_the_mean_over_the_grants_stating_one) {
  const auto r = rollUp(catalog(), grants(), std::nullopt);
  // Actuals 40 (grant 1) and 61 (grant 2); one target, 80, of grant 2.
  const Expected rows[] = {
      {"A", "local_staff_share", 0, 40, 1},
      {"B", "local_staff_share", 80, 50, 2},  // (40 + 61) / 2 rounded down; 80 / 1
      {"*", "local_staff_share", 80, 50, 2},
  };
  for (const auto& e : rows) check(r, e);
}

BOOST_AUTO_TEST_CASE(a_period_filter_takes_only_that_periods_figures) {
  const auto first = rollUp(catalog(), grants(), 1);
  const Expected first_rows[] = {
      {"A", "people_reached", 750, 525, 1},
      {"B", "people_reached", 250 + 100, 176 + 50, 2},
      {"", "people_reached", 0, 7, 1},
      {"*", "people_reached", 1'100, 758, 3},
      {"A", "programme_institutionalised", 0, 0, 1},
      {"*", "programme_institutionalised", 0, 1, 2},  // grant 3 said yes in period 1
      {"*", "local_staff_share", 0, 50, 2},
  };
  for (const auto& e : first_rows) check(first, e);
  BOOST_TEST(figuresOf(first.total, "follow_on_funding") == nullptr);

  const auto second = rollUp(catalog(), grants(), 2);
  const Expected second_rows[] = {
      {"A", "people_reached", 750, 0, 1},
      {"B", "people_reached", 250, 0, 1},  // grant 2 has nothing in period 2
      {"*", "people_reached", 1'000, 0, 1},
      {"*", "follow_on_funding", 0, 100'001, 1},
      {"*", "programme_institutionalised", 0, 2, 3},
      {"B", "local_staff_share", 80, 0, 1},
  };
  for (const auto& e : second_rows) check(second, e);
  BOOST_TEST(figuresOf(*groupOf(second, ""), "people_reached") == nullptr);
  BOOST_TEST(figuresOf(*groupOf(second, "A"), "local_staff_share") == nullptr);

  const auto third = rollUp(catalog(), grants(), 3);
  BOOST_TEST(third.groups.empty());
  BOOST_TEST(third.total.indicators.empty());
}

BOOST_AUTO_TEST_CASE(indicators_outside_the_catalog_are_left_out) {
  auto some = grants();
  some[0].actuals["unknown_code"] = {{1, value(5)}};
  const std::vector<Indicator> only_money = {catalog()[3]};
  BOOST_TEST_REQUIRE(only_money[0].code == "follow_on_funding");
  const auto r = rollUp(only_money, some, std::nullopt);
  BOOST_TEST(keysOf(r) == (Strings{"A", "B"}), boost::test_tools::per_element());
  BOOST_TEST(codesOf(r.total) == Strings{"follow_on_funding"}, boost::test_tools::per_element());

  const auto none = rollUp(catalog(), {}, std::nullopt);
  BOOST_TEST(none.groups.empty());
  BOOST_TEST(none.total.indicators.empty());
}

// Two chapters of one donor fund the same grant: grouped by donor, the grant is one grant of
// that group, says yes once and weighs once in a mean, and its counts land there whole.
BOOST_AUTO_TEST_CASE(a_grant_with_two_shares_in_one_group_counts_once_there) {
  GrantResults twice;
  twice.grant_id = 1;
  twice.shares = {{"D", 1}, {"E", 1}, {"D", 2}};
  twice.actuals["people_reached"] = {{1, value(100)}};
  twice.actuals["programme_institutionalised"] = {{1, value(1)}};
  twice.actuals["local_staff_share"] = {{1, value(30)}};
  GrantResults once;
  once.grant_id = 2;
  once.shares = {{"D", 1}};
  once.actuals["programme_institutionalised"] = {{1, value(0)}};
  once.actuals["local_staff_share"] = {{1, value(60)}};

  const auto r = rollUp(catalog(), {twice, once}, std::nullopt);
  BOOST_TEST(keysOf(r) == (Strings{"D", "E"}), boost::test_tools::per_element());
  const Expected rows[] = {
      {"D", "people_reached", 0, 75, 1},
      {"E", "people_reached", 0, 25, 1},
      {"D", "programme_institutionalised", 0, 1, 2},
      {"D", "local_staff_share", 0, 45, 2},
      {"*", "people_reached", 0, 100, 1},
      {"*", "programme_institutionalised", 0, 1, 2},
  };
  for (const auto& e : rows) check(r, e);
}

// Random grants, funders and figures: for counts and money, the groups add up to the whole,
// total and cell by cell, targets and actuals alike.
BOOST_AUTO_TEST_CASE(groups_add_up_to_the_whole_for_counts_and_money) {
  std::mt19937_64 rng(7'919);
  auto below = [&](std::int64_t n) {
    return static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(n));
  };
  const char* keys[] = {"A", "B", "C", "D", "E"};
  const std::vector<std::string> summed = {"people_reached", "households_reached",
                                           "services_delivered", "follow_on_funding"};
  for (int round = 0; round < 200; ++round) {
    std::vector<GrantResults> gs;
    const auto n = 1 + below(12);
    for (std::int64_t id = 1; id <= n; ++id) {
      GrantResults g;
      g.grant_id = id;
      const auto funders = below(4);  // 0: the "" group
      for (std::int64_t f = 0; f < funders; ++f) {
        g.shares.push_back({keys[(id + f) % 5], 1 + below(1'000'000)});
      }
      for (int p = 1; p <= 2; ++p) {
        const auto female = below(10'000), male = below(10'000);
        g.targets["people_reached"][p] = people(female + male, female, male);
        if (below(3) != 0) g.actuals["people_reached"][p] = people(female, female / 3, female - female / 3);
        g.actuals["households_reached"][p] =
            Measure{female, {{"population_group", "refugee", female}}};
        if (below(2) != 0) g.targets["services_delivered"][p] = value(below(1'000));
        g.actuals["follow_on_funding"][p] = value(below(1'000'000'000'000));
      }
      gs.push_back(g);
    }
    const std::optional<int> periods[] = {std::nullopt, 1, 2};
    for (const auto period : periods) {
      const auto r = rollUp(catalog(), gs, period);
      for (const auto& code : summed) {
        BOOST_TEST_CONTEXT("round " << round << ", " << code << ", period "
                                    << (period ? *period : 0)) {
          const auto* whole = figuresOf(r.total, code);
          if (!whole) continue;
          Measure targets, actuals;
          std::map<std::pair<std::string, std::string>, std::int64_t> target_cells, actual_cells;
          for (const auto& g : r.groups) {
            const auto* f = figuresOf(g, code);
            if (!f) continue;
            targets.total += f->target.total;
            actuals.total += f->actual.total;
            for (const auto& c : f->target.cells) target_cells[{c.dimension, c.value}] += c.amount;
            for (const auto& c : f->actual.cells) actual_cells[{c.dimension, c.value}] += c.amount;
          }
          BOOST_TEST(targets.total == whole->target.total);
          BOOST_TEST(actuals.total == whole->actual.total);
          for (const auto& c : whole->target.cells) {
            const auto split = target_cells[std::make_pair(c.dimension, c.value)];
            BOOST_TEST(split == c.amount);
          }
          for (const auto& c : whole->actual.cells) {
            const auto split = actual_cells[std::make_pair(c.dimension, c.value)];
            BOOST_TEST(split == c.amount);
          }
          // The whole is the plain sum over grants.
          std::int64_t expected = 0;
          for (const auto& g : gs) {
            const auto it = g.actuals.find(code);
            if (it == g.actuals.end()) continue;
            if (!period) {
              expected += acrossPeriods(Aggregation::kSum, it->second).total;
            } else if (it->second.contains(*period)) {
              expected += it->second.at(*period).total;
            }
          }
          BOOST_TEST(whole->actual.total == expected);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::results
