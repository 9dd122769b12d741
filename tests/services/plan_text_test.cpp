#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "services/stores/plan_text.h"

using namespace citygrants;
namespace plan_text = stores::plan_text;

BOOST_AUTO_TEST_SUITE(plan_text_column)

BOOST_AUTO_TEST_CASE(rows_written_as_text_read_back_as_the_plans_they_make) {
  std::string text;
  BOOST_TEST(plan_text::appendRow(text, "people_reached", 0, "", "", 40));
  BOOST_TEST(plan_text::appendRow(text, "people_reached", 1, "", "", 100));
  BOOST_TEST(plan_text::appendRow(text, "people_reached", 1, "sex", "female", 60));
  BOOST_TEST(plan_text::appendRow(text, "people_reached", 1, "sex", "male", 40));
  BOOST_TEST(plan_text::appendRow(text, "services_delivered", 0, "", "", 0));
  BOOST_TEST(plan_text::appendRow(text, "people_reached", 2, "", "", 1'000'000'000'000'000));
  BOOST_TEST(text ==
             "people_reached\t0\t\t\t40\npeople_reached\t1\t\t\t100\n"
             "people_reached\t1\tsex\tfemale\t60\npeople_reached\t1\tsex\tmale\t40\n"
             "services_delivered\t0\t\t\t0\npeople_reached\t2\t\t\t1000000000000000\n");

  const auto plans = plan_text::decode(text);
  BOOST_REQUIRE(plans.has_value());
  // The same plans as the rows make one by one, indicators in the order first met.
  std::vector<results::IndicatorPlan> expected;
  plan_text::addRow(expected, "people_reached", 0, "", "", 40);
  plan_text::addRow(expected, "people_reached", 1, "", "", 100);
  plan_text::addRow(expected, "people_reached", 1, "sex", "female", 60);
  plan_text::addRow(expected, "people_reached", 1, "sex", "male", 40);
  plan_text::addRow(expected, "services_delivered", 0, "", "", 0);
  plan_text::addRow(expected, "people_reached", 2, "", "", 1'000'000'000'000'000);
  BOOST_TEST((*plans == expected));
  BOOST_REQUIRE(plans->size() == 2u);
  BOOST_TEST((*plans)[0].indicator == "people_reached");
  BOOST_TEST((*plans)[0].baseline == 40);
  BOOST_REQUIRE((*plans)[0].targets.size() == 2u);
  BOOST_TEST((*plans)[0].targets[0].total == 100);
  BOOST_TEST((*plans)[0].targets[0].cell("sex", "female") == 60);
  BOOST_TEST((*plans)[0].targets[1].total == 1'000'000'000'000'000);
  BOOST_TEST((*plans)[1].indicator == "services_delivered");
  BOOST_TEST(plan_text::decode("").value().empty());  // no targets at all
}

BOOST_AUTO_TEST_CASE(a_field_holding_a_separator_is_refused_and_leaves_the_text_as_it_was) {
  std::string text = "people_reached\t0\t\t\t40\n";
  const std::string before = text;
  BOOST_TEST(!plan_text::appendRow(text, "people\treached", 1, "", "", 1));
  BOOST_TEST(!plan_text::appendRow(text, "people_reached", 1, "sex\n", "female", 1));
  BOOST_TEST(!plan_text::appendRow(text, "people_reached", 1, "sex", "fe\tmale", 1));
  BOOST_TEST(text == before);
}

BOOST_AUTO_TEST_CASE(text_that_is_not_rows_of_the_form_is_not_decoded) {
  const char* damaged[] = {
      "people_reached\t0\t\t\t40",          // no final LF
      "people_reached\t0\t\t40\n",          // four fields
      "people_reached\t0\t\t\t40\t1\n",     // six fields
      "\t0\t\t\t40\n",                      // no code
      "people_reached\t-1\t\t\t40\n",       // a negative period
      "people_reached\tone\t\t\t40\n",      // a period not a number
      "people_reached\t0\t\t\t4x\n",        // an amount not a number
      "people_reached\t0\t\t\t\n",          // no amount
      "people_reached\t0\t\t\t99999999999999999999\n",  // beyond 64 bits
  };
  for (const char* text : damaged) BOOST_TEST(!plan_text::decode(text).has_value(), text);
}

BOOST_AUTO_TEST_SUITE_END()
