#include "modules/core/problem.h"
#include "services/usecases/export_service.h"
#include "web/handlers/list_filters.h"
#include "web/handlers/routes.h"

namespace citygrants::handlers {
namespace {

using exports::ListKind;

// In exports::FileFormat order.
constexpr const char* kContentTypes[] = {
    "text/csv; charset=utf-8",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};

// The list's filters, decoded as its list route decodes them.
usecases::ExportQuery filtersOf(const ApiRequest& req, ListKind list) {
  switch (list) {
    case ListKind::kProposals: return proposalFilters(req);
    case ListKind::kReviews: return assignmentFilters(req);
    case ListKind::kGrants: return grantFilters(req);
    case ListKind::kTranches: return trancheFilters(req);
    case ListKind::kReports: return reportFilters(req);
    case ListKind::kAudit: return auditFilters(req);
  }
  throw core::Problem::notFound("export");
}

}  // namespace

ApiResponse getExport(ApiContext& ctx, ApiRequest& req) {
  const auto kind = exports::parseFileName(req.params.at("file"));
  if (!kind) throw core::Problem::notFound("export");  // an unknown list or format
  const usecases::ExportRequest request{filtersOf(req, kind->list), kind->format,
                                        givenFilters(req, kind->list)};
  const auto out = usecases::ExportService(ctx.useCases()).run(req.who(), request);
  ApiResponse r;
  r.file = out.file;
  r.content_type = kContentTypes[static_cast<int>(kind->format)];
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + out.name + "\"");
  r.headers.emplace_back("X-Export-Rows", std::to_string(out.rows));
  return r;
}

}  // namespace citygrants::handlers
