// The SQLite writer: one writer session, turns taken by the threads that write (Database::write)
// or by the writer thread (Database::inWriter), and the group commit that makes the use cases of
// one group durable with one COMMIT.
#include "services/db/database.h"

#include <exception>
#include <functional>
#include <mutex>

#include <soci/sqlite3/soci-sqlite3.h>

namespace citygrants::db {
namespace {

// Whether the SQLite session is inside a transaction (SQLite rolls a whole transaction back by
// itself on some errors, such as a full disk).
bool inTransaction(soci::session& s) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(s.get_backend());
  return sqlite_api::sqlite3_get_autocommit(backend->conn_) == 0;
}

constexpr int kMaxTurnsPerGroup = 64;  // bounds how long the first turn of a group waits

}  // namespace

Tx Database::write() {
  if (where_.dialect != Dialect::kSqlite) return Tx(*this, acquire(), true);
  ++writers_waiting_;
  std::unique_lock turn(writer_mutex_);
  --writers_waiting_;
  auto& w = *writer_session_;
  if (!batch_open_) {
    prepared(w, "BEGIN IMMEDIATE").execute();  // throws with the turn released: nothing is open
    batch_open_ = true;
    ++batch_;
    turns_ = 0;
  }
  ++turns_;
  try {
    prepared(w, "SAVEPOINT use_case").execute();
  } catch (...) {
    endTurn(std::move(turn), batch_);
    throw;
  }
  return Tx(*this, &w, std::move(turn), batch_);
}


// Ends a writer turn of group `batch`: the last turn of a group (nobody queued, or the group is
// full) commits it and wakes the others; any other turn waits for that. Throws when the group
// could not be committed, so that no caller reports a change that is not durable.
void Database::endTurn(std::unique_lock<std::mutex> turn, std::uint64_t batch) {
  auto& w = *writer_session_;
  if (!inTransaction(w)) {
    finishGroup(batch, true);
    turn.unlock();
    throw soci::soci_error("the group of writes was rolled back by the database");
  }
  if (writers_waiting_.load() == 0 || turns_ >= kMaxTurnsPerGroup) {
    if (auto failure = commitGroup(batch)) std::rethrow_exception(failure);
    return;
  }
  turn.unlock();  // the next queued writer joins this group
  {
    std::unique_lock lock(ended_mutex_);
    group_ended_.wait(lock, [&] { return batches_ended_.load() >= batch; });
  }
  requireCommitted(batch);
}

std::exception_ptr Database::commitGroup(std::uint64_t batch) {
  auto& w = *writer_session_;
  try {
    prepared(w, "COMMIT").execute();
  } catch (...) {
    try {
      if (inTransaction(w)) w << "ROLLBACK";
    } catch (...) {
    }
    finishGroup(batch, true);
    return std::current_exception();
  }
  finishGroup(batch, false);
  return nullptr;
}

void Database::finishGroup(std::uint64_t batch, bool failed) {
  batch_open_ = false;
  if (failed) {
    std::lock_guard lock(failed_mutex_);
    failed_batches_.insert(batch);
    any_failed_.store(true);
  }
  {
    std::lock_guard lock(ended_mutex_);
    batches_ended_.store(batch);  // after the failure is recorded: a waiter that sees it finds it
  }
  group_ended_.notify_all();
}

void Database::requireCommitted(std::uint64_t batch) {
  if (!any_failed_.load()) return;  // the common case: no group ever failed
  std::lock_guard lock(failed_mutex_);
  if (failed_batches_.count(batch) != 0) {
    throw soci::soci_error("the group of writes this change was in could not be committed");
  }
}

void Database::inWriter(const std::function<void(Tx&)>& work) {
  if (where_.dialect != Dialect::kSqlite) {
    auto tx = write();
    work(tx);
    return;
  }
  std::call_once(writer_started_, [this] {
    writer_thread_ = std::jthread([this](std::stop_token stop) { writerLoop(stop); });
  });
  Job job;
  job.work = &work;
  {
    std::lock_guard lock(jobs_mutex_);
    jobs_.push_back(&job);
  }
  jobs_queued_.notify_one();
  {
    std::unique_lock lock(ended_mutex_);
    group_ended_.wait(lock, [&] { return job.done && batches_ended_.load() >= job.batch; });
  }
  if (job.batch != 0) requireCommitted(job.batch);
  if (job.error) std::rethrow_exception(job.error);
}

// The writer thread: waits for queued use cases and runs them; at the end, fails what is left.
void Database::writerLoop(std::stop_token stop) {
  for (;;) {
    {
      std::unique_lock lock(jobs_mutex_);
      jobs_queued_.wait(lock, stop, [&] { return !jobs_.empty(); });
      if (stop.stop_requested()) break;
    }
    runJobs();
  }
  std::lock_guard lock(jobs_mutex_);
  for (auto* job : jobs_) {
    job->error = std::make_exception_ptr(Unreachable("the database is being closed"));
    std::lock_guard ended(ended_mutex_);
    job->done = true;
  }
  jobs_.clear();
  group_ended_.notify_all();
}

// One turn of the writer thread: every queued use case, one after another, each a savepoint in
// the open group (a full group is committed and the next one opened); then the group is
// committed unless another thread queued for a turn, which joins it as in endTurn.
void Database::runJobs() {
  ++writers_waiting_;
  std::unique_lock turn(writer_mutex_);
  --writers_waiting_;
  auto& w = *writer_session_;
  for (;;) {
    Job* job = nullptr;
    {
      std::lock_guard lock(jobs_mutex_);
      if (jobs_.empty()) break;
      job = jobs_.front();
      jobs_.pop_front();
    }
    runJob(*job);
    if (batch_open_ && !inTransaction(w)) finishGroup(batch_, true);  // SQLite rolled it back
    // Its writers learn of a failed commit from the group's record.
    if (batch_open_ && turns_ >= kMaxTurnsPerGroup) commitGroup(batch_);
  }
  if (!batch_open_ || writers_waiting_.load() != 0) return;  // a queued writer joins the group
  commitGroup(batch_);
}

// Runs one queued use case in the open group (opened first if none is); records what it threw.
void Database::runJob(Job& job) {
  auto& w = *writer_session_;
  std::uint64_t ran_in = 0;
  try {
    if (!batch_open_) {
      prepared(w, "BEGIN IMMEDIATE").execute();
      batch_open_ = true;
      ++batch_;
      turns_ = 0;
    }
    ran_in = batch_;
    ++turns_;
    prepared(w, "SAVEPOINT use_case").execute();
    Tx tx(*this, &w, batch_, Tx::OnWriterThread{});
    (*job.work)(tx);  // commits, or throws; an open tx rolls back to its savepoint when it ends
  } catch (...) {
    job.error = std::current_exception();
  }
  {
    std::lock_guard lock(ended_mutex_);
    job.batch = ran_in;
    job.done = true;
  }
  if (ran_in == 0) group_ended_.notify_all();  // no group to wait for
}

}  // namespace citygrants::db
