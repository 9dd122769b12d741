#include "services/usecases/timeline_service.h"
#include "web/handlers/audit_json.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"

namespace citygrants::handlers {
namespace {

ApiResponse timelineResponse(const std::vector<audit::AuditRow>& rows) {
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& r : rows) items->add(auditEventJson(r));
  return http::jsonResponse(
      http::page(items, static_cast<std::int64_t>(items->size()), std::nullopt));
}

}  // namespace

ApiResponse getProposalTimeline(ApiContext& ctx, ApiRequest& req) {
  return timelineResponse(
      usecases::TimelineService(ctx.useCases()).forProposal(req.who(), req.id()));
}

ApiResponse getGrantTimeline(ApiContext& ctx, ApiRequest& req) {
  return timelineResponse(usecases::TimelineService(ctx.useCases()).forGrant(req.who(), req.id()));
}

}  // namespace citygrants::handlers
