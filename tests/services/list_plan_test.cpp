// A proposal list page is read from an index in its own order, on either database: the rows it
// shows and no more, whatever the fund's size, never every matching row gathered and sorted, nor
// the primary key walked and filtered. On PostgreSQL sorting is made the planner's last resort
// (enable_sort off), so that the test asks which index gives the order, not what is cheapest for
// the few rows of a test fund. On SQLite the rows' titles and amounts come from an index too.
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "services/stores/proposal_list.h"
#include "tests/services/fixture.h"

using namespace citygrants;

namespace {

// Whether some line of `plan` holds both `a` and `b`.
bool lineWith(const std::string& plan, const std::string& a, const std::string& b) {
  std::size_t start = 0;
  while (start < plan.size()) {
    std::size_t end = plan.find('\n', start);
    if (end == std::string::npos) end = plan.size();
    const std::string line = plan.substr(start, end - start);
    if (line.find(a) != std::string::npos && line.find(b) != std::string::npos) return true;
    start = end + 1;
  }
  return false;
}

const char* const kStatisticsAt10k[] = {
    "('proposals', 'proposals_updated', '10015 2')",
    "('proposals', 'proposals_city_updated', '10015 1252 1')",
    "('proposals', 'proposals_city_state_id', '10015 1252 142')",
    "('proposals', 'proposals_state_id', '10015 771')",
    "('proposals', 'proposals_city_state', '10015 1252 142 1 1')",
    "('proposals', 'proposals_state_updated', '10015 771 1 1')",
    "('proposals', 'proposals_state_since', '10015 771 1 1')",
    "('proposals', 'proposals_supporting', '10015 2504')",
    "('proposals', 'proposals_call_state', '10015 10015 771')",
    "('proposals', 'sqlite_autoindex_proposals_1', '10015 1')",
    "('proposal_versions', 'proposal_versions_summary', '15026 2 1 1 1 1')",
    "('proposal_versions', 'sqlite_autoindex_proposal_versions_1', '15026 2 1')"};

}  // namespace

BOOST_AUTO_TEST_SUITE(list_plan)

BOOST_AUTO_TEST_CASE(a_list_page_is_read_from_an_index_in_its_order) {
  testing::Fund f("list_plan");
  f.draftProposal();
  f.supportedProposal();
  // SQLite takes the unique index of the versions over the covering one (0025) until it has
  // statistics of them, which `serve` refreshes at start. A test fund's own would describe a few
  // rows and plan for them; these are what ANALYZE wrote for the demo fund of 10,000 proposals.
  if (f.test_db.db->dialect() == db::Dialect::kSqlite) {
    f.test_db.db->write([](db::Tx& tx) {
      testing::replacePlannerStatistics(tx, kStatisticsAt10k);
      tx.sql() << "ANALYZE sqlite_schema";  // loads them
      tx.commit();
    });
  }
  auto tx = f.test_db.db->read();
  const bool sqlite = tx.dialect() == db::Dialect::kSqlite;
  if (!sqlite) tx.sql() << "SET LOCAL enable_sort = off";

  struct Filters {
    const char* name;
    bool state, city;
  };
  // A city alone is ordered by update time only: with a handful of cities, a page by id walks
  // the primary key past a few other cities' rows for each of its own.
  const Filters filters[] = {{"state and city", true, true},
                             {"state", true, false},
                             {"none", false, false},
                             {"city", false, true}};
  for (const auto& filter : filters) {
    for (const std::string sort : {"id", "-id", "updated_at", "-updated_at"}) {
      if (filter.city && !filter.state && (sort == "id" || sort == "-id")) continue;
      stores::ProposalQuery q;
      q.see_all = true;
      if (filter.state) q.state = "draft";
      if (filter.city) q.city_org_id = f.city_a;
      q.sort = sort;
      q.limit = 20;
      const std::string plan = stores::explainProposalPage(tx, q);
      BOOST_TEST_CONTEXT(filter.name << ", sorted by " << sort << ":\n" << plan) {
        if (sqlite) {
          BOOST_TEST(plan.find("TEMP B-TREE") == std::string::npos);
          if (filter.state || filter.city) BOOST_TEST(plan.find("SCAN p") == std::string::npos);
          // What a row shows of its version, from the index alone (0025), not the version's page.
          BOOST_TEST(plan.find("COVERING INDEX proposal_versions_summary") != std::string::npos);
        } else {
          BOOST_TEST(plan.find("Sort") == std::string::npos);
          BOOST_TEST(!lineWith(plan, "Filter:", "state"));
          BOOST_TEST(!lineWith(plan, "Filter:", "city_org_id"));
        }
      }
    }
  }
  tx.commit();
}

// A partner organisation's readers see what it supports or reviews (and, were it a city, its
// own): their pages are read from those proposals' ids, each part found on its index, never
// from every proposal of the filter checked one by one.
BOOST_AUTO_TEST_CASE(a_partner_list_reads_the_partner_proposals_not_the_fund) {
  testing::Fund f("list_plan_partner");
  f.draftProposal();
  f.supportedProposal();
  auto tx = f.test_db.db->read();
  const bool sqlite = tx.dialect() == db::Dialect::kSqlite;
  if (!sqlite) tx.sql() << "SET LOCAL enable_seqscan = off";
  for (const bool as_reader : {true, false}) {
    for (const bool by_state : {false, true}) {
      for (const std::string sort : {"id", "-updated_at"}) {
        stores::ProposalQuery q;
        if (as_reader) {
          q.own_partner_org_id = f.partner_a;
        } else {
          q.see_all = true;  // a fund manager's list filtered on a partner
          q.partner_org_id = f.partner_a;
        }
        if (by_state) q.state = "screening";
        q.sort = sort;
        q.limit = 20;
        const std::string plan = stores::explainProposalPage(tx, q);
        BOOST_TEST_CONTEXT((as_reader ? "reader" : "filter")
                           << ", state " << by_state << ", " << sort << ":\n"
                           << plan) {
          if (sqlite) {
            BOOST_TEST(plan.find("SCAN p") == std::string::npos);
            BOOST_TEST(plan.find("LIST SUBQUERY") != std::string::npos);
          } else {
            BOOST_TEST(plan.find("Seq Scan") == std::string::npos);
            BOOST_TEST(!lineWith(plan, "Filter:", "SubPlan"));
          }
        }
      }
    }
  }
  tx.commit();
}

BOOST_AUTO_TEST_SUITE_END()
