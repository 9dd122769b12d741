#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include <soci/soci.h>

#include "services/db/connection_string.h"
#include "services/db/prepared.h"

namespace citygrants::db {

// The statements one connection keeps prepared, by query text: the hot queries of every
// request are parsed (SQLite) or prepared on the server (PostgreSQL: PREPARE once, then one
// round trip per use) once per connection. Used only by the thread holding the connection.
class StatementCache {
 public:
  StatementCache(soci::session& session, Dialect dialect);
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // A statement for `query`, kept for the next use (SQLite). The same query asked for again
  // while its kept statement is in use (a nested use) gets a one-time statement.
  // REQUIRES: `query` is a constant text (it keys the cache), never one built from input.
  Prepared prepared(const std::string& query);
  // Drops every kept statement without asking the server to deallocate it: for a reconnect
  // (the server forgot them with the broken session) and the connection's end (they end with
  // it; a DEALLOCATE sent to a server that is down would throw from a destructor).
  void forget() noexcept;
  ~StatementCache() { forget(); }

 private:
  std::unique_ptr<soci::statement> fresh(const std::string& query, bool keep);

  struct Kept {
    std::unique_ptr<soci::statement> statement;
    bool in_use = false;
  };
  soci::session& session_;
  const bool postgres_;
  std::unordered_map<std::string, Kept> kept_;
};

}  // namespace citygrants::db
