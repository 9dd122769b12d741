#include <string>
#include <vector>

#include "services/db/connection.h"
#include "services/transfer/copy_fund_parts.h"

namespace citygrants::transfer::parts {
namespace {

// The source's name on the target's connection.
constexpr const char* kSource = "copy_source";

// The columns of the target's `table`, as a list for INSERT and SELECT alike.
std::string columnList(soci::session& sql, const std::string& table) {
  std::string out;
  soci::rowset<std::string> names =
      (sql.prepare << "SELECT name FROM pragma_table_info('" + table + "', 'main')");
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace

// SQLite copies each table itself, rows never leave it: at 100,000 proposals 31 s, where one
// row at a time through SOCI (every value as text, the copy_fund.cpp way) took 65 s, the most
// of seed-demo's copy, and grew faster than the fund (16 times the 10,000 figure).
// The source is read within the target's transaction, so its rows, sums and head are one
// snapshot of it; its tables need not be listed in its schema's order.
CopyReport copyBetweenSqlite(db::Database& from, db::Database& to,
                             const std::function<void(const std::string&)>& progress) {
  db::Connection target(to.where());  // a connection of its own: ATTACH is refused in a transaction
  auto& sql = target.sql();
  sql << "ATTACH DATABASE :path AS " + std::string(kSource), soci::use(from.where().path);
  const std::string source = std::string(kSource) + ".";
  CopyReport report;
  std::vector<MoneySums> sums;  // per table, in the source
  Head source_head;
  try {
    sql << "BEGIN IMMEDIATE";
    refuseUnknownTables(tablesIn(sql, db::Dialect::kSqlite, kSource));
    refuseFilledTarget(sql);
    // The migrations' starting rows: the source's replace them.
    sql << "DELETE FROM main.audit_head";
    sql << "DELETE FROM main.publisher";
    for (const auto& table : fundTables()) {
      const auto columns = columnList(sql, table);
      sql << "INSERT INTO main." + table + " (" + columns + ") SELECT " + columns + " FROM " +
                 source + table;
      TableCopy t{table, scalar(sql, "SELECT COUNT(*) FROM " + source + table), 0, {}, true};
      sums.push_back(moneySums(sql, db::Dialect::kSqlite, table, source + table));
      progress("  " + table + ": " + std::to_string(t.source_rows) + " row(s)");
      report.tables.push_back(std::move(t));
    }
    source_head = auditHead(sql, source);
    sql << "COMMIT";
  } catch (...) {
    try {
      sql << "ROLLBACK";
    } catch (...) {  // BEGIN itself failed: nothing to roll back
    }
    throw;
  }
  check(to, sums, source_head, report);
  return report;
}

}  // namespace citygrants::transfer::parts
