#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>

#include "services/db/group_commit.h"
#include "services/db/tx.h"

namespace citygrants::db {

// The SQLite writer thread: the write use cases queued by Database::write(work) run here, one
// turn after another in the open group (no hand-over of the writer between threads, ~20 us of
// wake-up each); when the queue is empty the group is committed, unless a thread waits for the
// writer and joins it. Each caller sleeps until its group has ended. Started by the first use
// case; stopped when destroyed, failing what is still queued with Unreachable.
class WriterThread {
 public:
  explicit WriterThread(GroupCommit& groups) : groups_(groups) {}
  WriterThread(const WriterThread&) = delete;
  WriterThread& operator=(const WriterThread&) = delete;
  ~WriterThread();

  // Runs `work` as one use case on the writer thread; `work` commits its Tx (or throws, and
  // nothing of it is written). Returns once the group is durable; rethrows what `work` threw;
  // throws when the group could not be committed.
  // REQUIRES: not called on the writer thread (see Database::write).
  void run(const std::function<void(Tx&)>& work);

 private:
  struct Job {
    const std::function<void(Tx&)>* work = nullptr;
    std::exception_ptr error;
    std::uint64_t group = 0;  // the group it ran in (0: none could be opened)
    bool done = false;        // guarded by GroupCommit::record's lock
  };
  void loop(std::stop_token stop);
  void runQueued();
  void runOne(Job& job);
  void failQueued();

  GroupCommit& groups_;
  std::mutex jobs_mutex_;
  std::condition_variable_any jobs_queued_;
  std::deque<Job*> jobs_;
  std::once_flag started_;
  std::jthread thread_;  // last: stopped and joined first
};

}  // namespace citygrants::db
