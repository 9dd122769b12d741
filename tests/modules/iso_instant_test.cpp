#include "modules/core/iso_instant.h"

#include <boost/test/unit_test.hpp>

namespace citygrants::core {

BOOST_AUTO_TEST_SUITE(iso_instant)

BOOST_AUTO_TEST_CASE(days_and_instants_read_as_epoch_milliseconds) {
  constexpr std::int64_t kDay = 86'400'000;
  BOOST_TEST(daysFromCivil(1970, 1, 1) == 0);
  BOOST_TEST(daysFromCivil(2000, 3, 1) == 11'017);
  BOOST_TEST(parseIsoInstant("2026-03-01").value_or(-1) == 1'772'323'200'000);
  BOOST_TEST(parseIsoInstant("2026-03-01T00:00Z").value_or(-1) == 1'772'323'200'000);
  BOOST_TEST(parseIsoInstant("2026-03-01T12:30:15Z").value_or(-1) == 1'772'368'215'000);
  BOOST_TEST(parseIsoInstant("2026-03-01T12:30:15.250Z").value_or(-1) == 1'772'368'215'250);
  BOOST_TEST(parseIsoInstant("2026-03-01T12:30:15.2Z").value_or(-1) == 1'772'368'215'200);
  BOOST_TEST(parseIsoInstant("2026-03-01T12:30:15.123456789Z").value_or(-1) == 1'772'368'215'123);
  // Zones: the same instant written three ways.
  BOOST_TEST(parseIsoInstant("2026-03-01T14:30:15+02:00").value_or(-1) == 1'772'368'215'000);
  BOOST_TEST(parseIsoInstant("2026-03-01T09:00:15-03:30").value_or(-1) == 1'772'368'215'000);
  // Leap days and the turn of a year.
  BOOST_TEST(parseIsoInstant("2028-02-29").value_or(-1) -
                 parseIsoInstant("2028-02-28").value_or(0) ==
             kDay);
  BOOST_TEST(parseIsoInstant("2027-01-01").value_or(-1) -
                 parseIsoInstant("2026-12-31").value_or(0) ==
             kDay);
  BOOST_TEST(parseIsoInstant("2000-02-29").has_value());
}

BOOST_AUTO_TEST_CASE(anything_else_is_refused) {
  for (const char* text : {
           "",
           "2026",
           "2026-03",
           "2026-3-01",
           "2026-03-1",
           "26-03-01",
           "1999-12-31",
           "2026-00-10",
           "2026-13-01",
           "2026-02-29",
           "2100-02-29",
           "2026-04-31",
           "2026-03-00",
           "2026-03-01T",
           "2026-03-01T12:30",
           "2026-03-01 12:30Z",
           "2026-03-01T24:00Z",
           "2026-03-01T12:60Z",
           "2026-03-01T12:30:60Z",
           "2026-03-01T12:30:15.Z",
           "2026-03-01T12:30:15.1234567890Z",
           "2026-03-01T12:30+2",
           "2026-03-01T12:30+02",
           "2026-03-01T12:30+0200",
           "2026-03-01T12:30+14:01",
           "2026-03-01T12:30+02:60",
           "2026-03-01T12:30Zjunk",
           "2026-03-01Z",
           "2026-03-01x",
           " 2026-03-01",
           "2026-03-01 ",
           "2026/03/01",
           "2026-03-01T1:30Z",
           "tomorrow",
           "1772323200000",
           "2026-03-01T12:30z",
       }) {
    BOOST_TEST_CONTEXT("'" << text << "'") { BOOST_TEST(!parseIsoInstant(text)); }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::core
