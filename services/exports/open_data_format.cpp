#include "services/exports/open_data_format.h"

#include <stdexcept>

#include "modules/core/money.h"

namespace citygrants::exports {

std::string decimalText(std::int64_t minor, const std::string& currency) {
  const auto c = core::findCurrency(currency);
  if (!c) throw std::invalid_argument("unknown currency " + currency);
  return core::decimalAmount(minor, c->exponent);
}

double majorUnits(std::int64_t minor, const std::string& currency) {
  return std::stod(decimalText(minor, currency));
}

}  // namespace citygrants::exports
