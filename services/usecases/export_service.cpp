#include "services/usecases/export_service.h"

#include <semaphore>
#include <vector>

#include "modules/core/problem.h"

#include "services/exports/table_writer.h"
#include "services/stores/export_rows.h"
#include "services/usecases/audit_service.h"
#include "services/usecases/export_log.h"
#include "services/usecases/list_scope.h"

namespace citygrants::usecases {
namespace {

// The rows `actor` may export of the list `query` names, scoped as the list's service scopes
// them.
stores::ExportSource sourceFor(const Actor& actor, const ExportQuery& query) {
  struct Scope {
    const Actor& actor;
    stores::ExportSource operator()(stores::ProposalQuery q) const {
      scopeQuery(actor, q);
      return stores::proposalRows(q);
    }
    stores::ExportSource operator()(stores::AssignmentQuery q) const {
      scopeQuery(actor, q);
      return stores::assignmentRows(q);
    }
    stores::ExportSource operator()(stores::GrantQuery q) const {
      q.visibility = visibilityOf(actor);
      return stores::grantRows(q);
    }
    stores::ExportSource operator()(stores::TrancheQuery q) const {
      q.visibility = visibilityOf(actor);
      return stores::trancheRows(q);
    }
    stores::ExportSource operator()(stores::ReportQuery q) const {
      q.visibility = visibilityOf(actor);
      return stores::reportRows(q);
    }
    stores::ExportSource operator()(const audit::AuditFilter& f) const {
      requireAuditReader(actor);
      return stores::auditRows(f);
    }
  };
  return std::visit(Scope{actor}, query);
}

// The turns of ExportService::kMaxAtOnce, shared by every server of the process.
std::counting_semaphore<ExportService::kMaxAtOnce>& turns() {
  static std::counting_semaphore<ExportService::kMaxAtOnce> slots(ExportService::kMaxAtOnce);
  return slots;
}

// Holds one turn while it lives.
class Turn {
 public:
  Turn() {
    if (!turns().try_acquire_for(ExportService::kWaitForTurn)) {
      throw core::Problem::tooManyRequests("export.busy", 10);
    }
  }
  ~Turn() { turns().release(); }
  Turn(const Turn&) = delete;
  Turn& operator=(const Turn&) = delete;
};

}  // namespace

ExportedFile ExportService::run(const Actor& actor, const ExportRequest& request) {
  const auto source = sourceFor(actor, request.query);
  const std::string format(exports::formatName(request.format));
  auto file = std::make_shared<exports::TempFile>("citygrants-export");
  std::int64_t rows = 0;
  {
    const Turn turn;
    auto tx = ctx_.db.read();  // one snapshot for every page, on either database
    ExportLog::check(tx, actor, ctx_.clock.nowMs());
    if (const auto* f = std::get_if<audit::AuditFilter>(&request.query)) checkAuditFilter(tx, *f);
    auto writer = request.format == exports::FileFormat::kCsv
                      ? exports::csvWriter(file->path())
                      : exports::xlsxWriter(file->path(), source.name, file->dir());
    std::vector<exports::Column> columns;
    for (const auto& c : source.columns) columns.push_back(c.column);
    writer->header(columns);
    rows = stores::streamRows(tx, source,
                              [&](std::span<const exports::Cell> cells) { writer->row(cells); });
    writer->finish();
    tx.commit();
  }
  const auto now = ctx_.clock.nowMs();
  const std::string what = std::string(source.name) + "." + format;
  ctx_.db.write([&](db::Tx& tx) {
    ExportLog::record(tx, actor, what, request.filters_json, rows, now);
    tx.commit();
  });
  return {std::move(file), std::string(source.name) + "-" + exports::isoDate(now) + "." + format,
          rows};
}

}  // namespace citygrants::usecases
