#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <soci/soci.h>

#include "services/db/connection.h"
#include "services/db/connection_string.h"
#include "services/db/prepared.h"

namespace citygrants::db {

class GroupCommit;
class SessionPool;
struct SharedRead;

// The audit chain's head (audit_head's one row) as a PostgreSQL write read it, in the round trip
// of its BEGIN and the writer lock, then moved by the write's own entries (audit::appendAudit):
// under the lock no other writer moves it.
struct AuditHead {
  std::int64_t seq = 0;       // last_seq
  std::string hash;           // last_hash
  std::int64_t identity = 0;  // identity_seq
};

// One use case's transaction. Rolls back in its destructor unless committed, so a thrown
// Problem leaves nothing half-written. A read, or a PostgreSQL write, is a transaction on a
// pooled connection; a SQLite write is a turn in the writer's open group (a SAVEPOINT, see
// GroupCommit), durable once its group is committed. Within a Database::ReadScope, a read joins
// the scope's one transaction: its commit ends nothing, and its rollback (or its end uncommitted)
// ends the scope's transaction once no other read joins it.
class Tx {
 public:
  // How a pooled transaction begins (Database opens them), on SQLite; on PostgreSQL.
  enum class Opening {
    kRead,         // BEGIN; BEGIN ISOLATION LEVEL REPEATABLE READ
    kWrite,        // BEGIN IMMEDIATE; BEGIN, the writer lock and the audit head, in one round trip
    kSchemaWrite,  // BEGIN IMMEDIATE; BEGIN and the writer lock (see auditHead)
  };

  Tx(Tx&& other) noexcept;
  Tx& operator=(Tx&&) = delete;
  Tx(const Tx&) = delete;
  ~Tx();

  soci::session& sql() { return conn_->sql(); }
  Dialect dialect() const { return dialect_; }
  // `query` as a statement this connection keeps prepared (SQLite; on PostgreSQL it is
  // prepared for this use only). For the queries every request runs; `query` must be a
  // constant text (it keys the cache), never one built from input.
  Prepared prepared(const std::string& query) { return conn_->prepared(query); }
  // REQUIRES: not yet committed or rolled back.
  void commit();
  void rollback();
  // A PostgreSQL write's audit head (see AuditHead); nullptr for a read, an SQLite write (whose
  // appends read the head themselves: no round trip to save) and a schema change (migrations
  // run before audit_head has its columns).
  AuditHead* auditHead() { return head_ ? &*head_ : nullptr; }

 private:
  friend class Database;
  friend class WriterThread;
  // On a connection lent by `pool`, given back when this ends.
  Tx(SessionPool& pool, Connection* conn, Opening opening);
  // A turn on the writer thread, in `group` (a SAVEPOINT it opened): the writer thread ends it.
  Tx(GroupCommit& groups, std::uint64_t group);
  // A read joining the transaction of `shared` (shared.tx, open).
  explicit Tx(SharedRead& shared);

  SessionPool* pool_ = nullptr;    // pooled: where the connection goes back
  GroupCommit* groups_ = nullptr;  // SQLite writes: the group commit this turn is in
  SharedRead* shared_ = nullptr;   // a read joining a ReadScope's transaction
  Connection* conn_;
  Dialect dialect_;
  bool open_ = true;
  std::uint64_t group_ = 0;  // SQLite writes: the group this savepoint is in
  std::optional<AuditHead> head_;  // PostgreSQL writes (Opening::kWrite)
};

}  // namespace citygrants::db
