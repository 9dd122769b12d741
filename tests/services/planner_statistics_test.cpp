// The statistics SQLite's planner reads, as a server's start refreshes them: they count every
// row, and every pooled connection plans with them. At 100,000 proposals a sample of 1,000 rows
// per index (each index's first rows, all of the fund's first call) told SQLite that a call has
// 1,000 proposals: it read each call's proposals and sorted them for every unfiltered list page
// (70 ms), and the pooled connections kept the statistics they had read when they opened. A
// long-lived server gathers them again when a table outgrows them (StatisticsKeeper): one started
// on a new fund planned against empty tables for as long as it ran.
#include <algorithm>
#include <chrono>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "services/db/planner_statistics.h"
#include "services/stores/proposal_list.h"
#include "tests/services/fixture.h"

using namespace citygrants;

namespace {

// What ANALYZE with analysis_limit=1000 wrote for the demo fund of 100,000 proposals.
const char* const kSampledAt100k[] = {
    "('calls', 'sqlite_autoindex_calls_1', '2 1')",
    "('proposals', 'proposals_updated', '57624 1')",
    "('proposals', 'proposals_city_updated', '80028 1001 1')",
    "('proposals', 'proposals_city_state_id', '76176 1001 667')",
    "('proposals', 'proposals_state_id', '64779 334')",
    "('proposals', 'proposals_city_state', '108756 1001 667 1 1')",
    "('proposals', 'proposals_state_updated', '75992 334 1 1')",
    "('proposals', 'proposals_supporting', '111583 336')",
    "('proposals', 'proposals_call_state', '70356 1001 334')",
    "('proposals', 'sqlite_autoindex_proposals_1', '97704 1')",
    "('organisations', 'sqlite_autoindex_organisations_1', '17 1')",
    "('proposal_versions', 'proposal_versions_summary', '67392 2 1 1 1 1')",
    "('proposal_versions', 'sqlite_autoindex_proposal_versions_1', '131408 2 1')"};

constexpr int kMore = 2000;  // proposals added as rows, all of the fixture's one call

// The plan of the fund's first list page, unfiltered, read on a pooled connection.
std::string unfilteredPage(db::Database& db) {
  stores::ProposalQuery q;
  q.see_all = true;
  q.sort = "id";
  q.limit = 50;
  auto tx = db.read();
  auto plan = stores::explainProposalPage(tx, q);
  tx.commit();
  return plan;
}

// Adds `more` proposals (rows and versions, copies of `first`: no audit, no history, what is
// asked here is the plan) and, when given, replaces the planner's statistics with `statistics`.
void addProposals(db::Database& db, std::int64_t first, int more,
                  std::span<const char* const> statistics = {}) {
  db.write([&](db::Tx& tx) {
    int offset = 0;  // references stay unique however many times this is called
    tx.sql() << "SELECT COUNT(*) FROM proposals", soci::into(offset);
    tx.sql() << "INSERT INTO proposals (call_id, city_org_id, reference, state, current_version, "
                "created_by, created_at, updated_at) "
                "SELECT p.call_id, p.city_org_id, p.reference || '-' || (k.n + :offset), p.state, "
                "p.current_version, p.created_by, p.created_at, p.updated_at + k.n "
                "FROM proposals p, (WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 "
                "FROM k WHERE n < " +
                    std::to_string(more) + ") SELECT n FROM k) k WHERE p.id = :id",
        soci::use(offset), soci::use(first);
    tx.sql() << "INSERT INTO proposal_versions (proposal_id, number, stage, language, title, "
                "summary, target_groups, beneficiaries, duration_months, amount_minor, created_by, "
                "created_at) SELECT p.id, v.number, v.stage, v.language, v.title, v.summary, "
                "v.target_groups, v.beneficiaries, v.duration_months, v.amount_minor, "
                "v.created_by, v.created_at FROM proposals p, proposal_versions v "
                "WHERE p.id > :id AND v.proposal_id = :id2 AND NOT EXISTS "
                "(SELECT 1 FROM proposal_versions x WHERE x.proposal_id = p.id)",
        soci::use(first), soci::use(first);
    if (!statistics.empty()) testing::replacePlannerStatistics(tx, statistics);
    tx.commit();
  });
}

// What sqlite_stat1 says of the index `idx`.
std::string statisticsOf(db::Database& db, const std::string& idx) {
  std::string stat;
  auto tx = db.read();
  tx.sql() << "SELECT stat FROM sqlite_stat1 WHERE idx = :i", soci::use(idx), soci::into(stat);
  tx.commit();
  return stat;
}

// The tables that outgrew their statistics, as a server's StatisticsKeeper counts them.
std::vector<db::OutgrownTable> outgrown(const testing::TestDb& t) {
  db::Connection c(db::parseConnectionString(t.where));
  return db::outgrownTables(c);
}

bool names(const std::vector<db::OutgrownTable>& tables, const std::string& name) {
  return std::any_of(tables.begin(), tables.end(), [&](const auto& t) { return t.name == name; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(planner_statistics, *boost::unit_test::precondition(testing::sqliteOnly))

BOOST_AUTO_TEST_CASE(a_server_start_counts_every_row_and_every_reader_plans_with_it) {
  testing::Fund f("planner_statistics");
  auto& db = *f.test_db.db;
  const auto first = f.draftProposal();
  addProposals(db, first, kMore, kSampledAt100k);
  // sqlite_stat1 was created above: a schema change, so each pooled connection reads the schema
  // again, and these statistics with it, before it next plans.
  const std::string before = unfilteredPage(db);
  BOOST_TEST_CONTEXT("with the sampled statistics:\n" << before) {
    // The cause, shown: every proposal of each call, sorted.
    BOOST_TEST(before.find("TEMP B-TREE") != std::string::npos);
  }

  db.refreshPlannerStatistics();

  // "rows, rows per call, rows per call and state": the one call has every proposal.
  const std::string all = std::to_string(kMore + 1);
  BOOST_TEST(statisticsOf(db, "proposals_call_state") == all + " " + all + " " + all);
  BOOST_TEST(statisticsOf(db, "sqlite_autoindex_calls_1") == "1 1");  // every table: one call
  const std::string after = unfilteredPage(db);
  BOOST_TEST_CONTEXT("after the refresh:\n" << after) {
    // The proposals in their order, the first 51 read and no more.
    BOOST_TEST(after.rfind("SCAN p\n", 0) == 0);
    BOOST_TEST(after.find("TEMP B-TREE") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(a_table_is_outgrown_at_twice_its_rows_and_a_thousand_more) {
  testing::Fund f("statistics_outgrown");
  auto& db = *f.test_db.db;
  const auto first = f.draftProposal();
  db.refreshPlannerStatistics();
  BOOST_TEST(outgrown(f.test_db).empty());
  addProposals(db, first, 998);  // 999 rows: twice and more, but not a thousand more
  BOOST_TEST(!names(outgrown(f.test_db), "proposals"));
  addProposals(db, first, 2);  // 1,001: a thousand more
  const auto tables = outgrown(f.test_db);
  BOOST_TEST_REQUIRE(names(tables, "proposals"));
  const auto& proposals = *std::find_if(tables.begin(), tables.end(),
                                        [](const auto& t) { return t.name == "proposals"; });
  BOOST_TEST(proposals.recorded == 1);
  BOOST_TEST(proposals.now == 1001);
  BOOST_TEST(names(tables, "proposal_versions"));
  db.refreshPlannerStatistics();
  BOOST_TEST(outgrown(f.test_db).empty());
  // Halved, by a thousand: outgrown too (statistics that count more rows than there are).
  db.write([](db::Tx& tx) {
    tx.sql() << "UPDATE sqlite_stat1 SET stat = '5000 1' WHERE idx = 'proposals_updated'";
    tx.commit();
  });
  BOOST_TEST(names(outgrown(f.test_db), "proposals"));
}

BOOST_AUTO_TEST_CASE(a_long_lived_server_gathers_them_again_and_its_readers_plan_with_them) {
  testing::Fund f("statistics_keeper");
  addProposals(*f.test_db.db, f.draftProposal(), kMore, kSampledAt100k);
  // A server's database opened now, its pooled connection reading the sampled statistics, with
  // a look at the tables' sizes every 50 ms.
  db::Database served(db::parseConnectionString(f.test_db.where),
                      {.pool_size = 1, .statistics_every_ms = 50});
  const std::string before = unfilteredPage(served);
  BOOST_TEST_CONTEXT("with the sampled statistics:\n" << before) {
    BOOST_TEST(before.find("TEMP B-TREE") != std::string::npos);
  }
  std::string after = before;
  for (int i = 0; i < 200 && after.find("TEMP B-TREE") != std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    after = unfilteredPage(served);
  }
  BOOST_TEST_CONTEXT("within 10 s:\n" << after) {
    BOOST_TEST(after.rfind("SCAN p\n", 0) == 0);
    BOOST_TEST(after.find("TEMP B-TREE") == std::string::npos);
  }
  BOOST_TEST(outgrown(f.test_db).empty());
  // Only the outgrown tables were read again (proposals, their versions): the calls' statistics
  // are still those planted above (two calls; there is one), which every table's would replace.
  BOOST_TEST(statisticsOf(served, "sqlite_autoindex_calls_1") == "2 1");
  const std::string all = std::to_string(kMore + 1);
  BOOST_TEST(statisticsOf(served, "proposals_call_state") == all + " " + all + " " + all);
}

BOOST_AUTO_TEST_SUITE_END()
