#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <soci/soci.h>

#include "services/db/change_feed.h"
#include "services/db/connection_string.h"
#include "services/db/prepared.h"
#include "services/db/shared_read.h"
#include "services/db/tx.h"
#include "services/db/unreachable.h"

namespace citygrants::db {

class Checkpointer;
class GroupCommit;
class SessionPool;
class StatisticsKeeper;
class WriterThread;

// A database chosen by its connection string: the one way in for use cases. It owns a pool of
// connections for reads; on PostgreSQL one more connection for this instance's writes; on
// SQLite the writer — the group commit (GroupCommit), the writer thread (WriterThread) — and,
// if asked, a background WAL Checkpointer. SQLite connections run in WAL mode with
// synchronous=FULL, foreign keys on and a busy timeout (Connection).
class Database {
 public:
  struct Options {
    std::size_t pool_size = 4;
    bool create_if_missing = false;  // SQLite: create the file (only `migrate` should)
    // SQLite: checkpoint the WAL from a background thread this often (PASSIVE: writers and
    // readers go on meanwhile) instead of in the committing writer; 0 leaves it to SQLite's
    // automatic checkpoint in whichever commit crosses 1,000 pages. For long-lived servers.
    int checkpoint_every_ms = 0;
    // One read of the generations serves every request of this instance for this long, so that
    // a request does not pay a round trip (PostgreSQL) or a transaction of its own (SQLite: 12 %
    // of the CPU of a cached read) just to learn that nothing changed. Another instance's commit
    // (on SQLite, another process's: a command) is seen at most this late; this instance's own
    // at once (a write ends the sharing). 0: read for every request.
    int shared_generation_ms = 0;
    // SQLite: every this often, count the tables' rows and gather the planner's statistics again
    // when one has outgrown them (StatisticsKeeper); 0: only when refreshPlannerStatistics is
    // called. For long-lived servers.
    int statistics_every_ms = 0;
  };

  // Opens `pool_size` connections. Throws Problem(kNotFound) for a missing SQLite file unless
  // create_if_missing; soci::soci_error when the database cannot be opened.
  Database(const ConnectionString& where, Options options);
  ~Database();

  // Runs `work` as one write use case; `work` commits its Tx (or throws, and nothing of it is
  // written). Returns once the change is durable, or rethrows what `work` threw; throws when the
  // group it was in could not be committed.
  // SQLite: on the writer thread, as one turn in a group commit shared with the use cases
  // queued meanwhile (see GroupCommit); this thread sleeps until the group is durable.
  // PostgreSQL: in this thread, on the instance's write connection (one write at a time, never
  // queued behind reads for a pooled connection), in BEGIN and the writer lock
  // (pg_advisory_xact_lock) shared with the other instances, reading the audit head there (see
  // Tx::auditHead).
  // REQUIRES: `work` opens no other write (the writer is busy with `work` itself: such a write
  // throws std::logic_error); the schema is migrated (audit_head is read).
  void write(const std::function<void(Tx&)>& work);
  // write() for a change of the schema (migrations): on PostgreSQL it reads no audit head, which
  // the schema may not have yet.
  void writeSchema(const std::function<void(Tx&)>& work);
  // A read transaction: one consistent snapshot. Within a ReadScope on this thread, the scope's.
  Tx read();

  // One read transaction for what this thread reads while the scope lives (a request: its
  // authentication and its answer read one snapshot, and begin one transaction, not two).
  // read() on this thread joins it. A write on this thread ends it, so that what the thread
  // reads after its write sees the write: a read Tx alive across the write keeps the old
  // snapshot until it ends, and reads opened meanwhile get a transaction of their own. A scope
  // opened inside another one on the same thread does nothing.
  // REQUIRES: no Tx from read() outlives the scope.
  class ReadScope {
   public:
    explicit ReadScope(Database& db);
    ~ReadScope();
    ReadScope(const ReadScope&) = delete;
    ReadScope& operator=(const ReadScope&) = delete;

