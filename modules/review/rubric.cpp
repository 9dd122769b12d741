#include "modules/review/rubric.h"

#include <algorithm>

namespace citygrants::review {

bool weightsComplete(std::span<const Criterion> criteria) {
  int sum = 0;
  for (const auto& c : criteria) {
    if (c.weight <= 0) return false;
    sum += c.weight;
  }
  return !criteria.empty() && sum == 100;
}

bool allScored(std::span<const Criterion> criteria, std::span<const Score> scores) {
  if (criteria.empty() || scores.size() != criteria.size()) return false;
  for (const auto& c : criteria) {
    auto n = std::count_if(scores.begin(), scores.end(), [&](const Score& s) {
      return s.criterion_id == c.id && s.value >= kMinScore && s.value <= kMaxScore;
    });
    if (n != 1) return false;
  }
  return true;
}

std::optional<int> weightedMeanMilli(std::span<const Criterion> criteria,
                                     std::span<const Score> scores) {
  if (!weightsComplete(criteria) || !allScored(criteria, scores)) return std::nullopt;
  long long weighted = 0;
  long long weights = 0;
  for (const auto& c : criteria) {
    for (const auto& s : scores) {
      if (s.criterion_id == c.id) weighted += static_cast<long long>(c.weight) * s.value;
    }
    weights += c.weight;
  }
  return static_cast<int>((weighted * 1000 * 2 + weights) / (2 * weights));
}

Summary summarise(std::span<const int> review_means_milli) {
  Summary out;
  out.reviews = static_cast<int>(review_means_milli.size());
  if (review_means_milli.empty()) return out;
  long long sum = 0;
  for (int m : review_means_milli) sum += m;
  const long long n = out.reviews;
  out.mean_milli = static_cast<int>((sum * 2 + n) / (2 * n));
  auto [lo, hi] = std::minmax_element(review_means_milli.begin(), review_means_milli.end());
  out.spread_milli = *hi - *lo;
  out.spread_flag = out.spread_milli > kSpreadFlagMilli;
  return out;
}

}  // namespace citygrants::review
