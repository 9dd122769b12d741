#include "services/auth/hash_gate.h"

#include <algorithm>
#include <thread>

#include "modules/core/problem.h"

namespace citygrants::auth {
namespace {

core::Problem busy() { return core::Problem::unavailable("auth.busy", 1); }

}  // namespace

int HashGateLimits::hardwareThreads() {
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

HashGate::Turn HashGate::enter() {
  std::unique_lock lock(mutex_);
  if (active_ < limits_.max_active && waiting_ == 0) {
    ++active_;
    return Turn(this);
  }
  if (waiting_ >= limits_.max_waiting) throw busy();
  ++waiting_;
  const bool turn =
      freed_.wait_for(lock, limits_.max_wait, [&] { return active_ < limits_.max_active; });
  --waiting_;
  if (!turn) throw busy();
  ++active_;
  return Turn(this);
}

void HashGate::leave() {
  {
    const std::lock_guard lock(mutex_);
    --active_;
  }
  freed_.notify_one();
}

int HashGate::active() const {
  const std::lock_guard lock(mutex_);
  return active_;
}

int HashGate::waiting() const {
  const std::lock_guard lock(mutex_);
  return waiting_;
}

}  // namespace citygrants::auth
