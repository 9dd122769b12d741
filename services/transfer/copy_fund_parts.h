#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "services/db/database.h"
#include "services/transfer/copy_fund.h"

// What both ways of copying a fund share (copy_fund.cpp: a row at a time, between any two
// databases; copy_fund_sqlite.cpp: SQLite to SQLite, each table in one statement): which
// tables go, the refusals, and the checks on the committed target. For those two files only.
namespace citygrants::transfer::parts {

// Each money column's Σ of one table, by column name.
using MoneySums = std::vector<std::pair<std::string, std::int64_t>>;

// The audit head: the last event's sequence number and hash.
struct Head {
  std::int64_t seq = 0;
  std::string hash;
  bool operator==(const Head&) const = default;
};

// The ordinary tables of `schema` (SQLite: "main", or an attached database's name; PostgreSQL:
// the current schema, whatever `schema` says).
std::set<std::string> tablesIn(soci::session& sql, db::Dialect dialect,
                               const std::string& schema = "main");
// Throws Problem(kInvalid) for a table the copy does not know (not in fundTables(), nor kept by
// triggers, nor schema_migrations): a new table cannot be left behind.
void refuseUnknownTables(const std::set<std::string>& names);
// Throws Problem(kConflict) when the target already holds a fund (an organisation, or an event).
void refuseFilledTarget(soci::session& target);
// Whether a table is kept by the target's own triggers as its records go in (not copied).
bool keptByTriggers(const std::string& table);

// A query's one number (NULL: 0).
std::int64_t scalar(soci::session& sql, const std::string& query);
// The money columns (name ending in _minor) of `table`, whose Σ are summed from `source` (the
// table's name, or "schema.table" for an attached database's).
MoneySums moneySums(soci::session& sql, db::Dialect dialect, const std::string& table,
                    const std::string& source);
// The audit head of the database `prefix` names ("" or "schema.").
Head auditHead(soci::session& sql, const std::string& prefix = "");

// Row counts, money sums (`sums`, per table of `report`) and the audit head of the committed
// target against what was read from the source's snapshot; then the chain recomputed on the
// target. Records what differs in `report`.
void check(db::Database& to, const std::vector<MoneySums>& sums, const Head& source_head,
           CopyReport& report);

// copyFund between two SQLite databases: the source file attached to a connection of the
// target's, each table copied in one INSERT ... SELECT, in one transaction (copy_fund_sqlite.cpp).
// REQUIRES: both at this binary's schema version.
CopyReport copyBetweenSqlite(db::Database& from, db::Database& to,
                             const std::function<void(const std::string&)>& progress);

}  // namespace citygrants::transfer::parts
