#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace citygrants::core {

// An ISO 4217 currency code we know the minor-unit exponent of.
struct Currency {
  std::string_view code;
  int exponent;  // digits after the decimal point: USD 2, JPY 0, KWD 3
};

// The currency with this code, or nothing when the code is not a known ISO 4217 code.
std::optional<Currency> findCurrency(std::string_view code);

// An amount of money: integer minor units and a currency. Never floating point.
// Arithmetic is checked: overflow or mixing currencies throws Problem(kInvalid).
class Money {
 public:
  // REQUIRES: `currency` is a known ISO 4217 code (else throws Problem(kInvalid)).
  Money(std::int64_t minor, std::string_view currency);

  std::int64_t minor() const { return minor_; }
  const std::string& currency() const { return currency_; }

  Money operator+(const Money& other) const;
  Money operator-(const Money& other) const;
  bool operator==(const Money& other) const = default;
  // REQUIRES: same currency (else throws Problem(kInvalid)).
  bool operator<(const Money& other) const;
  bool operator<=(const Money& other) const { return !(other < *this); }

  // "USD 125,000.00": the amount with its currency's exponent and thousands separators.
  std::string format() const;

 private:
  void requireSameCurrency(const Money& other) const;
  std::int64_t minor_;
  std::string currency_;
};

// `minor` units as a plain decimal number in major units with `exponent` digits after the point
// and no grouping: 25000000 and 2 give "250000.00", -5 and 2 "-0.05", 1200 and 0 "1200". What a
// spreadsheet or a CSV file reads as a number. REQUIRES: 0 <= exponent <= 18.
std::string decimalAmount(std::int64_t minor, int exponent);

// Checked int64 arithmetic on minor units; throws Problem(kInvalid) on overflow.
std::int64_t checkedAdd(std::int64_t a, std::int64_t b);
std::int64_t checkedSub(std::int64_t a, std::int64_t b);

// a * b / c rounded toward zero, without overflow in the product.
// REQUIRES: c != 0 and the result fits in int64.
std::int64_t mulDiv(std::int64_t a, std::int64_t b, std::int64_t c);

// Splits `total` by shares in basis points (summing to 10,000) into integer minor units,
// rounding each down and giving the remainder to the last share, so the parts sum to `total`.
// REQUIRES: total >= 0; shares non-empty, each > 0, summing to 10,000 (else throws kInvalid).
std::vector<std::int64_t> splitByBasisPoints(std::int64_t total, std::span<const int> shares_bp);

}  // namespace citygrants::core
