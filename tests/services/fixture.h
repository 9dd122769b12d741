#pragma once

#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/access/role.h"
#include "modules/proposals/validation.h"
#include "services/clock.h"
#include "services/db/database.h"
#include "services/stores/call_store.h"
#include "services/usecases/use_case.h"
#include "tests/support/scratch_database.h"

namespace citygrants::testing {

// A fresh database with every migration applied: an SQLite file under $CITYGRANTS_TEST_TMP, or
// a PostgreSQL schema of its own in the run on PostgreSQL (tests/support/scratch_database.h).
struct TestDb {
  explicit TestDb(const std::string& name, std::size_t pool_size = 2);
  ~TestDb();
  std::unique_ptr<ScratchDatabase> scratch;  // first: outlives `db`
  std::string where;                         // the connection string
  std::string path;                          // the SQLite file; empty on PostgreSQL
  std::unique_ptr<db::Database> db;
};

// Runs one SQL statement in its own write transaction (test set-up, or tampering behind the
// application's back).
void exec(db::Database& db, const std::string& sql);

// SQLite: replaces the planner's statistics with `rows`, each "('table', 'index', 'stat')" as
// ANALYZE writes them into sqlite_stat1 (created first if need be).
void replacePlannerStatistics(db::Tx& tx, std::span<const char* const> rows);

// Makes every INSERT into `table` (whose new row meets `when`, an SQL condition on NEW, if given)
// fail with `message`, as a storage fault would, until clearFault(). A trigger in the dialect of
// `db`: SQLite's RAISE(ABORT), or a PL/pgSQL function raising an exception.
void injectFault(db::Database& db, const std::string& table, const std::string& when,
                 const std::string& message);
void clearFault(db::Database& db, const std::string& table);

// A Boost.Test precondition for tests of SQLite's own machinery (its group commit, its WAL):
// they run in the SQLite pass, and on PostgreSQL are reported as skipped with this reason.
boost::test_tools::assertion_result sqliteOnly(boost::unit_test::test_unit_id);
// The same for tests of PostgreSQL's writer (its lock, its round trips): skipped on SQLite.
boost::test_tools::assertion_result postgresOnly(boost::unit_test::test_unit_id);

// The last audit sequence number: unchanged after a refused use case.
std::int64_t auditHead(db::Database& db);
// The audit events about records of `entity`.
std::int64_t auditRows(db::Database& db, const std::string& entity);

// What a test may change in the fund's call.
struct CallTerms {
  bool two_stage = false;
  std::int64_t threshold_minor = 30'000'000;  // above it an award needs a second fund manager
};

// A small fund: the fund, two partners, two cities, and one user per role, plus an open
// single-stage call (criteria 40/30/30, plan 40/40/20 % on signature/progress/final report,
// budget 2,000,000.00, awards 200,000.00-500,000.00, threshold 300,000.00 unless `terms` says).
struct Fund {
  static constexpr std::int64_t kStart = 1'780'000'000'000;  // the clock's first reading
  static constexpr std::int64_t kAmount = 25'000'000;        // 250,000.00 requested

  explicit Fund(const std::string& name, CallTerms terms = {});
  TestDb test_db;
  services::ManualClock clock;
  usecases::Context ctx;
  std::int64_t fund_org = 0, partner_a = 0, partner_b = 0, city_a = 0, city_b = 0;
  access::Actor fm1, fm2, admin, auditor, reviewer_a, reviewer_b, applicant_a, applicant_b;
  stores::Call call;

  // Content that passes submission: `amount` split over two budget lines.
  static proposals::ProposalContent content(std::int64_t amount = kAmount);

  // More actors, for tests that need them.
  std::int64_t addOrg(access::OrgKind kind, const std::string& name);
  access::Actor addUser(std::int64_t org, const std::string& email, access::Role role);
  // A donor organisation `donor` whose chapters (code, committed minor units) fund the call, in
  // this order. Returns the chapters' ids.
  std::vector<std::int64_t> fundByChapters(
      const std::string& donor, const std::vector<std::pair<std::string, std::int64_t>>& chapters);

  // A proposal of city A in the call, moved along by applicant A and fm1; each returns its id.
  // A draft of content(amount).
  std::int64_t draftProposal(std::int64_t amount = kAmount);
  // Submitted, in screening, with partner A named as its supporting partner.
  std::int64_t supportedProposal(std::int64_t amount = kAmount);
  // Supported, one review by partner A recorded as submitted (the review service has its own
  // tests), sent to review and review closed.
  std::int64_t reviewedProposal(std::int64_t amount = kAmount);
  // Reviewed and approved by fm1, so `amount` must be within the threshold. Returns the id of
  // the grant, pending agreement.
  std::int64_t approvedGrant(std::int64_t amount = kAmount);
};

}  // namespace citygrants::testing
