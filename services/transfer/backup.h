#pragma once

#include <cstdint>
#include <string>

#include "services/db/database.h"

namespace citygrants::transfer {

struct BackupReport {
  std::int64_t pages = 0;       // database pages written
  std::int64_t bytes = 0;       // the backup file's size
  std::int64_t audit_rows = 0;  // the chain verified in the backup
  std::int64_t audit_seq = 0;   // its last event: everything committed up to it is in the backup
};

// Writes a consistent copy of the live SQLite database `db` to `file` with SQLite's online
// backup API: one read snapshot copied whole while other connections go on writing (WAL), into
// `file`.partial, checked (integrity_check, the schema version, the audit chain), then renamed
// to `file`. Throws core::Problem(kInvalid) for a PostgreSQL database (use pg_dump), (kConflict)
// when `file` exists; soci::soci_error or std::runtime_error when the copy or its checks fail,
// leaving no `file` behind.
BackupReport backupSqlite(db::Database& db, const std::string& file);

}  // namespace citygrants::transfer
