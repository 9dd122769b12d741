#include "services/db/session_pool.h"

namespace citygrants::db {

SessionPool::SessionPool(const ConnectionString& where, std::size_t size) : where_(where) {
  const std::size_t n = size == 0 ? 1 : size;
  for (std::size_t i = 0; i < n; ++i) {
    connections_.push_back(std::make_unique<Connection>(where));
    idle_.push_back(connections_.back().get());
  }
}

Connection* SessionPool::acquire() {
  Connection* c = nullptr;
  {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty(); });
    c = idle_.back();
    idle_.pop_back();
  }
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
  std::vector<Connection*> held;  // every connection, taken as any borrower takes one
  std::vector<std::unique_ptr<Connection>> fresh;
  try {
    for (std::size_t i = 0; i < connections_.size(); ++i) held.push_back(acquire());
    while (fresh.size() < held.size()) fresh.push_back(std::make_unique<Connection>(where_));
  } catch (...) {
    for (auto* c : held) release(c);  // the pool as it was
    throw;
  }
  {
    std::lock_guard lock(mutex_);
    connections_.swap(fresh);  // the old ones, all held here, go with `fresh`
    for (auto& c : connections_) idle_.push_back(c.get());
  }
  available_.notify_all();
}

}  // namespace citygrants::db
