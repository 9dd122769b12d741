#include <boost/test/unit_test.hpp>

#include <thread>

#include <soci/soci.h>

#include "services/audit/audit_log.h"
#include "services/usecases/export_service.h"
#include "services/usecases/inbox_service.h"
#include "tests/services/fixture.h"

using namespace citygrants;

// Database::ReadScope on either database: a request's reads share one transaction, and a write
// of the request ends it, so that nothing it reads afterwards is older than its own write.
namespace {

std::int64_t events(db::Tx& tx) {
  std::int64_t n = 0;
  tx.sql() << "SELECT COUNT(*) FROM audit_events", soci::into(n);
  return n;
}

// The audit events as a read of this thread sees them now.
std::int64_t eventsNow(db::Database& db) {
  auto tx = db.read();
  const auto n = events(tx);
  tx.commit();
  return n;
}

void appendEvent(db::Database& db, std::int64_t id) {
  db.write([&](db::Tx& tx) {
    audit::appendAudit(tx, {std::int64_t{1}, "scoped", id, "write", "", "", "{}", 1000 + id});
    tx.commit();
  });
}

// A write by another thread (another request): it does not end this thread's scope.
void appendEventElsewhere(db::Database& db, std::int64_t id) {
  std::thread other([&] { appendEvent(db, id); });
  other.join();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(database_read_scope)

// On PostgreSQL too (whose default isolation gives each statement its own snapshot).
BOOST_AUTO_TEST_CASE(a_read_transaction_is_one_snapshot) {
  testing::TestDb t("read_one_snapshot");
  auto tx = t.db->read();
  const auto before = events(tx);
  appendEventElsewhere(*t.db, 1);
  BOOST_TEST(events(tx) == before);
  tx.commit();
  BOOST_TEST(eventsNow(*t.db) == before + 1);
}

BOOST_AUTO_TEST_CASE(reads_in_a_scope_share_one_snapshot_until_this_thread_writes) {
  testing::TestDb t("read_scope_snapshot");
  const auto start = eventsNow(*t.db);
  // Without a scope each read is its own snapshot: another request's write shows at once.
  appendEventElsewhere(*t.db, 1);
  BOOST_TEST(eventsNow(*t.db) == start + 1);
  {
    db::Database::ReadScope scope(*t.db);
    BOOST_TEST(eventsNow(*t.db) == start + 1);
    appendEventElsewhere(*t.db, 2);
    BOOST_TEST(eventsNow(*t.db) == start + 1);  // the scope's snapshot, read twice
    appendEvent(*t.db, 3);                      // this thread's own write ends it
    BOOST_TEST(eventsNow(*t.db) == start + 3);
    appendEventElsewhere(*t.db, 4);
    BOOST_TEST(eventsNow(*t.db) == start + 3);  // a new snapshot, shared again
  }
  BOOST_TEST(eventsNow(*t.db) == start + 4);
}

BOOST_AUTO_TEST_CASE(a_read_alive_across_a_write_keeps_its_snapshot_and_reads_meanwhile_see_the_write) {
  testing::TestDb t("read_scope_across_write");
  const auto start = eventsNow(*t.db);
  db::Database::ReadScope scope(*t.db);
  {
    auto held = t.db->read();
    BOOST_TEST(events(held) == start);
    appendEvent(*t.db, 1);
    BOOST_TEST(eventsNow(*t.db) == start + 1);  // a transaction of its own
    BOOST_TEST(events(held) == start);         // the old snapshot, until it ends
    held.commit();
  }
  appendEventElsewhere(*t.db, 2);
  BOOST_TEST(eventsNow(*t.db) == start + 2);  // the old one ended with `held`: a new one
  appendEventElsewhere(*t.db, 3);
  BOOST_TEST(eventsNow(*t.db) == start + 2);  // and shared again
}

// A read that fails (on PostgreSQL a failed statement aborts the whole transaction) ends the
// scope's transaction: the reads after it work, in a new one.
BOOST_AUTO_TEST_CASE(a_read_that_fails_ends_the_scope_transaction) {
  testing::TestDb t("read_scope_failed_read");
  const auto start = eventsNow(*t.db);
  db::Database::ReadScope scope(*t.db);
  BOOST_TEST(eventsNow(*t.db) == start);
  appendEventElsewhere(*t.db, 1);
  BOOST_CHECK_THROW(
      {
        auto tx = t.db->read();
        tx.sql() << "SELECT no_such_column FROM audit_events";
      },
      soci::soci_error);
  BOOST_TEST(eventsNow(*t.db) == start + 1);
}

BOOST_AUTO_TEST_CASE(a_scope_opened_inside_another_is_the_outer_one) {
  testing::TestDb t("read_scope_nested");
  const auto start = eventsNow(*t.db);
  db::Database::ReadScope outer(*t.db);
  BOOST_TEST(eventsNow(*t.db) == start);
  {
    db::Database::ReadScope inner(*t.db);
    appendEventElsewhere(*t.db, 1);
    BOOST_TEST(eventsNow(*t.db) == start);
  }
  BOOST_TEST(eventsNow(*t.db) == start);  // the inner scope's end did not end the outer's
}

// What a cache keyed by generations() must know (the open-data files): once the scope's
// transaction has begun, its reads may be older than the generation read now.
BOOST_AUTO_TEST_CASE(snapshot_open_says_when_reads_would_join_an_older_snapshot) {
  testing::TestDb t("read_scope_snapshot_open");
  const auto start = eventsNow(*t.db);
  BOOST_TEST(!t.db->snapshotOpen());  // no scope: every read is a snapshot of its own
  db::Database::ReadScope scope(*t.db);
  BOOST_TEST(!t.db->snapshotOpen());  // nothing of the scope has read yet
  BOOST_TEST(eventsNow(*t.db) == start);
  BOOST_TEST(t.db->snapshotOpen());
  appendEventElsewhere(*t.db, 1);
  BOOST_TEST(eventsNow(*t.db) == start);  // older than what generations() would read now
  BOOST_TEST(t.db->snapshotOpen());
  appendEvent(*t.db, 2);  // this thread's write ends the snapshot
  BOOST_TEST(!t.db->snapshotOpen());
  {
    auto held = t.db->read();  // a new snapshot...
    BOOST_TEST(t.db->snapshotOpen());
    appendEvent(*t.db, 3);  // ...which this write makes stale while `held` keeps it
    BOOST_TEST(!t.db->snapshotOpen());
    BOOST_TEST(eventsNow(*t.db) == start + 3);
    held.commit();
  }
  BOOST_TEST(!t.db->snapshotOpen());
  testing::TestDb other_db("read_scope_snapshot_open_other");
  BOOST_TEST(eventsNow(*t.db) == start + 3);
  BOOST_TEST(!other_db.db->snapshotOpen());  // the scope is this database's only
}

// A request that authenticated (a read) and then reads its inbox or an export, in the same
// transaction: both rely on Database::read for their one snapshot (they once asked PostgreSQL for
// it themselves, which it refuses after a transaction's first query unless the level is unchanged).
BOOST_AUTO_TEST_CASE(the_inbox_and_exports_read_in_the_request_transaction) {
  testing::Fund f("read_scope_services");
  f.draftProposal();
  db::Database::ReadScope scope(*f.test_db.db);
  const auto start = eventsNow(*f.test_db.db);  // as authentication reads
  BOOST_TEST(start > 0);
  BOOST_CHECK_NO_THROW(usecases::InboxService(f.ctx).of(f.fm1, {}));
  const auto file = usecases::ExportService(f.ctx).run(
      f.fm1, {stores::ProposalQuery{}, exports::FileFormat::kCsv, "{}"});
  BOOST_TEST(file.rows == 1);
}

BOOST_AUTO_TEST_SUITE_END()
