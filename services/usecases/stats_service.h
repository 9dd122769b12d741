#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/stores/stats_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// The proposals of one state: how many, the amounts requested and awarded.
struct StateTotals {
  std::string state;
  std::int64_t count = 0;
  std::int64_t requested_minor = 0;
  std::int64_t awarded_minor = 0;
};

// The pipeline in one currency: one entry per proposal state, in the machine's order.
struct PipelineInCurrency {
  std::string currency;
  std::vector<StateTotals> states;
};

// The money of the grants of one call or city in one currency.
struct MoneyTotals {
  std::int64_t id = 0;
  std::string name;
  std::int64_t grants = 0;
  std::int64_t planned_minor = 0;
  std::int64_t disbursed_minor = 0;
};

struct MoneyInCurrency {
  std::string currency;
  std::vector<MoneyTotals> items;  // by name
};

// Totals for the console's pipeline board and money chart, over what the actor may see. Money
// in different currencies is never added up: each currency is a group of its own, in code
// order; with nothing to count there is one group, in the call's currency or else USD.
class StatsService {
 public:
  explicit StatsService(Context ctx) : ctx_(ctx) {}

  static constexpr const char* kDefaultCurrency = "USD";

  // Per currency, per proposal state (zero counts included), over the proposals the actor's
  // proposal list shows, optionally of one call (kNotFound when there is no such call).
  std::vector<PipelineInCurrency> pipeline(const Actor& actor, std::optional<std::int64_t> call_id);

  // Per currency, per call or per city, over the grants the actor may see. planned: Σ grant
  // amounts, which the invariant Σ tranches = grant amount makes the total of every tranche
  // scheduled, cancelled ones included; disbursed: Σ disbursed tranches.
  std::vector<MoneyInCurrency> money(const Actor& actor, stores::MoneyKey key);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
