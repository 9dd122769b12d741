#include "services/transfer/copy_fund.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <set>
#include <string_view>

#include <soci/soci.h>

#include "modules/core/problem.h"
#include "services/audit/audit_log.h"
#include "services/db/migrator.h"

namespace citygrants::transfer {
namespace {

using core::Problem;
using core::ProblemKind;

// Every table of the current schema, parents before children. audit_head and publisher are
// replaced whole (the target's migrations made their starting rows). search_documents is copied
// like the records it indexes: the target's own full-text index (SQLite's FTS5 table, kept by
// triggers; PostgreSQL's GIN index) follows it as the rows go in.
const std::vector<std::string> kTables = {
    "organisations",
    "users",
    "role_grants",
    "sessions",
    "api_tokens",
    "second_factors",
    "recovery_codes",
    "second_factor_resets",
    "calls",
    "criteria",
    "tranche_plan_items",
    "proposals",
    "proposal_reference_counters",
    "proposal_versions",
    "budget_lines",
    "review_assignments",
    "review_scores",
    "decisions",
    "grants",
    "reports",
    "report_spending",
    "tranches",
    "amendments",
    "amendment_budget_lines",
    "amendment_tranches",
    "grant_terms",
    "grant_term_lines",
    "grant_term_tranches",
    "messages",
    "attachments",
    "audit_events",
    "audit_head",
    "outbox_mail",
    "idempotency_keys",
    "login_attempts",
    "indicators",
    "call_indicators",
    "proposal_targets",
    "report_results",
    "report_result_cells",
    "chapters",
    "call_chapters",
    "grant_allocations",
    "password_resets",
    "password_reset_requests",
    "team_invitations",
    "publisher",
    "search_documents",
    "call_texts",
    "criterion_texts",
    "sent_reminders",
    "scheduler_lease",
};

// Kept by the target's triggers as the proposals and messages go in (migrations 0026, 0031):
// not copied.
constexpr std::array<std::string_view, 2> kTalliesKeptByTriggers = {"proposal_tallies",
                                                                    "outbox_tallies"};

// The ordinary tables: on SQLite not the full-text index (a virtual table) nor the shadow tables
// that hold it, which the target rebuilds from search_documents.
std::set<std::string> tablesIn(db::Tx& tx) {
  const std::string query =
      tx.dialect() == db::Dialect::kSqlite
          ? "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' "
            "AND name NOT LIKE 'sqlite_%'"
          : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
            "current_schema() "
            "AND table_type = 'BASE TABLE'";
  std::set<std::string> out;
  soci::rowset<std::string> rows = (tx.sql().prepare << query);
  for (const auto& name : rows) out.insert(name);
  return out;
}

// A column's value as text, the form both backends take for any column type (SQLite converts by
// the column's affinity; SOCI's PostgreSQL backend sends every parameter as text).
std::string asText(const soci::row& row, std::size_t i) {
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string:
      return row.get<std::string>(i);
    case soci::dt_integer:
      return std::to_string(row.get<int>(i));
    case soci::dt_long_long:
      return std::to_string(row.get<long long>(i));
    case soci::dt_unsigned_long_long:
      return std::to_string(row.get<unsigned long long>(i));
    case soci::dt_double: {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.17g", row.get<double>(i));
      return buf;
    }
    default:
      throw Problem(ProblemKind::kInvalid,
                    core::Message::verbatim("column " + row.get_properties(i).get_name() +
                                            " has a type the copy does not move"));
  }
}

std::int64_t scalar(db::Tx& tx, const std::string& query) {
  long long n = 0;
  soci::indicator ind = soci::i_ok;
  tx.sql() << query, soci::into(n, ind);
  return ind == soci::i_null ? 0 : n;
}

// Copies `table` row by row with one prepared INSERT; answers the rows copied and the names of
// its columns.
std::int64_t copyTable(db::Tx& source, db::Tx& target, const std::string& table,
                       std::vector<std::string>& columns) {
  soci::rowset<soci::row> rows = (source.sql().prepare << "SELECT * FROM " + table);
  std::vector<std::string> values;
  std::vector<soci::indicator> nulls;
  std::unique_ptr<soci::statement> insert;
  std::int64_t copied = 0;
  for (const auto& row : rows) {
    if (!insert) {  // the first row names the columns
      columns.clear();
      for (std::size_t i = 0; i < row.size(); ++i)
        columns.push_back(row.get_properties(i).get_name());
      values.assign(columns.size(), "");
      nulls.assign(columns.size(), soci::i_ok);
      std::string names, marks;
      for (std::size_t i = 0; i < columns.size(); ++i) {
        names += (i ? ", " : "") + columns[i];
        marks += (i ? ", :c" : ":c") + std::to_string(i);
      }
      insert = std::make_unique<soci::statement>(target.sql());
      for (std::size_t i = 0; i < columns.size(); ++i)
        insert->exchange(soci::use(values[i], nulls[i]));
      insert->alloc();
      insert->prepare("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")");
      insert->define_and_bind();
    }
    for (std::size_t i = 0; i < row.size(); ++i) {
      nulls[i] = row.get_indicator(i) == soci::i_null ? soci::i_null : soci::i_ok;
      values[i] = nulls[i] == soci::i_null ? "" : asText(row, i);
    }
    insert->execute(true);
    ++copied;
  }
  return copied;
}

// PostgreSQL: moves the identity sequence of table.id past the ids just copied in.
void moveSequence(db::Tx& target, const std::string& table,
                  const std::vector<std::string>& columns) {
  if (target.dialect() != db::Dialect::kPostgres) return;
  if (std::find(columns.begin(), columns.end(), "id") == columns.end()) return;
  std::string sequence;
  soci::indicator ind = soci::i_ok;
  target.sql() << "SELECT pg_get_serial_sequence('" + table + "', 'id')", soci::into(sequence, ind);
  if (ind == soci::i_null) return;
  target.sql() << "SELECT setval('" + sequence + "', (SELECT MAX(id) FROM " + table + "))";
}

std::vector<std::string> moneyColumns(db::Tx& tx, const std::string& table) {
  const std::string query = tx.dialect() == db::Dialect::kSqlite
                                ? "SELECT name FROM pragma_table_info('" + table + "')"
                                : "SELECT column_name FROM information_schema.columns WHERE "
                                  "table_schema = current_schema() "
                                  "AND table_name = '" +
                                      table + "'";
  std::vector<std::string> out;
  soci::rowset<std::string> names = (tx.sql().prepare << query);
  for (const auto& name : names) {
    if (name.size() > 6 && name.ends_with("_minor")) out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The Σ of each money column of `table`, in `tx`'s snapshot.
std::vector<std::pair<std::string, std::int64_t>> moneySums(db::Tx& tx, const std::string& table) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& column : moneyColumns(tx, table)) {
    out.emplace_back(column,
                     scalar(tx, "SELECT CAST(SUM(" + column + ") AS BIGINT) FROM " + table));
  }
  return out;
}

struct Head {
  std::int64_t seq = 0;
  std::string hash;
  bool operator==(const Head&) const = default;
};

Head auditHead(db::Tx& tx) {
  Head h;
  long long seq = 0;
  tx.sql() << "SELECT last_seq, last_hash FROM audit_head WHERE id = 1", soci::into(seq),
      soci::into(h.hash);
  h.seq = seq;
  return h;
}

// Row counts, money sums and the audit head of the committed target against what was read from
// the source's snapshot; then the chain recomputed on the target.
void check(db::Database& to,
           const std::vector<std::vector<std::pair<std::string, std::int64_t>>>& sums,
           const Head& source_head, CopyReport& report) {
  {
    auto target = to.read();
    for (std::size_t i = 0; i < report.tables.size(); ++i) {
      auto& t = report.tables[i];
      t.target_rows = scalar(target, "SELECT COUNT(*) FROM " + t.table);
      t.matches = t.target_rows == t.source_rows;
      const auto copied = moneySums(target, t.table);
      t.matches = t.matches && copied.size() == sums[i].size();
      for (std::size_t j = 0; j < sums[i].size() && j < copied.size(); ++j) {
        t.sums.push_back(sums[i][j].first + "=" + std::to_string(sums[i][j].second) + "/" +
                         std::to_string(copied[j].second));
        t.matches = t.matches && sums[i][j] == copied[j];
      }
      if (!t.matches && report.problem.empty())
        report.problem = "table " + t.table + " differs on the target";
    }
    report.audit_head_matches = auditHead(target) == source_head;
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

// Copies every table of `source`'s snapshot into the empty `target`, parents first, and records
// each table's rows in `report` and the source's money sums in `sums`. Throws Problem(kConflict)
// when the target already holds a fund.
void fill(db::Tx& source, db::Tx& target, CopyReport& report,
          std::vector<std::vector<std::pair<std::string, std::int64_t>>>& sums,
          const std::function<void(const std::string&)>& progress) {
  if (scalar(target, "SELECT COUNT(*) FROM organisations") != 0 ||
      scalar(target, "SELECT last_seq FROM audit_head WHERE id = 1") != 0) {
    throw Problem(ProblemKind::kConflict,
                  core::Message::verbatim(
                      "the target already holds a fund: copy fills an empty database only"));
  }
  // The migrations' starting rows: the source's replace them.
  target.sql() << "DELETE FROM audit_head";
  target.sql() << "DELETE FROM publisher";
  for (const auto& table : kTables) {
    std::vector<std::string> columns;
    TableCopy t{table, copyTable(source, target, table, columns), 0, {}, true};
    moveSequence(target, table, columns);
    sums.push_back(moneySums(source, table));
    progress("  " + table + ": " + std::to_string(t.source_rows) + " row(s)");
    report.tables.push_back(std::move(t));
  }
}

}  // namespace

const std::vector<std::string>& fundTables() { return kTables; }

CopyReport copyFund(db::Database& from, db::Database& to,
                    const std::function<void(const std::string&)>& progress) {
  db::requireCurrentSchema(from);
  db::migrate(to);
  CopyReport report;
  std::vector<std::vector<std::pair<std::string, std::int64_t>>> sums;  // per table, in the source
  Head source_head;
  {
    auto source = from.read();  // one snapshot of a live source, on either database
    for (const auto& name : tablesIn(source)) {
      if (name != "schema_migrations" &&
          std::find(kTalliesKeptByTriggers.begin(), kTalliesKeptByTriggers.end(), name) ==
              kTalliesKeptByTriggers.end() &&
          std::find(kTables.begin(), kTables.end(), name) == kTables.end()) {
        throw Problem(
            ProblemKind::kInvalid,
            core::Message::verbatim("the source has a table the copy does not know: " + name));
      }
    }
    // One write use case of `to` (on SQLite, on its writer thread while this one waits: `source`
    // is used there meanwhile, never by two threads at once).
    to.write([&](db::Tx& target) {
      fill(source, target, report, sums, progress);
      source_head = auditHead(source);
      target.commit();
    });
    source.commit();
  }
  check(to, sums, source_head, report);
  return report;
}

}  // namespace citygrants::transfer
