#include "services/transfer/copy_fund_parts.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "modules/core/problem.h"
#include "services/audit/audit_log.h"

namespace citygrants::transfer::parts {
namespace {

using core::Problem;
using core::ProblemKind;

// Kept by the target's triggers as the proposals and messages go in (migrations 0026, 0031):
// not copied.
constexpr std::array<std::string_view, 2> kTalliesKeptByTriggers = {"proposal_tallies",
                                                                    "outbox_tallies"};

std::vector<std::string> moneyColumns(soci::session& sql, db::Dialect dialect,
                                      const std::string& table) {
  const std::string query = dialect == db::Dialect::kSqlite
                                ? "SELECT name FROM pragma_table_info('" + table + "')"
                                : "SELECT column_name FROM information_schema.columns WHERE "
                                  "table_schema = current_schema() "
                                  "AND table_name = '" +
                                      table + "'";
  std::vector<std::string> out;
  soci::rowset<std::string> names = (sql.prepare << query);
  for (const auto& name : names) {
    if (name.size() > 6 && name.ends_with("_minor")) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

// The ordinary tables: on SQLite not the full-text index (a virtual table) nor the shadow tables
// that hold it, which the target rebuilds from search_documents.
std::set<std::string> tablesIn(soci::session& sql, db::Dialect dialect, const std::string& schema) {
  const std::string query =
      dialect == db::Dialect::kSqlite
          ? "SELECT name FROM pragma_table_list WHERE schema = '" + schema +
                "' AND type = 'table' AND name NOT LIKE 'sqlite_%'"
          : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            "current_schema() AND table_type = 'BASE TABLE'";
  std::set<std::string> out;
  soci::rowset<std::string> rows = (sql.prepare << query);
  for (const auto& name : rows) out.insert(name);
  return out;
}

bool keptByTriggers(const std::string& table) {
  return std::find(kTalliesKeptByTriggers.begin(), kTalliesKeptByTriggers.end(), table) !=
         kTalliesKeptByTriggers.end();
}

void refuseUnknownTables(const std::set<std::string>& names) {
  const auto& known = fundTables();
  for (const auto& name : names) {
    if (name != "schema_migrations" && !keptByTriggers(name) &&
        std::find(known.begin(), known.end(), name) == known.end()) {
      throw Problem(
          ProblemKind::kInvalid,
          core::Message::verbatim("the source has a table the copy does not know: " + name));
    }
  }
}

void refuseFilledTarget(soci::session& target) {
  if (scalar(target, "SELECT COUNT(*) FROM organisations") != 0 ||
      scalar(target, "SELECT last_seq FROM audit_head WHERE id = 1") != 0) {
    throw Problem(ProblemKind::kConflict,
                  core::Message::verbatim(
                      "the target already holds a fund: copy fills an empty database only"));
  }
}

std::int64_t scalar(soci::session& sql, const std::string& query) {
  long long n = 0;
  soci::indicator ind = soci::i_ok;
  sql << query, soci::into(n, ind);
  return ind == soci::i_null ? 0 : n;
}

MoneySums moneySums(soci::session& sql, db::Dialect dialect, const std::string& table,
                    const std::string& source) {
  MoneySums out;
  for (const auto& column : moneyColumns(sql, dialect, table)) {
    out.emplace_back(column,
                     scalar(sql, "SELECT CAST(SUM(" + column + ") AS BIGINT) FROM " + source));
  }
  return out;
}

Head auditHead(soci::session& sql, const std::string& prefix) {
  Head h;
  long long seq = 0;
  sql << "SELECT last_seq, last_hash FROM " + prefix + "audit_head WHERE id = 1", soci::into(seq),
      soci::into(h.hash);
  h.seq = seq;
  return h;
}

void check(db::Database& to, const std::vector<MoneySums>& sums, const Head& source_head,
           CopyReport& report) {
  {
    auto target = to.read();
    for (std::size_t i = 0; i < report.tables.size(); ++i) {
      auto& t = report.tables[i];
      t.target_rows = scalar(target.sql(), "SELECT COUNT(*) FROM " + t.table);
      t.matches = t.target_rows == t.source_rows;
      const auto copied = moneySums(target.sql(), target.dialect(), t.table, t.table);
      t.matches = t.matches && copied.size() == sums[i].size();
      for (std::size_t j = 0; j < sums[i].size() && j < copied.size(); ++j) {
        t.sums.push_back(sums[i][j].first + "=" + std::to_string(sums[i][j].second) + "/" +
                         std::to_string(copied[j].second));
        t.matches = t.matches && sums[i][j] == copied[j];
      }
      if (!t.matches && report.problem.empty())
        report.problem = "table " + t.table + " differs on the target";
    }
    report.audit_head_matches = auditHead(target.sql()) == source_head;
    target.commit();
  }  // the session goes back to the pool: verifyAudit reads on its own
  const auto verdict = audit::verifyAudit(to);
  report.audit_ok = verdict.ok;
  report.audit_rows = verdict.rows;
  if (report.problem.empty() && !verdict.ok)
    report.problem = "the audit chain does not hold on the target: " + verdict.reason;
  if (report.problem.empty() && !report.audit_head_matches)
    report.problem = "the audit head differs on the target";
}

}  // namespace citygrants::transfer::parts
