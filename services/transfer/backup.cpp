#include "services/transfer/backup.h"

#include <filesystem>
#include <memory>
#include <stdexcept>

#include <soci/sqlite3/soci-sqlite3.h>

#include "modules/core/problem.h"
#include "services/audit/audit_log.h"
#include "services/db/migrator.h"

namespace citygrants::transfer {
namespace {

using core::Problem;
using core::ProblemKind;
namespace fs = std::filesystem;
namespace sq = sqlite_api;  // soci-sqlite3.h wraps sqlite3.h in this namespace

struct CloseDb {
  void operator()(sq::sqlite3* db) const { sq::sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sq::sqlite3, CloseDb>;

Connection open(const std::string& path, int flags) {
  sq::sqlite3* raw = nullptr;
  const int rc = sq::sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Connection db(raw);
  if (rc != SQLITE_OK) {
    throw std::runtime_error("cannot open " + path + ": " +
                             (raw != nullptr ? sq::sqlite3_errmsg(raw) : "out of memory"));
  }
  sq::sqlite3_busy_timeout(raw, 10'000);
  return db;
}

void removeWithSidecars(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix);
}

// The copy's own checks, on a Database of its own: the schema this binary serves, SQLite's
// integrity check, and the audit chain recomputed.
void verify(const std::string& path, BackupReport& report) {
  db::Database copy(db::parseConnectionString("sqlite:" + path), {.pool_size = 1});
  db::requireCurrentSchema(copy);
  {
    auto tx = copy.read();
    std::string integrity;
    tx.sql() << "PRAGMA integrity_check", soci::into(integrity);
    if (integrity != "ok")
      throw std::runtime_error("the backup fails SQLite's integrity check: " + integrity);
    long long seq = 0;
    tx.sql() << "SELECT last_seq FROM audit_head WHERE id = 1", soci::into(seq);
    report.audit_seq = seq;
    tx.commit();
  }
  const auto verdict = audit::verifyAudit(copy);
  if (!verdict.ok)
    throw std::runtime_error("the audit chain does not hold in the backup: " + verdict.reason);
  report.audit_rows = verdict.rows;
}

}  // namespace

BackupReport backupSqlite(db::Database& db, const std::string& file) {
  if (db.dialect() != db::Dialect::kSqlite) {
    throw Problem(
        ProblemKind::kInvalid,
        core::Message::verbatim(
            "backup copies a live SQLite database; for PostgreSQL use pg_dump or its own backups"));
  }
  if (file.empty())
    throw Problem::invalidField("to", core::Message::verbatim("the backup file is required"));
  if (fs::exists(file))
    throw Problem(ProblemKind::kConflict,
                  core::Message::verbatim(file + " exists: backup never overwrites a file"));
  db::requireCurrentSchema(db);
  const std::string partial = file + ".partial";
  removeWithSidecars(partial);
  BackupReport report;
  try {
    {
      auto source = open(db.where().path, SQLITE_OPEN_READONLY);
      auto target = open(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
      sq::sqlite3_backup* backup =
          sq::sqlite3_backup_init(target.get(), "main", source.get(), "main");
      if (backup == nullptr)
        throw std::runtime_error(std::string("cannot start the backup: ") +
                                 sq::sqlite3_errmsg(target.get()));
      // Every page in one step: one read snapshot of the source, so the copy is consistent;
      // writers go on meanwhile (WAL), and their later commits are simply not in it.
      int rc = SQLITE_OK;
      do {
        rc = sq::sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sq::sqlite3_sleep(50);
      } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
      report.pages = sq::sqlite3_backup_pagecount(backup);
      sq::sqlite3_backup_finish(backup);
      if (rc != SQLITE_DONE)
        throw std::runtime_error(std::string("the backup failed: ") + sq::sqlite3_errstr(rc));
    }
    verify(partial, report);
    // The check's connection closed last, so SQLite checkpointed its WAL into the file.
    if (fs::exists(partial + "-wal") && fs::file_size(partial + "-wal") > 0) {
      throw std::runtime_error("the backup's write-ahead log was not checkpointed");
    }
    fs::remove(partial + "-wal");
    fs::remove(partial + "-shm");
    fs::rename(partial, file);
  } catch (...) {
    removeWithSidecars(partial);
    throw;
  }
  report.bytes = static_cast<std::int64_t>(fs::file_size(file));
  return report;
}

}  // namespace citygrants::transfer
