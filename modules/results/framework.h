#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/core/problem.h"
#include "modules/results/measure.h"

// A grant's results framework: the indicators its call chose, the targets its proposal set, and
// the results its reports state.
namespace citygrants::results {

// An indicator a call chose, and whether every full proposal must set targets for it.
struct Chosen {
  Indicator indicator;
  bool required = false;
};

// What a full proposal promises on one indicator: where it starts and a target per reporting
// period (targets[0] is period 1).
struct IndicatorPlan {
  std::string indicator;  // the indicator's code
  std::int64_t baseline = 0;
  std::vector<Measure> targets;

  bool operator==(const IndicatorPlan&) const = default;
};

// What a report states on one indicator for its period.
struct IndicatorResult {
  std::string indicator;  // the indicator's code
  Measure actual;
  std::string comment;
  std::vector<std::int64_t> evidence;  // attachment ids of the same report

  bool operator==(const IndicatorResult&) const = default;
};

inline constexpr std::size_t kMaxComment = 4000;

// The reporting periods of a grant: 2 (mid-term progress and final) when its call's tranche plan
// waits for a progress report, else 1 (final).
int periodCount(bool has_progress_report);

// The period a report of `kind` states results for: progress is 1, final is the last;
// financial reports state no results (nullopt).
std::optional<int> periodOfReport(const std::string& kind, int period_count);

// The call's choice of `code`, or null when the call did not choose it.
const Chosen* findChosen(const std::vector<Chosen>& chosen, const std::string& code);

// Field errors of a proposal's plans as a draft may hold them: every indicator chosen by the
// call and planned once, at most `periods` targets, each a valid value. With `submitting`, also:
// every required indicator planned, and every plan with a target for each period.
std::vector<core::FieldError> validatePlans(const std::vector<Chosen>& chosen,
                                            const std::vector<IndicatorPlan>& plans, int periods,
                                            bool submitting);

// Field errors of a report's results as a draft may hold them: every indicator chosen and stated
// once, each a valid value, comments not too long, evidence among `report_attachments`. With
// `submitting`, also every required indicator stated.
std::vector<core::FieldError> validateResults(const std::vector<Chosen>& chosen,
                                              const std::vector<IndicatorResult>& results,
                                              const std::vector<std::int64_t>& report_attachments,
                                              bool submitting);

}  // namespace citygrants::results
