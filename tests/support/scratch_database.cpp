#include "tests/support/scratch_database.h"

#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "services/db/connection_string.h"

namespace citygrants::testing {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr ? v : "";
}

std::string tempDir() {
  std::string out = env("CITYGRANTS_TEST_TMP");
  if (out.empty()) out = "/tmp";
  std::filesystem::create_directories(out);
  return out;
}

void removeSqliteFiles(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path + suffix);
}

// A name unique in this run: the stem (as an SQL name), the process and a counter.
std::string uniqueName(const std::string& stem) {
  static std::atomic<int> counter{0};
  std::string name;
  for (char c : stem) name += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
  return name.substr(0, 40) + "_" + std::to_string(::getpid()) + "_" + std::to_string(counter.fetch_add(1));
}

}  // namespace

std::string scratchFile(const std::string& stem, const std::string& suffix) {
  return tempDir() + "/" + uniqueName(stem) + suffix;
}

namespace {

// Runs `statements` on the cluster's database itself (no schema chosen).
void onCluster(std::initializer_list<std::string> statements) {
  soci::session admin(soci::postgresql, db::parseConnectionString(env("CITYGRANTS_TEST_PG")).connect);
  admin << "SET client_min_messages TO WARNING";
  for (const auto& sql : statements) admin << sql;
}

}  // namespace

bool onPostgres() { return !env("CITYGRANTS_TEST_PG").empty(); }

ScratchDatabase::ScratchDatabase(const std::string& stem) {
  if (!onPostgres()) {
    path_ = tempDir() + "/" + uniqueName(stem) + ".db";
    removeSqliteFiles(path_);
    where_ = "sqlite:" + path_;
    return;
  }
  schema_ = "t_" + uniqueName(stem);
  onCluster({"DROP SCHEMA IF EXISTS " + schema_ + " CASCADE", "CREATE SCHEMA " + schema_});
  const std::string base = env("CITYGRANTS_TEST_PG");
  where_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "schema=" + schema_;
}

ScratchDatabase::~ScratchDatabase() {
  try {
    if (!path_.empty()) removeSqliteFiles(path_);
    if (!schema_.empty()) onCluster({"DROP SCHEMA IF EXISTS " + schema_ + " CASCADE"});
  } catch (...) {
    // A schema left behind goes with the throwaway cluster.
  }
}

}  // namespace citygrants::testing
