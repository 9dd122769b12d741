#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace citygrants::auth {

// How many password hashes may run at once, and how many may wait for a turn.
struct HashGateLimits {
  // One argon2id hash keeps a core busy for a fifth of a second: more at once than there are
  // cores only makes each one slower.
  static int hardwareThreads();
  int max_active = hardwareThreads();
  int max_waiting = 8;
  std::chrono::milliseconds max_wait{3000};  // a longer wait is refused rather than queued on
};

// A bound on concurrent password hashes (DESIGN §14), so that sign-ins, whatever their number,
// hold at most `max_active` cores and `max_active + max_waiting` request threads; the rest are
// refused at once. One per server instance; thread-safe.
class HashGate {
 public:
  // One hash's turn while it lives; a default Turn holds none.
  class Turn {
   public:
    Turn() = default;
    Turn(Turn&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Turn& operator=(Turn&&) = delete;
    ~Turn() {
      if (gate_ != nullptr) gate_->leave();
    }

   private:
    friend class HashGate;
    explicit Turn(HashGate* gate) : gate_(gate) {}
    HashGate* gate_ = nullptr;
  };

  explicit HashGate(HashGateLimits limits = {}) : limits_(limits) {}
  HashGate(const HashGate&) = delete;
  HashGate& operator=(const HashGate&) = delete;

  // A turn: at once while fewer than max_active hold one and nobody waits, else in the queue.
  // Throws Problem::unavailable (Retry-After 1) when max_waiting already wait, or when no turn
  // comes within max_wait.
  Turn enter();

  int active() const;
  int waiting() const;
  const HashGateLimits& limits() const { return limits_; }

 private:
  void leave();

  const HashGateLimits limits_;
  mutable std::mutex mutex_;
  std::condition_variable freed_;
  int active_ = 0;
  int waiting_ = 0;
};

}  // namespace citygrants::auth
