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
    out.push_back({field, "field.not_utf8"});
  } else if (*len > max) {
    out.push_back({field, {"field.too_long", {{"max", max}}}});
  }
}

void requireConceptFields(std::vector<core::FieldError>& out, const ProposalContent& c,
                          const CallTerms& terms) {
  if (core::isBlank(c.title)) out.push_back({"title", "field.required"});
  if (core::utf8Length(c.summary).value_or(0) < kMinSummary) {
    out.push_back({"summary", {"field.too_short", {{"min", kMinSummary}}}});
  }
  if (c.target_groups.empty()) out.push_back({"target_groups", "proposal.target_groups_none"});
  if (c.beneficiaries <= 0) out.push_back({"beneficiaries", {"field.at_least", {{"min", 1}}}});
  if (c.duration_months < 1 || c.duration_months > terms.max_duration_months) {
    out.push_back({"duration_months",
                   {"field.months_range", {{"min", 1}, {"max", terms.max_duration_months}}}});
  }
  if (c.amount_minor <= 0) out.push_back({"amount_minor", "field.required"});
}

}  // namespace

std::vector<core::FieldError> validateDraft(const ProposalContent& c) {
  std::vector<core::FieldError> out;
  if (!oneOf(kLanguages, c.language)) out.push_back({"language", "field.language"});
  checkText(out, "title", c.title, kMaxTitle);
  checkText(out, "summary", c.summary, kMaxSummary);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < c.target_groups.size(); ++i) {
    const auto& g = c.target_groups[i];
    if (!oneOf(kTargetGroups, g)) {
      out.push_back({"target_groups[" + std::to_string(i) + "]", "proposal.target_group_unknown"});
    } else if (!seen.insert(g).second) {
      out.push_back({"target_groups[" + std::to_string(i) + "]", "proposal.target_group_twice"});
    }
  }
  if (c.beneficiaries < 0) out.push_back({"beneficiaries", "field.not_negative"});
  if (c.duration_months < 0) out.push_back({"duration_months", "field.not_negative"});
  if (c.amount_minor < 0) out.push_back({"amount_minor", "field.not_negative"});
  if (c.budget.size() > kMaxBudgetLines) {
    out.push_back({"budget", {"proposal.budget_lines_max", {{"max", kMaxBudgetLines}}}});
  }
  for (std::size_t i = 0; i < c.budget.size(); ++i) {
    const auto& line = c.budget[i];
    const std::string at = "budget[" + std::to_string(i) + "]";
    if (!oneOf(kBudgetCategories, line.category))
      out.push_back({at + ".category", "proposal.budget_category"});
    checkText(out, at + ".description", line.description, kMaxTitle);
    if (line.amount_minor <= 0) out.push_back({at + ".amount_minor", "field.positive"});
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
    out.push_back({"amount_minor", "proposal.amount_range"});
  }
  if (c.budget.empty()) {
    out.push_back({"budget", "proposal.budget_empty"});
  } else if (!budgetBalanced(c)) {
    out.push_back({"budget", "proposal.budget_unbalanced"});
  }
  return out;
}

}  // namespace citygrants::proposals
