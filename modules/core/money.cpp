#include "modules/core/money.h"

#include <array>

#include "modules/core/problem.h"

namespace citygrants::core {
namespace {

// The currencies a fund may run a call in; codes and exponents from ISO 4217.
constexpr std::array<Currency, 24> kCurrencies{{
    {"USD", 2}, {"EUR", 2}, {"GBP", 2}, {"CHF", 2}, {"CAD", 2}, {"AUD", 2},
    {"JPY", 0}, {"KWD", 3}, {"UGX", 0}, {"KES", 2}, {"COP", 2}, {"UYU", 2},
    {"BRL", 2}, {"MXN", 2}, {"XOF", 0}, {"XAF", 0}, {"TRY", 2}, {"JOD", 3},
    {"LBP", 2}, {"BDT", 2}, {"PHP", 2}, {"IDR", 2}, {"ZAR", 2}, {"ETB", 2},
}};

}  // namespace

std::optional<Currency> findCurrency(std::string_view code) {
  for (const auto& c : kCurrencies) {
    if (c.code == code) return c;
  }
  return std::nullopt;
}

std::int64_t checkedAdd(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out))
    throw Problem::invalidField("amount", "field.out_of_range");
  return out;
}

std::int64_t checkedSub(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_sub_overflow(a, b, &out))
    throw Problem::invalidField("amount", "field.out_of_range");
  return out;
}

Money::Money(std::int64_t minor, std::string_view currency) : minor_(minor), currency_(currency) {
  if (!findCurrency(currency)) {
    throw Problem::invalidField("currency", "field.currency");
  }
}

void Money::requireSameCurrency(const Money& other) const {
  if (currency_ != other.currency_) {
    throw Problem::invalidField(
        "currency", {"money.mixed_currencies", {{"one", currency_}, {"other", other.currency_}}});
  }
}

Money Money::operator+(const Money& other) const {
  requireSameCurrency(other);
  return Money(checkedAdd(minor_, other.minor_), currency_);
}

Money Money::operator-(const Money& other) const {
  requireSameCurrency(other);
  return Money(checkedSub(minor_, other.minor_), currency_);
}

bool Money::operator<(const Money& other) const {
  requireSameCurrency(other);
  return minor_ < other.minor_;
}

namespace {

// The whole and fractional digits of |minor| at `exponent`, and whether it is negative.
struct Digits {
  bool negative;
  std::string whole;
  std::string fraction;  // exactly `exponent` digits
};

Digits digitsOf(std::int64_t minor, int exponent) {
  // Work on the magnitude as unsigned so INT64_MIN formats too.
  const std::uint64_t magnitude = minor < 0 ? 0 - static_cast<std::uint64_t>(minor)
                                            : static_cast<std::uint64_t>(minor);
  std::uint64_t scale = 1;
  for (int i = 0; i < exponent; ++i) scale *= 10;
  std::string fraction;
  if (exponent > 0) {
    fraction = std::to_string(magnitude % scale);
    fraction.insert(0, static_cast<std::size_t>(exponent) - fraction.size(), '0');
  }
  return {minor < 0, std::to_string(magnitude / scale), fraction};
}

}  // namespace

std::string Money::format() const {
  // Written from the last digit back into a buffer: the strings of digitsOf cost 3 % of the
  // instructions of a computed list page, with twenty amounts on a page.
  const int exponent = findCurrency(currency_)->exponent;
  std::uint64_t magnitude =
      minor_ < 0 ? 0 - static_cast<std::uint64_t>(minor_) : static_cast<std::uint64_t>(minor_);
  char buf[64];  // 20 digits, 6 commas, '.', '-' and a currency's few decimals
  char* const end = buf + sizeof buf;
  char* p = end;
  if (exponent > 0) {
    for (int i = 0; i < exponent; ++i, magnitude /= 10)
      *--p = static_cast<char>('0' + magnitude % 10);
    *--p = '.';
  }
  int digits = 0;
  do {
    if (digits > 0 && digits % 3 == 0) *--p = ',';
    *--p = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
    ++digits;
  } while (magnitude != 0);
  if (minor_ < 0) *--p = '-';
  std::string out;
  out.reserve(currency_.size() + 1 + static_cast<std::size_t>(end - p));
  out.append(currency_).append(1, ' ').append(p, end);
  return out;
}

std::string decimalAmount(std::int64_t minor, int exponent) {
  const auto d = digitsOf(minor, exponent);
  return (d.negative ? "-" : "") + d.whole + (d.fraction.empty() ? "" : "." + d.fraction);
}

std::int64_t mulDiv(std::int64_t a, std::int64_t b, std::int64_t c) {
  __extension__ using Wide = __int128;  // a GCC/Clang extension, hence __extension__
  return static_cast<std::int64_t>(static_cast<Wide>(a) * b / c);
}

std::vector<std::int64_t> splitByBasisPoints(std::int64_t total, std::span<const int> shares_bp) {
  if (total < 0) throw Problem::invalidField("amount", "field.not_negative");
  int sum = 0;
  for (int s : shares_bp) {
    if (s <= 0 || s > 10'000) {
      throw Problem::invalidField("tranche_plan",
                                  {"field.number_range", {{"min", 1}, {"max", 10000}}});
    }
    sum += s;  // at most 10,000 per share: a plan of fewer than 200,000 shares cannot overflow
    if (sum > 10'000) break;
  }
  if (shares_bp.empty() || sum != 10'000) {
    throw Problem::invalidField("tranche_plan", "call.shares_sum");
  }
  std::vector<std::int64_t> parts;
  std::int64_t given = 0;
  for (std::size_t i = 0; i + 1 < shares_bp.size(); ++i) {
    // total * share / 10000 without overflow: split total into quotient and remainder.
    const std::int64_t part = (total / 10'000) * shares_bp[i] + (total % 10'000) * shares_bp[i] / 10'000;
    parts.push_back(part);
    given += part;
  }
  parts.push_back(total - given);
  return parts;
}

}  // namespace citygrants::core
