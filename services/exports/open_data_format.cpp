#include "services/exports/open_data_format.h"

#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "modules/core/money.h"

namespace citygrants::exports {
namespace {

std::tm utc(std::int64_t epoch_ms) {
  const auto seconds = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return tm;
}

int exponentOf(const std::string& currency) {
  const auto c = core::findCurrency(currency);
  if (!c) throw std::invalid_argument("unknown currency " + currency);
  return c->exponent;
}

}  // namespace

std::string isoDateTime(std::int64_t epoch_ms) {
  const auto tm = utc(epoch_ms);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string isoDate(std::int64_t epoch_ms) {
  const auto tm = utc(epoch_ms);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string decimalText(std::int64_t minor, const std::string& currency) {
  const int exponent = exponentOf(currency);
  if (exponent == 0) return std::to_string(minor);
  std::int64_t scale = 1;
  for (int i = 0; i < exponent; ++i) scale *= 10;
  const std::string fraction = std::to_string(scale + minor % scale);  // "1" then the digits
  return std::to_string(minor / scale) + "." + fraction.substr(1);
}

double majorUnits(std::int64_t minor, const std::string& currency) {
  return std::stod(decimalText(minor, currency));
}

}  // namespace citygrants::exports
