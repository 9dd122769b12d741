#include "modules/proposals/validation.h"

#include <algorithm>
#include <iterator>
#include <set>

#include "modules/core/text.h"

namespace citygrants::proposals {
namespace {

template <std::size_t N>
bool oneOf(const char* const (&list)[N], const std::string& value) {
  return std::any_of(std::begin(list), std::end(list), [&](const char* s) { return value == s; });
}


void checkText(std::vector<core::FieldError>& out, const std::string& field, const std::string& v,
               std::size_t max) {
  auto len = core::utf8Length(v);
  if (!len) {
    out.push_back({field, "is not valid UTF-8"});
  } else if (*len > max) {
    out.push_back({field, "is longer than " + std::to_string(max) + " characters"});
  }
}

void requireConceptFields(std::vector<core::FieldError>& out, const ProposalContent& c,
                          const CallTerms& terms) {
  if (core::isBlank(c.title)) out.push_back({"title", "is required"});
  if (core::utf8Length(c.summary).value_or(0) < kMinSummary) {
    out.push_back({"summary", "needs at least " + std::to_string(kMinSummary) + " characters"});
  }
  if (c.target_groups.empty()) out.push_back({"target_groups", "name at least one target group"});
  if (c.beneficiaries <= 0) out.push_back({"beneficiaries", "must be at least 1"});
  if (c.duration_months < 1 || c.duration_months > terms.max_duration_months) {
    out.push_back({"duration_months",
                   "must be from 1 to " + std::to_string(terms.max_duration_months) + " months"});
  }
  if (c.amount_minor <= 0) out.push_back({"amount_minor", "is required"});
}

}  // namespace

std::vector<core::FieldError> validateDraft(const ProposalContent& c) {
  std::vector<core::FieldError> out;
  if (!oneOf(kLanguages, c.language)) out.push_back({"language", "must be en, fr, es or pt"});
  checkText(out, "title", c.title, kMaxTitle);
  checkText(out, "summary", c.summary, kMaxSummary);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < c.target_groups.size(); ++i) {
    const auto& g = c.target_groups[i];
    if (!oneOf(kTargetGroups, g)) {
      out.push_back({"target_groups[" + std::to_string(i) + "]", "unknown target group"});
    } else if (!seen.insert(g).second) {
      out.push_back({"target_groups[" + std::to_string(i) + "]", "listed twice"});
    }
  }
  if (c.beneficiaries < 0) out.push_back({"beneficiaries", "must not be negative"});
  if (c.duration_months < 0) out.push_back({"duration_months", "must not be negative"});
  if (c.amount_minor < 0) out.push_back({"amount_minor", "must not be negative"});
  if (c.budget.size() > kMaxBudgetLines) {
    out.push_back({"budget", "at most " + std::to_string(kMaxBudgetLines) + " lines"});
  }
  for (std::size_t i = 0; i < c.budget.size(); ++i) {
    const auto& line = c.budget[i];
    const std::string at = "budget[" + std::to_string(i) + "]";
    if (!oneOf(kBudgetCategories, line.category)) out.push_back({at + ".category", "unknown category"});
    checkText(out, at + ".description", line.description, kMaxTitle);
    if (line.amount_minor <= 0) out.push_back({at + ".amount_minor", "must be positive"});
  }
  return out;
}

std::vector<core::FieldError> validateConcept(const ProposalContent& c, const CallTerms& terms) {
  auto out = validateDraft(c);
  requireConceptFields(out, c, terms);
  return out;
}

bool budgetBalanced(const ProposalContent& c) {
  if (c.budget.empty()) return false;
  std::int64_t sum = 0;
  for (const auto& line : c.budget) {
    if (line.amount_minor <= 0 || __builtin_add_overflow(sum, line.amount_minor, &sum)) return false;
  }
  return sum == c.amount_minor;
}

bool amountInRange(const ProposalContent& c, const CallTerms& terms) {
  return c.amount_minor >= terms.min_award_minor && c.amount_minor <= terms.max_award_minor;
}

std::vector<core::FieldError> validateForSubmission(const ProposalContent& c,
                                                    const CallTerms& terms) {
  auto out = validateConcept(c, terms);
  if (c.amount_minor > 0 && !amountInRange(c, terms)) {
    out.push_back({"amount_minor", "must be within the call's award range"});
  }
  if (c.budget.empty()) {
    out.push_back({"budget", "add at least one budget line"});
  } else if (!budgetBalanced(c)) {
    out.push_back({"budget", "budget lines must add up to the amount requested"});
  }
  return out;
}

}  // namespace citygrants::proposals
