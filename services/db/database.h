#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "services/db/connection_string.h"

namespace citygrants::db {

class Database;

// One transaction on a pooled session. Rolls back in its destructor unless committed, so a
// thrown Problem leaves nothing half-written.
class Tx {
 public:
  Tx(Tx&& other) noexcept;
  Tx& operator=(Tx&&) = delete;
  Tx(const Tx&) = delete;
  ~Tx();

  soci::session& sql() { return *session_; }
  Dialect dialect() const { return dialect_; }
  // REQUIRES: not yet committed or rolled back.
  void commit();
  void rollback();

 private:
  friend class Database;
  Tx(Database& db, soci::session* session, bool write, std::unique_lock<std::mutex> writer);
  Database* db_;
  soci::session* session_;
  Dialect dialect_;
  bool open_ = true;
  std::unique_lock<std::mutex> writer_;  // SQLite: this process's one writer
};

// A database chosen by its connection string, with a small pool of sessions.
// SQLite sessions run in WAL mode with synchronous=FULL, foreign keys on and a busy timeout.
class Database {
 public:
  struct Options {
    std::size_t pool_size = 4;
    bool create_if_missing = false;  // SQLite: create the file (only `migrate` should)
  };

  // Opens `pool_size` sessions. Throws Problem(kNotFound) for a missing SQLite file unless
  // create_if_missing; soci::soci_error when the database cannot be opened.
  Database(const ConnectionString& where, Options options);
  ~Database();

  // A write transaction: BEGIN IMMEDIATE on SQLite (no upgrade deadlocks), BEGIN on PostgreSQL.
  Tx write();
  // A read transaction: one consistent snapshot.
  Tx read();

  // The database generation: the count of audited changes (audit_head.last_seq). Every
  // committed use case appends to the audit chain, on any instance, so an unchanged generation
  // means nothing a reader can see has changed. What GenerationCache is keyed by.
  std::int64_t generation();

  Dialect dialect() const { return where_.dialect; }
  const ConnectionString& where() const { return where_; }

 private:
  friend class Tx;
  soci::session* acquire();
  void release(soci::session* s);
  void configure(soci::session& s);

  ConnectionString where_;
  std::vector<std::unique_ptr<soci::session>> sessions_;
  std::vector<soci::session*> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
  // SQLite has one writer. Writers of this process queue here, woken in turn, instead of
  // polling SQLite's busy handler (which sleeps in growing steps); other processes still
  // meet BEGIN IMMEDIATE and the busy timeout.
  std::mutex writer_mutex_;
};

}  // namespace citygrants::db
