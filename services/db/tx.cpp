#include "services/db/tx.h"

#include "services/db/group_commit.h"
#include "services/db/session_pool.h"
#include "services/db/shared_read.h"

namespace citygrants::db {
namespace {

// PostgreSQL: the fund's one writer, shared by every instance on the database — a
// transaction-scoped advisory lock, taken first by every write transaction and released by its
// COMMIT or ROLLBACK. Use cases then run one after another as on SQLite: the audit chain gets
// one order, and checks across rows (a call's budget, a grant's tranches) see every change
// committed before them. Reads take no lock. BEGIN and the lock go in one round trip: this
// instance's writes wait for each other, and the other instances' for the lock, while it runs.
constexpr const char* kPostgresBeginWrite = "BEGIN; SELECT pg_advisory_xact_lock(4207001)";

// A read is one snapshot, as on SQLite: PostgreSQL's default (READ COMMITTED) would give each
// statement its own. A transaction that only reads never fails to serialize.
void beginPostgres(Connection& conn, bool write) {
  if (write) {
    conn.runScript(kPostgresBeginWrite);
  } else {
    conn.prepared("BEGIN ISOLATION LEVEL REPEATABLE READ").execute();
  }
}

void begin(Connection& conn, bool write) {
  if (conn.dialect() == Dialect::kSqlite) {
    conn.prepared(write ? "BEGIN IMMEDIATE" : "BEGIN").execute();
    return;
  }
  try {
    beginPostgres(conn, write);
  } catch (const soci::soci_error&) {
    // The server went away since this connection's last use (a restart, a failover): a new
    // connection, and BEGIN once more; nothing had been done yet.
    if (!conn.revive()) throw;
    beginPostgres(conn, write);
  }
}

}  // namespace

Tx::Tx(SessionPool& pool, Connection* conn, bool write)
    : pool_(&pool), conn_(conn), dialect_(conn->dialect()) {
  try {
    begin(*conn_, write);
  } catch (...) {
    if (dialect_ == Dialect::kPostgres && conn_->sql().get_backend() != nullptr) {
      try {
        conn_->sql() << "ROLLBACK";  // BEGIN may have opened what the lock could not join
      } catch (...) {
      }
    }
    pool_->release(conn_);
    throw;
  }
}

Tx::Tx(GroupCommit& groups, std::uint64_t group)
    : groups_(&groups), conn_(&groups.connection()), dialect_(Dialect::kSqlite), group_(group) {}

Tx::Tx(SharedRead& shared)
    : shared_(&shared), conn_(shared.tx->conn_), dialect_(shared.tx->dialect_) {
  ++shared.joined;
}

Tx::Tx(Tx&& other) noexcept
    : pool_(other.pool_),
      groups_(other.groups_),
      shared_(other.shared_),
      conn_(other.conn_),
      dialect_(other.dialect_),
      open_(other.open_),
      group_(other.group_) {
  other.conn_ = nullptr;
  other.open_ = false;
}

Tx::~Tx() {
  if (conn_ == nullptr) return;
  if (shared_ != nullptr) {
    if (open_) rollback();
    shared_->leave();
    return;
  }
  if (open_) {
    try {
      rollback();
    } catch (...) {
      // The connection is broken, or the group failed; its next BEGIN will report the fault.
    }
  }
  if (group_ == 0) pool_->release(conn_);
}

void Tx::commit() {
  if (shared_ != nullptr) {  // the scope's transaction goes on for its other reads
    open_ = false;
    return;
  }
  if (group_ == 0) {
    conn_->prepared("COMMIT").execute();
    open_ = false;
    return;
  }
  conn_->prepared("RELEASE SAVEPOINT use_case").execute();
  open_ = false;
}

void Tx::rollback() {
  open_ = false;
  if (shared_ != nullptr) {  // on PostgreSQL a failed statement aborts the whole transaction
    shared_->stale = true;
    return;
  }
  if (group_ == 0) {
    conn_->prepared("ROLLBACK").execute();
    return;
  }
  try {
    conn_->prepared("ROLLBACK TO SAVEPOINT use_case").execute();
    conn_->prepared("RELEASE SAVEPOINT use_case").execute();
  } catch (...) {
    // SQLite may have rolled the whole group back (an I/O error): GroupCommit::settle finds it
    // gone.
  }
}

}  // namespace citygrants::db
