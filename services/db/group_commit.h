#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <set>

#include "services/db/connection.h"
#include "services/db/connection_string.h"
#include "services/db/writer_lock.h"

namespace citygrants::db {

// Two words, used the same way throughout services/db:
//   group — several write use cases committed together in one BEGIN IMMEDIATE ... COMMIT (one
//           fsync). Each use case is a SAVEPOINT in it: one that fails rolls back to its
//           savepoint alone, and the others still commit.
//   turn  — one use case's exclusive time on the writer connection, from its SAVEPOINT to its
//           RELEASE (or ROLLBACK TO).
//
// The SQLite group commit. SQLite has one writer: this process writes on one connection of its
// own, given to one thread at a time by a WriterLock (other processes still meet BEGIN
// IMMEDIATE and the busy timeout), and the holder of the writer takes turns in the open group.
// The holder is the writer thread (WriterThread): it commits a group when no use case is queued
// to join it, or when it is full; each of its use cases learns from the group's record whether
// it was committed.
class GroupCommit {
 public:
  // Opens the writer connection. `background_checkpoints`: no checkpoint in the committing
  // writer (a Checkpointer does it).
  GroupCommit(const ConnectionString& where, bool background_checkpoints);

  Connection& connection() { return writer_; }
  // Waits for the writer and takes it.
  std::unique_lock<WriterLock> take() { return std::unique_lock(lock_); }
  // Whether the calling thread holds the writer (a write it opened now would wait for itself).
  bool heldByThisThread() const { return lock_.heldByThisThread(); }

  // Opens a group unless one is open (BEGIN IMMEDIATE; when that throws, nothing is open) and
  // counts one more use case in it. Returns the open group. REQUIRES: the writer.
  std::uint64_t join();
  // After a turn on the writer thread: records the open group failed if SQLite rolled it back
  // (a full disk), commits it if it is full. REQUIRES: the writer.
  void settle();
  // Commits the open group, if any. REQUIRES: the writer.
  void commitOpen();
  // Throws when `group` could not be committed. REQUIRES: `group` has ended.
  void requireCommitted(std::uint64_t group);

  // Every group up to this one has ended (committed, or failed).
  std::uint64_t groupsEnded() const { return groups_ended_.load(); }
  // Waits until `done()` holds, checked under the lock record() takes and whenever a group ends.
  template <class Done>
  void waitUntil(Done done) {
    // A condition variable: std::atomic::wait would spin on sched_yield first, taking the cores
    // the writer needs.
    std::unique_lock lock(ended_mutex_);
    group_ended_.wait(lock, done);
  }
  // Runs `change` under that lock; then wakes every waiter if `wake`.
  template <class Change>
  void record(Change change, bool wake) {
    {
      std::lock_guard lock(ended_mutex_);
      change();
    }
    if (wake) group_ended_.notify_all();
  }

 private:
  // Whether the writer connection is inside a transaction (SQLite rolls a whole transaction back
  // by itself on some errors, such as a full disk).
  bool inTransaction();
  // Commits `group` and ends it; what the commit threw (the group then rolled back), else null.
  // REQUIRES: the writer.
  std::exception_ptr commitGroup(std::uint64_t group);
  // Records `group` ended (committed, or failed) and wakes its waiters. REQUIRES: the writer.
  void finishGroup(std::uint64_t group, bool failed);

  Connection writer_;
  WriterLock lock_;  // the writer; guards the three below
  bool group_open_ = false;
  std::uint64_t group_ = 0;      // the open (or last) group
  int use_cases_ = 0;            // in the open group
  std::atomic<std::uint64_t> groups_ended_{0};
  std::mutex ended_mutex_;
  std::condition_variable group_ended_;
  std::mutex failed_mutex_;  // guards failed_groups_
  std::set<std::uint64_t> failed_groups_;
  std::atomic<bool> any_failed_{false};
};

}  // namespace citygrants::db
