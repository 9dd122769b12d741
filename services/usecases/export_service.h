#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <variant>

#include "modules/exports/table.h"
#include "services/audit/audit_query.h"
#include "services/exports/temp_file.h"
#include "services/stores/assignment_list.h"
#include "services/stores/grant_list.h"
#include "services/stores/proposal_list.h"
#include "services/stores/report_list.h"
#include "services/stores/tranche_list.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// The rows of one export file: the list's own query, with its filters (and, for proposals, its
// order); the service sets the visibility, as the list's service does. Which alternative it is
// says which list: proposals, reviews, grants, tranches, reports (scoped like grants), audit.
using ExportQuery = std::variant<stores::ProposalQuery, stores::AssignmentQuery, stores::GrantQuery,
                                 stores::TrancheQuery, stores::ReportQuery, audit::AuditFilter>;

struct ExportRequest {
  ExportQuery query;
  exports::FileFormat format = exports::FileFormat::kCsv;
  std::string filters_json = "{}";  // the filters as the client gave them, for the audit event
};

// A finished file, removed when the last holder of `file` lets go.
struct ExportedFile {
  std::shared_ptr<const exports::TempFile> file;
  std::string name;  // "proposals-2026-12-03.csv": the list, the UTC day, the format
  std::int64_t rows = 0;
};

// CSV and XLSX files of the lists (DESIGN §11): scoped exactly like the list, written row by row
// to a temporary file (memory stays flat however long the list), audited and rate-limited.
class ExportService {
 public:
  // An export holds a pooled read connection for as long as its file takes (seconds for a
  // hundred thousand rows): at most this many run at once in a server, so that the pool (4
  // connections by default) keeps connections for every other request. One more waits up to
  // kWaitForTurn for its turn, then is refused with kTooManyRequests.
  static constexpr int kMaxAtOnce = 2;
  static constexpr std::chrono::seconds kWaitForTurn{20};

  explicit ExportService(Context ctx) : ctx_(ctx) {}

  // Reads the rows in one read snapshot, page by page, into the file; then, as the use case's
  // one write, records the export in the audit chain (ExportLog::record, which refuses past the
  // rate limit; the limit is checked before reading too, so a refused export costs nothing).
  // The read is not the write transaction: on SQLite the one writer would be held for as long
  // as the file takes, every other use case of the fund waiting behind it.
  // Throws kForbidden for the audit list unless the actor reads the audit, kTooManyRequests
  // past ExportLog::kMaxPerWindow (or when no turn comes in kWaitForTurn), kInvalid when an
  // XLSX sheet cannot hold the rows.
  ExportedFile run(const Actor& actor, const ExportRequest& request);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
