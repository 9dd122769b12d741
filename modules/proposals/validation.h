#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "modules/core/problem.h"
#include "modules/results/framework.h"

namespace citygrants::proposals {

// One budget line of a full proposal.
struct BudgetLine {
  std::string category;  // one of kBudgetCategories
  std::string description;
  std::int64_t amount_minor = 0;
};

// The content of a concept note or full proposal, as the applicant wrote it.
struct ProposalContent {
  std::string language = "en";  // en, fr, es, pt
  std::string title;
  std::string summary;
  std::vector<std::string> target_groups;  // from kTargetGroups
  std::int64_t beneficiaries = 0;
  int duration_months = 0;
  std::int64_t amount_minor = 0;
  std::vector<BudgetLine> budget;
  // The results framework of a full proposal: baseline and targets per indicator the call chose
  // (checked against the call by results::validatePlans).
  std::vector<results::IndicatorPlan> indicators;
};

// What the call allows.
struct CallTerms {
  std::int64_t min_award_minor = 0;
  std::int64_t max_award_minor = 0;
  int max_duration_months = 36;
};

inline constexpr const char* kTargetGroups[] = {
    "migrants", "refugees", "internally_displaced", "asylum_seekers",
    "returnees", "stateless", "host_communities"};
inline constexpr const char* kBudgetCategories[] = {
    "personnel", "activities", "equipment", "travel", "communication",
    "monitoring_evaluation", "overheads", "other"};
inline constexpr const char* kLanguages[] = {"en", "fr", "es", "pt"};

inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxSummary = 20'000;
inline constexpr std::size_t kMinSummary = 50;
inline constexpr std::size_t kMaxBudgetLines = 100;

// Field errors of a draft that are wrong at any stage (too long, unknown values, negative
// numbers). An empty result means the draft can be saved.
std::vector<core::FieldError> validateDraft(const ProposalContent& content);

// Field errors that keep a concept note from being submitted: language, title, summary, target
// groups, beneficiaries, duration and an indicative amount.
std::vector<core::FieldError> validateConcept(const ProposalContent& content,
                                              const CallTerms& terms);

// Field errors that keep a full proposal from being submitted, every failing field named:
// all concept fields, the amount within the call's range, and budget lines that each name a
// category and a positive amount and add up to the amount requested.
std::vector<core::FieldError> validateForSubmission(const ProposalContent& content,
                                                    const CallTerms& terms);

// Whether the budget lines add up to the amount requested (and there is at least one).
bool budgetBalanced(const ProposalContent& content);
bool amountInRange(const ProposalContent& content, const CallTerms& terms);

}  // namespace citygrants::proposals
