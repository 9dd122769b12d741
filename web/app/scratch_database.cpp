#include "web/app/scratch_database.h"

#include <random>
#include <string>
#include <system_error>
#include <unistd.h>

#include "services/db/migrator.h"

namespace citygrants::app {
namespace {

std::filesystem::path newScratchPath() {
  std::random_device random;
  return std::filesystem::temp_directory_path() /
         ("citygrants-scratch-" + std::to_string(::getpid()) + "-" + std::to_string(random()) +
          ".db");
}

void removeFiles(const std::filesystem::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path.string() + suffix, ignored);
  }
}

}  // namespace

ScratchDatabase::ScratchDatabase() : path_(newScratchPath()) {
  try {
    auto where = db::parseConnectionString("sqlite:" + path_.string());
    where.durable = false;  // thrown away whole on any failure; the copy out of it is durable
    database_ = std::make_unique<db::Database>(
        where, db::Database::Options{.pool_size = 2, .create_if_missing = true});
    db::migrate(*database_);
  } catch (...) {
    database_.reset();
    removeFiles(path_);
    throw;
  }
}

ScratchDatabase::~ScratchDatabase() {
  database_.reset();  // closes its connections (and stops its writer) before the files go
  removeFiles(path_);
}

}  // namespace citygrants::app
