// `copy` and `backup`: moving a whole fund to another database (SQLite to PostgreSQL when a fund
// outgrows one machine), and a consistent online backup of a live SQLite database.
#include <iostream>

#include "modules/core/problem.h"
#include "services/db/migrator.h"
#include "services/transfer/backup.h"
#include "services/transfer/copy_fund.h"
#include "web/app/commands.h"

namespace citygrants::app {

int runCopy(const Settings& s) {
  const auto from_where = db::parseConnectionString(s.require("from"));
  const auto to_where = db::parseConnectionString(s.require("to"));
  if (from_where.connect == to_where.connect)
    throw std::invalid_argument("--from and --to are the same database");
  db::Database from(from_where, {.pool_size = 1});
  db::Database to(to_where, {.pool_size = 1, .create_if_missing = true});
  std::cout << "copying " << from_where.display << " into " << to_where.display << "\n";
  const auto report =
      transfer::copyFund(from, to, [](const std::string& line) { std::cout << line << "\n"; });
  std::cout << "checks on the target:\n";
  for (const auto& t : report.tables) {
    std::cout << "  " << (t.matches ? "ok     " : "DIFFERS") << " " << t.table << ": "
              << t.target_rows << "/" << t.source_rows << " row(s)";
    for (const auto& sum : t.sums) std::cout << ", " << sum;
    std::cout << "\n";
  }
  std::cout << "  " << (report.audit_ok ? "ok     " : "BROKEN ")
            << " audit chain: " << report.audit_rows << " event(s) verified, head "
            << (report.audit_head_matches ? "equal to the source's" : "DIFFERENT") << "\n";
  if (!report.ok()) {
    std::cout << "copy FAILED its checks: " << report.problem << "\n";
    return 1;
  }
  std::cout << "copy complete: the target holds the same fund\n";
  return 0;
}

int runBackup(const Settings& s) {
  const auto where = db::parseConnectionString(s.require("db"));
  if (where.dialect != db::Dialect::kSqlite) {
    throw core::Problem(
        core::ProblemKind::kInvalid,
        core::Message::verbatim(
            "backup copies a live SQLite database; for PostgreSQL use pg_dump or its own backups"));
  }
  db::Database database(where, {.pool_size = 1});
  const auto report = transfer::backupSqlite(database, s.require("to"));
  std::cout << "backup written to " << s.require("to") << ": " << report.pages << " page(s), "
            << report.bytes << " bytes, consistent up to audit event " << report.audit_seq << "; "
            << report.audit_rows << " event(s) verified in the copy\n";
  return 0;
}

}  // namespace citygrants::app
