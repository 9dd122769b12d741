#include "services/transfer/copy_fund.h"

#include <algorithm>
#include <cstdio>

#include <soci/soci.h>

#include "modules/core/problem.h"
#include "services/db/migrator.h"
#include "services/transfer/copy_fund_parts.h"

namespace citygrants::transfer {
namespace {

using core::Problem;
using core::ProblemKind;
using parts::Head;
using parts::MoneySums;

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

// Copies every table of `source`'s snapshot into the empty `target`, parents first, and records
// each table's rows in `report` and the source's money sums in `sums`. Throws Problem(kConflict)
// when the target already holds a fund.
void fill(db::Tx& source, db::Tx& target, CopyReport& report, std::vector<MoneySums>& sums,
          const std::function<void(const std::string&)>& progress) {
  parts::refuseFilledTarget(target.sql());
  // The migrations' starting rows: the source's replace them.
  target.sql() << "DELETE FROM audit_head";
  target.sql() << "DELETE FROM publisher";
  for (const auto& table : kTables) {
    std::vector<std::string> columns;
    TableCopy t{table, copyTable(source, target, table, columns), 0, {}, true};
    moveSequence(target, table, columns);
    sums.push_back(parts::moneySums(source.sql(), source.dialect(), table, table));
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
  if (from.dialect() == db::Dialect::kSqlite && to.dialect() == db::Dialect::kSqlite) {
    return parts::copyBetweenSqlite(from, to, progress);
  }
  CopyReport report;
  std::vector<MoneySums> sums;  // per table, in the source
  Head source_head;
  {
    auto source = from.read();  // one snapshot of a live source, on either database
    parts::refuseUnknownTables(parts::tablesIn(source.sql(), source.dialect()));
    // One write use case of `to` (on SQLite, on its writer thread while this one waits: `source`
    // is used there meanwhile, never by two threads at once).
    to.write([&](db::Tx& target) {
      fill(source, target, report, sums, progress);
      source_head = parts::auditHead(source.sql());
      target.commit();
    });
    source.commit();
  }
  parts::check(to, sums, source_head, report);
  return report;
}

}  // namespace citygrants::transfer
