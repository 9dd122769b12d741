#include "modules/results/measure.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/results/indicator.h"
#include "tests/modules/results_fixtures.h"

namespace citygrants::results {
namespace {

using namespace testing;

// The catalog's indicator with this code (people_reached: population_group, sex, age_band, reach;
// households_reached: population_group; services_delivered: none).
Indicator ofUnit(Unit unit) {
  Indicator i;
  i.code = "some_" + std::string(unitName(unit));
  i.unit = unit;
  return i;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(results_measure)

BOOST_AUTO_TEST_CASE(totals_are_bounded_per_unit) {
  struct Row {
    Unit unit;
    std::int64_t total;
    const char* error;  // "" when valid
  };
  const Row rows[] = {
      {Unit::kPeople, 0, ""},
      {Unit::kPeople, 1'200, ""},
      {Unit::kPeople, kMaxValue, ""},
      {Unit::kPeople, kMaxValue + 1, "field.at_most(max=1000000000000000)"},
      {Unit::kPeople, -1, "field.not_negative"},
      {Unit::kHouseholds, 300, ""},
      {Unit::kHouseholds, -5, "field.not_negative"},
      {Unit::kServices, kMaxValue, ""},
      {Unit::kServices, kMaxValue + 1, "field.at_most(max=1000000000000000)"},
      {Unit::kCurrency, 12'345'678, ""},
      {Unit::kCurrency, kMaxValue, ""},
      {Unit::kCurrency, kMaxValue + 1, "field.at_most(max=1000000000000000)"},
      {Unit::kCurrency, -1, "field.not_negative"},
      {Unit::kPercentage, 0, ""},
      {Unit::kPercentage, 100, ""},
      {Unit::kPercentage, 101, "results.percentage_max(max=100)"},
      {Unit::kPercentage, kMaxValue, "results.percentage_max(max=100)"},
      {Unit::kPercentage, -1, "field.not_negative"},
      {Unit::kYesNo, 0, ""},
      {Unit::kYesNo, 1, ""},
      {Unit::kYesNo, 2, "results.yes_no"},
      {Unit::kYesNo, 100, "results.yes_no"},
      {Unit::kYesNo, -1, "field.not_negative"},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(unitName(row.unit) << " total " << row.total) {
      const auto indicator = ofUnit(row.unit);
      const auto baseline = validateTotal(indicator, row.total, "indicators[3].baseline");
      const auto measure = validateMeasure(indicator, Measure{row.total, {}}, "results[1].actual");
      if (std::string(row.error).empty()) {
        BOOST_TEST(baseline.empty());
        BOOST_TEST(measure.empty());
      } else {
        BOOST_TEST(fieldsOf(baseline) == Fields{"indicators[3].baseline"},
                   boost::test_tools::per_element());
        BOOST_TEST(messageAt(baseline, "indicators[3].baseline") == row.error);
        BOOST_TEST(fieldsOf(measure) == Fields{"results[1].actual.total"},
                   boost::test_tools::per_element());
        BOOST_TEST(messageAt(measure, "results[1].actual.total") == row.error);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_breakdown_that_adds_up_on_every_dimension_is_valid) {
  const auto people = catalogIndicator("people_reached");
  const Measure m{1'000,
                  {{"population_group", "migrant", 100},
                   {"population_group", "refugee", 600},
                   {"population_group", "internally_displaced", 50},
                   {"population_group", "host_community", 250},
                   {"sex", "female", 520},
                   {"sex", "male", 470},
                   {"sex", "other_not_stated", 10},
                   {"age_band", "age_0_17", 300},
                   {"age_band", "age_18_59", 650},
                   {"age_band", "age_60_plus", 50},
                   {"reach", "direct", 1'000}}};
  BOOST_TEST(validateMeasure(people, m, "t").empty());
}

BOOST_AUTO_TEST_CASE(a_dimension_not_given_is_not_broken_down) {
  const auto people = catalogIndicator("people_reached");
  BOOST_TEST(validateMeasure(people, Measure{1'000, {}}, "t").empty());
  BOOST_TEST(validateMeasure(people, Measure{1'000, {{"sex", "female", 1'000}}}, "t").empty());
  BOOST_TEST(validateMeasure(people, Measure{0, {{"sex", "female", 0}, {"sex", "male", 0}}}, "t")
                 .empty());
}

BOOST_AUTO_TEST_CASE(each_dimension_must_add_up_to_the_total_on_its_own) {
  const auto people = catalogIndicator("people_reached");
  struct Row {
    const char* name;
    Measure m;
    Fields fields;
    const char* message;  // of the first field
  };
  const Row rows[] = {
      {"sex one short",
       {1'000, {{"sex", "female", 600}, {"sex", "male", 399}}},
       {"t.breakdown.sex"},
       "results.cells_sum(sum=999, total=1000)"},
      {"sex one over",
       {1'000, {{"sex", "female", 601}, {"sex", "male", 400}}},
       {"t.breakdown.sex"},
       "results.cells_sum(sum=1001, total=1000)"},
      {"one dimension right, another wrong",
       {1'000, {{"sex", "female", 600}, {"sex", "male", 400}, {"reach", "direct", 10}}},
       {"t.breakdown.reach"},
       "results.cells_sum(sum=10, total=1000)"},
      {"two dimensions wrong, named in order of their codes",
       {1'000, {{"sex", "female", 1}, {"age_band", "age_0_17", 2}}},
       {"t.breakdown.age_band", "t.breakdown.sex"},
       "results.cells_sum(sum=2, total=1000)"},
      {"cells on a zero total",
       {0, {{"sex", "female", 1}}},
       {"t.breakdown.sex"},
       "results.cells_sum(sum=1, total=0)"},
      {"all cells zero on a positive total",
       {5, {{"sex", "female", 0}, {"sex", "male", 0}}},
       {"t.breakdown.sex"},
       "results.cells_sum(sum=0, total=5)"},
      {"a dimension split over many cells that adds up",
       {10,
        {{"population_group", "migrant", 1},
         {"population_group", "refugee", 2},
         {"population_group", "internally_displaced", 3},
         {"population_group", "host_community", 4}}},
       {},
       ""},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      const auto errors = validateMeasure(people, row.m, "t");
      BOOST_TEST(fieldsOf(errors) == row.fields, boost::test_tools::per_element());
      if (!row.fields.empty()) BOOST_TEST(messageAt(errors, row.fields.front()) == row.message);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_dimension_the_indicator_does_not_have_is_refused) {
  const auto households = catalogIndicator("households_reached");
  const auto errors = validateMeasure(
      households,
      Measure{40, {{"population_group", "refugee", 40}, {"sex", "female", 40}}},
      "indicators[0].targets[1]");
  BOOST_TEST(fieldsOf(errors) == Fields{"indicators[0].targets[1].breakdown.sex"},
             boost::test_tools::per_element());
  BOOST_TEST(messageAt(errors, "indicators[0].targets[1].breakdown.sex") ==
             "results.not_broken_down(code=households_reached, dimension=sex)");
}

BOOST_AUTO_TEST_CASE(an_unknown_dimension_is_refused) {
  const auto people = catalogIndicator("people_reached");
  const auto errors = validateMeasure(people, Measure{10, {{"colour", "blue", 10}}}, "t");
  BOOST_TEST(fieldsOf(errors) == Fields{"t.breakdown.colour"}, boost::test_tools::per_element());
  BOOST_TEST(messageAt(errors, "t.breakdown.colour") ==
             "results.not_broken_down(code=people_reached, dimension=colour)");

  // An indicator that (wrongly) lists an unknown dimension still gets no cells on it.
  auto odd = people;
  odd.dimensions.push_back("colour");
  BOOST_TEST(fieldsOf(validateMeasure(odd, Measure{10, {{"colour", "blue", 10}}}, "t")) ==
                 Fields{"t.breakdown.colour"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_unknown_value_is_refused_naming_the_cell) {
  const auto people = catalogIndicator("people_reached");
  struct Row {
    Cell bad;
    const char* field;
    const char* message;
  };
  const Row rows[] = {
      {{"sex", "unknown", 0},
       "t.breakdown.sex.unknown",
       "results.not_a_value(value=unknown, dimension=sex)"},
      {{"sex", "Female", 0},
       "t.breakdown.sex.Female",
       "results.not_a_value(value=Female, dimension=sex)"},
      {{"sex", "", 0}, "t.breakdown.sex.", "results.not_a_value(value=, dimension=sex)"},
      {{"reach", "female", 0},
       "t.breakdown.reach.female",
       "results.not_a_value(value=female, dimension=reach)"},
      {{"age_band", "age_60", 0},
       "t.breakdown.age_band.age_60",
       "results.not_a_value(value=age_60, dimension=age_band)"},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.field) {
      // The refused cell is not counted: sex still adds up, and the other dimensions are not given.
      const Measure m{100, {{"sex", "female", 60}, {"sex", "male", 40}, row.bad}};
      const auto errors = validateMeasure(people, m, "t");
      BOOST_TEST(fieldsOf(errors) == Fields{row.field}, boost::test_tools::per_element());
      BOOST_TEST(messageAt(errors, row.field) == row.message);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_cell_given_twice_is_refused) {
  const auto people = catalogIndicator("people_reached");
  // The second female cell is refused and not counted: the first two still add up.
  const auto once_too_many = validateMeasure(
      people, Measure{100, {{"sex", "female", 60}, {"sex", "male", 40}, {"sex", "female", 60}}},
      "t");
  BOOST_TEST(fieldsOf(once_too_many) == Fields{"t.breakdown.sex.female"},
             boost::test_tools::per_element());
  BOOST_TEST(messageAt(once_too_many, "t.breakdown.sex.female") == "field.twice");

  // Nor can a cell given twice make its dimension add up.
  const auto twice_to_add_up = validateMeasure(
      people, Measure{100, {{"sex", "female", 50}, {"sex", "female", 50}}}, "t");
  BOOST_TEST(fieldsOf(twice_to_add_up) ==
                 (Fields{"t.breakdown.sex.female", "t.breakdown.sex"}),
             boost::test_tools::per_element());
  BOOST_TEST(messageAt(twice_to_add_up, "t.breakdown.sex") ==
             "results.cells_sum(sum=50, total=100)");
}

BOOST_AUTO_TEST_CASE(a_negative_cell_is_refused_even_where_the_dimension_adds_up) {
  const auto people = catalogIndicator("people_reached");
  const auto errors = validateMeasure(
      people, Measure{1'000, {{"sex", "female", 1'100}, {"sex", "male", -100}}}, "t");
  BOOST_TEST(fieldsOf(errors) == (Fields{"t.breakdown.sex.male", "t.breakdown.sex"}),
             boost::test_tools::per_element());
  BOOST_TEST(messageAt(errors, "t.breakdown.sex.male") == "field.not_negative");
  BOOST_TEST(messageAt(errors, "t.breakdown.sex") == "results.cells_sum(sum=1100, total=1000)");
}

BOOST_AUTO_TEST_CASE(a_cell_above_the_largest_value_is_too_large) {
  const auto people = catalogIndicator("people_reached");
  const auto errors =
      validateMeasure(people, Measure{kMaxValue, {{"sex", "female", kMaxValue + 1}}}, "t");
  BOOST_TEST(fieldsOf(errors) == (Fields{"t.breakdown.sex.female"}),
             boost::test_tools::per_element());
  BOOST_TEST(messageAt(errors, "t.breakdown.sex.female") == "field.at_most(max=1000000000000000)");
  // The largest value on every cell of a dimension is summed exactly, and refused.
  const auto at_most = validateMeasure(
      people,
      Measure{kMaxValue,
              {{"population_group", "migrant", kMaxValue}, {"population_group", "refugee", kMaxValue},
               {"population_group", "internally_displaced", kMaxValue},
               {"population_group", "host_community", kMaxValue}}},
      "t");
  BOOST_TEST(fieldsOf(at_most) == Fields{"t.breakdown.population_group"},
             boost::test_tools::per_element());
  BOOST_TEST(messageAt(at_most, "t.breakdown.population_group") ==
             "results.cells_sum(sum=4000000000000000, total=1000000000000000)");
}

BOOST_AUTO_TEST_CASE(a_breakdown_on_a_non_count_is_refused) {
  for (const char* code : {"follow_on_funding", "programme_institutionalised", "services_delivered"}) {
    BOOST_TEST_CONTEXT(code) {
      const auto indicator = catalogIndicator(code);
      const auto errors = validateMeasure(
          indicator, Measure{1, {{"population_group", "refugee", 1}}}, "results[0].actual");
      BOOST_TEST(fieldsOf(errors) == Fields{"results[0].actual.breakdown.population_group"},
                 boost::test_tools::per_element());
      BOOST_TEST(messageAt(errors, "results[0].actual.breakdown.population_group") ==
                 "results.not_broken_down(code=" + std::string(code) +
                     ", dimension=population_group)");
    }
  }
  const auto percentage = ofUnit(Unit::kPercentage);
  BOOST_TEST(fieldsOf(validateMeasure(percentage, Measure{50, {{"sex", "female", 50}}}, "t")) ==
                 Fields{"t.breakdown.sex"},
             boost::test_tools::per_element());
}

// Every dimension and value against every catalog indicator: a one-cell breakdown equal to the
// total is valid exactly where the indicator has the dimension.
BOOST_AUTO_TEST_CASE(every_dimension_value_is_accepted_only_where_the_indicator_has_the_dimension) {
  int accepted = 0;
  for (const auto& indicator : gcfIndicators()) {
    for (const auto& dimension : dimensions()) {
      for (const auto& value : dimension.values) {
        BOOST_TEST_CONTEXT(indicator.code << " " << dimension.code << "=" << value) {
          const std::string d(dimension.code);
          const bool has = std::find(indicator.dimensions.begin(), indicator.dimensions.end(),
                                     d) != indicator.dimensions.end();
          const Measure m{1, {{d, std::string(value), 1}}};
          const auto errors = validateMeasure(indicator, m, "t");
          if (has) {
            BOOST_TEST(errors.empty());
            ++accepted;
          } else {
            BOOST_TEST(fieldsOf(errors) == Fields{"t.breakdown." + d},
                       boost::test_tools::per_element());
          }
        }
      }
    }
  }
  // people_reached 4+3+3+2, households 4, jobs and children 4+3 each.
  BOOST_TEST(accepted == 12 + 4 + 7 + 7);
}

BOOST_AUTO_TEST_CASE(several_faults_are_all_named) {
  const auto people = catalogIndicator("people_reached");
  const auto errors = validateMeasure(
      people,
      Measure{-1,
              {{"sex", "female", 5}, {"sex", "nobody", 1}, {"colour", "red", 1}, {"reach", "direct", -2}}},
      "indicators[2].targets[0]");
  BOOST_TEST(fieldsOf(errors) ==
                 (Fields{"indicators[2].targets[0].total",
                         "indicators[2].targets[0].breakdown.sex.nobody",
                         "indicators[2].targets[0].breakdown.colour",
                         "indicators[2].targets[0].breakdown.reach.direct",
                         "indicators[2].targets[0].breakdown.sex"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_cell_reads_its_amount_or_zero) {
  const Measure m{10, {{"sex", "female", 6}, {"sex", "male", 4}, {"reach", "direct", 10}}};
  BOOST_TEST(m.cell("sex", "female") == 6);
  BOOST_TEST(m.cell("sex", "male") == 4);
  BOOST_TEST(m.cell("reach", "direct") == 10);
  BOOST_TEST(m.cell("sex", "other_not_stated") == 0);
  BOOST_TEST(m.cell("reach", "female") == 0);
  BOOST_TEST(m.cell("", "") == 0);
  BOOST_TEST(Measure{}.cell("sex", "female") == 0);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::results
