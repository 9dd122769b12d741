#include "modules/results/framework.h"

#include <algorithm>
#include <set>

#include "modules/core/text.h"

namespace citygrants::results {
namespace {

std::string at(const std::string& list, std::size_t i) {
  return list + "[" + std::to_string(i) + "]";
}

// Errors common to plans and results: the indicator is chosen and named once. Returns the
// choice, or null after naming the error.
const Chosen* chosenOnce(const std::vector<Chosen>& chosen, const std::string& code,
                         const std::string& field, std::set<std::string>& seen,
                         std::vector<core::FieldError>& errors) {
  const Chosen* c = findChosen(chosen, code);
  if (!c) {
    errors.push_back({field + ".indicator", {"results.indicator_not_chosen", {{"code", code}}}});
    return nullptr;
  }
  if (!seen.insert(code).second) {
    errors.push_back({field + ".indicator", {"results.indicator_twice", {{"code", code}}}});
    return nullptr;
  }
  return c;
}

void append(std::vector<core::FieldError>& to, std::vector<core::FieldError> more) {
  to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

}  // namespace

int periodCount(bool has_progress_report) { return has_progress_report ? 2 : 1; }

std::optional<int> periodOfReport(const std::string& kind, int period_count) {
  if (kind == "progress") return 1;
  if (kind == "final") return period_count;
  return std::nullopt;
}

const Chosen* findChosen(const std::vector<Chosen>& chosen, const std::string& code) {
  for (const auto& c : chosen) {
    if (c.indicator.code == code) return &c;
  }
  return nullptr;
}

std::vector<core::FieldError> validatePlans(const std::vector<Chosen>& chosen,
                                            const std::vector<IndicatorPlan>& plans, int periods,
                                            bool submitting) {
  std::vector<core::FieldError> errors;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const auto& plan = plans[i];
    const std::string field = at("indicators", i);
    const Chosen* c = chosenOnce(chosen, plan.indicator, field, seen, errors);
    if (!c) continue;
    append(errors, validateTotal(c->indicator, plan.baseline, field + ".baseline"));
    if (plan.targets.size() > static_cast<std::size_t>(periods)) {
      errors.push_back(
          {field + ".targets",
           {"results.too_many_targets", {{"periods", periods}, {"given", plan.targets.size()}}}});
    } else if (submitting && plan.targets.size() < static_cast<std::size_t>(periods)) {
      errors.push_back({field + ".targets", {"results.target_per_period", {{"periods", periods}}}});
    }
    for (std::size_t p = 0; p < plan.targets.size(); ++p) {
      append(errors, validateMeasure(c->indicator, plan.targets[p], field + at(".targets", p)));
    }
  }
  if (submitting) {
    for (const auto& c : chosen) {
      if (c.required && !seen.contains(c.indicator.code)) {
        errors.push_back({"indicators." + c.indicator.code,
                          {"results.target_required", {{"code", c.indicator.code}}}});
      }
    }
  }
  return errors;
}

std::vector<core::FieldError> validateResults(const std::vector<Chosen>& chosen,
                                              const std::vector<IndicatorResult>& results,
                                              const std::vector<std::int64_t>& report_attachments,
                                              bool submitting) {
  std::vector<core::FieldError> errors;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    const std::string field = at("results", i);
    const Chosen* c = chosenOnce(chosen, r.indicator, field, seen, errors);
    if (!c) continue;
    append(errors, validateMeasure(c->indicator, r.actual, field + ".actual"));
    const auto comment_length = core::utf8Length(r.comment);
    if (!comment_length) {
      errors.push_back({field + ".comment", "field.not_utf8"});
    } else if (*comment_length > kMaxComment) {
      errors.push_back({field + ".comment", {"field.too_long", {{"max", kMaxComment}}}});
    }
    for (std::size_t e = 0; e < r.evidence.size(); ++e) {
      if (std::find(report_attachments.begin(), report_attachments.end(), r.evidence[e]) ==
          report_attachments.end()) {
        errors.push_back({field + at(".evidence", e), "results.evidence_not_attached"});
      }
    }
  }
  if (submitting) {
    for (const auto& c : chosen) {
      if (c.required && !seen.contains(c.indicator.code)) {
        errors.push_back({"results." + c.indicator.code,
                          {"results.result_required", {{"code", c.indicator.code}}}});
      }
    }
  }
  return errors;
}

}  // namespace citygrants::results
