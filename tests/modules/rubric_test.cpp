#include "modules/review/rubric.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

namespace citygrants::review {
namespace {

Criterion criterion(std::int64_t id, int weight) {
  Criterion c;
  c.id = id;
  c.code = "c" + std::to_string(id);
  c.weight = weight;
  return c;
}

// The call's five criteria, weighing 30 + 20 + 20 + 15 + 15 = 100.
std::vector<Criterion> gcfCriteria() {
  return {criterion(1, 30), criterion(2, 20), criterion(3, 20), criterion(4, 15), criterion(5, 15)};
}

std::vector<Score> scores(std::vector<int> values) {
  std::vector<Score> out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    out.push_back(Score{static_cast<std::int64_t>(i + 1), values[i]});
  }
  return out;
}

Summary summary(std::vector<int> means) { return summarise(means); }

}  // namespace

BOOST_AUTO_TEST_SUITE(rubric)

BOOST_AUTO_TEST_CASE(weights_are_complete_when_positive_and_summing_to_100) {
  BOOST_TEST(weightsComplete(gcfCriteria()));
  BOOST_TEST(weightsComplete(std::vector<Criterion>{criterion(1, 100)}));
  BOOST_TEST(!weightsComplete(std::vector<Criterion>{}));
  BOOST_TEST(!weightsComplete(std::vector<Criterion>{criterion(1, 50), criterion(2, 40)}));
  BOOST_TEST(!weightsComplete(std::vector<Criterion>{criterion(1, 100), criterion(2, 0)}));
  BOOST_TEST(!weightsComplete(std::vector<Criterion>{criterion(1, 110), criterion(2, -10)}));
}

BOOST_AUTO_TEST_CASE(all_scored_needs_one_score_in_range_per_criterion) {
  const auto criteria = gcfCriteria();
  BOOST_TEST(allScored(criteria, scores({1, 2, 3, 4, 5})));
  // Order does not matter.
  std::vector<Score> reversed = scores({5, 4, 3, 2, 1});
  std::reverse(reversed.begin(), reversed.end());
  BOOST_TEST(allScored(criteria, reversed));
}

BOOST_AUTO_TEST_CASE(all_scored_refuses_missing_duplicate_and_out_of_range_scores) {
  const auto criteria = gcfCriteria();
  BOOST_TEST(!allScored(criteria, scores({})));
  BOOST_TEST(!allScored(criteria, scores({3, 3, 3, 3})));        // one missing
  BOOST_TEST(!allScored(criteria, scores({3, 3, 3, 3, 3, 3})));  // one unknown extra
  std::vector<Score> duplicate = scores({3, 3, 3, 3, 3});
  duplicate[4].criterion_id = 1;  // criterion 1 twice, criterion 5 never
  BOOST_TEST(!allScored(criteria, duplicate));
  std::vector<Score> stranger = scores({3, 3, 3, 3, 3});
  stranger[4].criterion_id = 99;
  BOOST_TEST(!allScored(criteria, stranger));
  BOOST_TEST(!allScored(criteria, scores({0, 3, 3, 3, 3})));
  BOOST_TEST(!allScored(criteria, scores({3, 3, 3, 3, 6})));
  BOOST_TEST(!allScored(criteria, scores({-1, 3, 3, 3, 3})));
  BOOST_TEST(!allScored(std::vector<Criterion>{}, scores({})));
}

BOOST_AUTO_TEST_CASE(weighted_mean_is_in_thousandths_of_a_point) {
  const auto criteria = gcfCriteria();
  BOOST_TEST(weightedMeanMilli(criteria, scores({5, 5, 5, 5, 5})).value_or(-1) == 5'000);
  BOOST_TEST(weightedMeanMilli(criteria, scores({1, 1, 1, 1, 1})).value_or(-1) == 1'000);
  // 30*4 + 20*3 + 20*5 + 15*2 + 15*1 = 325 -> 3.25
  BOOST_TEST(weightedMeanMilli(criteria, scores({4, 3, 5, 2, 1})).value_or(-1) == 3'250);
  BOOST_TEST(!weightedMeanMilli(criteria, scores({4, 3, 5, 2})).has_value());
  BOOST_TEST(!weightedMeanMilli(criteria, scores({4, 3, 5, 2, 9})).has_value());
}

BOOST_AUTO_TEST_CASE(weighted_mean_is_exact_for_weights_summing_to_100) {
  const std::vector<Criterion> uneven{criterion(1, 33), criterion(2, 67)};
  BOOST_TEST(weightedMeanMilli(uneven, scores({2, 1})).value_or(-1) == 1'330);
  BOOST_TEST(weightedMeanMilli(uneven, scores({1, 2})).value_or(-1) == 1'670);
  const std::vector<Criterion> skewed{criterion(1, 99), criterion(2, 1)};
  BOOST_TEST(weightedMeanMilli(skewed, scores({1, 5})).value_or(-1) == 1'040);
}

BOOST_AUTO_TEST_CASE(weighted_mean_needs_complete_weights) {
  // Weights that do not sum to 100 (including a sum of 0) give no mean rather than a
  // meaningless one or a division by zero.
  BOOST_TEST(!weightedMeanMilli(std::vector<Criterion>{criterion(1, 0)}, scores({3})).has_value());
  BOOST_TEST(!weightedMeanMilli(std::vector<Criterion>{criterion(1, 1), criterion(2, 2)},
                                scores({2, 1})).has_value());
  BOOST_TEST(!weightedMeanMilli(std::vector<Criterion>{criterion(1, 110), criterion(2, -10)},
                                scores({2, 1})).has_value());
}

BOOST_AUTO_TEST_CASE(summary_of_no_reviews_is_empty) {
  const Summary s = summary({});
  BOOST_TEST(s.reviews == 0);
  BOOST_TEST(s.mean_milli == 0);
  BOOST_TEST(s.spread_milli == 0);
  BOOST_TEST(!s.spread_flag);
}

BOOST_AUTO_TEST_CASE(summary_means_the_review_means_rounding_half_up) {
  const Summary one = summary({3'250});
  BOOST_TEST(one.reviews == 1);
  BOOST_TEST(one.mean_milli == 3'250);
  BOOST_TEST(one.spread_milli == 0);
  BOOST_TEST(summary({3'000, 3'001}).mean_milli == 3'001);         // 3000.5
  BOOST_TEST(summary({1'000, 1'000, 1'001}).mean_milli == 1'000);  // 1000.33
  BOOST_TEST(summary({1'000, 1'001, 1'001}).mean_milli == 1'001);  // 1000.67
  BOOST_TEST(summary({2'000, 4'000, 3'000}).mean_milli == 3'000);
  BOOST_TEST(summary({5'000, 5'000, 5'000, 5'000}).mean_milli == 5'000);
}

BOOST_AUTO_TEST_CASE(spread_is_flagged_strictly_above_1500) {
  const Summary at = summary({3'000, 4'500});
  BOOST_TEST(at.spread_milli == 1'500);
  BOOST_TEST(!at.spread_flag);
  const Summary above = summary({4'501, 3'000});
  BOOST_TEST(above.spread_milli == 1'501);
  BOOST_TEST(above.spread_flag);
  const Summary wide = summary({3'000, 1'000, 5'000, 2'500});
  BOOST_TEST(wide.reviews == 4);
  BOOST_TEST(wide.spread_milli == 4'000);
  BOOST_TEST(wide.spread_flag);
  BOOST_TEST(!summary({2'000, 3'499, 2'500}).spread_flag);
  BOOST_TEST(kSpreadFlagMilli == 1'500);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::review
