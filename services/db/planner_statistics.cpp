#include "services/db/planner_statistics.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <map>

#include "services/db/database.h"
#include "services/log/log_line.h"

namespace citygrants::db {
namespace {

// The rows ANALYZE recorded per table: the first number of each of its rows in sqlite_stat1
// (every index's row starts with the table's row count; a table without index has one row).
std::map<std::string, std::int64_t> recordedRows(soci::session& sql) {
  std::map<std::string, std::int64_t> out;
  int analysed = 0;
  sql << "SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'", soci::into(analysed);
  if (analysed == 0) return out;
  std::string table;
  long long rows = 0;
  soci::statement st = (sql.prepare << "SELECT tbl, MAX(CAST(stat AS INTEGER)) FROM sqlite_stat1 "
                                       "GROUP BY tbl",
                        soci::into(table), soci::into(rows));
  st.execute();
  while (st.fetch()) out[table] = rows;
  return out;
}

bool outgrown(std::int64_t recorded, std::int64_t now) {
  const auto larger = std::max(recorded, now), smaller = std::min(recorded, now);
  return larger - smaller >= kOutgrownByRows && larger >= 2 * smaller;
}

}  // namespace

std::string quotedName(const std::string& name) {
  std::string out = "\"";
  for (const char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::vector<OutgrownTable> outgrownTables(Connection& c) {
  auto& sql = c.sql();
  soci::transaction tx(sql);  // the counts and the statistics, as of one snapshot
  const auto recorded = recordedRows(sql);
  std::vector<std::string> tables;
  {
    std::string name;
    soci::statement st = (sql.prepare << "SELECT name FROM sqlite_master WHERE type = 'table' "
                                         "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE "
                                         "'CREATE VIRTUAL TABLE%' ORDER BY name",
                          soci::into(name));
    st.execute();
    while (st.fetch()) tables.push_back(name);
  }
  std::vector<OutgrownTable> out;
  for (const auto& table : tables) {
    long long rows = 0;
    sql << "SELECT COUNT(*) FROM " + quotedName(table), soci::into(rows);
    const auto it = recorded.find(table);
    const std::int64_t was = it == recorded.end() ? 0 : it->second;
    if (outgrown(was, rows)) out.push_back({table, was, rows});
  }
  tx.rollback();
  return out;
}

StatisticsKeeper::StatisticsKeeper(Database& db, const ConnectionString& where, int every_ms)
    : db_(db), connection_(where), ticker_("cg-statistics", every_ms, [this] { tick(); }) {}

void StatisticsKeeper::tick() {
  try {
    const auto tables = outgrownTables(connection_);
    if (tables.empty()) return;
    std::vector<std::string> names;
    for (const auto& t : tables) names.push_back(t.name);
    const auto started = std::chrono::steady_clock::now();
    db_.refreshPlannerStatistics(names);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - started);
    const auto& first = tables.front();
    logs::LogLine("info", "planner_statistics")
        .number("tables_outgrown", static_cast<std::int64_t>(tables.size()))
        .text("first", first.name)
        .number("first_recorded_rows", first.recorded)
        .number("first_rows", first.now)
        .number("ms", took.count())
        .write(logs::Stream::kApp);
  } catch (const std::exception& e) {
    // Tried again at the next tick; the plans meanwhile are those of the last statistics.
    logs::LogLine("warn", "planner_statistics_failed")
        .text("detail", e.what())
        .write(logs::Stream::kApp);
  }
}

}  // namespace citygrants::db
