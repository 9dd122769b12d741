#include "services/db/database.h"

#include <chrono>
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

Prepared::Prepared(soci::statement* kept, bool* in_use, std::unique_ptr<soci::statement> owned,
                   bool sqlite)
    : st_(kept != nullptr ? kept : owned.get()), in_use_(in_use), owned_(std::move(owned)), sqlite_(sqlite) {
  if (in_use_ != nullptr) *in_use_ = true;
}

Prepared::Prepared(Prepared&& other) noexcept
    : st_(other.st_), in_use_(other.in_use_), owned_(std::move(other.owned_)), sqlite_(other.sqlite_) {
  other.st_ = nullptr;
  other.in_use_ = nullptr;
}

Prepared::~Prepared() {
  if (st_ == nullptr || owned_) return;
  if (sqlite_) {
    auto* backend = static_cast<soci::sqlite3_statement_backend*>(st_->get_backend());
    if (backend != nullptr && backend->stmt_ != nullptr) sqlite_api::sqlite3_reset(backend->stmt_);
  }
  st_->bind_clean_up();
  if (in_use_ != nullptr) *in_use_ = false;
}

bool Prepared::execute() {
  st_->define_and_bind();
  return st_->execute(true);
}

Prepared Tx::prepared(const std::string& query) { return db_->prepared(*session_, query); }

// PostgreSQL: the fund's one writer turn, shared by every instance on the database — a
// transaction-scoped advisory lock, taken first by every write transaction and released by its
// COMMIT or ROLLBACK. Use cases then run one after another as on SQLite: the audit chain gets
// one order, and checks across rows (a call's budget, a grant's tranches) see every change
// committed before them. Reads take no lock.
constexpr const char* kPostgresWriterTurn = "SELECT pg_advisory_xact_lock(4207001)";

Tx::Tx(Database& db, soci::session* session, bool write)
    : db_(&db), session_(session), dialect_(db.dialect()) {
  try {
    if (dialect_ == Dialect::kSqlite) {
      db_->prepared(*session_, write ? "BEGIN IMMEDIATE" : "BEGIN").execute();
    } else {
      try {
        db_->prepared(*session_, "BEGIN").execute();
      } catch (const soci::soci_error&) {
        // The server went away since this session's last use (a restart, a failover): a new
        // connection, and BEGIN once more; nothing had been done yet.
        if (!db_->revive(*session_)) throw;
        db_->prepared(*session_, "BEGIN").execute();
      }
      if (write) db_->prepared(*session_, kPostgresWriterTurn).execute();
    }
  } catch (...) {
    if (dialect_ == Dialect::kPostgres && session_->get_backend() != nullptr) {
      try {
        *session_ << "ROLLBACK";  // BEGIN may have opened what the lock could not join
      } catch (...) {
      }
    }
    db_->release(session_);
    throw;
  }
}

Tx::Tx(Database& db, soci::session* writer, std::unique_lock<std::mutex> turn, std::uint64_t batch)
    : db_(&db), session_(writer), dialect_(db.dialect()), batch_(batch), turn_(std::move(turn)) {}

Tx::Tx(Database& db, soci::session* writer, std::uint64_t batch, OnWriterThread)
    : db_(&db), session_(writer), dialect_(db.dialect()), batch_(batch), on_writer_thread_(true) {}

Tx::Tx(Tx&& other) noexcept
    : db_(other.db_),
      session_(other.session_),
      dialect_(other.dialect_),
      open_(other.open_),
      batch_(other.batch_),
      turn_(std::move(other.turn_)),
      on_writer_thread_(other.on_writer_thread_) {
  other.session_ = nullptr;
  other.open_ = false;
}

Tx::~Tx() {
  if (session_ == nullptr) return;
  if (open_) {
    try {
      rollback();
    } catch (...) {
      // The session is broken, or the group failed; its next BEGIN will report the fault.
    }
  }
  if (batch_ == 0) db_->release(session_);
}

void Tx::commit() {
  if (batch_ == 0) {
    db_->prepared(*session_, "COMMIT").execute();
    open_ = false;
    return;
  }
  db_->prepared(*session_, "RELEASE SAVEPOINT use_case").execute();
  open_ = false;
  if (!on_writer_thread_) db_->endTurn(std::move(turn_), batch_);
}

