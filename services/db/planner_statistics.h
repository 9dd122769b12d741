#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "services/db/connection.h"
#include "services/db/connection_string.h"
#include "services/db/ticker.h"

namespace citygrants::db {

class Database;

// A table whose row count has moved far from what SQLite's planner statistics say of it.
struct OutgrownTable {
  std::string name;
  std::int64_t recorded = 0;  // rows when ANALYZE last read it (0: empty, or never read)
  std::int64_t now = 0;
};

// How far a table may move before its statistics are gathered again: to at least twice, or at
// most half, the rows recorded, and by at least this many rows (a small table is read whole
// whatever the plan).
inline constexpr std::int64_t kOutgrownByRows = 1000;

// `name` as a quoted SQL identifier (a double quote in it doubled), for a table named by the
// schema in a statement of the keeper's.
std::string quotedName(const std::string& name);

// The tables of a SQLite database (virtual tables aside: their shadow tables are counted) whose
// rows have so moved since ANALYZE recorded them in sqlite_stat1. One read transaction.
std::vector<OutgrownTable> outgrownTables(Connection& c);

// Keeps a long-lived SQLite server's planner statistics true to its tables. The server gathers
// them at its start (Database::refreshPlannerStatistics); one started on a new fund would plan
// against near-empty tables for as long as it runs: at 10,000 proposals, a proposal's timeline
// took 11 ms instead of 1.2, the results page 93 ms instead of 1.5. Every `every_ms` this looks
// at the tables' sizes (counting their rows, on a connection of its own), and gathers the
// statistics of those that have outgrown theirs again: at 100,000 proposals, 0.04 s for the
// proposals or the outbox against 0.87 s for every table (most of it the 9.3 million indicator
// targets), a write the others wait for. Stopped and joined when destroyed.
class StatisticsKeeper {
 public:
  // REQUIRES: `db` is a SQLite database and outlives this; `every_ms` > 0.
  StatisticsKeeper(Database& db, const ConnectionString& where, int every_ms);
  StatisticsKeeper(const StatisticsKeeper&) = delete;
  StatisticsKeeper& operator=(const StatisticsKeeper&) = delete;

 private:
  void tick();

  Database& db_;
  Connection connection_;
  Ticker ticker_;  // last: stopped and joined first
};

}  // namespace citygrants::db
