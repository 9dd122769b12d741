#include "modules/results/allocation.h"

#include <algorithm>
#include <numeric>
#include <set>

#include "modules/core/money.h"

namespace citygrants::results {

std::vector<core::FieldError> validateAllocations(std::int64_t award_minor,
                                                  const std::vector<Allocation>& allocations,
                                                  const std::vector<ChapterRoom>& chapters) {
  std::vector<core::FieldError> errors;
  if (allocations.empty()) return {{"allocations", "allocation.none"}};
  std::set<std::int64_t> seen;
  std::int64_t sum = 0;
  bool over = false;  // the sum passed the largest int64, and so the award
  for (std::size_t i = 0; i < allocations.size(); ++i) {
    const auto& a = allocations[i];
    const std::string field = "allocations[" + std::to_string(i) + "]";
    const auto room = std::find_if(chapters.begin(), chapters.end(),
                                   [&](const auto& c) { return c.chapter_id == a.chapter_id; });
    if (room == chapters.end()) {
      errors.push_back({field + ".chapter_id",
                        {"allocation.not_funding", {{"chapter", std::to_string(a.chapter_id)}}}});
      continue;
    }
    if (!seen.insert(a.chapter_id).second) {
      errors.push_back({field + ".chapter_id", "allocation.chapter_twice"});
      continue;
    }
    if (a.amount_minor <= 0 || a.amount_minor > award_minor) {
      errors.push_back({field + ".amount_minor", "allocation.amount_range"});
      continue;
    }
    if (a.amount_minor > room->left()) {
      errors.push_back({field + ".amount_minor",
                        {"allocation.chapter_short",
                         {{"left", room->left()}, {"committed", room->committed_minor}}}});
    }
    over = __builtin_add_overflow(sum, a.amount_minor, &sum) || over;
  }
  if (errors.empty() && over) {
    errors.push_back({"allocations", {"allocation.over_award", {{"award", award_minor}}}});
  } else if (errors.empty() && sum != award_minor) {
    errors.push_back(
        {"allocations", {"allocation.not_award", {{"sum", sum}, {"award", award_minor}}}});
  }
  return errors;
}

std::optional<std::vector<Allocation>> fillAllocations(std::int64_t award_minor,
                                                       const std::vector<ChapterRoom>& chapters) {
  std::vector<Allocation> out;
  std::int64_t rest = award_minor;
  for (const auto& c : chapters) {
    if (rest == 0) break;
    const std::int64_t take = std::min(rest, c.left());
    if (take <= 0) continue;
    out.push_back({c.chapter_id, take});
    rest -= take;
  }
  if (rest != 0) return std::nullopt;
  return out;
}

std::vector<std::int64_t> attribute(std::int64_t amount, const std::vector<std::int64_t>& weights) {
  std::vector<std::int64_t> parts(weights.size(), 0);
  const std::int64_t total = std::accumulate(weights.begin(), weights.end(), std::int64_t{0});
  if (weights.empty() || total <= 0) return parts;
  std::int64_t given = 0;
  for (std::size_t i = 0; i + 1 < weights.size(); ++i) {
    parts[i] = core::mulDiv(amount, weights[i], total);
    given += parts[i];
  }
  parts.back() = amount - given;
  return parts;
}

std::vector<std::int64_t> weightsOf(const std::vector<Allocation>& allocations) {
  std::vector<std::int64_t> out;
  for (const auto& a : allocations) out.push_back(a.amount_minor);
  return out;
}

std::vector<std::int64_t> paidByChapter(const std::vector<std::int64_t>& payments,
                                        const std::vector<Allocation>& allocations) {
  std::vector<std::int64_t> out(allocations.size(), 0);
  if (allocations.empty()) return out;
  const auto weights = weightsOf(allocations);
  for (const auto payment : payments) {
    const auto parts = attribute(payment, weights);
    for (std::size_t i = 0; i < parts.size(); ++i) out[i] += parts[i];
  }
  return out;
}

}  // namespace citygrants::results