void Tx::rollback() {
  open_ = false;
  if (batch_ == 0) {
    db_->prepared(*session_, "ROLLBACK").execute();
    return;
  }
  if (!on_writer_thread_ && !turn_.owns_lock()) return;  // the turn already ended
  try {
    db_->prepared(*session_, "ROLLBACK TO SAVEPOINT use_case").execute();
    db_->prepared(*session_, "RELEASE SAVEPOINT use_case").execute();
  } catch (...) {
    // SQLite may have rolled the whole group back (an I/O error): endTurn finds it gone.
  }
  if (!on_writer_thread_) db_->endTurn(std::move(turn_), batch_);
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
    statements_[s.get()] = std::make_unique<Statements>();
    sessions_.push_back(std::move(s));
  }
  if (where_.dialect == Dialect::kSqlite) {
    writer_session_ = std::make_unique<soci::session>(soci::sqlite3, where_.connect);
    configure(*writer_session_);
    statements_[writer_session_.get()] = std::make_unique<Statements>();
    if (options.checkpoint_every_ms > 0) {
      *writer_session_ << "PRAGMA wal_autocheckpoint=0";  // no commit stalls on a checkpoint
      checkpoint_session_ = std::make_unique<soci::session>(soci::sqlite3, where_.connect);
      configure(*checkpoint_session_);
      checkpointer_ = std::jthread([this, every = options.checkpoint_every_ms](std::stop_token stop) {
        checkpointLoop(stop, every);
      });
    }
  }
}

Database::~Database() {
  if (writer_thread_.joinable()) {
    writer_thread_.request_stop();
    jobs_queued_.notify_all();
    writer_thread_.join();
  }
  if (checkpointer_.joinable()) {
    checkpointer_.request_stop();
    checkpoint_wake_.notify_all();
    checkpointer_.join();
  }
  statements_.clear();  // before the sessions they were prepared on
}

void Database::checkpointLoop(std::stop_token stop, int every_ms) {
  std::unique_lock lock(checkpoint_mutex_);
  while (!stop.stop_requested()) {
    checkpoint_wake_.wait_for(lock, stop, std::chrono::milliseconds(every_ms), [] { return false; });
    if (stop.stop_requested()) break;
    try {
      // PASSIVE copies what no reader still needs and never waits for a lock.
      int busy = 0, log = 0, done = 0;
      *checkpoint_session_ << "PRAGMA wal_checkpoint(PASSIVE)", soci::into(busy), soci::into(log),
          soci::into(done);
    } catch (const std::exception&) {
      // A busy or failing checkpoint is tried again at the next tick; the WAL only grows meanwhile.
    }
  }
}

void Database::configure(soci::session& s) {
  if (where_.dialect == Dialect::kSqlite) {
    std::string mode;
    s << "PRAGMA journal_mode=WAL", soci::into(mode);
    s << "PRAGMA synchronous=FULL";
    s << "PRAGMA foreign_keys=ON";
    s << "PRAGMA busy_timeout=10000";
  } else {
    s << "SET client_min_messages TO WARNING";
    // No request waits forever: not for the writer turn another instance holds, nor for a
    // statement (the HTTP layer answers 503 for a database that does not answer in time).
    s << "SET lock_timeout = '10s'";
    s << "SET statement_timeout = '30s'";
  }
}

soci::session* Database::acquire() {
  soci::session* s = nullptr;
  {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty(); });
    s = idle_.back();
    idle_.pop_back();
  }
  if (where_.dialect == Dialect::kPostgres) {
    try {
      revive(*s);  // a session whose connection broke is connected again before it is lent
    } catch (...) {
      release(s);  // still down: the caller answers 503, and the next one tries again
      throw;
    }
  }
  return s;
}

bool Database::revive(soci::session& s) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(s.get_backend());
  // SOCI leaves no backend when a reconnect failed.
  if (backend != nullptr && PQstatus(backend->conn_) == CONNECTION_OK) return false;
  try {
    s.reconnect();
    configure(s);
  } catch (const soci::soci_error& e) {
    throw Unreachable(e.what());
  }
  return true;
}

bool Database::reachable() noexcept {
  try {
    auto tx = read();
    int one = 0;
    tx.sql() << "SELECT 1", soci::into(one);
    tx.commit();
    return one == 1;
  } catch (...) {
    return false;
  }
}

void Database::release(soci::session* s) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(s);
  }
  available_.notify_one();
}

Database::Generations Database::generations() {
  soci::session* s = acquire();
  Generations g;
  try {
    auto st = prepared(*s, "SELECT last_seq, identity_seq FROM audit_head WHERE id = 1");
    st.into(g.data).into(g.identity);
    st.execute();
  } catch (...) {
    release(s);
    throw;
  }
  release(s);
  return g;
}

Prepared Database::prepared(soci::session& session, const std::string& query) {
  // PostgreSQL: a one-time query, as `session << query` runs it (no server-side statement).
  const bool keep = where_.dialect == Dialect::kSqlite;
  auto fresh = [&] {
    auto st = std::make_unique<soci::statement>(session);
    st->alloc();
    st->prepare(query, keep ? soci::details::st_repeatable_query : soci::details::st_one_time_query);
    return st;
  };
  if (!keep) return Prepared(nullptr, nullptr, fresh(), false);
  auto& slot = (*statements_.at(&session))[query];
  if (slot.in_use) return Prepared(nullptr, nullptr, fresh(), true);  // nested use of one query
  if (!slot.statement) slot.statement = fresh();
  return Prepared(slot.statement.get(), &slot.in_use, nullptr, true);
}

Tx Database::read() { return Tx(*this, acquire(), false); }

}  // namespace citygrants::db
