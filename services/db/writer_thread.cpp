#include "services/db/writer_thread.h"

#include "services/db/unreachable.h"
#include "services/thread_name.h"

namespace citygrants::db {

WriterThread::~WriterThread() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  jobs_queued_.notify_all();
  thread_.join();
}

void WriterThread::run(const std::function<void(Tx&)>& work) {
  std::call_once(started_,
                 [this] { thread_ = std::jthread([this](std::stop_token stop) { loop(stop); }); });
  Job job;
  job.work = &work;
  {
    std::lock_guard lock(jobs_mutex_);
    jobs_.push_back(&job);
  }
  jobs_queued_.notify_one();
  groups_.waitUntil([&] { return job.done && groups_.groupsEnded() >= job.group; });
  if (job.group != 0) groups_.requireCommitted(job.group);
  if (job.error) std::rethrow_exception(job.error);
}

// Waits for queued use cases and runs them; at the end, fails what is left.
void WriterThread::loop(std::stop_token stop) {
  services::nameThisThread("cg-writer");
  for (;;) {
    {
      std::unique_lock lock(jobs_mutex_);
      jobs_queued_.wait(lock, stop, [&] { return !jobs_.empty(); });
      if (stop.stop_requested()) break;
    }
    runQueued();
  }
  failQueued();
}

void WriterThread::failQueued() {
  std::lock_guard lock(jobs_mutex_);
  for (auto* job : jobs_) {
    job->error = std::make_exception_ptr(Unreachable("the database is being closed"));
    groups_.record([&] { job->done = true; }, false);
  }
  jobs_.clear();
  groups_.record([] {}, true);
}

// Takes the writer and gives every queued use case its turn, one after another in the open
// group (settle() commits a full one and the next use case opens another); then commits the
// group.
void WriterThread::runQueued() {
  auto writer = groups_.take();
  for (;;) {
    Job* job = nullptr;
    {
      std::lock_guard lock(jobs_mutex_);
      if (jobs_.empty()) break;
      job = jobs_.front();
      jobs_.pop_front();
    }
    runOne(*job);
    groups_.settle();  // its use cases learn of a failed group from the group's record
  }
  groups_.commitOpen();
}

// Runs one use case in the open group (opened first if none is); records what it threw.
void WriterThread::runOne(Job& job) {
  std::uint64_t ran_in = 0;
  try {
    ran_in = groups_.join();
    groups_.connection().prepared("SAVEPOINT use_case").execute();
    Tx tx(groups_, ran_in);
    (*job.work)(tx);  // commits, or throws; an open tx rolls back to its savepoint when it ends
  } catch (...) {
    job.error = std::current_exception();
  }
  groups_.record(
      [&] {
        job.group = ran_in;
        job.done = true;
      },
      ran_in == 0);  // no group to wait for: wake its caller now
}

}  // namespace citygrants::db
