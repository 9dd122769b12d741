// db::Prepared: statements a session keeps prepared give the right rows on every reuse, nest,
// survive a failed execution, and never keep a read open past their use.
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/services/fixture.h"

using namespace citygrants;

namespace {

std::string nameOf(db::Tx& tx, int id) {
  std::string name = "(none)";
  auto st = tx.prepared("SELECT name FROM prepared_t WHERE id = :id");
  st.use(id).into(name);
  st.execute();
  return name;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(prepared_statements)

BOOST_AUTO_TEST_CASE(a_kept_statement_answers_each_use_with_its_own_values) {
  testing::TestDb t("prepared_reuse", 1);
  testing::exec(*t.db, "CREATE TABLE prepared_t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  testing::exec(*t.db, "INSERT INTO prepared_t (id, name) VALUES (1, 'one'), (2, 'two'), (3, 'three')");
  auto tx = t.db->read();
  BOOST_TEST(nameOf(tx, 2) == "two");
  BOOST_TEST(nameOf(tx, 1) == "one");
  BOOST_TEST(nameOf(tx, 9) == "(none)");  // no row: the target is left alone
  BOOST_TEST(nameOf(tx, 3) == "three");
  tx.commit();
}

BOOST_AUTO_TEST_CASE(the_same_query_nested_gets_its_own_statement) {
  testing::TestDb t("prepared_nested", 1);
  testing::exec(*t.db, "CREATE TABLE prepared_t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  testing::exec(*t.db, "INSERT INTO prepared_t (id, name) VALUES (1, 'one'), (2, 'two'), (3, 'three')");
  auto tx = t.db->read();
  const std::string all = "SELECT id FROM prepared_t WHERE id >= :min ORDER BY id";
  std::vector<std::string> pairs;
  int outer_id = 0;
  auto outer = tx.prepared(all);
  outer.use(1).into(outer_id);
  for (bool row = outer.execute(); row; row = outer.fetch()) {
    int inner_id = 0;
    auto inner = tx.prepared(all);  // in use above: a one-time statement
    inner.use(outer_id).into(inner_id);
    for (bool r = inner.execute(); r; r = inner.fetch()) {
      pairs.push_back(std::to_string(outer_id) + std::to_string(inner_id));
    }
  }
  tx.commit();
  BOOST_TEST(pairs == (std::vector<std::string>{"11", "12", "13", "22", "23", "33"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_failed_execution_leaves_the_statement_usable) {
  testing::TestDb t("prepared_failed", 1);
  testing::exec(*t.db, "CREATE TABLE prepared_t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  const std::string insert = "INSERT INTO prepared_t (id, name) VALUES (:id, :name)";
  auto add = [&](int id, const std::string& name) {
    t.db->write([&](db::Tx& tx) {
      auto st = tx.prepared(insert);
      st.use(id).use(name);
      st.execute();
      tx.commit();
    });
  };
  add(1, "one");
  BOOST_CHECK_THROW(add(1, "again"), soci::soci_error);  // primary key taken
  add(2, "two");
  auto tx = t.db->read();
  BOOST_TEST(nameOf(tx, 1) == "one");
  BOOST_TEST(nameOf(tx, 2) == "two");
  tx.commit();
}

BOOST_AUTO_TEST_CASE(a_kept_select_does_not_hold_its_read_past_its_use) {
  testing::TestDb t("prepared_snapshot", 1);  // one reading session: every read reuses it
  testing::exec(*t.db, "CREATE TABLE prepared_t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  testing::exec(*t.db, "INSERT INTO prepared_t (id, name) VALUES (1, 'old')");
  for (const char* next : {"new", "newer", "newest"}) {
    {
      auto tx = t.db->read();
      nameOf(tx, 1);
      tx.commit();
    }
    testing::exec(*t.db, std::string("UPDATE prepared_t SET name = '") + next + "' WHERE id = 1");
    auto tx = t.db->read();
    BOOST_TEST(nameOf(tx, 1) == next);  // a snapshot kept by the statement would show the old name
    tx.commit();
  }
}

BOOST_AUTO_TEST_SUITE_END()
