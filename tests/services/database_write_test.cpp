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

// One statement that changes megabytes of rows that were there before it (a migration's fill, a
// bulk change): its savepoint journal outgrows memory thresholds, and the write still commits.
// SQLite 3.40.1 failed it ("database or disk is full") while the journal spilled past 4 MiB.
BOOST_AUTO_TEST_CASE(a_statement_changing_megabytes_of_existing_rows_commits) {
  testing::TestDb t("database_write_big_statement");
  testing::exec(*t.db, "CREATE TABLE bulk (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  testing::exec(*t.db,
                "INSERT INTO bulk (id, body) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT "
                "i + 1 FROM n WHERE i < 20000) SELECT i, " +
                    std::string(500, 'x').insert(0, "'").append("'") + " FROM n");
  testing::exec(*t.db, "UPDATE bulk SET body = body || 'y'");
  auto tx = t.db->read();
  std::int64_t changed = 0;
  tx.sql() << "SELECT COUNT(*) FROM bulk WHERE body LIKE '%y'", soci::into(changed);
  tx.commit();
  BOOST_TEST(changed == 20000);
}

BOOST_AUTO_TEST_SUITE_END()
