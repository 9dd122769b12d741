#include <algorithm>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/services/amendment_world.h"

// Every amendment that cannot apply is refused as invalid naming its field, and writes nothing
// (fieldsOf checks the audit head and the money invariants); the terms are checked again when
// the amendment moves on, against the grant as it is then.
using namespace citygrants;
using core::ProblemKind;
using Draft = usecases::AmendmentDraft;

namespace {

bool names(const std::vector<std::string>& fields, const std::string& field) {
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(amendment_refusals, testing::AmendmentWorld)

BOOST_AUTO_TEST_CASE(an_amendment_that_changes_nothing_or_gives_no_reason_is_refused) {
  BOOST_TEST(names(fieldsOf([&] { amendments.create(applicant_a, grant_id, Draft{"why", {}}); }),
                   "kinds"));
  auto d = extension(10);
  d.reason = "  ";
  BOOST_TEST(names(fieldsOf([&] { amendments.create(applicant_a, grant_id, d); }), "reason"));
}

BOOST_AUTO_TEST_CASE(an_end_date_before_the_start_is_refused) {
  auto d = extension(0);
  d.terms.ends_at = grant().signed_at.value_or(0) - kDayMs;
  BOOST_TEST(names(fieldsOf([&] { amendments.create(applicant_a, grant_id, d); }), "ends_at"));
}

BOOST_AUTO_TEST_CASE(a_reallocation_that_changes_the_total_of_the_lines_is_refused) {
  auto d = reallocation(1'000'000);
  d.terms.budget_lines.at(1).amount_minor += 1;
  BOOST_TEST(names(fieldsOf([&] { amendments.create(applicant_a, grant_id, d); }), "budget_lines"));
  auto unknown = reallocation(1'000'000);
  unknown.terms.budget_lines.at(0).budget_line_id = 999'999;
  BOOST_TEST(names(fieldsOf([&] { amendments.create(applicant_a, grant_id, unknown); }),
                   "budget_lines[0].budget_line_id"));
}

BOOST_AUTO_TEST_CASE(tranches_that_do_not_add_up_to_the_new_amount_are_refused) {
  Draft d{"more", {}};
  d.terms.amount_minor = kOddAward + 1'000'000;  // no re-plan: Σ tranches stays the old amount
  BOOST_TEST(names(fieldsOf([&] { amendments.create(fm1, grant_id, d); }), "tranches"));
  Draft replan{"shift", {}};
  replan.terms.tranches = {{2, 13'333'332, "", std::nullopt}};
  BOOST_TEST(names(fieldsOf([&] { amendments.create(applicant_a, grant_id, replan); }),
                   "tranches"));
  Draft same{"same", {}};
  same.terms.amount_minor = kOddAward;
  BOOST_TEST(names(fieldsOf([&] { amendments.create(fm1, grant_id, same); }), "amount_minor"));
}

BOOST_AUTO_TEST_CASE(an_increase_beyond_the_calls_budget_is_refused) {
  // The call's budget is 2,000,000.00, of which 333,333.33 is awarded.
  const auto fields =
      fieldsOf([&] { amendments.create(fm1, grant_id, amountChange(kOddAward + 170'000'000)); });
  BOOST_TEST(names(fields, "amount_minor"));
  amendments.create(fm1, grant_id, amountChange(kOddAward + 166'666'667));  // exactly what is left
}

BOOST_AUTO_TEST_CASE(a_disbursed_tranche_cannot_move_and_the_amount_not_go_below_it) {
  disburseTranche(1, "amend-r1");
  Draft move{"move", {}};
  move.terms.tranches = {{1, 10'000'000, "", std::nullopt}, {2, 16'666'666, "", std::nullopt}};
  BOOST_TEST(names(fieldsOf([&] { amendments.create(applicant_a, grant_id, move); }),
                   "tranches[0].seq"));
  Draft cut{"cut", {}};
  cut.terms.amount_minor = 10'000'000;
  cut.terms.tranches = {{2, 0, "", std::nullopt}, {3, 0, "", std::nullopt}};
  BOOST_TEST(names(fieldsOf([&] { amendments.create(fm1, grant_id, cut); }), "amount_minor"));
  Draft unknown{"unknown", {}};
  unknown.terms.tranches = {{9, 1, "", std::nullopt}};
  BOOST_TEST(names(fieldsOf([&] { amendments.create(fm1, grant_id, unknown); }),
                   "tranches[0].seq"));
}

BOOST_AUTO_TEST_CASE(the_terms_are_checked_again_when_the_amendment_is_approved) {
  Draft d{"earlier first payment", {}};
  d.terms.tranches = {{1, 13'333'332, "", std::nullopt}, {3, 6'666'668, "", std::nullopt}};
  const auto a = amendments.create(applicant_a, grant_id, d);
  fire(applicant_a, a.id, "request");
  fireTranche(applicant_a, 1, event("request"));  // the tranche is in the payment's hands now
  BOOST_TEST(names(fieldsOf([&] { fire(fm1, a.id, "approve"); }), "tranches[0].seq"));
  BOOST_TEST(amendments.get(fm1, a.id).state == "requested");
  BOOST_TEST(tranche(1).amount_minor == 13'333'333);
}

BOOST_AUTO_TEST_CASE(a_terminated_grant_takes_no_amendment) {
  const auto a = amendments.create(applicant_a, grant_id, extension(10));
  grants.fire(fm1, grant_id, event("terminate", "the city left the programme"));
  expectRefused(ProblemKind::kConflict,
                [&] { amendments.create(applicant_a, grant_id, extension(10)); });
  expectRefused(ProblemKind::kConflict, [&] { fire(applicant_a, a.id, "request"); });
}

BOOST_AUTO_TEST_CASE(a_self_approved_increase_is_refused_and_writes_nothing) {
  const auto a = amendments.create(fm2, grant_id, amountChange(kOddAward + 500'000));
  fire(fm2, a.id, "request");
  const auto before = amendments.get(fm2, a.id);
  expectRefused(ProblemKind::kForbidden, [&] { fire(fm2, a.id, "approve"); });
  BOOST_TEST(amendments.get(fm2, a.id).version == before.version);
  BOOST_TEST(grant().amount_minor == kOddAward);
}

BOOST_AUTO_TEST_SUITE_END()
