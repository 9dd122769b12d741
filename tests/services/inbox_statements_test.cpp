// The inbox reads a fixed number of statements whatever the number of records waiting (no N+1):
// counted by a SOCI logger on its read transaction's session, for every demo login, over the demo
// fund and over the demo fund with 40 more proposals.

#include <map>
#include <memory>
#include <string>

#include <boost/test/unit_test.hpp>
#include <soci/logger.h>

#include "services/seed/demo_seed.h"
#include "services/usecases/inbox_service.h"
#include "tests/services/fixture.h"
#include "tests/services/statement_counter.h"

using namespace citygrants;
using namespace citygrants::testing;

namespace {

struct Reading {
  int statements = 0;
  std::size_t items = 0;
};

// The demo fund with `extra` more proposals; what the inbox of each login reads.
std::map<std::string, Reading> readings(const std::string& name, int extra) {
  TestDb test_db(name);
  services::SystemClock clock;
  usecases::Context ctx{*test_db.db, clock};
  const auto logins = seed::seedDemo(ctx, {"inbox-statements-1", extra});
  std::map<std::string, Reading> out;
  for (const auto& login : logins) {
    auto tx = test_db.db->read();
    std::int64_t user_id = 0;
    tx.sql() << "SELECT id FROM users WHERE email = :e", soci::use(login.email),
        soci::into(user_id);
    const auto actor = usecases::loadActor(tx, user_id);
    Counting counting(tx.sql());
    const auto view = usecases::inboxView(tx, actor, clock.nowMs(), {});
    out[login.email] = {counting.statements(), static_cast<std::size_t>(view.total)};
    tx.commit();
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(inbox_statements)

BOOST_AUTO_TEST_CASE(each_inbox_reads_the_same_few_statements_however_many_records_wait) {
  const auto small = readings("inbox_statements_small", 0);
  const auto big = readings("inbox_statements_big", 40);
  BOOST_TEST_REQUIRE(small.size() == big.size());
  for (const auto& [email, r] : small) {
    const auto& b = big.at(email);
    BOOST_TEST_MESSAGE(email << ": " << r.statements << " statements for " << r.items << " items, "
                             << b.statements << " for " << b.items);
    BOOST_TEST(r.statements == b.statements,
               email << ": " << r.statements << " then " << b.statements);
    BOOST_TEST(r.statements <= 10, email << " reads " << r.statements << " statements");
  }
  // The fund managers and the cities with generated proposals have more waiting, read alike.
  BOOST_TEST(big.at("fm1@mmc.demo").items > small.at("fm1@mmc.demo").items + 10);
  BOOST_TEST(big.at("applicant@kampala.demo").items > small.at("applicant@kampala.demo").items);
  // Proposals (4: the count and the longest waiting of the states where each waits whatever its
  // facts, the others and the assignments), grants, tranches, reports.
  BOOST_TEST(small.at("fm1@mmc.demo").statements >= 7);
}

BOOST_AUTO_TEST_SUITE_END()
