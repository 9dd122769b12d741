#pragma once

#include <atomic>
#include <condition_variable>
#include <thread>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <soci/soci.h>

#include "services/db/connection_string.h"
#include "services/db/prepared.h"

namespace citygrants::db {

class Database;

// The database cannot be reached (refused, timed out, the connection lost), whatever words the
// driver used: the HTTP layer answers 503, and the next request tries again.
class Unreachable : public soci::soci_error {
 public:
  using soci::soci_error::soci_error;
  error_category get_error_category() const override { return connection_error; }
};

// One use case's transaction. Rolls back in its destructor unless committed, so a thrown
// Problem leaves nothing half-written. A read runs on a pooled session; a SQLite write is a
// savepoint in the writer session's group commit (see Database::write); commit() returns once
// the change is durable (on the writer thread, inWriter does).
class Tx {
 public:
  Tx(Tx&& other) noexcept;
  Tx& operator=(Tx&&) = delete;
  Tx(const Tx&) = delete;
  ~Tx();

  soci::session& sql() { return *session_; }
  Dialect dialect() const { return dialect_; }
  // `query` as a statement this session keeps prepared (SQLite; on PostgreSQL it is prepared
  // for this use only). For the queries every request runs; `query` must be a constant text
  // (it keys the cache), never one built from input.
  Prepared prepared(const std::string& query);
  // REQUIRES: not yet committed or rolled back.
  void commit();
  void rollback();

 private:
  friend class Database;
  Tx(Database& db, soci::session* session, bool write);                              // pooled
  Tx(Database& db, soci::session* writer, std::unique_lock<std::mutex> turn, std::uint64_t batch);  // batched
  struct OnWriterThread {};
  Tx(Database& db, soci::session* writer, std::uint64_t batch, OnWriterThread);  // Database::inWriter
  Database* db_;
  soci::session* session_;
  Dialect dialect_;
  bool open_ = true;
  std::uint64_t batch_ = 0;             // SQLite writes: the group commit this savepoint is in
  std::unique_lock<std::mutex> turn_;  // SQLite writes: this process's one writer turn
  bool on_writer_thread_ = false;       // the turn is the writer thread's, which ends it
};

// A database chosen by its connection string, with a small pool of sessions.
// SQLite sessions run in WAL mode with synchronous=FULL, foreign keys on and a busy timeout.
class Database {
 public:
  struct Options {
    std::size_t pool_size = 4;
    bool create_if_missing = false;  // SQLite: create the file (only `migrate` should)
    // SQLite: checkpoint the WAL from a background thread this often (PASSIVE: writers and
    // readers go on meanwhile) instead of in the committing writer; 0 leaves it to SQLite's
    // automatic checkpoint in whichever commit crosses 1,000 pages. For long-lived servers.
    int checkpoint_every_ms = 0;
  };

  // Opens `pool_size` sessions. Throws Problem(kNotFound) for a missing SQLite file unless
  // create_if_missing; soci::soci_error when the database cannot be opened.
  Database(const ConnectionString& where, Options options);
  ~Database();

  // A write transaction. PostgreSQL: BEGIN on a pooled session. SQLite (one writer at a time):
  // a turn of this process's writer session, as a SAVEPOINT inside a group commit — one
  // BEGIN IMMEDIATE ... COMMIT (one fsync) for the use cases that queued for their turn while it
  // was open. A use case that fails rolls back to its savepoint alone; commit() returns when
  // the group is durable, and throws if the group could not be committed.
  Tx write();
  // Runs `work` as one write use case; `work` commits its Tx (or throws, and nothing of it is
  // written). SQLite: on the writer thread, which runs the use cases queued for it one after
  // another in one turn and one group commit (no hand-over of the turn between threads);
  // returns once the group is durable, or rethrows what `work` threw. PostgreSQL: in this
  // thread, in write(). REQUIRES: `work` opens no other write transaction (on SQLite the writer
  // thread holds the turn it would wait for).
  void inWriter(const std::function<void(Tx&)>& work);
  // A read transaction: one consistent snapshot.
  Tx read();

