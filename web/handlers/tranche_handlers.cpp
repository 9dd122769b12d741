#include "services/usecases/grant_service.h"
#include "services/usecases/tranche_service.h"
#include "web/handlers/grant_json.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/transition_request.h"

namespace citygrants::handlers {

http::JsonObject trancheJson(const stores::Tranche& t, const std::string& currency,
                             const std::vector<std::string>& actions) {
  auto o = http::object();
  o->set("id", t.id);
  o->set("reference", t.reference);
  o->set("state", t.state);
  o->set("version", t.version);
  o->set("actions", http::strings(actions));
  o->set("grant_id", t.grant_id);
  o->set("seq", t.seq);
  o->set("amount", http::money(t.amount_minor, currency));
  o->set("trigger", t.trigger);
  http::setOptional(o, "report_id", t.report_id);
  http::setOptional(o, "requested_by", t.requested_by);
  http::setTime(o, "requested_at", t.requested_at);
  http::setOptional(o, "verified_by", t.verified_by);
  http::setOptional(o, "approved_by", t.approved_by);
  http::setOptional(o, "disbursed_by", t.disbursed_by);
  http::setTime(o, "disbursed_at", t.disbursed_at);
  http::setOptional(o, "payment_reference", t.payment_reference);
  return o;
}

ApiResponse getTranche(ApiContext& ctx, ApiRequest& req) {
  usecases::TrancheService tranches(ctx.useCases());
  const auto t = tranches.get(req.who(), req.id());
  const auto g = usecases::GrantService(ctx.useCases()).get(req.who(), t.grant_id);
  return http::versionedResponse(trancheJson(t, g.currency, tranches.actions(req.who(), t)),
                                 t.version);
}

ApiResponse postTrancheTransition(ApiContext& ctx, ApiRequest& req) {
  const auto transition = http::decodeTransition(req);
  usecases::TrancheService tranches(ctx.useCases());
  const auto t = tranches.fire(req.who(), req.id(), transition);
  if (!tranches.replayed()) http::countTransition(ctx, "tranche", transition.event);
  const auto g = usecases::GrantService(ctx.useCases()).get(req.who(), t.grant_id);
  return http::versionedResponse(trancheJson(t, g.currency, tranches.actions(req.who(), t)),
                                 t.version);
}

}  // namespace citygrants::handlers
