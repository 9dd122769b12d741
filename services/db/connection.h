#pragma once

#include <memory>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "services/db/connection_string.h"
#include "services/db/prepared.h"
#include "services/db/statement_cache.h"

namespace citygrants::db {

// One connection to the database, configured for its dialect — SQLite: WAL, synchronous=FULL,
// foreign keys on, a busy timeout; PostgreSQL: lock and statement timeouts — with the statements
// it keeps prepared. Used by one thread at a time.
class Connection {
 public:
  // How PostgreSQL plans the statements this connection keeps prepared.
  enum class Plans {
    kChosen,   // PostgreSQL's choice: a plan for the values while it expects one to pay
    kGeneric,  // one plan for any values, without JIT: for a statement whose values always make
               // PostgreSQL plan afresh (ChangeFeed's catch-up)
  };
  // Opens and configures. Throws soci::soci_error when the database cannot be opened.
  explicit Connection(const ConnectionString& where, Plans plans = Plans::kChosen);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  soci::session& sql() { return *session_; }
  Dialect dialect() const { return dialect_; }
  // `query` as a statement this connection keeps prepared (see StatementCache).
  Prepared prepared(const std::string& query) { return statements_.prepared(query); }
  // PostgreSQL: connects again when the connection is broken (answers whether it did); throws
  // Unreachable while the server is still unreachable.
  bool revive();
  // PostgreSQL: `statements` (several, separated by semicolons, none taking values) in one round
  // trip (libpq's simple query protocol), where prepared ones would take a round trip each.
  // Throws soci::soci_error with the server's message when one fails: it and those after it are
  // not run, those before it are (inside a transaction they opened, until its ROLLBACK).
  // Answers the first row of the last statement's result, as text (a NULL as ""): empty when it
  // returns no row.
  std::vector<std::string> runScript(const char* statements);

 private:
  void configure();

  Dialect dialect_;
  Plans plans_;
  bool durable_;
  std::unique_ptr<soci::session> session_;
  StatementCache statements_;  // after session_: finalized before the session closes
};

}  // namespace citygrants::db
