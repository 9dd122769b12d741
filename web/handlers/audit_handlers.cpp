#include "services/usecases/audit_service.h"
#include "web/handlers/actor_json.h"
#include "web/handlers/audit_json.h"
#include "web/handlers/list_filters.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"

namespace citygrants::handlers {

http::JsonObject auditEventJson(const audit::AuditRow& r) {
  auto o = http::object();
  o->set("seq", r.seq);
  if (r.actor) {
    http::setOptional(o, "actor_id", r.actor->id);  // null when the reader may not know them
    o->set("actor", actorJson(*r.actor));
  } else {
    http::setOptional(o, "actor_id", r.entry.actor_id);
    o->set("actor", Poco::Dynamic::Var());  // the system (migrations, the seed)
  }
  o->set("entity", r.entry.entity);
  o->set("entity_id", r.entry.entity_id);
  http::setOptional(o, "reference", r.reference);
  o->set("event", r.entry.event);
  o->set("from", r.entry.from_state);
  o->set("to", r.entry.to_state);
  o->set("detail", r.entry.detail);
  o->set("at", http::isoTime(r.entry.at));
  o->set("hash", r.hash);
  return o;
}

ApiResponse listAudit(ApiContext& ctx, ApiRequest& req) {
  const auto filter = auditFilters(req);
  const auto before = req.queryInt("before", 1, INT64_MAX);
  const int limit = static_cast<int>(req.queryInt("limit", 1, 500).value_or(100));
  const auto page = usecases::AuditService(ctx.useCases()).list(req.who(), filter, before, limit + 1);
  const auto& rows = page.rows;
  http::JsonArray items = new Poco::JSON::Array;
  for (std::size_t i = 0; i < rows.size() && static_cast<int>(i) < limit; ++i) {
    items->add(auditEventJson(rows[i]));
  }
  std::optional<std::string> next;
  if (static_cast<int>(rows.size()) > limit) next = std::to_string(rows[static_cast<std::size_t>(limit) - 1].seq);
  auto body = http::page(items, page.total, next);
  return http::jsonResponse(body);
}

ApiResponse listAuditPeople(ApiContext& ctx, ApiRequest& req) {
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& p : usecases::AuditService(ctx.useCases()).people(req.who())) {
    items->add(actorJson(p));
  }
  return http::jsonResponse(
      http::page(items, static_cast<std::int64_t>(items->size()), std::nullopt));
}

ApiResponse getAuditVerification(ApiContext& ctx, ApiRequest& req) {
  const auto v = usecases::AuditService(ctx.useCases()).verify(req.who());
  auto o = http::object();
  o->set("ok", v.ok);
  o->set("rows", v.rows);
  http::setOptional(o, "bad_seq", v.bad_seq);
  http::setOptional(o, "bad_id", v.bad_id);
  o->set("reason", v.reason);
  return http::jsonResponse(o);
}

}  // namespace citygrants::handlers
