#include "services/db/checkpointer.h"

#include <chrono>
#include <exception>

#include "services/thread_name.h"

namespace citygrants::db {

Checkpointer::Checkpointer(const ConnectionString& where, int every_ms)
    : connection_(where),
      thread_([this, every_ms](std::stop_token stop) { loop(stop, every_ms); }) {}

Checkpointer::~Checkpointer() {
  thread_.request_stop();
  wake_.notify_all();
  thread_.join();
}

void Checkpointer::loop(std::stop_token stop, int every_ms) {
  services::nameThisThread("cg-checkpoint");
  std::unique_lock lock(mutex_);
  while (!stop.stop_requested()) {
    wake_.wait_for(lock, stop, std::chrono::milliseconds(every_ms), [] { return false; });
    if (stop.stop_requested()) break;
    try {
      // PASSIVE copies what no reader still needs and never waits for a lock.
      int busy = 0, log = 0, done = 0;
      connection_.sql() << "PRAGMA wal_checkpoint(PASSIVE)", soci::into(busy), soci::into(log),
          soci::into(done);
    } catch (const std::exception&) {
      // The WAL only grows until the next tick.
    }
  }
}

}  // namespace citygrants::db
