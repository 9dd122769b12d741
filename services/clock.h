#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace citygrants::services {

// The time use cases stamp on what they write: UTC epoch milliseconds.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t nowMs() const = 0;
};

// The server's clock.
class SystemClock : public Clock {
 public:
  std::int64_t nowMs() const override {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// A clock that moves only when told: for tests, and for seeding a history in the past.
class ManualClock : public Clock {
 public:
  explicit ManualClock(std::int64_t start_ms) : now_(start_ms) {}
  std::int64_t nowMs() const override { return now_.load(); }
  void set(std::int64_t ms) { now_.store(ms); }
  void advance(std::int64_t ms) { now_.fetch_add(ms); }

 private:
  std::atomic<std::int64_t> now_;
};

inline constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

}  // namespace citygrants::services
