#include "services/usecases/timeline_service.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"

namespace citygrants::handlers {
namespace {

// One event in the shape of GET /audit's items.
http::JsonObject eventJson(const audit::AuditRow& r) {
  auto o = http::object();
  o->set("seq", r.seq);
  http::setOptional(o, "actor_id", r.entry.actor_id);
  o->set("entity", r.entry.entity);
  o->set("entity_id", r.entry.entity_id);
  o->set("event", r.entry.event);
  o->set("from", r.entry.from_state);
  o->set("to", r.entry.to_state);
  o->set("detail", r.entry.detail);
  o->set("at", http::isoTime(r.entry.at));
  o->set("hash", r.hash);
  return o;
}

ApiResponse timelineResponse(const std::vector<audit::AuditRow>& rows) {
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& r : rows) items->add(eventJson(r));
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
