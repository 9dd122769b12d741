#include "services/db/tx.h"

#include <stdexcept>

#include "services/db/group_commit.h"
#include "services/db/session_pool.h"
#include "services/db/shared_read.h"

namespace citygrants::db {
namespace {

// PostgreSQL: the fund's one writer, shared by every instance on the database — a
// transaction-scoped advisory lock, taken first by every write transaction and released by its
// COMMIT or ROLLBACK. Use cases then run one after another as on SQLite: the audit chain gets
// one order, and checks across rows (a call's budget, a grant's tranches) see every change
// committed before them. Reads take no lock. BEGIN, the lock and the audit head go in one round
// trip: this instance's writes wait for each other, and the other instances' for the lock, while
// it runs. The head is read after the lock is granted, in a statement of its own, so it is the
// head the last writer committed; the write's entries then chain on to it without reading it
// again (audit::appendAudit).
constexpr const char* kPostgresBeginWrite = "BEGIN; SELECT pg_advisory_xact_lock(4207001)";
constexpr const char* kPostgresBeginWriteReadingHead =
    "BEGIN; SELECT pg_advisory_xact_lock(4207001); "
    "SELECT last_seq, last_hash, identity_seq FROM audit_head WHERE id = 1";

// A read is one snapshot, as on SQLite: PostgreSQL's default (READ COMMITTED) would give each
// statement its own. A transaction that only reads never fails to serialize. Answers the audit
// head a write read.
std::optional<AuditHead> beginPostgres(Connection& conn, Tx::Opening opening) {
  switch (opening) {
    case Tx::Opening::kRead:
      conn.prepared("BEGIN ISOLATION LEVEL REPEATABLE READ").execute();
      return std::nullopt;
    case Tx::Opening::kSchemaWrite:
      conn.runScript(kPostgresBeginWrite);
      return std::nullopt;
    case Tx::Opening::kWrite:
      break;
  }
  const auto row = conn.runScript(kPostgresBeginWriteReadingHead);
  if (row.size() != 3) throw std::runtime_error("the audit head (audit_head, id 1) is missing");
  return AuditHead{std::stoll(row[0]), row[1], std::stoll(row[2])};
}

std::optional<AuditHead> begin(Connection& conn, Tx::Opening opening) {
  if (conn.dialect() == Dialect::kSqlite) {
    conn.prepared(opening == Tx::Opening::kRead ? "BEGIN" : "BEGIN IMMEDIATE").execute();
    return std::nullopt;
  }
  try {
    return beginPostgres(conn, opening);
  } catch (const soci::soci_error&) {
    // The server went away since this connection's last use (a restart, a failover): a new
    // connection, and BEGIN once more; nothing had been done yet.
    if (!conn.revive()) throw;
    return beginPostgres(conn, opening);
  }
}

}  // namespace

Tx::Tx(SessionPool& pool, Connection* conn, Opening opening)
    : pool_(&pool), conn_(conn), dialect_(conn->dialect()) {
  try {
    head_ = begin(*conn_, opening);
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
      group_(other.group_),
      head_(std::move(other.head_)) {
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
