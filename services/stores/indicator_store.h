#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/records/call.h"
#include "modules/results/framework.h"
#include "services/db/database.h"

namespace citygrants::stores {

using records::CallIndicator;

// The indicator catalog, the calls' choices, the proposals' targets and the reports' results.
class IndicatorStore {
 public:
  static std::int64_t insert(db::Tx& tx, const results::Indicator& indicator, std::int64_t now);
  // Names, definitions and active; REQUIRES indicator.version is the version read.
  static void update(db::Tx& tx, const results::Indicator& indicator, std::int64_t now);
  static std::optional<results::Indicator> load(db::Tx& tx, std::int64_t id);
  static std::optional<results::Indicator> findByCode(db::Tx& tx, const std::string& code);
  // The whole catalog by code (inactive ones too: old targets still name them).
  static std::vector<results::Indicator> all(db::Tx& tx);

  // What a call chose, in its order, and the choice replaced whole.
  static std::vector<CallIndicator> ofCall(db::Tx& tx, std::int64_t call_id);
  static void replaceForCall(db::Tx& tx, std::int64_t call_id, const std::vector<CallIndicator>& chosen);
  // The call's choices with their indicators, as the domain validates against them.
  static std::vector<results::Chosen> chosenForCall(db::Tx& tx, std::int64_t call_id);
  // The reporting periods of the call's grants (results::periodCount of its tranche plan).
  static int periodsOfCall(db::Tx& tx, std::int64_t call_id);
  // Whether any proposal version or report of the call states values on `code`.
  static bool usedInCall(db::Tx& tx, std::int64_t call_id, const std::string& code);

  // A proposal version's plans, in the order given, and replaced whole (not on a frozen version:
  // the caller checks). The plans are read from its proposal_targets rows; or, given the version's
  // target_plan column, from that when it holds them (plan_text.h).
  static std::vector<results::IndicatorPlan> plansOf(db::Tx& tx, std::int64_t version_id);
  static std::vector<results::IndicatorPlan> plansOf(db::Tx& tx, std::int64_t version_id,
                                                     const std::optional<std::string>& plan_column);
  static void replacePlans(db::Tx& tx, std::int64_t version_id,
                           const std::vector<results::IndicatorPlan>& plans);
  // Gives version `to` (which has none) the targets of version `from`, in the same order.
  static void copyPlans(db::Tx& tx, std::int64_t from, std::int64_t to);

  // A report's results, in the order given, and replaced whole, all for `period`.
  static std::vector<results::IndicatorResult> resultsOf(db::Tx& tx, std::int64_t report_id);
  static void replaceResults(db::Tx& tx, std::int64_t report_id, int period,
                             const std::vector<results::IndicatorResult>& results);
};

}  // namespace citygrants::stores
