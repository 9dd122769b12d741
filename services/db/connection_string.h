#pragma once

#include <string>
#include <string_view>

namespace citygrants::db {

enum class Dialect { kSqlite, kPostgres };

// A parsed `--db` value: `sqlite:PATH` or `postgresql://user@host:port/db`.
struct ConnectionString {
  Dialect dialect = Dialect::kSqlite;
  std::string path;     // SQLite: the database file
  std::string connect;  // what SOCI's backend takes
  std::string display;  // safe to print (no password)
  // SQLite: each commit reaches the disk before it returns (synchronous=FULL). False only for a
  // scratch file that is thrown away whole if anything fails (seed-demo builds the fund in one,
  // then copies it in one durable transaction): its commits skip the fsync (synchronous=OFF).
  bool durable = true;
};

// REQUIRES: `text` is `sqlite:PATH` or `postgresql://...` (else throws Problem(kInvalid, "db")).
ConnectionString parseConnectionString(std::string_view text);

}  // namespace citygrants::db