   private:
    SharedRead state_;
    bool active_ = false;  // false when nested in another scope of this thread
  };

  // The database generations, read in one row of the audit head. Every committed use case
  // appends to the audit chain, on any instance, so an unchanged `data` (audit_head.last_seq)
  // means nothing a reader can see has changed; `identity` (audit_head.identity_seq) moves only
  // with audited changes to users, roles, sessions and API tokens. GenerationCache's keys.
  struct Generations {
    std::int64_t data = 0;
    std::int64_t identity = 0;
  };
  // Catches the change feed up to the generation it read.
  Generations generations();
  // Whether a read() on this thread now would join the transaction its ReadScope already began:
  // then what it reads may be older than generations() read now, and an answer kept under those
  // would hide a change committed in between.
  bool snapshotOpen() const;
  // What changed, by record, up to the last generations() (see ChangeFeed).
  const ChangeFeed& changes() const { return changes_; }

  // SQLite: gathers the query planner's statistics (ANALYZE); without them it may pick an index
  // that does not give a list page's order. Every row is read: a sample (analysis_limit) reads
  // an index's first rows, which at 100,000 proposals all had the fund's first call, and SQLite
  // took the call for a filter of 1,000 rows and sorted the whole fund for every unfiltered page
  // (70 ms). It took 1.3 s at 100,000 proposals (0.7 s of CPU), as a write: the other writes
  // wait for it. Each pooled connection is opened again the next time it is lent, to plan with
  // them. At a server's start, every table; when StatisticsKeeper finds tables outgrew them,
  // only `tables` (the other tables' statistics stay as they were). PostgreSQL gathers its own
  // (autovacuum).
  void refreshPlannerStatistics(const std::vector<std::string>& tables = {});

  Dialect dialect() const { return where_.dialect; }
  const ConnectionString& where() const { return where_; }
  // Whether a connection answers a trivial query now (after an error, to tell an outage from a
  // fault of the request). Never throws.
  bool reachable() noexcept;
  // SQLite: the groups of writes ended so far (each one commit, one fsync); 0 on PostgreSQL.
  std::uint64_t writeGroups();

 private:
  // Throws std::logic_error when this thread holds the writer: a use case opening another
  // write would wait for itself forever.
  void refuseNestedWrite();
  void write(const std::function<void(Tx&)>& work, Tx::Opening opening);
  // Catches the change feed up to `head`: on SQLite from `pooled`; on PostgreSQL from feed_, a
  // connection of its own that keeps generic plans (see ChangeFeed::catchUp).
  void catchUp(Connection& pooled, std::int64_t head);

  ConnectionString where_;
  int shared_generation_ms_ = 0;
  ChangeFeed changes_;
  std::mutex shared_mutex_;           // guards the five below
  Generations shared_;                // the last generations read, and when (steady ms)
  std::int64_t shared_read_at_ = -1;  // -1: read again
  std::uint64_t writes_ = 0;          // this instance's commits so far
  bool reading_ = false;              // a read of the generations is under way...
  std::uint64_t reading_since_ = 0;   // ...begun when writes_ was this
  std::condition_variable shared_read_done_;
  std::unique_ptr<SessionPool> pool_;
  std::unique_ptr<SessionPool> write_pool_;           // PostgreSQL: one connection, for writes
  std::mutex feed_mutex_;                             // PostgreSQL: guards feed_
  std::unique_ptr<Connection> feed_;                  // PostgreSQL: the change feed's catch-up
  std::atomic<std::thread::id> pg_writing_thread_{};  // PostgreSQL: who writes on it now
  std::unique_ptr<GroupCommit> groups_;         // SQLite
  std::unique_ptr<Checkpointer> checkpointer_;  // SQLite, with checkpoint_every_ms
  std::unique_ptr<WriterThread> writer_;        // SQLite; stopped and joined before the above
  std::unique_ptr<StatisticsKeeper> statistics_;  // SQLite; last: it writes, stopped first
};

}  // namespace citygrants::db
