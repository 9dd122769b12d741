#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "services/db/database.h"

namespace citygrants::transfer {

// What a copy moved, table by table, and what the checks on the target found.
struct TableCopy {
  std::string table;
  std::int64_t source_rows = 0;
  std::int64_t target_rows = 0;
  // Σ of each money column (name ending in _minor), as "column=source/target".
  std::vector<std::string> sums;
  bool matches = true;
};

struct CopyReport {
  std::vector<TableCopy> tables;
  std::int64_t audit_rows = 0;  // the chain verified on the target
  bool audit_ok = false;
  bool audit_head_matches = false;  // the target's head is the source's (seq and hash)
  std::string problem;              // the first check that failed, empty when all hold
  bool ok() const { return problem.empty(); }
};

// The tables of a fund in an order that satisfies every foreign key; audit_head (one row made
// by the migrations, updated in place) and schema_migrations (the target is migrated) are not in
// it. copyFund refuses a source with a table not listed here, so a new table cannot be left behind.
const std::vector<std::string>& fundTables();

// Copies the whole fund in `from` (at this binary's schema version) into `to`, which is migrated
// first and must hold no fund yet; one transaction on the target, so a failure leaves it empty.
// From one SQLite file into another, SQLite copies each table itself (the source attached to the
// target); otherwise the rows go one at a time.
// Ids are kept (PostgreSQL identity sequences are moved past them). Then checks, on the
// committed target: each table's row count and money sums against the source, the audit chain
// recomputed, and the audit head equal to the source's. `progress` gets a line per table.
// Throws core::Problem(kConflict) for a target that holds a fund, (kInvalid) for a source the
// binary cannot copy; soci::soci_error when a database fails.
CopyReport copyFund(db::Database& from, db::Database& to,
                    const std::function<void(const std::string&)>& progress);

}  // namespace citygrants::transfer
