// The write baseline of ops/bench/api: single-row commits in a loop on a fresh SQLite file,
// through the same Database (WAL, synchronous=FULL, BEGIN IMMEDIATE) the server uses.
// usage: bench_commit_loop FILE SECONDS  — prints "commits_per_second N".
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "services/db/database.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: bench_commit_loop FILE SECONDS\n");
    return 64;
  }
  using namespace citygrants;
  std::remove(argv[1]);
  db::Database database(db::parseConnectionString(std::string("sqlite:") + argv[1]),
                        {.pool_size = 1, .create_if_missing = true});
  database.write([](db::Tx& tx) {
    tx.sql() << "CREATE TABLE t (id INTEGER PRIMARY KEY, v BIGINT NOT NULL)";
    tx.commit();
  });
  const auto seconds = std::atof(argv[2]);
  const auto start = std::chrono::steady_clock::now();
  long long n = 0;
  double elapsed = 0;
  while (elapsed < seconds) {
    database.write([&](db::Tx& tx) {
      tx.sql() << "INSERT INTO t (v) VALUES (:v)", soci::use(n);
      tx.commit();
    });
    ++n;
    elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  std::printf("commits_per_second %.0f\n", static_cast<double>(n) / elapsed);
  return 0;
}
