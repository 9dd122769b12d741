// db::Prepared: statements a session keeps prepared give the right rows on every reuse, nest,
// survive a failed execution, and never keep a read open past their use.
#include <optional>
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

// On SQLite the common types go between SQLite and the variables without SOCI (db::Prepared);
// they must come out as SOCI gives them, which the same test on PostgreSQL checks.
BOOST_AUTO_TEST_CASE(values_come_and_go_as_soci_exchanges_them) {
  testing::TestDb t("prepared_values", 1);
  testing::exec(*t.db,
                "CREATE TABLE prepared_v (id INTEGER PRIMARY KEY, i INTEGER, big BIGINT, r DOUBLE "
                "PRECISION, s TEXT, n TEXT)");
  const long big = 1'099'511'627'776;  // 2^40: no int holds it
  const std::string text = "São Paulo\tacolhe";
  const std::optional<std::string> none;
  const std::optional<long> some_big = big;
  t.db->write([&](db::Tx& tx) {
    auto st = tx.prepared(
        "INSERT INTO prepared_v (id, i, big, r, s, n) VALUES (:id, :i, :big, :r, :s, :n)");
    const int id = 1, i = -7;
    const double r = 0.25;
    st.use(id).use(i).use(some_big).use(r).use(text).use(none);
    BOOST_TEST(!st.execute());  // no row to fetch
    BOOST_TEST(st.affectedRows() == 1);
    tx.commit();
  });
  auto tx = t.db->read();
  int i = 0;
  long long big_read = 0;
  double r = 0;
  std::string s;
  std::optional<std::string> n = "stale", s_opt;
  std::optional<long> big_opt;
  unsigned long long id_other = 0;  // a type SOCI exchanges: every value of this use goes by SOCI
  {
    auto st = tx.prepared("SELECT i, big, r, s, n, s, big FROM prepared_v WHERE id = :id");
    const int id = 1;
    st.use(id).into(i).into(big_read).into(r).into(s).into(n).into(s_opt).into(big_opt);
    BOOST_TEST(st.execute());
    BOOST_TEST(!st.fetch());
    BOOST_TEST(!st.fetch());  // past the end stays past the end: the query is not run again
  }
  BOOST_TEST(i == -7);
  BOOST_TEST(big_read == big);
  BOOST_TEST(r == 0.25);
  BOOST_TEST(s == text);
  BOOST_TEST(!n.has_value());
  BOOST_TEST(s_opt.value_or("") == text);
  BOOST_TEST(big_opt.value_or(0) == big);
  {
    auto st = tx.prepared("SELECT id, s FROM prepared_v WHERE big = :big");
    st.use(big).into(id_other).into(s);
    s.clear();
    BOOST_TEST(st.execute());
  }
  BOOST_TEST(id_other == 1u);
  BOOST_TEST(s == text);
  {
    auto st = tx.prepared("SELECT n FROM prepared_v WHERE id = 1");
    std::string plain;
    BOOST_CHECK_THROW(st.into(plain).execute(), soci::soci_error);  // NULL, and no way to say so
  }
  tx.commit();
}

BOOST_AUTO_TEST_CASE(values_by_name_go_where_their_names_are) {
  testing::TestDb t("prepared_names", 1);
  testing::exec(*t.db, "CREATE TABLE prepared_n (id BIGINT PRIMARY KEY, a TEXT, b BIGINT)");
  const std::string a = "Medellín";
  const long b = 1'099'511'627'776;
  t.db->write([&](db::Tx& tx) {
    auto st = tx.prepared("INSERT INTO prepared_n (id, a, b) VALUES (:id, :a, :b)");
    const int id = 1;
    st.use(b, "b").use(a, "a").use(id, "id");  // not in the order the query names them
    st.execute();
    tx.commit();
  });
  auto tx = t.db->read();
  auto lookUp = [&](long value) {
    auto st = tx.prepared("SELECT a FROM prepared_n WHERE b = :v OR id = :v");  // :v twice
    std::string found = "(none)";
    st.use(value, "v").into(found);
    st.execute();
    return found;
  };
  BOOST_TEST(lookUp(b) == a);
  BOOST_TEST(lookUp(1) == a);
  BOOST_TEST(lookUp(2) == "(none)");
  {
    // A type SOCI exchanges, after values by name: SOCI binds them all, by the same names.
    auto st = tx.prepared("SELECT id FROM prepared_n WHERE a = :a AND b = :b");
    unsigned long long id = 0;
    st.use(a, "a").use(b, "b").into(id);
    BOOST_TEST(st.execute());
    BOOST_TEST(id == 1u);
  }
  {
    auto st = tx.prepared("SELECT a FROM prepared_n WHERE id = :id AND b = :b");
    const int id = 1;
    std::string found;
    BOOST_CHECK_THROW(st.use(id).use(b, "b").into(found).execute(), soci::soci_error);
  }
  BOOST_TEST(lookUp(b) == a);  // the refused statement left the kept one clean
  tx.commit();
}

BOOST_AUTO_TEST_SUITE_END()
