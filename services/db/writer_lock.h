#pragma once

#include <atomic>
#include <mutex>
#include <thread>

namespace citygrants::db {

// Gives the SQLite writer connection to one thread at a time (use with std::unique_lock). It
// knows which thread holds it, so that a write opened by that very thread — a use case that
// opens another write — is refused instead of waiting forever for itself.
class WriterLock {
 public:
  void lock() {
    mutex_.lock();
    holder_.store(std::this_thread::get_id(), std::memory_order_relaxed);
  }
  void unlock() {
    holder_.store(std::thread::id(), std::memory_order_relaxed);
    mutex_.unlock();
  }
  // Whether the calling thread holds it (only the holder ever stores its own id here).
  bool heldByThisThread() const {
    return holder_.load(std::memory_order_relaxed) == std::this_thread::get_id();
  }

 private:
  std::mutex mutex_;
  std::atomic<std::thread::id> holder_{};
};

}  // namespace citygrants::db
