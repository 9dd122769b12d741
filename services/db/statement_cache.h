#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include <soci/soci.h>

#include "services/db/connection_string.h"
#include "services/db/prepared.h"

namespace citygrants::db {

// The statements one connection keeps prepared, by query text: on SQLite the hot queries of
// every request are parsed once per connection; on PostgreSQL nothing is kept (each use is a
// one-time query, as `session << query` runs it: no server-side statement). Used only by the
// thread holding the connection.
class StatementCache {
 public:
  StatementCache(soci::session& session, Dialect dialect);
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // A statement for `query`, kept for the next use (SQLite). The same query asked for again
  // while its kept statement is in use (a nested use) gets a one-time statement.
  // REQUIRES: `query` is a constant text (it keys the cache), never one built from input.
  Prepared prepared(const std::string& query);

 private:
  std::unique_ptr<soci::statement> fresh(const std::string& query);

  struct Kept {
    std::unique_ptr<soci::statement> statement;
    bool in_use = false;
  };
  soci::session& session_;
  const bool keep_;
  std::unordered_map<std::string, Kept> kept_;
};

}  // namespace citygrants::db
