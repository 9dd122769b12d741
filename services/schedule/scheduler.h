#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>

#include "services/clock.h"
#include "services/db/database.h"
#include "services/usecases/tick_service.h"

namespace citygrants::schedule {

struct SchedulerOptions {
  std::int64_t every_ms = 300'000;  // how often the thread ticks (serve --tick-seconds)
  // How long a tick's lease holds off the other instances: a leader that stops renewing it (its
  // instance died) is replaced once it has passed. Longer than `every_ms`, so a live leader keeps
  // it from one tick to the next.
  std::int64_t lease_ms = 900'000;
};

// The clock of one `serve` instance: a thread that runs usecases::TickService every every_ms,
// each tick under the lease "clock" (scheduler_lease), so that among the instances on one
// database exactly one — the holder — writes reminders; the others' ticks write nothing until
// the holder's lease expires, when the first of them to tick takes over.
class Scheduler {
 public:
  using Log = std::function<void(const std::string&)>;

  // REQUIRES: options.every_ms > 0 and options.lease_ms > options.every_ms (else throws
  // std::invalid_argument). `log` hears of ticks that wrote something and of failures.
  Scheduler(db::Database& db, const services::Clock& clock, SchedulerOptions options = {},
            Log log = {});
  ~Scheduler();  // stop()
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // One tick at the clock's now under this instance's lease. REQUIRES: not called from two
  // threads at once (the thread's, or a test's).
  usecases::TickResult runOnce();

  // Ticks in a thread of its own, at once and then every every_ms, until stop().
  void start();
  // Ends the thread (a tick under way finishes first) and gives the lease up, so another
  // instance takes over at its next tick. Idempotent.
  void stop();

  // This instance's name in scheduler_lease.holder: host, process, and a random part.
  const std::string& id() const { return id_; }

 private:
  void loop(std::stop_token stop);

  db::Database& db_;
  const services::Clock& clock_;
  SchedulerOptions options_;
  Log log_;
  std::string id_;
  std::mutex mutex_;
  std::condition_variable_any cv_;
  std::jthread thread_;  // last: stopped before the members it uses go
};

}  // namespace citygrants::schedule
