#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "modules/exports/table.h"
#include "services/audit/audit_query.h"
#include "services/db/database.h"
#include "services/stores/assignment_list.h"
#include "services/stores/grant_list.h"
#include "services/stores/proposal_list.h"
#include "services/stores/report_list.h"
#include "services/stores/tranche_list.h"

// Reading a whole list for an export file: the same rows as the list route (its own WHERE
// builder, so its visibility and filters), with the columns a spreadsheet wants, page by page.
namespace citygrants::stores {

// One column of an export: its header and kind, and the SQL expression it is read from. Money
// columns take the digits of the row's column named "currency".
struct ExportColumn {
  exports::Column column;
  const char* sql;
};

// How to read one list: its columns, the tables joined, the keyset order (an integer sort key
// and the row id; the same expression twice when the id is the order) and the list's WHERE
// builder (visibility and filters, no cursor), called once per page's statement.
struct ExportSource {
  std::string_view name;  // the list, for the worksheet: "proposals"
  std::vector<ExportColumn> columns;
  std::string from;  // " FROM proposals p JOIN ..."
  std::string key;   // "p.updated_at"
  std::string id;    // "p.id"
  bool descending = false;
  std::function<std::string(soci::statement&)> where;
};

// Rows read per statement: enough to amortise a query, few enough that a page held by the
// driver (libpq keeps a whole result) stays small.
inline constexpr int kExportPage = 500;

// Calls `each` with the cells of every row of `source`, in its order, kExportPage rows per
// statement by keyset (no OFFSET, no COUNT), in `tx`. Returns the number of rows. The cells
// `each` sees are overwritten by the next row.
std::int64_t streamRows(db::Tx& tx, const ExportSource& source,
                        const std::function<void(std::span<const exports::Cell>)>& each);

// The sources of the lists (export_sources.cpp). REQUIRES: each query's visibility is set, as
// the list's service sets it; the proposal query's sort is one of its four orders.
ExportSource proposalRows(const ProposalQuery& query);
ExportSource assignmentRows(const AssignmentQuery& query);
ExportSource grantRows(const GrantQuery& query);
ExportSource trancheRows(const TrancheQuery& query);
ExportSource reportRows(const ReportQuery& query);
ExportSource auditRows(const audit::AuditFilter& filter);

}  // namespace citygrants::stores
