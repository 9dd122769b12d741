#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "modules/core/problem.h"
#include "services/db/migrator.h"
#include "services/stores/indicator_store.h"
#include "services/stores/plan_text.h"
#include "services/usecases/call_service.h"
#include "services/usecases/funding_service.h"
#include "services/usecases/indicator_service.h"
#include "services/usecases/proposal_service.h"
#include "services/usecases/results_service.h"
#include "tests/services/grant_world.h"

using namespace citygrants;
using core::ProblemKind;
using testing::Fund;
using testing::GrantWorld;

namespace {

// The GCF catalog in the fund, and the call's choice: people reached (required) and services.
void chooseFramework(Fund& f) {
  usecases::IndicatorService indicators(f.ctx);
  for (const auto& i : results::gcfIndicators()) indicators.add(std::nullopt, i);
  usecases::CallService(f.ctx).chooseIndicators(
      f.fm1, f.call.id, std::nullopt, {{"people_reached", true}, {"services_delivered", false}});
}

// A target or result of people reached: `total`, split by sex as given.
results::Measure people(std::int64_t total, std::int64_t women, std::int64_t men) {
  return {total, {{"sex", "female", women}, {"sex", "male", men}}};
}

// People-reached targets for the fund's two periods.
std::vector<results::IndicatorPlan> plans(std::int64_t first = 1000, std::int64_t second = 3000) {
  return {{"people_reached", 0, {people(first, first / 2, first - first / 2),
                                 people(second, second / 2, second - second / 2)}}};
}

std::vector<std::string> fieldsOf(const std::function<void()>& step) {
  try {
    step();
  } catch (const core::Problem& p) {
    BOOST_TEST(core::problemKindName(p.kind()) == core::problemKindName(ProblemKind::kInvalid), p.what());
    std::vector<std::string> out;
    for (const auto& f : p.fields()) out.push_back(f.field);
    return out;
  }
  BOOST_ERROR("expected a refusal");
  return {};
}

// The name of the kind of refusal of `step` ("" when it was not refused).
std::string kindOf(const std::function<void()>& step) {
  try {
    step();
  } catch (const core::Problem& p) {
    return std::string(core::problemKindName(p.kind()));
  }
  BOOST_ERROR("expected a refusal");
  return "";
}

std::string name(ProblemKind kind) { return std::string(core::problemKindName(kind)); }

bool contains(const std::vector<std::string>& fields, const std::string& field) {
  return std::find(fields.begin(), fields.end(), field) != fields.end();
}

// A two-stage proposal of city A with plans(1200, 3400), its concept note invited: the full
// proposal's first version (number 2) is given the concept's targets.
usecases::ProposalView invitedWithTargets(Fund& f, usecases::ProposalService& proposals) {
  auto content = Fund::content();
  content.indicators = plans(1200, 3400);
  const auto id = proposals.create(f.applicant_a, f.call.id, content).proposal.id;
  proposals.fire(f.applicant_a, id, {.event = "submit_concept"});
  return proposals.fire(f.fm1, id, {.event = "invite", .input = {.reason = "Welcome"}});
}

// Every proposal version's target_plan column and the plans of its rows: the column is written
// with the rows, so each must hold (and decode to) exactly what the rows say.
void expectColumnsMatchRows(Fund& f) {
  auto tx = f.test_db.db->read();
  std::vector<std::int64_t> ids;
  soci::rowset<long long> rows = (tx.sql().prepare << "SELECT id FROM proposal_versions ORDER BY id");
  for (const auto id : rows) ids.push_back(id);
  BOOST_REQUIRE(!ids.empty());
  for (const auto id : ids) {
    std::optional<std::string> column;
    tx.sql() << "SELECT target_plan FROM proposal_versions WHERE id = :id", soci::use(id),
        soci::into(column);
    BOOST_REQUIRE_MESSAGE(column.has_value(), "version " << id << " has no target_plan");
    const auto decoded = stores::plan_text::decode(*column);
    BOOST_REQUIRE_MESSAGE(decoded.has_value(), "version " << id << ": " << *column);
    BOOST_TEST((*decoded == stores::IndicatorStore::plansOf(tx, id)), "version " << id);
  }
}

// A donor with two chapters (committed 40,000,000 and 30,000,000) funding the fund's call.
std::vector<std::int64_t> fundByChapters(Fund& f) {
  return f.fundByChapters("Test Donor", {{"CHAPTER-A", 40'000'000}, {"CHAPTER-B", 30'000'000}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(results_service)

BOOST_AUTO_TEST_CASE(a_full_proposal_states_targets_that_add_up_and_cannot_be_submitted_without_the_required_ones) {
  Fund f("results_targets");
  chooseFramework(f);
  usecases::ProposalService proposals(f.ctx);
  const auto id = f.draftProposal();
  auto content = Fund::content();
  // A breakdown that does not add up, an indicator the call did not choose, a third period.
  content.indicators = {{"people_reached", 0, {people(100, 60, 30)}},
                        {"children_enrolled", 0, {{10, {}}}},
                        {"services_delivered", 0, {{1, {}}, {2, {}}, {3, {}}}}};
  const auto fields = fieldsOf([&] { proposals.edit(f.applicant_a, id, std::nullopt, content); });
  BOOST_TEST(contains(fields, "indicators[0].targets[0].breakdown.sex"));
  BOOST_TEST(contains(fields, "indicators[1].indicator"));
  BOOST_TEST(contains(fields, "indicators[2].targets"));
  // A draft may leave the required indicator out; submitting it may not.
  content.indicators = {};
  proposals.edit(f.applicant_a, id, std::nullopt, content);
  const auto missing = fieldsOf([&] { proposals.fire(f.applicant_a, id, {.event = "submit"}); });
  BOOST_TEST(contains(missing, "indicators.people_reached"));
  content.indicators = plans();
  auto edited = proposals.edit(f.applicant_a, id, std::nullopt, content);
  BOOST_TEST((edited.current.content.indicators == plans()));
  const auto submitted = proposals.fire(f.applicant_a, id, {.event = "submit"});
  BOOST_TEST(submitted.proposal.state == "submitted");
  BOOST_TEST(submitted.current.frozen);
  const auto versions = proposals.versions(f.fm1, id);
  BOOST_TEST((versions.items.back().content.indicators == plans()));
  expectColumnsMatchRows(f);
}

BOOST_AUTO_TEST_CASE(an_invited_concept_note_keeps_its_targets_in_the_full_proposal) {
  Fund f("results_targets_copied", {.two_stage = true});
  chooseFramework(f);
  usecases::ProposalService proposals(f.ctx);
  const auto invited = invitedWithTargets(f, proposals);
  const auto id = invited.proposal.id;
  BOOST_TEST(invited.current.number == 2);
  BOOST_TEST((invited.current.content.indicators == plans(1200, 3400)));
  BOOST_TEST((proposals.get(f.fm1, id).current.content.indicators == plans(1200, 3400)));
  BOOST_TEST((proposals.versions(f.fm1, id).items.front().content.indicators == plans(1200, 3400)));
  expectColumnsMatchRows(f);  // the copied version's column too
}

BOOST_AUTO_TEST_CASE(migration_0022_fills_the_target_plan_of_versions_written_before_it) {
  Fund f("results_targets_migrated", {.two_stage = true});
  chooseFramework(f);
  usecases::ProposalService proposals(f.ctx);
  const auto id = invitedWithTargets(f, proposals).proposal.id;
  proposals.create(f.applicant_a, f.call.id, Fund::content());  // a version with no targets
  // The fund as it was before migration 0022; then that migration, as `migrate` runs it.
  testing::exec(*f.test_db.db, "ALTER TABLE proposal_versions DROP COLUMN target_plan");
  const auto known = db::knownMigrations(f.test_db.db->dialect());
  const auto m = std::find_if(known.begin(), known.end(),
                              [](const auto& migration) { return migration.name == "add_version_target_plan"; });
  BOOST_REQUIRE(m != known.end());
  f.test_db.db->write([&](db::Tx& tx) {
    db::applyStatements(tx, *m);
    tx.commit();
  });
  expectColumnsMatchRows(f);
  BOOST_TEST((proposals.get(f.fm1, id).current.content.indicators == plans(1200, 3400)));
}

BOOST_AUTO_TEST_CASE(a_version_without_its_target_plan_column_is_read_from_its_rows) {
  Fund f("results_targets_rows");
  chooseFramework(f);
  usecases::ProposalService proposals(f.ctx);
  const auto id = f.draftProposal();
  auto content = Fund::content();
  content.indicators = plans(1500, 2500);
  proposals.edit(f.applicant_a, id, std::nullopt, content);
  // As written before migration 0022, and as a damaged column: both read from the rows.
  for (const char* column : {"NULL", "'people_reached\t1\n'"}) {
    testing::exec(*f.test_db.db, std::string("UPDATE proposal_versions SET target_plan = ") + column);
    BOOST_TEST((proposals.get(f.fm1, id).current.content.indicators == plans(1500, 2500)), column);
  }
  // The column is the one read when it holds plans: a change behind the rows' back shows.
  testing::exec(*f.test_db.db,
                "UPDATE proposal_versions SET target_plan = 'services_delivered\t0\t\t\t7\n'");
  const auto read = proposals.get(f.fm1, id).current.content.indicators;
  BOOST_REQUIRE(read.size() == 1u);
  BOOST_TEST(read[0].indicator == "services_delivered");
  BOOST_TEST(read[0].baseline == 7);
}

BOOST_AUTO_TEST_CASE(reports_state_results_that_count_as_actual_only_once_the_partner_accepts) {
  GrantWorld w;
  chooseFramework(w);
  usecases::ResultsService results(w.ctx);
  const auto progress = w.report("progress");
  // A breakdown that does not add up, a negative cell, evidence that is not this report's file.
  std::vector<results::IndicatorResult> stated = {
      {"people_reached", people(900, 500, 300), "", {}},
      {"services_delivered", {5, {}}, "", {424242}}};
  auto fields = w.fieldsOf([&] { w.reports.edit(w.applicant_a, progress.id, std::nullopt, "Text.", {}, stated); });
  BOOST_TEST(contains(fields, "results[0].actual.breakdown.sex"));
  BOOST_TEST(contains(fields, "results[1].evidence[0]"));
  // Without the required result the report cannot be submitted.
  w.reports.edit(w.applicant_a, progress.id, std::nullopt, "Two centres opened.", {},
                 std::vector<results::IndicatorResult>{{"services_delivered", {5, {}}, "", {}}});
  fields = w.fieldsOf([&] { w.reports.fire(w.applicant_a, progress.id, GrantWorld::event("submit")); });
  BOOST_TEST(contains(fields, "results.people_reached"));
  stated = {{"people_reached", people(900, 500, 400), "From the registers.", {}}};
  const auto saved = w.reports.edit(w.applicant_a, progress.id, std::nullopt, "Two centres opened.", {}, stated);
  BOOST_TEST(saved.period.value_or(0) == 1);
  BOOST_TEST(saved.results.size() == 1u);
  BOOST_REQUIRE(saved.targets.size() == 2u);  // people (no target: the grant predates the choice)
  BOOST_TEST(!saved.targets[0].target.has_value());
  w.reports.fire(w.applicant_a, progress.id, GrantWorld::event("submit"));
  auto view = results.ofGrant(w.fm1, w.grant_id);
  BOOST_REQUIRE(!view.indicators.empty());
  BOOST_TEST(view.indicators[0].indicator.code == "people_reached");
  BOOST_TEST(view.indicators[0].actual.total == 0);  // submitted, not yet verified
  BOOST_REQUIRE(view.indicators[0].periods[0].pending.has_value());
  BOOST_TEST(view.indicators[0].periods[0].pending->total == 900);
  w.reports.fire(w.reviewer_a, progress.id, GrantWorld::event("accept"));
  view = results.ofGrant(w.applicant_a, w.grant_id);
  BOOST_TEST(view.indicators[0].actual.total == 900);
  BOOST_TEST(view.indicators[0].actual.cell("sex", "female") == 500);
  // Another city sees neither the grant's results nor a trace of them in the roll-up.
  BOOST_TEST(kindOf([&] { results.ofGrant(w.applicant_b, w.grant_id); }) == name(ProblemKind::kNotFound));
  BOOST_TEST(results.rollUp(w.applicant_b, {}).grants == 0);
  const auto mine = results.rollUp(w.applicant_a, {.group_by = usecases::GroupBy::kCity});
  BOOST_REQUIRE(mine.groups.size() == 1u);
  BOOST_TEST(mine.total.indicators.at(0).actual.total == 900);
}

BOOST_AUTO_TEST_CASE(an_award_is_allocated_to_the_calls_chapters_and_its_payments_attributed_pro_rata) {
  GrantWorld w;  // approved before the call had chapters: not allocated
  const auto chapters = fundByChapters(w);
  usecases::FundingService funding(w.ctx);
  BOOST_TEST(funding.ofGrant(w.fm1, w.grant_id).lines.empty());
  const auto grant = w.approvedGrant(35'000'000);  // 350,000.00: chapter A's 400,000.00 covers it
  auto f = funding.ofGrant(w.fm1, grant);
  BOOST_REQUIRE(f.lines.size() == 1u);
  BOOST_TEST(f.lines[0].allocation.chapter_id == chapters[0]);
  BOOST_TEST((f.actions == std::vector<std::string>{"allocate"}));
  // Bad splits: not the award, over a chapter's room, a chapter the call does not draw on.
  auto fields = fieldsOf([&] { funding.allocate(w.fm1, grant, std::nullopt, {{chapters[0], 1}, {chapters[1], 2}}); });
  BOOST_TEST(contains(fields, "allocations"));
  fields = fieldsOf([&] { funding.allocate(w.fm1, grant, std::nullopt, {{chapters[1], 1'000}, {chapters[1], 34'999'000}}); });
  BOOST_TEST(contains(fields, "allocations[1].chapter_id"));
  fields = fieldsOf([&] { funding.allocate(w.fm1, grant, std::nullopt, {{999, 35'000'000}}); });
  BOOST_TEST(contains(fields, "allocations[0].chapter_id"));
  BOOST_TEST(kindOf([&] { funding.allocate(w.applicant_a, grant, std::nullopt, {{chapters[1], 35'000'000}}); }) == name(ProblemKind::kForbidden));
  // An odd split: 1/3 and 2/3 of the first tranche do not divide evenly.
  f = funding.allocate(w.fm1, grant, std::nullopt, {{chapters[0], 11'666'667}, {chapters[1], 23'333'333}});
  BOOST_TEST(f.lines.size() == 2u);
  // A grant over what the chapters have left is not approved at all.
  BOOST_TEST(kindOf([&] { w.approvedGrant(40'000'000); }) == name(ProblemKind::kInvalid));
  // Pay the first tranche (40 %) and attribute it.
  usecases::GrantService(w.ctx).fire(w.applicant_a, grant, GrantWorld::event("sign"));
  usecases::TrancheService tranches(w.ctx);
  const auto first = usecases::GrantService(w.ctx).tranches(w.fm1, grant).at(0).id;
  tranches.fire(w.applicant_a, first, GrantWorld::event("request"));
  tranches.fire(w.reviewer_a, first, GrantWorld::event("verify"));
  tranches.fire(w.fm1, first, GrantWorld::event("approve"));
  tranches.fire(w.fm2, first, GrantWorld::disburseEvent("results-pay-1"));
  f = funding.ofGrant(w.fm1, grant);
  BOOST_REQUIRE(f.lines.size() == 2u);
  BOOST_TEST(f.lines[0].disbursed_minor == 4'666'666);  // floor(14,000,000 × 11,666,667 / 35,000,000)
  BOOST_TEST(f.lines[0].disbursed_minor + f.lines[1].disbursed_minor == 14'000'000);
  BOOST_TEST(f.actions.empty());  // money was paid and attributed: the split stays
  BOOST_TEST(kindOf([&] { funding.allocate(w.fm1, grant, std::nullopt, {{chapters[1], 35'000'000}}); }) == name(ProblemKind::kConflict));
  // The donors' view adds the same up; a commitment below what grants hold is refused.
  const auto donors = funding.donors(w.fm1);
  BOOST_REQUIRE(donors.size() == 1u);
  BOOST_TEST(donors[0].totals.at(0).allocated_minor == 35'000'000);
  BOOST_TEST(donors[0].totals.at(0).disbursed_minor == 14'000'000);
  auto edited = *std::find_if(donors[0].chapters.begin(), donors[0].chapters.end(),
                              [&](const auto& c) { return c.chapter.id == chapters[0]; });
  edited.chapter.committed_minor = 1'000;
  BOOST_TEST(kindOf([&] { funding.editChapter(w.fm1, chapters[0], std::nullopt, edited.chapter); }) == name(ProblemKind::kConflict));
}

BOOST_AUTO_TEST_CASE(results_by_chapter_attribute_each_grant_pro_rata_and_add_up_to_the_whole) {
  GrantWorld w;
  chooseFramework(w);
  const auto chapters = fundByChapters(w);
  usecases::FundingService funding(w.ctx);
  // The first grant's award split 1/3, 2/3 between the two chapters; its report states 1,000.
  funding.allocate(w.fm1, w.grant_id, std::nullopt,
                   {{chapters[0], 11'111'111}, {chapters[1], GrantWorld::kOddAward - 11'111'111}});
  const auto progress = w.report("progress");
  w.reports.edit(w.applicant_a, progress.id, std::nullopt, "Text.", {},
                 std::vector<results::IndicatorResult>{{"people_reached", people(1001, 500, 501), "", {}}});
  w.reports.fire(w.applicant_a, progress.id, GrantWorld::event("submit"));
  w.reports.fire(w.reviewer_a, progress.id, GrantWorld::event("accept"));
  usecases::ResultsService results(w.ctx);
  const auto by_chapter = results.rollUp(w.fm1, {.group_by = usecases::GroupBy::kChapter,
                                                 .indicator = std::string("people_reached")});
  BOOST_REQUIRE(by_chapter.groups.size() == 2u);
  std::int64_t sum = 0, women = 0;
  for (const auto& g : by_chapter.groups) {
    sum += g.figures.indicators.at(0).actual.total;
    women += g.figures.indicators.at(0).actual.cell("sex", "female");
  }
  BOOST_TEST(sum == 1001);
  BOOST_TEST(women == 500);
  BOOST_TEST(by_chapter.total.indicators.at(0).actual.total == 1001);
  // Only chapter A's share: floor(1001 × 11,111,111 / 33,333,333) = 333.
  const auto share = results.rollUp(w.fm1, {.group_by = usecases::GroupBy::kCity,
                                            .chapter_id = chapters[0]});
  BOOST_TEST(share.total.indicators.at(0).actual.total == 333);
  BOOST_TEST(kindOf([&] { results.rollUp(w.fm1, {.indicator = std::string("nothing")}); }) == name(ProblemKind::kInvalid));
}

BOOST_AUTO_TEST_CASE(the_catalog_is_managed_by_admins_and_fund_managers_with_every_name) {
  Fund f("results_catalog");
  usecases::IndicatorService indicators(f.ctx);
  auto i = results::gcfIndicators().front();
  const auto added = indicators.add(f.admin, i);
  BOOST_TEST(added.code == "people_reached");
  BOOST_TEST(contains(fieldsOf([&] { indicators.add(f.fm1, i); }), "code"));  // taken
  BOOST_TEST(kindOf([&] { indicators.add(f.applicant_a, results::gcfIndicators()[1]); }) == name(ProblemKind::kForbidden));
  auto edited = added;
  edited.names[1] = " ";
  BOOST_TEST(contains(fieldsOf([&] { indicators.edit(f.fm1, added.id, added.version, edited); }), "names.fr"));
  edited.names[1] = "Personnes touchées";
  edited.active = false;
  const auto saved = indicators.edit(f.fm1, added.id, added.version, edited);
  BOOST_TEST(saved.names[1] == "Personnes touchées");
  BOOST_TEST(!saved.active);
  BOOST_TEST(kindOf([&] { indicators.edit(f.fm1, added.id, added.version, edited); }) == name(ProblemKind::kStaleVersion));
  // An inactive indicator cannot be chosen by a call.
  BOOST_TEST(contains(fieldsOf([&] {
               usecases::CallService(f.ctx).chooseIndicators(f.fm1, f.call.id, std::nullopt,
                                                             {{"people_reached", true}});
             }),
             "indicators[0].code"));
}

BOOST_AUTO_TEST_SUITE_END()
