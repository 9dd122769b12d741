#include "modules/proposals/validation.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

namespace citygrants::proposals {
namespace {

// A call awarding USD 200,000 to 500,000 over at most 24 months.
CallTerms gcfTerms() {
  CallTerms t;
  t.min_award_minor = 20'000'000;
  t.max_award_minor = 50'000'000;
  t.max_duration_months = 24;
  return t;
}

BudgetLine line(const char* category, std::int64_t amount) {
  BudgetLine l;
  l.category = category;
  l.description = "what the money buys";
  l.amount_minor = amount;
  return l;
}

// A full proposal that passes every check: USD 450,000 in three lines.
ProposalContent goodProposal() {
  ProposalContent c;
  c.language = "fr";
  c.title = "Accueil et emploi des réfugiés à Montréal";
  c.summary = std::string(60, 's');
  c.target_groups = {"refugees", "host_communities"};
  c.beneficiaries = 1'200;
  c.duration_months = 24;
  c.amount_minor = 45'000'000;
  c.budget = {line("personnel", 20'000'000), line("activities", 20'000'000),
              line("monitoring_evaluation", 5'000'000)};
  return c;
}

std::vector<std::string> fieldsOf(const std::vector<core::FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

bool names(const std::vector<core::FieldError>& errors, const std::string& field) {
  return std::any_of(errors.begin(), errors.end(),
                     [&](const core::FieldError& e) { return e.field == field; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(validation)

BOOST_AUTO_TEST_CASE(a_complete_proposal_passes_every_stage) {
  const auto c = goodProposal();
  BOOST_TEST(validateDraft(c).empty());
  BOOST_TEST(validateConcept(c, gcfTerms()).empty());
  BOOST_TEST(validateForSubmission(c, gcfTerms()).empty());
  BOOST_TEST(budgetBalanced(c));
  BOOST_TEST(amountInRange(c, gcfTerms()));
}

BOOST_AUTO_TEST_CASE(an_empty_proposal_names_every_failing_field) {
  const ProposalContent empty;
  BOOST_TEST(validateDraft(empty).empty(), "an empty draft can be saved");
  auto got = fieldsOf(validateForSubmission(empty, gcfTerms()));
  std::sort(got.begin(), got.end());
  const std::vector<std::string> expected{
      "amount_minor", "beneficiaries", "budget", "duration_months",
      "summary",      "target_groups", "title"};
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_concept_note_needs_no_budget) {
  auto c = goodProposal();
  c.budget.clear();
  BOOST_TEST(validateConcept(c, gcfTerms()).empty());
  const auto errors = validateForSubmission(c, gcfTerms());
  BOOST_TEST(fieldsOf(errors) == std::vector<std::string>{"budget"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(budget_lines_must_add_up_to_the_amount) {
  auto c = goodProposal();
  c.budget.back().amount_minor += 1;
  BOOST_TEST(!budgetBalanced(c));
  BOOST_TEST(fieldsOf(validateForSubmission(c, gcfTerms())) == std::vector<std::string>{"budget"},
             boost::test_tools::per_element());
  c.budget.back().amount_minor -= 2;
  BOOST_TEST(!budgetBalanced(c));
  c.budget.back().amount_minor += 1;
  BOOST_TEST(budgetBalanced(c));
  c.budget.clear();
  BOOST_TEST(!budgetBalanced(c));
}

BOOST_AUTO_TEST_CASE(budget_that_balances_only_through_a_negative_line_is_refused) {
  auto c = goodProposal();
  c.budget = {line("personnel", 50'000'000), line("other", -5'000'000)};
  BOOST_TEST(!budgetBalanced(c));
  const auto errors = validateForSubmission(c, gcfTerms());
  BOOST_TEST(names(errors, "budget[1].amount_minor"));
  BOOST_TEST(names(errors, "budget"));
}

BOOST_AUTO_TEST_CASE(budget_lines_that_overflow_do_not_balance) {
  auto c = goodProposal();
  const auto max = std::numeric_limits<std::int64_t>::max();
  c.amount_minor = 45'000'000;
  c.budget = {line("personnel", max), line("activities", max),
              line("travel", 45'000'000 + 2)};  // wraps around to the amount in two's complement
  BOOST_TEST(!budgetBalanced(c));
}

BOOST_AUTO_TEST_CASE(amount_must_be_within_the_calls_range) {
  auto c = goodProposal();
  const auto terms = gcfTerms();
  for (std::int64_t amount :
       {terms.min_award_minor, terms.max_award_minor, std::int64_t{30'000'000}}) {
    c.amount_minor = amount;
    BOOST_TEST(amountInRange(c, terms));
  }
  for (std::int64_t amount : {terms.min_award_minor - 1, terms.max_award_minor + 1}) {
    c.amount_minor = amount;
    c.budget = {line("activities", amount)};
    BOOST_TEST_CONTEXT("amount " << amount) {
      BOOST_TEST(!amountInRange(c, terms));
      BOOST_TEST(
          fieldsOf(validateForSubmission(c, terms)) == std::vector<std::string>{"amount_minor"},
          boost::test_tools::per_element());
      BOOST_TEST(validateConcept(c, terms).empty(), "a concept's amount is indicative");
    }
  }
}

BOOST_AUTO_TEST_CASE(unknown_or_repeated_target_groups_are_named_by_position) {
  auto c = goodProposal();
  c.target_groups = {"refugees", "tourists", "refugees"};
  const auto errors = validateDraft(c);
  BOOST_TEST(fieldsOf(errors) == (std::vector<std::string>{"target_groups[1]", "target_groups[2]"}),
             boost::test_tools::per_element());
  for (const char* group : kTargetGroups) {
    c.target_groups = {group};
    BOOST_TEST_CONTEXT(group) { BOOST_TEST(validateDraft(c).empty()); }
  }
}

BOOST_AUTO_TEST_CASE(invalid_utf8_title_is_refused) {
  auto c = goodProposal();
  for (const char* bad : {"Caf\xC3", "etc\xC0\xAF", "a\xED\xA0\x80z"}) {
    c.title = bad;
    BOOST_TEST(fieldsOf(validateDraft(c)) == std::vector<std::string>{"title"},
               boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(title_is_limited_in_characters_not_bytes) {
  auto c = goodProposal();
  c.title = std::string(kMaxTitle, 'x');
  BOOST_TEST(validateDraft(c).empty());
  c.title += "x";
  BOOST_TEST(fieldsOf(validateDraft(c)) == std::vector<std::string>{"title"},
             boost::test_tools::per_element());
  c.title.clear();
  for (std::size_t i = 0; i < kMaxTitle; ++i) c.title += "é";  // 200 x 2 bytes
  BOOST_TEST(validateDraft(c).empty());
}

BOOST_AUTO_TEST_CASE(a_blank_title_is_required_for_a_concept) {
  auto c = goodProposal();
  c.title = "  \t ";
  BOOST_TEST(validateDraft(c).empty());
  BOOST_TEST(fieldsOf(validateConcept(c, gcfTerms())) == std::vector<std::string>{"title"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(summary_needs_a_minimum_and_stays_under_a_maximum) {
  auto c = goodProposal();
  c.summary = std::string(kMinSummary - 1, 's');
  BOOST_TEST(validateDraft(c).empty());
  BOOST_TEST(fieldsOf(validateConcept(c, gcfTerms())) == std::vector<std::string>{"summary"},
             boost::test_tools::per_element());
  c.summary = std::string(kMinSummary, 's');
  BOOST_TEST(validateConcept(c, gcfTerms()).empty());
  c.summary = std::string(kMaxSummary + 1, 's');
  BOOST_TEST(fieldsOf(validateDraft(c)) == std::vector<std::string>{"summary"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(language_must_be_one_of_the_four) {
  auto c = goodProposal();
  for (const char* lang : kLanguages) {
    c.language = lang;
    BOOST_TEST(validateDraft(c).empty());
  }
  for (const char* lang : {"de", "", "EN", "en-GB"}) {
    c.language = lang;
    BOOST_TEST(fieldsOf(validateDraft(c)) == std::vector<std::string>{"language"},
               boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(duration_beneficiaries_and_amount_are_checked) {
  auto c = goodProposal();
  c.duration_months = 25;
  BOOST_TEST(
      fieldsOf(validateConcept(c, gcfTerms())) == std::vector<std::string>{"duration_months"},
      boost::test_tools::per_element());
  c = goodProposal();
  c.beneficiaries = -1;
  c.duration_months = -1;
  c.amount_minor = -1;
  const auto draft = fieldsOf(validateDraft(c));
  BOOST_TEST(
      draft == (std::vector<std::string>{"beneficiaries", "duration_months", "amount_minor"}),
      boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(budget_lines_name_their_failing_fields) {
  auto c = goodProposal();
  c.budget = {line("personnel", 45'000'000), line("bribes", 1), line("travel", 0)};
  c.budget[1].description = "\xFF";
  const auto errors = fieldsOf(validateDraft(c));
  BOOST_TEST(errors == (std::vector<std::string>{"budget[1].category", "budget[1].description",
                                                 "budget[2].amount_minor"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(at_most_100_budget_lines) {
  auto c = goodProposal();
  c.budget.assign(kMaxBudgetLines, line("activities", 450'000));
  BOOST_TEST(validateForSubmission(c, gcfTerms()).empty());
  c.budget.push_back(line("other", 1));
  BOOST_TEST(names(validateDraft(c), "budget"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::proposals
