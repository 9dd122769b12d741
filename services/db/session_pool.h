#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
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
  // Opens every connection again, once it has them all (waiting as acquire() does): a new
  // connection reads the schema and SQLite's planner statistics afresh (one that has read them
  // keeps them until the schema changes, which ANALYZE does not do). If one cannot be opened,
  // the pool is left as it was and the error thrown. REQUIRES: the caller holds none of them.
  void renew();

 private:
  ConnectionString where_;
  std::vector<std::unique_ptr<Connection>> connections_;
  std::vector<Connection*> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
};

}  // namespace citygrants::db
