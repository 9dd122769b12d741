#include <boost/test/unit_test.hpp>

#include <stdexcept>

#include "services/audit/audit_log.h"
#include "tests/services/fixture.h"

using namespace citygrants;

// Database::write on either database: the writer is its own (SQLite's writer thread, or on
// PostgreSQL the instance's write connection), never a pooled connection that reads hold.
BOOST_AUTO_TEST_SUITE(database_write)

// A use case that opens another write would wait for itself (on PostgreSQL, for its own
// connection, then the lock it holds): it is refused at once, and its own write still commits.
BOOST_AUTO_TEST_CASE(a_write_opened_inside_a_write_is_refused_at_once) {
  testing::TestDb t("database_write_nested");
  bool refused = false;
  t.db->write([&](db::Tx& tx) {
    try {
      t.db->write([](db::Tx& inner) { inner.commit(); });
    } catch (const std::logic_error&) {
      refused = true;
    }
    audit::appendAudit(tx, {std::int64_t{1}, "kept", 1, "write", "", "", "{}", 1000});
    tx.commit();
  });
  BOOST_TEST(refused);
  BOOST_TEST(testing::auditRows(*t.db, "kept") == 1);
  // The thread may write again once its write is over.
  t.db->write([](db::Tx& tx) {
    audit::appendAudit(tx, {std::int64_t{1}, "kept", 2, "write", "", "", "{}", 1001});
    tx.commit();
  });
  BOOST_TEST(testing::auditRows(*t.db, "kept") == 2);
  BOOST_TEST(audit::verifyAudit(*t.db).ok);
}

// Every pooled connection is lent to a read that stays open: a write still goes through, on
// the writer of its own, instead of queueing behind the reads.
BOOST_AUTO_TEST_CASE(a_write_goes_through_while_reads_hold_every_pooled_connection) {
  testing::TestDb t("database_write_pool_busy", 1);
  {
    auto held = t.db->read();  // the pool's only connection, until the end of this block
    std::int64_t before = 0;
    held.sql() << "SELECT COUNT(*) FROM audit_events", soci::into(before);
    t.db->write([](db::Tx& tx) {
      audit::appendAudit(tx, {std::int64_t{1}, "written", 1, "write", "", "", "{}", 1000});
      tx.commit();
    });
    held.commit();
  }
  BOOST_TEST(testing::auditRows(*t.db, "written") == 1);
}

BOOST_AUTO_TEST_SUITE_END()
