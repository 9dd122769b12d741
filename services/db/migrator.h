#pragma once

#include <string>
#include <vector>

#include "services/db/database.h"

namespace citygrants::db {

// One migration compiled into the binary: sql/migrations/NNNN_verb_object.sql.
struct Migration {
  int number = 0;
  std::string name;
  std::string sql;  // with the dialect tokens already replaced
};

// The migrations this binary knows, in order, for `dialect`. Throws std::logic_error on a gap or
// a duplicate number (a build defect; a test checks it).
std::vector<Migration> knownMigrations(Dialect dialect);

// The SQL of a migration file with its dialect tokens (@ID@, @BLOB@) replaced.
std::string forDialect(const std::string& sql, Dialect dialect);

// Runs the statements of `m` in `tx`, without recording it (migrate() records it).
void applyStatements(Tx& tx, const Migration& m);

// Applies pending migrations, each in its own transaction, recorded in schema_migrations.
// Returns how many it applied. Throws Problem(kConflict) when the database is newer than the binary.
int migrate(Database& db);

// The highest migration applied (0 for an empty database).
int schemaVersion(Database& db);

// REQUIRES: nothing. Throws Problem(kConflict) unless the database is exactly current: older
// means "run migrate", newer means "this binary is too old".
void requireCurrentSchema(Database& db);

}  // namespace citygrants::db
