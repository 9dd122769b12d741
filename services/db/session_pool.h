#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "services/db/connection.h"
#include "services/db/connection_string.h"

namespace citygrants::db {

// The connections lent to transactions: a fixed number, each to one thread at a time; a thread
// that finds none idle waits for one. PostgreSQL: a connection whose link broke (a restart, a
// failover) is connected again before it is lent.
class SessionPool {
 public:
  // Opens `size` connections (at least one). Throws soci::soci_error when one cannot be opened.
  SessionPool(const ConnectionString& where, std::size_t size);

  // An idle connection, waiting for one if need be. Throws Unreachable (the connection given
  // back) while the PostgreSQL server cannot be reached.
  Connection* acquire();
  // REQUIRES: `c` came from acquire() and is given back once.
  void release(Connection* c);
  // Every connection is opened again the next time it is lent: a new connection reads the
  // schema and SQLite's planner statistics afresh (one that has read them keeps them until the
  // schema changes, which ANALYZE does not do). Waits for none of them; one that cannot be
  // opened again is lent as it was, and tried again the next time.
  void renew();

 private:
  // Replaces `c` (held by the caller) with a connection opened now; `c` itself if that fails.
  Connection* reopened(Connection* c);

  ConnectionString where_;
  std::vector<std::unique_ptr<Connection>> connections_;
  std::vector<Connection*> idle_;
  std::uint64_t renewals_ = 0;                                   // renew() calls so far
  std::unordered_map<const Connection*, std::uint64_t> opened_;  // renewals_ when each opened
  std::mutex mutex_;
  std::condition_variable available_;
};

}  // namespace citygrants::db
