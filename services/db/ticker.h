#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>

namespace citygrants::db {

// A thread of its own, named `thread_name`, that calls `tick` every `every_ms` (first after
// `every_ms`) until destroyed: then stopped, once a tick under way has finished, and joined.
// `tick` must not throw. REQUIRES: `every_ms` > 0.
class Ticker {
 public:
  Ticker(const char* thread_name, int every_ms, std::function<void()> tick);
  Ticker(const Ticker&) = delete;
  Ticker& operator=(const Ticker&) = delete;
  ~Ticker();

 private:
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;  // last: stopped and joined first
};

}  // namespace citygrants::db
