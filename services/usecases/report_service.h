#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/results/framework.h"
#include "services/stores/grant_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// What the grant's approved proposal promised on one indicator for a report's period.
struct PeriodTarget {
  std::string indicator;
  bool required = false;
  std::optional<results::Measure> target;  // none when the proposal set no target for it
};

// A report as a reader sees it, with the events they may fire now and, for a progress or final
// report, the results it states against the targets of its period.
struct ReportView : WithActions<stores::Report> {
  std::optional<int> period;  // the reporting period of its results; none for a financial report
  std::vector<results::IndicatorResult> results;
  std::vector<PeriodTarget> targets;  // every indicator the call chose, in its order
};

// A grant's progress, financial and final reports.
class ReportService {
 public:
  // One budget line of the approved proposal beside what a financial report says was spent.
  struct BudgetVsActual {
    std::string category;
    std::string description;
    std::int64_t planned_minor = 0;
    std::int64_t actual_minor = 0;
  };

  // A grant's budget vs actual, in the grant's currency.
  struct Budget {
    std::string currency;
    std::vector<BudgetVsActual> lines;
  };

  static constexpr std::size_t kMaxNarrative = 20'000;  // code points

  explicit ReportService(Context ctx) : ctx_(ctx) {}

  // Saves the narrative and, for a financial report, the actual spending per budget line of the
  // proposal's approved version (replacing what was stated before).
  // REQUIRES: actor is an applicant of the grant's city (else kForbidden); the report is a draft
  // (else kInvalidTransition). kInvalid names each bad field: narrative (valid UTF-8, at most
  // 20,000 characters), spending (only in a financial report), spending[i].budget_line_id (a
  // line of the approved budget, once), spending[i].actual_minor (not negative).
  // With `results` (a progress or final report only), also the actual value per indicator for
  // its period (results::validateResults: chosen by the call, breakdowns that add up, evidence
  // among the report's files), replacing what was stated before.
  ReportView edit(const Actor& actor, std::int64_t report_id,
                  std::optional<std::int64_t> expected_version, const std::string& narrative,
                  const std::vector<stores::Spending>& spending,
                  const std::optional<std::vector<results::IndicatorResult>>& results = std::nullopt);

  // Fires submit | accept | request_changes. `submit` needs a narrative and, for a financial
  // report, spending stated for every budget line, for a progress or final report a result on
  // every required indicator (kInvalid naming what is missing). `accept` is the supporting
  // partner's verification: only accepted reports count as actuals in the results.
  ReportView fire(const Actor& actor, std::int64_t report_id, const TransitionRequest& req);

  // kNotFound when the actor may not see the report's grant.
  ReportView get(const Actor& actor, std::int64_t report_id);

  // The grant's reports in order (seq), each with its actions; kNotFound when the actor may not
  // see the grant.
  std::vector<ReportView> ofGrant(const Actor& actor, std::int64_t grant_id);

  // The events the actor may fire on `report` now (roles, scope and guards evaluated).
  std::vector<std::string> actions(const Actor& actor, const stores::Report& report);

  // Every budget line of the grant's approved proposal with the spending stated in the latest
  // accepted financial report, else the latest submitted one; actual 0 for a line it does not
  // state, and for every line while no financial report is submitted.
  // kNotFound when the actor may not see the grant.
  Budget budgetVsActual(const Actor& actor, std::int64_t grant_id);

 private:
  Context ctx_;
};

using BudgetVsActual = ReportService::BudgetVsActual;

}  // namespace citygrants::usecases
