#include "services/db/database.h"

#include <filesystem>
#include <mutex>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include "modules/core/problem.h"

namespace citygrants::db {
namespace {

// Once per process, before SQLite opens its first connection: no global memory statistics
// (their mutex, taken on every allocation, serialised all readers), and no per-connection
// mutex (the pool hands each connection to one thread at a time).
void configureSqliteLibrary() {
  static std::once_flag once;
  std::call_once(once, [] {
    // soci-sqlite3.h wraps sqlite3.h in namespace sqlite_api.
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
  });
}

}  // namespace

Tx::Tx(Database& db, soci::session* session, bool write, std::unique_lock<std::mutex> writer)
    : db_(&db), session_(session), dialect_(db.dialect()), writer_(std::move(writer)) {
  try {
    if (dialect_ == Dialect::kSqlite) {
      *session_ << (write ? "BEGIN IMMEDIATE" : "BEGIN");
    } else {
      *session_ << "BEGIN";
    }
  } catch (...) {
    db_->release(session_);
    throw;
  }
}

Tx::Tx(Tx&& other) noexcept
    : db_(other.db_),
      session_(other.session_),
      dialect_(other.dialect_),
      open_(other.open_),
      writer_(std::move(other.writer_)) {
  other.session_ = nullptr;
  other.open_ = false;
}

Tx::~Tx() {
  if (session_ == nullptr) return;
  if (open_) {
    try {
      rollback();
    } catch (...) {
      // The session is broken; it is still returned, and its next BEGIN will report the fault.
    }
  }
  db_->release(session_);
  // writer_ unlocks when the members are destroyed, after the rollback above.
}

void Tx::commit() {
  *session_ << "COMMIT";
  open_ = false;
  if (writer_.owns_lock()) writer_.unlock();
}

void Tx::rollback() {
  open_ = false;
  *session_ << "ROLLBACK";
  if (writer_.owns_lock()) writer_.unlock();
}

Database::Database(const ConnectionString& where, Options options) : where_(where) {
  if (where_.dialect == Dialect::kSqlite && !options.create_if_missing &&
      !std::filesystem::exists(where_.path)) {
    throw core::Problem(core::ProblemKind::kNotFound,
                        "database file " + where_.path + " does not exist (run `citygrants migrate` first)");
  }
  if (where_.dialect == Dialect::kSqlite) configureSqliteLibrary();
  const std::size_t n = options.pool_size == 0 ? 1 : options.pool_size;
  for (std::size_t i = 0; i < n; ++i) {
    auto s = where_.dialect == Dialect::kSqlite
                 ? std::make_unique<soci::session>(soci::sqlite3, where_.connect)
                 : std::make_unique<soci::session>(soci::postgresql, where_.connect);
    configure(*s);
    idle_.push_back(s.get());
    sessions_.push_back(std::move(s));
  }
}

Database::~Database() = default;

void Database::configure(soci::session& s) {
  if (where_.dialect == Dialect::kSqlite) {
    std::string mode;
    s << "PRAGMA journal_mode=WAL", soci::into(mode);
    s << "PRAGMA synchronous=FULL";
    s << "PRAGMA foreign_keys=ON";
    s << "PRAGMA busy_timeout=10000";
  } else {
    s << "SET client_min_messages TO WARNING";
  }
}

soci::session* Database::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !idle_.empty(); });
  auto* s = idle_.back();
  idle_.pop_back();
  return s;
}

void Database::release(soci::session* s) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(s);
  }
  available_.notify_one();
}

Tx Database::write() {
  // The writer lock first, then a session: queued writers must not hold the readers' sessions.
  std::unique_lock<std::mutex> writer;
  if (where_.dialect == Dialect::kSqlite) writer = std::unique_lock(writer_mutex_);
  return Tx(*this, acquire(), true, std::move(writer));
}

std::int64_t Database::generation() {
  soci::session* s = acquire();
  long long seq = 0;
  try {
    *s << "SELECT last_seq FROM audit_head WHERE id = 1", soci::into(seq);
  } catch (...) {
    release(s);
    throw;
  }
  release(s);
  return seq;
}

Tx Database::read() { return Tx(*this, acquire(), false, {}); }

}  // namespace citygrants::db
