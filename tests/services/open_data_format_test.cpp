#include <boost/test/unit_test.hpp>

#include "services/exports/open_data_format.h"

// How the open-data files write money.
namespace citygrants::exports {

BOOST_AUTO_TEST_SUITE(open_data_format)

BOOST_AUTO_TEST_CASE(money_is_written_in_major_units_with_the_currency_digits) {
  BOOST_TEST(decimalText(30'000'000, "USD") == "300000.00");
  BOOST_TEST(decimalText(5, "USD") == "0.05");
  BOOST_TEST(decimalText(0, "USD") == "0.00");
  BOOST_TEST(decimalText(123'456, "JPY") == "123456");
  BOOST_TEST(decimalText(1'234'567, "KWD") == "1234.567");
  BOOST_TEST(majorUnits(12'345, "USD") == 123.45);
  BOOST_CHECK_THROW(decimalText(1, "XXX1"), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::exports
