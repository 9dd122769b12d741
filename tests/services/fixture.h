#pragma once

#include <memory>
#include <string>

#include "modules/access/role.h"
#include "modules/proposals/validation.h"
#include "services/clock.h"
#include "services/db/database.h"
#include "services/stores/call_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::testing {

// A fresh SQLite file under $CITYGRANTS_TEST_TMP with every migration applied.
struct TestDb {
  explicit TestDb(const std::string& name, std::size_t pool_size = 2);
  ~TestDb();
  std::string path;
  std::unique_ptr<db::Database> db;
};

// The last audit sequence number: unchanged after a refused use case.
std::int64_t auditHead(db::Database& db);

// A small fund: the fund, two partners, two cities, and one user per role, plus an open
// single-stage call (criteria 40/30/30, plan 40/40/20 % on signature/progress/final report,
// budget 2,000,000.00, awards 200,000.00-500,000.00, threshold 300,000.00).
struct Fund {
  explicit Fund(const std::string& name, bool two_stage = false);
  TestDb test_db;
  services::ManualClock clock;
  usecases::Context ctx;
  std::int64_t fund_org = 0, partner_a = 0, partner_b = 0, city_a = 0, city_b = 0;
  access::Actor fm1, fm2, admin, auditor, reviewer_a, reviewer_b, applicant_a, applicant_b;
  stores::Call call;

  // Content that passes submission: `amount` split over two budget lines.
  static proposals::ProposalContent content(std::int64_t amount = 25'000'000);
};

}  // namespace citygrants::testing
