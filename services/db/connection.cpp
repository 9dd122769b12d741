#include "services/db/connection.h"

#include <mutex>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "services/db/unreachable.h"

namespace citygrants::db {
namespace {

// Once per process, before SQLite opens its first connection: no global memory statistics
// (their mutex, taken on every allocation, serialised all readers), no per-connection mutex
// (each connection is used by one thread at a time), and a use case's savepoint journal kept in
// memory.
void configureSqliteLibrary() {
  // The savepoint journal holds the pages a statement changed that were there before it (its
  // rollback alone, group_commit.h). Past SQLite's default of 64 KiB it went to a temporary file,
  // created, written and deleted in nearly every write transaction: a fifth of the CPU of a
  // proposal's use cases. It is never spilled: SQLite 3.40.1 fails a statement whose journal
  // spills past any threshold but the default one ("database or disk is full", after a
  // zero-length write to the new file), as one UPDATE of 10 MB of rows did with 4 MiB
  // (database_write_test). Its memory is what one statement changes: `citygrants migrate`
  // running migration 0022 on 100,000 proposals peaks at 71 MB.
  constexpr int kNeverSpill = -1;
  static std::once_flag once;
  std::call_once(once, [] {
    // soci-sqlite3.h wraps sqlite3.h in namespace sqlite_api.
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, kNeverSpill);
  });
}

std::unique_ptr<soci::session> open(const ConnectionString& where) {
  if (where.dialect == Dialect::kPostgres) {
    return std::make_unique<soci::session>(soci::postgresql, where.connect);
  }
  configureSqliteLibrary();
  return std::make_unique<soci::session>(soci::sqlite3, where.connect);
}

}  // namespace

Connection::Connection(const ConnectionString& where, Plans plans)
    : dialect_(where.dialect),
      plans_(plans),
      durable_(where.durable),
      session_(open(where)),
      statements_(*session_, dialect_) {
  configure();
}

void Connection::configure() {
  auto& s = *session_;
  if (dialect_ == Dialect::kSqlite) {
    std::string mode;
    s << "PRAGMA journal_mode=WAL", soci::into(mode);
    s << (durable_ ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=OFF");
    s << "PRAGMA foreign_keys=ON";
    s << "PRAGMA busy_timeout=10000";
  } else {
    s << "SET client_min_messages TO WARNING";
    // No request waits forever: not for the writer lock another instance holds, nor for a
    // statement (the HTTP layer answers 503 for a database that does not answer in time).
    s << "SET lock_timeout = '10s'";
    s << "SET statement_timeout = '30s'";
    if (plans_ == Plans::kGeneric) {
      s << "SET plan_cache_mode = force_generic_plan";
      s << "SET jit = off";
    }
  }
}

std::vector<std::string> Connection::runScript(const char* statements) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(session_->get_backend());
  if (backend == nullptr) throw soci::soci_error("the connection to the database is closed");
  PGresult* result = PQexec(backend->conn_, statements);
  const auto status = result == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(result);
  const std::string error =
      result == nullptr ? PQerrorMessage(backend->conn_) : PQresultErrorMessage(result);
  std::vector<std::string> row;
  if (status == PGRES_TUPLES_OK && PQntuples(result) > 0) {
    for (int i = 0; i < PQnfields(result); ++i) row.emplace_back(PQgetvalue(result, 0, i));
  }
  PQclear(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw soci::soci_error(error);
  return row;
}

bool Connection::revive() {
  auto* backend = static_cast<soci::postgresql_session_backend*>(session_->get_backend());
  // SOCI leaves no backend when a reconnect failed.
  if (backend != nullptr && PQstatus(backend->conn_) == CONNECTION_OK) return false;
  statements_.forget();  // prepared on the session that broke
  try {
    session_->reconnect();
    configure();
  } catch (const soci::soci_error& e) {
    throw Unreachable(e.what());
  }
  return true;
}

}  // namespace citygrants::db
