#include "modules/core/money.h"

#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"

namespace citygrants::core {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

__extension__ typedef __int128 Wide;  // exact products for the expected splits

// The field of the kInvalid Problem `fn` throws; fails the test if it throws nothing else.
template <class Fn>
std::string invalidField(Fn&& fn) {
  try {
    fn();
  } catch (const Problem& p) {
    BOOST_TEST(problemKindName(p.kind()) == "invalid");
    return p.fields().empty() ? std::string("<none>") : p.fields().front().field;
  }
  return "<no problem>";
}

std::vector<std::int64_t> split(std::int64_t total, std::vector<int> shares) {
  return splitByBasisPoints(total, shares);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(money)

BOOST_AUTO_TEST_CASE(known_currencies_carry_their_exponent) {
  BOOST_TEST(findCurrency("USD")->exponent == 2);
  BOOST_TEST(findCurrency("JPY")->exponent == 0);
  BOOST_TEST(findCurrency("KWD")->exponent == 3);
  BOOST_TEST(!findCurrency("usd").has_value());
  BOOST_TEST(!findCurrency("XXX").has_value());
  BOOST_TEST(!findCurrency("").has_value());
}

BOOST_AUTO_TEST_CASE(unknown_currency_is_refused_naming_currency) {
  for (const char* code : {"usd", "XXX", "", "USDD", "US"}) {
    BOOST_TEST_CONTEXT("code '" << code << "'") {
      BOOST_TEST(invalidField([&] { Money(1, code); }) == "currency");
    }
  }
}

BOOST_AUTO_TEST_CASE(checked_arithmetic_works_up_to_the_int64_edges) {
  BOOST_TEST(checkedAdd(kMax - 1, 1) == kMax);
  BOOST_TEST(checkedAdd(kMin + 1, -1) == kMin);
  BOOST_TEST(checkedAdd(kMax, kMin) == -1);
  BOOST_TEST(checkedSub(-1, kMax) == kMin);
  BOOST_TEST(checkedSub(kMax, kMax) == 0);
  BOOST_TEST(checkedSub(0, kMax) == kMin + 1);
}

BOOST_AUTO_TEST_CASE(checked_overflow_throws_invalid) {
  BOOST_TEST(invalidField([] { checkedAdd(kMax, 1); }) == "amount");
  BOOST_TEST(invalidField([] { checkedAdd(kMin, -1); }) == "amount");
  BOOST_TEST(invalidField([] { checkedAdd(kMax, kMax); }) == "amount");
  BOOST_TEST(invalidField([] { checkedSub(kMin, 1); }) == "amount");
  BOOST_TEST(invalidField([] { checkedSub(0, kMin); }) == "amount");
  BOOST_TEST(invalidField([] { checkedSub(kMax, -1); }) == "amount");
  BOOST_TEST(invalidField([] { Money(kMax, "USD") + Money(1, "USD"); }) == "amount");
  BOOST_TEST(invalidField([] { Money(kMin, "USD") - Money(1, "USD"); }) == "amount");
}

BOOST_AUTO_TEST_CASE(money_adds_subtracts_and_compares_in_one_currency) {
  const Money a(12'500'000, "USD");
  const Money b(2'500'000, "USD");
  BOOST_TEST((a + b).minor() == 15'000'000);
  BOOST_TEST((a - b).minor() == 10'000'000);
  BOOST_TEST((b - a).minor() == -10'000'000);
  BOOST_TEST((a + b).currency() == "USD");
  BOOST_TEST((b < a));
  BOOST_TEST(!(a < b));
  BOOST_TEST((a <= a));
  BOOST_TEST((b <= a));
  BOOST_TEST(!(a <= b));
  BOOST_TEST((a == Money(12'500'000, "USD")));
  BOOST_TEST(!(a == Money(12'500'000, "EUR")));
}

BOOST_AUTO_TEST_CASE(mixing_currencies_is_refused_naming_currency) {
  const Money usd(100, "USD");
  const Money eur(100, "EUR");
  BOOST_TEST(invalidField([&] { usd + eur; }) == "currency");
  BOOST_TEST(invalidField([&] { usd - eur; }) == "currency");
  BOOST_TEST(invalidField([&] { (void)(usd < eur); }) == "currency");
  BOOST_TEST(invalidField([&] { (void)(usd <= eur); }) == "currency");
}

BOOST_AUTO_TEST_CASE(format_uses_the_exponent_and_thousands_separators) {
  BOOST_TEST(Money(12'500'000, "USD").format() == "USD 125,000.00");
  BOOST_TEST(Money(1'000, "JPY").format() == "JPY 1,000");
  BOOST_TEST(Money(1'005, "KWD").format() == "KWD 1.005");
  BOOST_TEST(Money(1, "KWD").format() == "KWD 0.001");
  BOOST_TEST(Money(0, "USD").format() == "USD 0.00");
  BOOST_TEST(Money(5, "USD").format() == "USD 0.05");
  BOOST_TEST(Money(99'999, "USD").format() == "USD 999.99");
  BOOST_TEST(Money(100'000, "USD").format() == "USD 1,000.00");
  BOOST_TEST(Money(999, "JPY").format() == "JPY 999");
  BOOST_TEST(Money(100'000, "JPY").format() == "JPY 100,000");
  BOOST_TEST(Money(1'000'000, "XOF").format() == "XOF 1,000,000");
  BOOST_TEST(Money(45'000'000, "EUR").format() == "EUR 450,000.00");
}

BOOST_AUTO_TEST_CASE(format_of_negative_amounts_puts_the_sign_before_the_digits) {
  BOOST_TEST(Money(-123'456, "USD").format() == "USD -1,234.56");
  BOOST_TEST(Money(-5, "USD").format() == "USD -0.05");
  BOOST_TEST(Money(-1'000, "JPY").format() == "JPY -1,000");
  BOOST_TEST(Money(-1'005, "KWD").format() == "KWD -1.005");
}

BOOST_AUTO_TEST_CASE(format_handles_int64_min_and_max) {
  BOOST_TEST(Money(kMax, "USD").format() == "USD 92,233,720,368,547,758.07");
  BOOST_TEST(Money(kMin, "USD").format() == "USD -92,233,720,368,547,758.08");
  BOOST_TEST(Money(kMax, "JPY").format() == "JPY 9,223,372,036,854,775,807");
  BOOST_TEST(Money(kMin, "JPY").format() == "JPY -9,223,372,036,854,775,808");
  BOOST_TEST(Money(kMin, "KWD").format() == "KWD -9,223,372,036,854,775.808");
}

BOOST_AUTO_TEST_CASE(split_follows_the_tranche_plan) {
  const auto parts = split(12'500'000, {4'000, 4'000, 2'000});
  const std::vector<std::int64_t> expected{5'000'000, 5'000'000, 2'500'000};
  BOOST_TEST(parts == expected, boost::test_tools::per_element());
  BOOST_TEST(split(777, {10'000}) == std::vector<std::int64_t>{777},
             boost::test_tools::per_element());
  BOOST_TEST(split(0, {4'000, 6'000}) == (std::vector<std::int64_t>{0, 0}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(split_gives_the_remainder_to_the_last_part) {
  // 1001 * 40% = 400.4 -> 400, twice; the last part takes 1001 - 800 = 201.
  BOOST_TEST(split(1'001, {4'000, 4'000, 2'000}) == (std::vector<std::int64_t>{400, 400, 201}),
             boost::test_tools::per_element());
  // Three thirds of 100: 33, 33, 34.
  BOOST_TEST(split(100, {3'333, 3'333, 3'334}) == (std::vector<std::int64_t>{33, 33, 34}),
             boost::test_tools::per_element());
  BOOST_TEST(split(1, {5'000, 5'000}) == (std::vector<std::int64_t>{0, 1}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(split_sums_exactly_to_the_total_for_many_random_totals) {
  std::mt19937_64 rng(20'260'007);
  std::vector<std::int64_t> totals{0, 1, 3, 9'999, 10'001, 12'345'679, kMax, kMax - 1};
  for (int i = 0; i < 2'000; ++i) {
    std::int64_t t = static_cast<std::int64_t>(rng() % 100'000'000'000ULL);
    totals.push_back(t | 1);                                  // odd
    totals.push_back(static_cast<std::int64_t>(rng() >> 1));  // up to INT64_MAX
  }
  std::uniform_int_distribution<int> n_parts(1, 8);
  for (std::int64_t total : totals) {
    // A random plan of 1..8 positive shares summing to 10,000.
    const int n = n_parts(rng);
    std::vector<int> shares;
    int left = 10'000;
    for (int k = 0; k + 1 < n; ++k) {
      const int max_here = left - (n - 1 - k);
      const int s = std::uniform_int_distribution<int>(1, std::max(1, max_here / 2))(rng);
      shares.push_back(s);
      left -= s;
    }
    shares.push_back(left);
    BOOST_TEST_CONTEXT("total " << total << " in " << shares.size() << " parts") {
      const auto parts = split(total, shares);
      BOOST_TEST_REQUIRE(parts.size() == shares.size());
      Wide sum = 0;
      for (std::size_t k = 0; k < parts.size(); ++k) {
        BOOST_TEST(parts[k] >= 0);
        sum += parts[k];
        const auto floor_k = static_cast<std::int64_t>(Wide(total) * shares[k] / 10'000);
        if (k + 1 < parts.size()) {
          BOOST_TEST(parts[k] == floor_k);
        } else {  // the last part is its own share rounded down plus less than one unit per part
          BOOST_TEST(parts[k] >= floor_k);
          BOOST_TEST(parts[k] - floor_k < static_cast<std::int64_t>(parts.size()));
        }
      }
      BOOST_TEST((sum == Wide(total)));
    }
  }
}

BOOST_AUTO_TEST_CASE(split_refuses_bad_shares_and_negative_totals) {
  BOOST_TEST(invalidField([] { split(100, {}); }) == "tranche_plan");
  BOOST_TEST(invalidField([] { split(100, {4'000, 4'000}); }) == "tranche_plan");
  BOOST_TEST(invalidField([] { split(100, {6'000, 6'000}); }) == "tranche_plan");
  BOOST_TEST(invalidField([] { split(100, {10'000, 0}); }) == "tranche_plan");
  BOOST_TEST(invalidField([] { split(100, {12'000, -2'000}); }) == "tranche_plan");
  BOOST_TEST(invalidField([] { split(-1, {10'000}); }) == "amount");
  BOOST_TEST(invalidField([] { split(kMin, {5'000, 5'000}); }) == "amount");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::core
