#include "modules/results/framework.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/results/indicator.h"
#include "tests/modules/results_fixtures.h"

namespace citygrants::results {
namespace {

using namespace testing;

// A call that chose people reached (required), follow-on funding (optional) and
// programme institutionalised (required).
std::vector<Chosen> callChoice() {
  return {{catalogIndicator("people_reached"), true},
          {catalogIndicator("follow_on_funding"), false},
          {catalogIndicator("programme_institutionalised"), true}};
}

IndicatorPlan plan(const std::string& code, std::int64_t baseline, std::vector<Measure> targets) {
  return {code, baseline, std::move(targets)};
}

// Plans for every chosen indicator over two periods.
std::vector<IndicatorPlan> completePlans() {
  return {plan("people_reached", 120,
               {Measure{500, {{"sex", "female", 300}, {"sex", "male", 200}}}, Measure{1'000, {}}}),
          plan("follow_on_funding", 0, {Measure{0, {}}, Measure{5'000'000, {}}}),
          plan("programme_institutionalised", 0, {Measure{0, {}}, Measure{1, {}}})};
}

IndicatorResult result(const std::string& code, Measure actual, std::vector<std::int64_t> evidence = {}) {
  return {code, std::move(actual), "", std::move(evidence)};
}

std::vector<IndicatorResult> completeResults() {
  return {result("people_reached", Measure{480, {{"population_group", "refugee", 480}}}, {10}),
          result("programme_institutionalised", Measure{1, {}}, {11, 10})};
}

const std::vector<std::int64_t> kAttachments = {10, 11, 12};

}  // namespace

BOOST_AUTO_TEST_SUITE(results_framework)

BOOST_AUTO_TEST_CASE(a_grant_has_two_periods_with_a_progress_report_and_one_without) {
  BOOST_TEST(periodCount(true) == 2);
  BOOST_TEST(periodCount(false) == 1);
}

BOOST_AUTO_TEST_CASE(each_report_kind_states_results_for_its_period) {
  struct Row {
    const char* kind;
    int period_count;
    std::optional<int> period;
  };
  const Row rows[] = {
      {"progress", 2, 1},          {"final", 2, 2},           {"final", 1, 1},
      {"financial", 2, std::nullopt}, {"financial", 1, std::nullopt},
      {"", 2, std::nullopt},       {"Final", 2, std::nullopt}, {"progress ", 2, std::nullopt},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT("'" << row.kind << "' of " << row.period_count) {
      BOOST_TEST((periodOfReport(row.kind, row.period_count) == row.period));
    }
  }
  // Every grant's final report states its last period, whichever the call.
  for (bool progress : {false, true}) {
    BOOST_TEST((periodOfReport("final", periodCount(progress)) == periodCount(progress)));
  }
}

BOOST_AUTO_TEST_CASE(find_chosen_finds_only_what_the_call_chose) {
  const auto chosen = callChoice();
  const Chosen* people = findChosen(chosen, "people_reached");
  BOOST_TEST_REQUIRE(people != nullptr);
  BOOST_TEST(people == &chosen[0]);
  BOOST_TEST(people->required);
  BOOST_TEST(findChosen(chosen, "follow_on_funding") == &chosen[1]);
  BOOST_TEST(findChosen(chosen, "children_enrolled") == nullptr);
  BOOST_TEST(findChosen(chosen, "") == nullptr);
  BOOST_TEST(findChosen(chosen, "People_reached") == nullptr);
  BOOST_TEST(findChosen({}, "people_reached") == nullptr);
}

BOOST_AUTO_TEST_CASE(complete_plans_pass_as_a_draft_and_for_submission) {
  BOOST_TEST(validatePlans(callChoice(), completePlans(), 2, false).empty());
  BOOST_TEST(validatePlans(callChoice(), completePlans(), 2, true).empty());
  // Optional indicators may be left out.
  auto without_optional = completePlans();
  without_optional.erase(without_optional.begin() + 1);
  BOOST_TEST(validatePlans(callChoice(), without_optional, 2, true).empty());
}

BOOST_AUTO_TEST_CASE(a_draft_may_leave_out_required_indicators_but_a_submission_may_not) {
  BOOST_TEST(validatePlans(callChoice(), {}, 2, false).empty());
  const auto errors = validatePlans(callChoice(), {}, 2, true);
  BOOST_TEST(fieldsOf(errors) ==
                 (Fields{"indicators.people_reached", "indicators.programme_institutionalised"}),
             boost::test_tools::per_element());
  BOOST_TEST(messageAt(errors, "indicators.people_reached") ==
             "results.target_required(code=people_reached)");

  auto missing_one = completePlans();
  missing_one.pop_back();
  BOOST_TEST(validatePlans(callChoice(), missing_one, 2, false).empty());
  BOOST_TEST(fieldsOf(validatePlans(callChoice(), missing_one, 2, true)) ==
                 Fields{"indicators.programme_institutionalised"},
             boost::test_tools::per_element());
  // A call that requires nothing accepts a submission with no plans.
  std::vector<Chosen> optional_only = callChoice();
  for (auto& c : optional_only) c.required = false;
  BOOST_TEST(validatePlans(optional_only, {}, 2, true).empty());
}

BOOST_AUTO_TEST_CASE(an_indicator_the_call_did_not_choose_is_refused) {
  for (bool submitting : {false, true}) {
    BOOST_TEST_CONTEXT("submitting " << submitting) {
      auto plans = completePlans();
      plans.insert(plans.begin() + 1, plan("children_enrolled", 0, {Measure{5, {}}}));
      const auto errors = validatePlans(callChoice(), plans, 2, submitting);
      BOOST_TEST(fieldsOf(errors) == Fields{"indicators[1].indicator"},
                 boost::test_tools::per_element());
      BOOST_TEST(messageAt(errors, "indicators[1].indicator") ==
                 "results.indicator_not_chosen(code=children_enrolled)");
    }
  }
  // Not chosen at all: unknown codes and the empty code alike.
  BOOST_TEST(fieldsOf(validatePlans(callChoice(), {plan("", 0, {})}, 2, false)) ==
                 Fields{"indicators[0].indicator"},
             boost::test_tools::per_element());
  BOOST_TEST(fieldsOf(validatePlans({}, {plan("people_reached", 0, {})}, 2, false)) ==
                 Fields{"indicators[0].indicator"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_indicator_planned_twice_is_refused_at_its_second_place) {
  auto plans = completePlans();
  plans.push_back(plan("people_reached", 0, {}));
  for (bool submitting : {false, true}) {
    BOOST_TEST_CONTEXT("submitting " << submitting) {
      const auto errors = validatePlans(callChoice(), plans, 2, submitting);
      BOOST_TEST(fieldsOf(errors) == Fields{"indicators[3].indicator"},
                 boost::test_tools::per_element());
      BOOST_TEST(messageAt(errors, "indicators[3].indicator") ==
                 "results.indicator_twice(code=people_reached)");
    }
  }
}

BOOST_AUTO_TEST_CASE(the_number_of_targets_follows_the_reporting_periods) {
  struct Row {
    int periods;
    std::size_t targets;
    bool submitting;
    const char* message;  // at indicators[0].targets, "" for none
  };
  const Row rows[] = {
      {1, 0, false, ""},
      {1, 1, false, ""},
      {1, 1, true, ""},
      {1, 2, false, "results.too_many_targets(periods=1, given=2)"},
      {1, 2, true, "results.too_many_targets(periods=1, given=2)"},
      {2, 0, false, ""},
      {2, 1, false, ""},
      {2, 0, true, "results.target_per_period(periods=2)"},
      {2, 1, true, "results.target_per_period(periods=2)"},
      {2, 2, true, ""},
      {2, 3, false, "results.too_many_targets(periods=2, given=3)"},
      {2, 3, true, "results.too_many_targets(periods=2, given=3)"},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.targets << " targets over " << row.periods << " periods, submitting "
                                   << row.submitting) {
      const std::vector<Chosen> chosen = {{catalogIndicator("services_delivered"), true}};
      const auto p = plan("services_delivered", 10, std::vector<Measure>(row.targets, Measure{20, {}}));
      const auto errors = validatePlans(chosen, {p}, row.periods, row.submitting);
      if (std::string(row.message).empty()) {
        BOOST_TEST(errors.empty());
      } else {
        BOOST_TEST(fieldsOf(errors) == Fields{"indicators[0].targets"},
                   boost::test_tools::per_element());
        BOOST_TEST(messageAt(errors, "indicators[0].targets") == row.message);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(baselines_and_targets_are_values_of_their_indicator) {
  struct Row {
    const char* name;
    std::size_t at;  // which plan of completePlans() changes
    IndicatorPlan changed;
    Fields fields;
  };
  const Row rows[] = {
      {"negative baseline", 0, plan("people_reached", -1, {Measure{5, {}}, Measure{5, {}}}),
       {"indicators[0].baseline"}},
      {"yes/no baseline of 2", 2, plan("programme_institutionalised", 2, {Measure{0, {}}, Measure{1, {}}}),
       {"indicators[2].baseline"}},
      {"yes/no target of 2", 2, plan("programme_institutionalised", 0, {Measure{0, {}}, Measure{2, {}}}),
       {"indicators[2].targets[1].total"}},
      {"negative money", 1, plan("follow_on_funding", 0, {Measure{-1, {}}, Measure{0, {}}}),
       {"indicators[1].targets[0].total"}},
      {"breakdown off by one", 0,
       plan("people_reached", 0, {Measure{5, {}}, Measure{10, {{"sex", "female", 9}}}}),
       {"indicators[0].targets[1].breakdown.sex"}},
      {"breakdown on money", 1,
       plan("follow_on_funding", 0, {Measure{5, {{"sex", "female", 5}}}, Measure{5, {}}}),
       {"indicators[1].targets[0].breakdown.sex"}},
      {"faults in baseline and both targets", 0,
       plan("people_reached", -3, {Measure{-1, {}}, Measure{10, {{"sex", "nobody", 10}}}}),
       {"indicators[0].baseline", "indicators[0].targets[0].total",
        "indicators[0].targets[1].breakdown.sex.nobody"}},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      auto plans = completePlans();
      plans[row.at] = row.changed;
      for (bool submitting : {false, true}) {
        BOOST_TEST(fieldsOf(validatePlans(callChoice(), plans, 2, submitting)) == row.fields,
                   boost::test_tools::per_element());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(complete_results_pass_as_a_draft_and_for_submission) {
  BOOST_TEST(validateResults(callChoice(), completeResults(), kAttachments, false).empty());
  BOOST_TEST(validateResults(callChoice(), completeResults(), kAttachments, true).empty());
  auto with_optional = completeResults();
  with_optional.push_back(result("follow_on_funding", Measure{2'500'000, {}}));
  BOOST_TEST(validateResults(callChoice(), with_optional, {}, true).size() == 3u,
             "without attachments, the three evidence references are refused");
  BOOST_TEST(validateResults(callChoice(), with_optional, kAttachments, true).empty());
}

BOOST_AUTO_TEST_CASE(submitting_results_needs_every_required_indicator) {
  BOOST_TEST(validateResults(callChoice(), {}, kAttachments, false).empty());
  const auto none = validateResults(callChoice(), {}, kAttachments, true);
  BOOST_TEST(fieldsOf(none) ==
                 (Fields{"results.people_reached", "results.programme_institutionalised"}),
             boost::test_tools::per_element());
  BOOST_TEST(messageAt(none, "results.people_reached") ==
             "results.result_required(code=people_reached)");

  auto one = completeResults();
  one.erase(one.begin());
  BOOST_TEST(validateResults(callChoice(), one, kAttachments, false).empty());
  BOOST_TEST(fieldsOf(validateResults(callChoice(), one, kAttachments, true)) ==
                 Fields{"results.people_reached"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_result_on_an_indicator_not_chosen_or_stated_twice_is_refused) {
  auto results = completeResults();
  results.push_back(result("children_enrolled", Measure{3, {}}));
  results.push_back(result("programme_institutionalised", Measure{0, {}}));
  for (bool submitting : {false, true}) {
    BOOST_TEST_CONTEXT("submitting " << submitting) {
      const auto errors = validateResults(callChoice(), results, kAttachments, submitting);
      BOOST_TEST(fieldsOf(errors) == (Fields{"results[2].indicator", "results[3].indicator"}),
                 boost::test_tools::per_element());
      BOOST_TEST(messageAt(errors, "results[2].indicator") ==
                 "results.indicator_not_chosen(code=children_enrolled)");
      BOOST_TEST(messageAt(errors, "results[3].indicator") ==
                 "results.indicator_twice(code=programme_institutionalised)");
    }
  }
}

BOOST_AUTO_TEST_CASE(evidence_must_be_a_file_of_the_same_report) {
  auto results = completeResults();
  results[0].evidence = {10, 99, 11, 12, -1, 0};
  const auto errors = validateResults(callChoice(), results, kAttachments, false);
  BOOST_TEST(fieldsOf(errors) == (Fields{"results[0].evidence[1]", "results[0].evidence[4]",
                                         "results[0].evidence[5]"}),
             boost::test_tools::per_element());
  BOOST_TEST(messageAt(errors, "results[0].evidence[1]") == "results.evidence_not_attached");
  // Evidence of a report with no attachments is always refused; no evidence is always fine.
  BOOST_TEST(fieldsOf(validateResults(callChoice(), completeResults(), {}, false)) ==
                 (Fields{"results[0].evidence[0]", "results[1].evidence[0]", "results[1].evidence[1]"}),
             boost::test_tools::per_element());
  BOOST_TEST(validateResults(callChoice(), {result("people_reached", Measure{1, {}})}, {}, false)
                 .empty());
}

BOOST_AUTO_TEST_CASE(comments_are_at_most_kMaxComment_characters_of_utf8) {
  struct Row {
    std::string comment;
    const char* message;  // "" when valid
  };
  std::string accented;
  for (std::size_t i = 0; i < kMaxComment; ++i) accented += "\xc3\xa9";  // é, two bytes each
  const Row rows[] = {
      {"", ""},
      {std::string(kMaxComment, 'x'), ""},
      {std::string(kMaxComment + 1, 'x'), "field.too_long(max=4000)"},
      {accented, ""},
      {accented + "x", "field.too_long(max=4000)"},
      {"caf\xc3", "field.not_utf8"},
      {"\xff\xfe", "field.not_utf8"},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.comment.size() << " bytes") {
      auto results = completeResults();
      results[1].comment = row.comment;
      const auto errors = validateResults(callChoice(), results, kAttachments, false);
      if (std::string(row.message).empty()) {
        BOOST_TEST(errors.empty());
      } else {
        BOOST_TEST(fieldsOf(errors) == Fields{"results[1].comment"},
                   boost::test_tools::per_element());
        BOOST_TEST(messageAt(errors, "results[1].comment") == row.message);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(results_are_values_of_their_indicator) {
  struct Row {
    const char* name;
    IndicatorResult changed;  // replaces completeResults()[0]
    Fields fields;
  };
  const Row rows[] = {
      {"negative count", result("people_reached", Measure{-4, {}}), {"results[0].actual.total"}},
      {"breakdown not adding up",
       result("people_reached", Measure{10, {{"reach", "direct", 4}, {"reach", "indirect", 5}}}),
       {"results[0].actual.breakdown.reach"}},
      {"yes/no of 2", result("programme_institutionalised", Measure{2, {}}),
       {"results[0].actual.total"}},
      {"unknown value",
       result("people_reached", Measure{10, {{"reach", "remote", 10}}}),
       {"results[0].actual.breakdown.reach.remote"}},
  };
  for (const auto& row : rows) {
    BOOST_TEST_CONTEXT(row.name) {
      auto results = completeResults();
      if (row.changed.indicator != results[0].indicator) results.erase(results.begin() + 1);
      results[0] = row.changed;
      BOOST_TEST(fieldsOf(validateResults(callChoice(), results, kAttachments, false)) == row.fields,
                 boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::results
