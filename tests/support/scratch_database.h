#pragma once

#include <string>

namespace citygrants::testing {

// Whether this run of a suite is on PostgreSQL: $CITYGRANTS_TEST_PG holds the address of a
// database on the throwaway cluster that ctest started (tests/pg/cluster.sh); else SQLite.
bool onPostgres();

// A database of a test's own, empty (no migration applied): a new SQLite file under
// $CITYGRANTS_TEST_TMP, or on PostgreSQL a new schema in the cluster's database, reached through
// `?schema=` in the address. Removed (file, or schema with all in it) when destroyed.
// A path for a scratch file of a test's own under $CITYGRANTS_TEST_TMP: `stem` made unique in
// this run (the process and a counter), ending in `suffix`.
std::string scratchFile(const std::string& stem, const std::string& suffix);

class ScratchDatabase {
 public:
  explicit ScratchDatabase(const std::string& stem);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  // The connection string, as `--db` takes it.
  const std::string& where() const { return where_; }
  // The SQLite file; empty on PostgreSQL.
  const std::string& path() const { return path_; }

 private:
  std::string where_;
  std::string path_;
  std::string schema_;
};

}  // namespace citygrants::testing
