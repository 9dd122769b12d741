#include "services/usecases/read_keys.h"
#include "services/usecases/tranche_service.h"
#include "web/handlers/actor_json.h"
#include "web/handlers/grant_json.h"
#include "web/handlers/list_filters.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/transition_request.h"

namespace citygrants::handlers {

http::JsonObject trancheJson(const stores::Tranche& t, const std::string& currency,
                             const std::vector<std::string>& actions,
                             const usecases::Actors& actors) {
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
  setActors(o, actors);
  return o;
}

namespace {

// What a tranche list shows of the tranche's grant.
http::JsonObject trancheGrantJson(const stores::TrancheGrant& g) {
  auto o = http::object();
  o->set("id", g.id);
  o->set("reference", g.reference);
  auto city = http::object();
  city->set("id", g.city_org_id);
  city->set("name", g.city_name);
  o->set("city", city);
  o->set("supporting_org_id", g.supporting_org_id);
  o->set("state", g.state);
  return o;
}

}  // namespace

ApiResponse listTranches(ApiContext& ctx, ApiRequest& req) {
  auto q = trancheFilters(req);
  q.after_id = req.queryInt("after", 1, INT64_MAX);
  q.limit = static_cast<int>(req.queryInt("limit", 1, 200).value_or(50));
  const auto page = usecases::TrancheService(ctx.useCases()).list(req.who(), q);
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& e : page.items) {
    auto o = trancheJson(e.tranche, e.grant.currency, e.actions, e.actors);
    o->set("grant", trancheGrantJson(e.grant));
    items->add(o);
  }
  std::optional<std::string> next;
  if (page.more) next = std::to_string(page.items.back().tranche.id);
  return http::jsonResponse(http::page(items, page.total, next));
}

ApiResponse getTranche(ApiContext& ctx, ApiRequest& req) {
  const auto t = usecases::TrancheService(ctx.useCases()).get(req.who(), req.id());
  auto r = http::versionedResponse(trancheJson(t, t.currency, t.actions, t.actors), t.version);
  r.depends_on = usecases::trancheViewKeys(t.proposal_id);
  return r;
}

ApiResponse postTrancheTransition(ApiContext& ctx, ApiRequest& req) {
  const auto transition = http::decodeTransition(req);
  const auto t = usecases::TrancheService(ctx.useCases()).fire(req.who(), req.id(), transition);
  if (!t.replayed) http::countTransition(ctx, "tranche", transition.event);
  return http::versionedResponse(trancheJson(t, t.currency, t.actions, t.actors), t.version);
}

}  // namespace citygrants::handlers
