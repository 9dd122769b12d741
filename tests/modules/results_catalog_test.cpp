#include "modules/results/indicator.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/core/country.h"
#include "tests/modules/results_fixtures.h"

namespace citygrants::results {
namespace {

using namespace testing;

// An indicator that passes every check: people reached by sex.
Indicator good() {
  Indicator i;
  i.code = "people_trained";
  i.unit = Unit::kPeople;
  i.aggregation = Aggregation::kSum;
  i.dimensions = {"sex"};
  i.names = {"People trained", "Personnes formées", "Personas formadas", "Pessoas formadas"};
  return i;
}

constexpr Unit kUnits[] = {Unit::kPeople,   Unit::kHouseholds, Unit::kServices,
                           Unit::kCurrency, Unit::kPercentage, Unit::kYesNo};

// `n` characters of é (two bytes each in UTF-8).
std::string accented(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += "\xc3\xa9";
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(results_catalog)

BOOST_AUTO_TEST_CASE(every_gcf_indicator_passes_validation) {
  const auto catalog = gcfIndicators();
  BOOST_TEST(catalog.size() == 7u);
  std::set<std::string> codes;
  for (const auto& i : catalog) {
    BOOST_TEST_CONTEXT(i.code) {
      const auto errors = validateIndicator(i);
      BOOST_TEST(fieldsOf(errors) == Fields{}, boost::test_tools::per_element());
      BOOST_TEST(codes.insert(i.code).second, "codes are unique");
      BOOST_TEST(i.active);
      for (const auto& d : i.definitions) BOOST_TEST(!d.empty(), "a definition in every language");
    }
  }
}

BOOST_AUTO_TEST_CASE(the_gcf_catalog_has_its_units_aggregations_and_breakdowns) {
  struct Row {
    const char* code;
    Unit unit;
    Aggregation aggregation;
    Fields dimensions;
  };
  const Row rows[] = {
      {"people_reached", Unit::kPeople, Aggregation::kSum,
       {"population_group", "sex", "age_band", "reach"}},
      {"households_reached", Unit::kHouseholds, Aggregation::kSum, {"population_group"}},
      {"services_delivered", Unit::kServices, Aggregation::kSum, {}},
      {"follow_on_funding", Unit::kCurrency, Aggregation::kSum, {}},
      {"programme_institutionalised", Unit::kYesNo, Aggregation::kLatest, {}},
      {"people_placed_in_jobs", Unit::kPeople, Aggregation::kSum, {"population_group", "sex"}},
      {"children_enrolled", Unit::kPeople, Aggregation::kSum, {"population_group", "sex"}},
  };
  const auto catalog = gcfIndicators();
  BOOST_TEST_REQUIRE(catalog.size() == std::size(rows));
  for (std::size_t k = 0; k < catalog.size(); ++k) {
    BOOST_TEST_CONTEXT(rows[k].code) {
      BOOST_TEST(catalog[k].code == rows[k].code);
      BOOST_TEST((catalog[k].unit == rows[k].unit));
      BOOST_TEST((catalog[k].aggregation == rows[k].aggregation));
      BOOST_TEST(catalog[k].dimensions == rows[k].dimensions, boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(units_and_aggregations_go_by_their_names_both_ways) {
  const char* unit_names[] = {"people", "households", "services", "currency", "percentage", "yes_no"};
  for (std::size_t k = 0; k < std::size(kUnits); ++k) {
    BOOST_TEST(unitName(kUnits[k]) == unit_names[k]);
    BOOST_TEST((unitNamed(unit_names[k]) == kUnits[k]));
  }
  for (const char* name : {"", "People", "yes-no", "percent", "count"}) {
    BOOST_TEST_CONTEXT("'" << name << "'") { BOOST_TEST(!unitNamed(name).has_value()); }
  }
  const Aggregation aggregations[] = {Aggregation::kSum, Aggregation::kLatest, Aggregation::kMax};
  const char* aggregation_names[] = {"sum", "latest", "max"};
  for (std::size_t k = 0; k < std::size(aggregations); ++k) {
    BOOST_TEST(aggregationName(aggregations[k]) == aggregation_names[k]);
    BOOST_TEST((aggregationNamed(aggregation_names[k]) == aggregations[k]));
  }
  for (const char* name : {"", "Sum", "mean", "min", "last"}) {
    BOOST_TEST_CONTEXT("'" << name << "'") { BOOST_TEST(!aggregationNamed(name).has_value()); }
  }
}

BOOST_AUTO_TEST_CASE(only_people_households_and_services_are_counts) {
  for (auto unit : kUnits) {
    BOOST_TEST_CONTEXT(unitName(unit)) {
      const bool count = unit == Unit::kPeople || unit == Unit::kHouseholds || unit == Unit::kServices;
      BOOST_TEST(isCount(unit) == count);
    }
  }
}

BOOST_AUTO_TEST_CASE(the_fund_has_four_dimensions_with_their_values) {
  const auto& all = dimensions();
  BOOST_TEST_REQUIRE(all.size() == 4u);
  struct Row {
    const char* code;
    std::size_t values;
  };
  const Row rows[] = {{"population_group", 4}, {"sex", 3}, {"age_band", 3}, {"reach", 2}};
  for (std::size_t k = 0; k < std::size(rows); ++k) {
    BOOST_TEST(all[k].code == rows[k].code);
    BOOST_TEST(all[k].values.size() == rows[k].values);
    BOOST_TEST(findDimension(rows[k].code) == &all[k]);
  }
  BOOST_TEST(findDimension("colour") == nullptr);
  BOOST_TEST(findDimension("") == nullptr);
  BOOST_TEST(findDimension("Sex") == nullptr);
}

BOOST_AUTO_TEST_CASE(codes_are_lower_case_letters_digits_and_underscores) {
  struct Row {
    std::string code;
    bool valid;
  };
  const Row rows[] = {
      {"a", true},
      {"people_reached", true},
      {"a1_b2", true},
      {"x_", true},
      {std::string(40, 'a'), true},
      {std::string(41, 'a'), false},
      {"", false},
      {"People_reached", false},
      {"PEOPLE", false},
      {"1st_period", false},
      {"_people", false},
      {"people-reached", false},
      {"people reached", false},
      {"people.reached", false},
      {"caf\xc3\xa9", false},
      {"people\n", false},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT("'" << row.code << "'") {
      auto i = good();
      i.code = row.code;
      const auto errors = validateIndicator(i);
      if (row.valid) {
        BOOST_TEST(errors.empty());
      } else {
        BOOST_TEST(fieldsOf(errors) == Fields{"code"}, boost::test_tools::per_element());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_name_is_required_in_every_language) {
  for (std::size_t k = 0; k < kIndicatorLanguages.size(); ++k) {
    const std::string field = "names." + std::string(kIndicatorLanguages[k]);
    BOOST_TEST_CONTEXT(field) {
      for (const char* missing : {"", "   ", "\t\n"}) {
        auto i = good();
        i.names[k] = missing;
        const auto errors = validateIndicator(i);
        BOOST_TEST(fieldsOf(errors) == Fields{field}, boost::test_tools::per_element());
        BOOST_TEST(messageAt(errors, field) == "field.required");
      }
    }
  }
  Indicator nameless = good();
  nameless.names = {};
  BOOST_TEST(fieldsOf(validateIndicator(nameless)) ==
                 (Fields{"names.en", "names.fr", "names.es", "names.pt"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(names_and_definitions_are_limited_in_characters_of_utf8) {
  struct Row {
    const char* name;
    bool definition;  // else the name
    std::string text;
    const char* message;  // "" when valid
  };
  const Row rows[] = {
      {"name of 200", false, std::string(200, 'n'), ""},
      {"name of 201", false, std::string(201, 'n'), "field.too_long(max=200)"},
      {"name of 200 accented", false, accented(200), ""},
      {"name of 201 accented", false, accented(201), "field.too_long(max=200)"},
      {"name cut in a character", false, "Personnes form\xc3", "field.not_utf8"},
      {"definition empty", true, "", ""},
      {"definition of 2000", true, std::string(2'000, 'd'), ""},
      {"definition of 2001", true, std::string(2'001, 'd'), "field.too_long(max=2000)"},
      {"definition of 2000 accented", true, accented(2'000), ""},
      {"definition of 2001 accented", true, accented(2'001), "field.too_long(max=2000)"},
      {"definition not UTF-8", true, "\xff", "field.not_utf8"},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      auto i = good();
      (row.definition ? i.definitions : i.names)[2] = row.text;
      const std::string field = row.definition ? "definitions.es" : "names.es";
      const auto errors = validateIndicator(i);
      if (std::string(row.message).empty()) {
        BOOST_TEST(errors.empty());
      } else {
        BOOST_TEST(fieldsOf(errors) == Fields{field}, boost::test_tools::per_element());
        BOOST_TEST(messageAt(errors, field) == row.message);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(only_counts_are_broken_down) {
  for (auto unit : kUnits) {
    BOOST_TEST_CONTEXT(unitName(unit)) {
      auto i = good();
      i.unit = unit;
      const auto errors = validateIndicator(i);
      if (isCount(unit)) {
        BOOST_TEST(errors.empty());
      } else {
        BOOST_TEST(fieldsOf(errors) == Fields{"dimensions"}, boost::test_tools::per_element());
        BOOST_TEST(messageAt(errors, "dimensions") == "results.dimensions_counts_only");
      }
      i.dimensions.clear();
      BOOST_TEST(validateIndicator(i).empty(), "any unit may go without a breakdown");
    }
  }
}

BOOST_AUTO_TEST_CASE(every_dimension_is_known_and_given_once) {
  auto all = good();
  all.dimensions = {"reach", "age_band", "sex", "population_group"};
  BOOST_TEST(validateIndicator(all).empty(), "any order");

  auto unknown = good();
  unknown.dimensions = {"sex", "colour"};
  const auto unknown_errors = validateIndicator(unknown);
  BOOST_TEST(fieldsOf(unknown_errors) == Fields{"dimensions[1]"}, boost::test_tools::per_element());
  BOOST_TEST(messageAt(unknown_errors, "dimensions[1]") ==
             "results.dimension_unknown(dimension=colour)");

  auto twice = good();
  twice.dimensions = {"sex", "reach", "sex"};
  const auto twice_errors = validateIndicator(twice);
  BOOST_TEST(fieldsOf(twice_errors) == Fields{"dimensions[2]"}, boost::test_tools::per_element());
  BOOST_TEST(messageAt(twice_errors, "dimensions[2]") == "results.dimension_twice(dimension=sex)");

  auto both = good();
  both.unit = Unit::kCurrency;
  both.dimensions = {"", "Sex", "sex", "sex"};
  BOOST_TEST(fieldsOf(validateIndicator(both)) ==
                 (Fields{"dimensions", "dimensions[0]", "dimensions[1]", "dimensions[3]"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_fault_of_an_indicator_is_named) {
  Indicator bad;
  bad.code = "Bad Code";
  bad.unit = Unit::kYesNo;
  bad.dimensions = {"sex"};
  bad.names = {"Yes", "", "S\xc3\xad", std::string(201, 'p')};
  BOOST_TEST(fieldsOf(validateIndicator(bad)) ==
                 (Fields{"code", "names.fr", "names.pt", "dimensions"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(country)

BOOST_AUTO_TEST_CASE(iso_alpha_2_codes_are_countries) {
  for (const char* code : {"UG", "BR", "CI", "US", "GB", "FR", "CO", "KE", "AD", "ZW", "PS", "SS"}) {
    BOOST_TEST_CONTEXT(code) { BOOST_TEST(core::isCountryCode(code)); }
  }
}

BOOST_AUTO_TEST_CASE(anything_else_is_not_a_country) {
  for (const char* code : {"uk", "ug", "Ug", "XX", "UK", "EU", "AA", "ZZ", "", "U", "USA", "UGA",
                           " UG", "UG ", "U G", "1A"}) {
    BOOST_TEST_CONTEXT("'" << code << "'") { BOOST_TEST(!core::isCountryCode(code)); }
  }
}

// Every pair of capitals: exactly the 249 codes of ISO 3166-1 (iso-codes 4.15) are countries,
// which also shows the table is sorted for its binary search.
BOOST_AUTO_TEST_CASE(exactly_249_pairs_of_capitals_are_countries) {
  int countries = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      const char code[] = {a, b, '\0'};
      if (core::isCountryCode(code)) ++countries;
      BOOST_TEST(!core::isCountryCode(std::string{static_cast<char>(a - 'A' + 'a'), b}));
    }
  }
  BOOST_TEST(countries == 249);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::results
