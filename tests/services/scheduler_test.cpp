// Two `serve` instances' clocks on one database (services/schedule/scheduler.h): only the lease
// holder writes reminders; another takes over once the holder stops renewing it, or at once when
// it stops cleanly.

#include "services/schedule/scheduler.h"

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "services/seed/demo_seed.h"
#include "services/stores/lease_store.h"
#include "tests/services/fixture.h"

using namespace citygrants;
using namespace citygrants::testing;

namespace {

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;
constexpr std::int64_t kSeededAt = 1'780'000'000'000;
constexpr schedule::SchedulerOptions kOptions{.every_ms = 60'000, .lease_ms = 10 * 60'000};

std::int64_t sentReminders(db::Database& db) {
  auto tx = db.read();
  std::int64_t n = 0;
  tx.sql() << "SELECT COUNT(*) FROM sent_reminders WHERE outcome = 'sent'", soci::into(n);
  tx.commit();
  return n;
}

std::string holderAt(db::Database& db, std::int64_t now) {
  auto tx = db.read();
  auto who = stores::LeaseStore::holder(tx, "clock", now);
  tx.commit();
  return who;
}

// The demo fund, and a second instance's own connection to the same database.
struct TwoInstances {
  explicit TwoInstances(const std::string& name)
      : test_db(name),
        clock(kSeededAt),
        other(db::parseConnectionString(test_db.where), {.pool_size = 2}) {
    seed::seedDemo({*test_db.db, clock}, {.password = "clock-demo-1"});
  }
  TestDb test_db;
  services::ManualClock clock;
  db::Database other;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(scheduler)

BOOST_AUTO_TEST_CASE(only_the_lease_holder_sends_and_another_takes_over_when_it_expires) {
  TwoInstances fund("scheduler_two");
  schedule::Scheduler a(*fund.test_db.db, fund.clock, kOptions);
  schedule::Scheduler b(fund.other, fund.clock, kOptions);
  BOOST_TEST(a.id() != b.id());

  fund.clock.set(kSeededAt + 2 * kDay);
  const auto first = a.runOnce();
  BOOST_TEST(first.leader);
  BOOST_TEST(first.total() > 0);  // the demo's overdue reviews and waiting award
  BOOST_TEST(holderAt(fund.other, fund.clock.nowMs()) == a.id());

  // Within a's lease, b's ticks write nothing; a renews it at its next tick.
  fund.clock.advance(5 * 60'000);
  const auto refused = b.runOnce();
  BOOST_TEST(!refused.leader);
  BOOST_TEST(refused.total() == 0);
  fund.clock.advance(60'000);
  BOOST_TEST(a.runOnce().leader);
  fund.clock.advance(kOptions.lease_ms - 1);
  BOOST_TEST(!b.runOnce().leader);

  // a dies: once its lease has expired, b's next tick takes over.
  fund.clock.advance(1);
  BOOST_TEST(b.runOnce().leader);
  BOOST_TEST(holderAt(*fund.test_db.db, fund.clock.nowMs()) == b.id());
  BOOST_TEST(!a.runOnce().leader);  // a comes back: b holds the lease now

  // Weeks later the call closes in 7 days: b, still the holder, sends; a does not.
  fund.clock.set(kSeededAt + 54 * kDay);
  const auto closing = b.runOnce();
  BOOST_TEST(closing.leader);
  BOOST_TEST(closing.reminders.at("call_closing_7") >= 1);
  BOOST_TEST(!a.runOnce().leader);
  // Each reminder was written once, whoever held the lease.
  BOOST_TEST(sentReminders(*fund.test_db.db) == first.total() + closing.total());
}

BOOST_AUTO_TEST_CASE(a_scheduler_stopped_cleanly_gives_the_lease_up_at_once) {
  TwoInstances fund("scheduler_stop");
  fund.clock.set(kSeededAt + 2 * kDay);
  auto a = std::make_unique<schedule::Scheduler>(*fund.test_db.db, fund.clock, kOptions);
  schedule::Scheduler b(fund.other, fund.clock, kOptions);
  a->start();  // ticks at once, in its thread
  for (int i = 0; i < 500 && holderAt(fund.other, fund.clock.nowMs()).empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  BOOST_TEST(holderAt(fund.other, fund.clock.nowMs()) == a->id());
  BOOST_TEST(!b.runOnce().leader);
  a->stop();
  BOOST_TEST(holderAt(fund.other, fund.clock.nowMs()).empty());
  BOOST_TEST(b.runOnce().leader);
  a.reset();  // stopping again is harmless
}

BOOST_AUTO_TEST_CASE(a_lease_shorter_than_the_time_between_ticks_is_refused) {
  TestDb t("scheduler_options");
  services::ManualClock clock(kSeededAt);
  BOOST_CHECK_THROW(schedule::Scheduler(*t.db, clock, {.every_ms = 60'000, .lease_ms = 60'000}),
                    std::invalid_argument);
  BOOST_CHECK_THROW(schedule::Scheduler(*t.db, clock, {.every_ms = 0, .lease_ms = 60'000}),
                    std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
