#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/results/framework.h"
#include "modules/review/rubric.h"

namespace citygrants::records {

// One step of a call's tranche plan: a share of the award and what releases it.
struct TranchePlanItem {
  int seq = 0;
  int share_bp = 0;     // basis points of the award
  std::string trigger;  // signature | progress_report | final_report
};

// An indicator a call chose (by code), and whether every full proposal must set targets for it.
struct CallIndicator {
  std::string code;
  bool required = false;

  bool operator==(const CallIndicator&) const = default;
};

// A funding round with its budget envelope, award range, criteria and tranche plan.
struct Call {
  std::int64_t id = 0;
  std::string code;  // "GCF-2026"
  std::string title;
  std::string description;
  std::string state = "draft";
  bool two_stage = true;  // concept note first
  std::string currency = "USD";
  std::int64_t budget_minor = 0;
  std::int64_t min_award_minor = 0;
  std::int64_t max_award_minor = 0;
  std::int64_t threshold_minor = 0;  // awards above need a second fund manager
  int max_duration_months = 24;
  std::optional<std::int64_t> opens_at;
  std::int64_t closes_at = 0;
  std::int64_t created_by = 0;
  std::int64_t version = 1;
  std::vector<review::Criterion> criteria;
  std::vector<TranchePlanItem> plan;
  std::vector<CallIndicator> indicators;  // its results framework, in the order proposals show it
  std::vector<std::int64_t> chapters;     // the donors' chapters that fund it, drawn in this order
  std::vector<i18n::Translation> translations;  // title and description in fr, es, pt
};

// A call's translatable fields and their longest texts.
inline constexpr i18n::TranslatableField kCallTexts[] = {{"title", 200}, {"description", 20'000}};

// `call` as a reader of `language` sees it: its title and description, and each criterion's name
// and guidance, in that language where a translation exists, else in English (field by field).
inline Call localized(Call call, std::string_view language) {
  call.title = i18n::localized(call.translations, language, "title", call.title);
  call.description = i18n::localized(call.translations, language, "description", call.description);
  for (auto& c : call.criteria) {
    c.name = i18n::localized(c.translations, language, "name", c.name);
    c.guidance = i18n::localized(c.translations, language, "guidance", c.guidance);
  }
  return call;
}

// The reporting periods of the call's grants (results::periodCount): 2 when its tranche plan
// waits for a progress report, else 1.
inline int reportingPeriods(const Call& call) {
  bool progress = false;
  for (const auto& item : call.plan) progress |= item.trigger == "progress_report";
  return results::periodCount(progress);
}

}  // namespace citygrants::records
