#include "services/db/session_pool.h"

#include <exception>

namespace citygrants::db {

SessionPool::SessionPool(const ConnectionString& where, std::size_t size) : where_(where) {
  const std::size_t n = size == 0 ? 1 : size;
  for (std::size_t i = 0; i < n; ++i) {
    connections_.push_back(std::make_unique<Connection>(where));
    idle_.push_back(connections_.back().get());
    opened_[connections_.back().get()] = 0;
  }
}

Connection* SessionPool::acquire() {
  Connection* c = nullptr;
  bool stale = false;
  {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty(); });
    c = idle_.back();
    idle_.pop_back();
    stale = opened_[c] < renewals_;
  }
  if (stale) c = reopened(c);
  if (c->dialect() == Dialect::kPostgres) {
    try {
      c->revive();  // a connection whose link broke is connected again before it is lent
    } catch (...) {
      release(c);  // still down: the caller answers 503, and the next one tries again
      throw;
    }
  }
  return c;
}

void SessionPool::release(Connection* c) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(c);
  }
  available_.notify_one();
}

void SessionPool::renew() {
  std::lock_guard lock(mutex_);
  ++renewals_;
}

Connection* SessionPool::reopened(Connection* c) {
  std::uint64_t as_of = 0;  // the statistics it reads are at least those of this renewal
  {
    std::lock_guard lock(mutex_);
    as_of = renewals_;
  }
  std::unique_ptr<Connection> fresh;
  try {
    fresh = std::make_unique<Connection>(where_);
  } catch (const std::exception&) {
    return c;  // still stale: opened again the next time it is lent
  }
  Connection* out = fresh.get();
  std::lock_guard lock(mutex_);
  for (auto& slot : connections_) {
    if (slot.get() == c) slot.swap(fresh);  // `fresh` now holds the old one, closed below
  }
  opened_.erase(c);
  opened_[out] = as_of;
  return out;
}

}  // namespace citygrants::db
