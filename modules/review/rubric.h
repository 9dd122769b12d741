#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "modules/i18n/translation.h"

namespace citygrants::review {

// One weighted criterion of a call, e.g. {"feasibility", 20}. Weights of a call sum to 100.
struct Criterion {
  std::int64_t id = 0;
  std::string code;
  std::string name;      // in English
  int weight = 0;        // percent
  std::string guidance;  // how a reviewer should read it, in English; "" when none is given
  std::vector<i18n::Translation> translations;  // name and guidance in fr, es, pt
};

// A criterion's translatable fields and their longest texts.
inline constexpr i18n::TranslatableField kCriterionTexts[] = {{"name", 200}, {"guidance", 2000}};

// One reviewer's score for one criterion.
struct Score {
  std::int64_t criterion_id = 0;
  int value = 0;  // 1..5
};

inline constexpr int kMinScore = 1;
inline constexpr int kMaxScore = 5;
// A spread of review means above this (in thousandths of a point) is flagged: 1.5 points.
inline constexpr int kSpreadFlagMilli = 1500;

// Whether the weights are each positive and sum to 100.
bool weightsComplete(std::span<const Criterion> criteria);

// Whether every criterion has exactly one score, each in 1..5.
bool allScored(std::span<const Criterion> criteria, std::span<const Score> scores);

// The weighted mean of one review in thousandths of a point (3.250 -> 3250), rounded half up;
// nothing when not every criterion is scored or the weights are not complete.
std::optional<int> weightedMeanMilli(std::span<const Criterion> criteria,
                                     std::span<const Score> scores);

// Across reviews: the mean of the review means and the spread (max - min), both in thousandths,
// and whether the spread is above 1.5 points.
struct Summary {
  int reviews = 0;
  int mean_milli = 0;
  int spread_milli = 0;
  bool spread_flag = false;
};
Summary summarise(std::span<const int> review_means_milli);

}  // namespace citygrants::review
