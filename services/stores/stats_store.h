#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "services/db/database.h"
#include "services/stores/proposal_list.h"
#include "services/stores/visibility.h"

// Totals for the console's pipeline board and money chart: one aggregate query each (SUM and
// COUNT with GROUP BY), never a row per record.
namespace citygrants::stores {

// The proposals of one state in one currency.
struct PipelineRow {
  std::string state;
  std::string currency;
  std::int64_t count = 0;
  std::int64_t requested_minor = 0;  // Σ the current versions' amounts
  std::int64_t awarded_minor = 0;    // Σ the awards, where one is set
};

// Per state and call currency, over the proposals `query` selects (its visibility and filters;
// its sort, cursor and limit are ignored). States without proposals do not appear. From the
// tallies where they cover `query` (talliesCover, proposal_list.h), else one aggregate query.
std::vector<PipelineRow> pipelineTotals(db::Tx& tx, const ProposalQuery& query);

// What the money totals are grouped by.
enum class MoneyKey { kCall, kCity };

// The grants of one call or city in one currency.
struct MoneyRow {
  std::int64_t id = 0;  // the call's or the city organisation's
  std::string name;     // "GCF-2026 — <title>" for a call, the city's name
  std::string currency;
  std::int64_t grants = 0;
  std::int64_t planned_minor = 0;    // Σ grant amounts (= Σ every tranche of their schedules)
  std::int64_t disbursed_minor = 0;  // Σ the disbursed tranches
};

// Per call or city and currency, over the grants `v` sees, ordered by name, id and currency.
std::vector<MoneyRow> moneyTotals(db::Tx& tx, const Visibility& v, MoneyKey key);

}  // namespace citygrants::stores
