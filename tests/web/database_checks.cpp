#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "services/crypto/digest.h"
#include "tests/web/http_fixture.h"

// The web tests' look at the database itself: a digest of every application table (what a
// refused request must leave unchanged) and single values by SQL.
namespace citygrants::webtest {

namespace {

std::string cellText(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return "\\N";
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string:
    case soci::dt_blob:
    case soci::dt_xml:
      return "s" + row.get<std::string>(i);
    case soci::dt_double: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.17g", row.get<double>(i));
      return std::string("d") + buf;
    }
    case soci::dt_integer: return "i" + std::to_string(row.get<int>(i));
    case soci::dt_long_long: return "l" + std::to_string(row.get<long long>(i));
    case soci::dt_unsigned_long_long: return "u" + std::to_string(row.get<unsigned long long>(i));
    case soci::dt_date: {
      std::tm t = row.get<std::tm>(i);
      char buf[64];
      std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &t);
      return std::string("t") + buf;
    }
  }
  return "?";
}

std::vector<std::string> applicationTables(db::Tx& tx) {
  const std::string sql =
      tx.dialect() == db::Dialect::kSqlite
          ? "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
          : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
            "AND table_type = 'BASE TABLE' ORDER BY table_name";
  std::vector<std::string> out;
  soci::rowset<std::string> names = (tx.sql().prepare << sql);
  for (const auto& name : names) {
    if (name != "sessions" && name != "login_attempts" && name != "schema_migrations") out.push_back(name);
  }
  return out;
}

}  // namespace

std::string databaseDigest(db::Database& db) {
  auto tx = db.read();
  std::string all;
  for (const auto& table : applicationTables(tx)) {
    all += "\x1d" + table;
    // Table names come from the catalog, never from input.
    soci::rowset<soci::row> rows = (tx.sql().prepare << "SELECT * FROM " + table + " ORDER BY 1");
    for (const auto& row : rows) {
      all += '\x1e';
      for (std::size_t i = 0; i < row.size(); ++i) all += cellText(row, i) + '\x1f';
    }
  }
  tx.commit();
  return crypto::sha256Hex(all);
}

namespace {

// The first value of `sql` as a T (see queryInt).
template <class T>
std::optional<T> queryValue(db::Database& db, const std::string& sql, std::optional<std::int64_t> p) {
  auto tx = db.read();
  T value{};
  soci::indicator ind = soci::i_null;
  std::int64_t param = p.value_or(0);
  if (p) {
    tx.sql() << sql, soci::into(value, ind), soci::use(param, "p");
  } else {
    tx.sql() << sql, soci::into(value, ind);
  }
  const bool got = tx.sql().got_data() && ind == soci::i_ok;
  tx.commit();
  if (!got) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::int64_t> queryInt(db::Database& db, const std::string& sql, std::optional<std::int64_t> p) {
  return queryValue<std::int64_t>(db, sql, p);
}

std::optional<std::string> queryText(db::Database& db, const std::string& sql, std::optional<std::int64_t> p) {
  return queryValue<std::string>(db, sql, p);
}

void execSql(db::Database& db, const std::string& sql) {
  db.write([&](db::Tx& tx) {
    tx.sql() << sql;
    tx.commit();
  });
}

}  // namespace citygrants::webtest