  // The database generations, read in one row of the audit head. Every committed use case
  // appends to the audit chain, on any instance, so an unchanged `data` (audit_head.last_seq)
  // means nothing a reader can see has changed; `identity` (audit_head.identity_seq) moves only
  // with audited changes to users, roles, sessions and API tokens. What GenerationCache is keyed by.
  struct Generations {
    std::int64_t data = 0;
    std::int64_t identity = 0;
  };
  Generations generations();

  Dialect dialect() const { return where_.dialect; }
  const ConnectionString& where() const { return where_; }
  // Whether a session answers a trivial query now (after an error, to tell an outage from a
  // fault of the request). Never throws.
  bool reachable() noexcept;
  // SQLite: the groups of writes opened so far (each one commit, one fsync).
  std::uint64_t writeGroups() {
    return batches_ended_.load();
  }
  // A statement `session` keeps prepared for `query`. REQUIRES: the caller holds the session.
  Prepared prepared(soci::session& session, const std::string& query);

 private:
  friend class Tx;
  soci::session* acquire();
  // PostgreSQL: connects `s` again when its connection is broken (answers whether it did);
  // throws soci::soci_error while the server is still unreachable.
  bool revive(soci::session& s);
  void release(soci::session* s);
  void configure(soci::session& s);

  ConnectionString where_;
  std::vector<std::unique_ptr<soci::session>> sessions_;
  // Each session's prepared statements by query; the outer map is fixed once constructed, an
  // inner one is used only by the thread holding its session.
  struct Kept {
    std::unique_ptr<soci::statement> statement;
    bool in_use = false;
  };
  using Statements = std::unordered_map<std::string, Kept>;
  std::unordered_map<soci::session*, std::unique_ptr<Statements>> statements_;
  std::vector<soci::session*> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
  // SQLite has one writer. Writers of this process queue for turns on writer_session_, instead
  // of polling SQLite's busy handler; other processes still meet BEGIN IMMEDIATE and the busy
  // timeout.
  void endTurn(std::unique_lock<std::mutex> turn, std::uint64_t batch);
  // Commits group `batch` and finishes it; what the commit threw (the group then rolled back),
  // else null. REQUIRES: the turn.
  std::exception_ptr commitGroup(std::uint64_t batch);
  // Marks group `batch` ended (committed, or failed) and wakes its writers. REQUIRES: the turn.
  void finishGroup(std::uint64_t batch, bool failed);
  // Throws when group `batch` could not be committed.
  void requireCommitted(std::uint64_t batch);
  // The writer thread (inWriter, SQLite): use cases queued, run in turns of their own.
  struct Job {
    const std::function<void(Tx&)>* work = nullptr;
    std::exception_ptr error;
    std::uint64_t batch = 0;  // the group it ran in (0: none was open)
    bool done = false;        // guarded by ended_mutex_
  };
  void writerLoop(std::stop_token stop);
  void runJobs();
  void runJob(Job& job);
  std::mutex jobs_mutex_;
  std::condition_variable_any jobs_queued_;
  std::deque<Job*> jobs_;
  std::once_flag writer_started_;
  std::unique_ptr<soci::session> writer_session_;
  std::mutex writer_mutex_;              // one turn at a time; guards the three below
  bool batch_open_ = false;
  std::uint64_t batch_ = 0;              // the open (or last) group's number
  int turns_ = 0;                        // turns in the open group
  std::atomic<int> writers_waiting_{0};  // threads queued for a turn
  // Every group up to this one is committed or failed. Its waiters sleep on group_ended_
  // (std::atomic::wait would spin on sched_yield first, taking the cores the writer needs).
  std::atomic<std::uint64_t> batches_ended_{0};
  std::mutex ended_mutex_;
  std::condition_variable group_ended_;
  std::mutex failed_mutex_;  // guards failed_batches_
  std::set<std::uint64_t> failed_batches_;
  std::atomic<bool> any_failed_{false};
  // The background checkpointer (Options::checkpoint_every_ms) and its own connection.
  void checkpointLoop(std::stop_token stop, int every_ms);
  std::unique_ptr<soci::session> checkpoint_session_;
  std::mutex checkpoint_mutex_;
  std::condition_variable_any checkpoint_wake_;
  std::jthread checkpointer_;  // stopped and joined first
  std::jthread writer_thread_;  // inWriter's; stopped and joined first
};

}  // namespace citygrants::db
