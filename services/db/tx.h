#pragma once

#include <cstdint>
#include <string>

#include <soci/soci.h>

#include "services/db/connection.h"
#include "services/db/connection_string.h"
#include "services/db/prepared.h"

namespace citygrants::db {

class GroupCommit;
class SessionPool;
struct SharedRead;

// One use case's transaction. Rolls back in its destructor unless committed, so a thrown
// Problem leaves nothing half-written. A read, or a PostgreSQL write, is a transaction on a
// pooled connection; a SQLite write is a turn in the writer's open group (a SAVEPOINT, see
// GroupCommit), durable once its group is committed. Within a Database::ReadScope, a read joins
// the scope's one transaction: its commit ends nothing, and its rollback (or its end uncommitted)
// ends the scope's transaction once no other read joins it.
class Tx {
 public:
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

 private:
  friend class Database;
  friend class WriterThread;
  // On a connection lent by `pool`, given back when this ends: BEGIN for a read; for a write,
  // BEGIN IMMEDIATE (SQLite) or BEGIN and the writer lock (PostgreSQL).
  Tx(SessionPool& pool, Connection* conn, bool write);
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
};

}  // namespace citygrants::db
