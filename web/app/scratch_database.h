#pragma once

#include <filesystem>
#include <memory>

#include "services/db/database.h"

namespace citygrants::app {

// A migrated SQLite database in a new file under the system's temporary folder, for work that
// must reach its real target whole or not at all (seed-demo builds the fund here, then copies
// it in one transaction). The file and its WAL are removed when this goes, also after a failure.
class ScratchDatabase {
 public:
  ScratchDatabase();
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  db::Database& database() { return *database_; }

 private:
  std::filesystem::path path_;
  std::unique_ptr<db::Database> database_;
};

}  // namespace citygrants::app
