#include "services/db/ticker.h"

#include <chrono>

#include "services/thread_name.h"

namespace citygrants::db {

Ticker::Ticker(const char* thread_name, int every_ms, std::function<void()> tick)
    : thread_([this, thread_name, every_ms, tick = std::move(tick)](std::stop_token stop) {
        services::nameThisThread(thread_name);
        std::unique_lock lock(mutex_);
        while (!stop.stop_requested()) {
          wake_.wait_for(lock, stop, std::chrono::milliseconds(every_ms), [] { return false; });
          if (!stop.stop_requested()) tick();
        }
      }) {}

Ticker::~Ticker() {
  thread_.request_stop();
  wake_.notify_all();
  thread_.join();
}

}  // namespace citygrants::db
