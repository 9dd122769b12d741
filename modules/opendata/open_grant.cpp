#include "modules/opendata/open_grant.h"

namespace citygrants::opendata {

std::int64_t OpenGrant::disbursedMinor() const {
  std::int64_t sum = 0;
  for (const auto& t : tranches) {
    if (t.disbursed_at) sum += t.amount_minor;
  }
  return sum;
}

std::int64_t OpenGrant::plannedStart() const { return signed_at.value_or(awarded_at); }

std::int64_t OpenGrant::plannedEnd() const {
  return ends_at.value_or(plannedStart() + duration_months * kMonthMs);
}

}  // namespace citygrants::opendata
