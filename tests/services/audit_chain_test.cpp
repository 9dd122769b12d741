#include <boost/test/unit_test.hpp>

#include "services/audit/audit_log.h"
#include "tests/services/fixture.h"

using namespace citygrants;

namespace {

void appendSome(db::Database& db, int n) {
  for (int i = 0; i < n; ++i) {
    db.write([&](db::Tx& tx) {
      audit::appendAudit(tx, {std::int64_t{7}, "proposal", 1, "edit", "draft", "draft",
                              "{\"n\":" + std::to_string(i) + "}", 1000 + i});
      tx.commit();
    });
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_chain)

BOOST_AUTO_TEST_CASE(an_untouched_chain_verifies) {
  testing::TestDb t("audit_ok");
  appendSome(*t.db, 5);
  const auto v = audit::verifyAudit(*t.db);
  BOOST_TEST(v.ok);
  BOOST_TEST(v.rows == 5);
}

BOOST_AUTO_TEST_CASE(every_entry_moves_the_data_generation_and_identity_entries_the_identity_one) {
  testing::TestDb t("audit_generations");
  const auto start = t.db->generations();
  appendSome(*t.db, 3);  // workflow entries
  const auto after_workflow = t.db->generations();
  BOOST_TEST(after_workflow.data == start.data + 3);
  BOOST_TEST(after_workflow.identity == start.identity);
  for (const char* entity : {"user", "api_token", "organisation"}) {
    t.db->write([&](db::Tx& tx) {
      audit::appendAudit(tx, {std::int64_t{7}, entity, 1, "update", "", "", "{}", 2000});
      tx.commit();
    });
  }
  const auto after_identity = t.db->generations();
  BOOST_TEST(after_identity.data == after_workflow.data + 3);
  BOOST_TEST(after_identity.identity == after_workflow.identity + 2);  // an organisation is no identity
  t.db->write([](db::Tx& tx) {
    audit::appendAudit(tx, {std::int64_t{7}, "user", 1, "update", "", "", "{}", 3000});
    tx.rollback();
  });
  BOOST_TEST(t.db->generations().identity == after_identity.identity);  // only committed entries count
  BOOST_TEST(audit::verifyAudit(*t.db).ok);
}

BOOST_AUTO_TEST_CASE(entries_of_one_write_and_of_two_instances_chain_in_commit_order) {
  testing::TestDb t("audit_two_instances");
  db::Database other(db::parseConnectionString(t.where), {.pool_size = 1});
  const auto start = t.db->generations();
  // Each write chains on what the other instance committed before it, three entries at a time.
  for (int round = 0; round < 4; ++round) {
    (round % 2 == 0 ? *t.db : other).write([&](db::Tx& tx) {
      for (int i = 0; i < 3; ++i) {
        const auto seq = audit::appendAudit(
            tx, {std::int64_t{7}, i == 1 ? "user" : "proposal", round, "edit", "", "", "{}", 10});
        BOOST_TEST(seq == start.data + round * 3 + i + 1);
      }
      tx.commit();
    });
  }
  const auto v = audit::verifyAudit(*t.db);
  BOOST_TEST(v.ok, v.reason);
  BOOST_TEST(v.rows == 12);
  BOOST_TEST(t.db->generations().data == start.data + 12);
  BOOST_TEST(other.generations().identity == start.identity + 4);  // one "user" entry a write
}

BOOST_AUTO_TEST_CASE(a_head_moved_by_a_writer_without_the_lock_fails_the_write,
                     *boost::unit_test::precondition(testing::postgresOnly)) {
  testing::TestDb t("audit_unlocked_writer");
  appendSome(*t.db, 2);
  db::Connection unlocked(db::parseConnectionString(t.where));
  // The head this write read with its lock moves under it, committed by a connection that took
  // no lock.
  const auto write = [&](db::Tx& tx) {
    unlocked.sql() << "UPDATE audit_head SET last_seq = last_seq + 1 WHERE id = 1";
    audit::appendAudit(tx, {std::int64_t{7}, "proposal", 1, "edit", "", "", "{}", 10});
    tx.commit();
  };
  BOOST_CHECK_THROW(t.db->write(write), std::runtime_error);
  BOOST_TEST(testing::auditRows(*t.db, "proposal") == 2);  // nothing of the failed write
}

BOOST_AUTO_TEST_CASE(a_row_changed_behind_its_back_is_named) {
  testing::TestDb t("audit_changed");
  appendSome(*t.db, 5);
  testing::exec(*t.db, "UPDATE audit_events SET detail = '{\"n\":99}' WHERE seq = 3");
  const auto v = audit::verifyAudit(*t.db);
  BOOST_TEST(!v.ok);
  BOOST_TEST(v.bad_seq.value_or(0) == 3);
  BOOST_TEST(v.reason.find("hash") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_rehashed_row_still_breaks_the_next_link) {
  testing::TestDb t("audit_rehashed");
  appendSome(*t.db, 4);
  // Forge row 2 completely: new content with a correct hash of its own.
  audit::AuditEntry forged{std::int64_t{7}, "proposal", 1, "edit", "draft", "draft", "{\"n\":42}", 1001};
  std::string prev;
  {
    auto tx = t.db->read();
    tx.sql() << "SELECT prev_hash FROM audit_events WHERE seq = 2", soci::into(prev);
  }
  const auto hash = audit::chainHash(prev, audit::canonicalForm(2, forged));
  testing::exec(*t.db, "UPDATE audit_events SET detail = '{\"n\":42}', hash = '" + hash + "' WHERE seq = 2");
  const auto v = audit::verifyAudit(*t.db);
  BOOST_TEST(!v.ok);
  BOOST_TEST(v.bad_seq.value_or(0) == 3);
}

BOOST_AUTO_TEST_CASE(a_deleted_row_is_a_gap) {
  testing::TestDb t("audit_deleted");
  appendSome(*t.db, 4);
  testing::exec(*t.db, "DELETE FROM audit_events WHERE seq = 2");
  const auto v = audit::verifyAudit(*t.db);
  BOOST_TEST(!v.ok);
  BOOST_TEST(v.bad_seq.value_or(0) == 3);
}

BOOST_AUTO_TEST_CASE(a_truncated_tail_is_caught_by_the_head) {
  testing::TestDb t("audit_truncated");
  appendSome(*t.db, 4);
  testing::exec(*t.db, "DELETE FROM audit_events WHERE seq = 4");
  const auto v = audit::verifyAudit(*t.db);
  BOOST_TEST(!v.ok);
  BOOST_TEST(v.reason.find("head") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(canonical_form_is_unambiguous) {
  audit::AuditEntry a{std::nullopt, "ab", 1, "c", "", "", "{}", 5};
  audit::AuditEntry b{std::nullopt, "a", 1, "bc", "", "", "{}", 5};
  BOOST_TEST(audit::canonicalForm(1, a) != audit::canonicalForm(1, b));
}

BOOST_AUTO_TEST_SUITE_END()
