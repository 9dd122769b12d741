#include "modules/opendata/dac_sector.h"
#include "services/usecases/grant_service.h"
#include "services/usecases/open_data_service.h"
#include "services/usecases/report_service.h"
#include "services/usecases/tranche_service.h"
#include "web/handlers/actor_json.h"
#include "web/handlers/grant_json.h"
#include "web/handlers/list_filters.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"
#include "web/http/transition_request.h"

namespace citygrants::handlers {
namespace {

// A grant with the events the reader may fire now and who signed it, as they may know them.
http::JsonObject grantJson(const usecases::GrantView& g) {
  const auto& actions = g.actions;
  auto o = http::object();
  o->set("id", g.id);
  o->set("reference", g.reference);
  o->set("state", g.state);
  o->set("version", g.version);
  o->set("actions", http::strings(actions));
  o->set("proposal_id", g.proposal_id);
  o->set("call_id", g.call_id);
  o->set("city_org_id", g.city_org_id);
  o->set("supporting_org_id", g.supporting_org_id);
  o->set("amount", http::money(g.amount_minor, g.currency));
  o->set("duration_months", g.duration_months);
  http::setOptional(o, "signed_by", g.signed_by);
  http::setTime(o, "signed_at", g.signed_at);
  o->set("created_at", http::isoTime(g.created_at));
  o->set("sectors", http::strings(opendata::sectorsOf(g.sector_code)));
  http::setOptional(o, "sector_code", g.sector_code.empty() ? std::nullopt
                                                             : std::optional<std::string>(g.sector_code));
  o->set("publishable", g.publishable);
  http::setTime(o, "published_at", g.published_at);
  setActors(o, g.actors);
  return o;
}

http::JsonObject budgetLineJson(const usecases::BudgetVsActual& line, const std::string& currency) {
  auto o = http::object();
  o->set("category", line.category);
  o->set("description", line.description);
  o->set("planned", http::money(line.planned_minor, currency));
  o->set("actual", http::money(line.actual_minor, currency));
  return o;
}

}  // namespace

ApiResponse listGrants(ApiContext& ctx, ApiRequest& req) {
  auto q = grantFilters(req);
  q.after_id = req.queryInt("after", 1, INT64_MAX);
  q.limit = static_cast<int>(req.queryInt("limit", 1, 200).value_or(50));
  const auto page = usecases::GrantService(ctx.useCases()).list(req.who(), q);
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& g : page.items) items->add(grantJson(g));
  std::optional<std::string> next;
  if (page.more) next = std::to_string(page.items.back().id);
  return http::jsonResponse(http::page(items, page.total, next));
}

ApiResponse getGrant(ApiContext& ctx, ApiRequest& req) {
  const auto g = usecases::GrantService(ctx.useCases()).get(req.who(), req.id());
  return http::versionedResponse(grantJson(g), g.version);
}

ApiResponse putGrantPublication(ApiContext& ctx, ApiRequest& req) {
  const auto version = req.ifMatch();
  http::JsonReader in(req.json());
  const auto publishable = in.boolean("publishable", true);
  const auto sector = in.text("sector_code", false, 5);
  in.finish();
  const auto g = usecases::OpenDataService(ctx.useCases())
                     .setPublication(req.who(), req.id(), version, publishable.value_or(false), sector);
  return http::versionedResponse(grantJson(g), g.version);
}

ApiResponse postGrantTransition(ApiContext& ctx, ApiRequest& req) {
  const auto transition = http::decodeTransition(req);
  const auto g = usecases::GrantService(ctx.useCases()).fire(req.who(), req.id(), transition);
  http::countTransition(ctx, "grant", transition.event);
  return http::versionedResponse(grantJson(g), g.version);
}

ApiResponse listGrantTranches(ApiContext& ctx, ApiRequest& req) {
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& t : usecases::TrancheService(ctx.useCases()).ofGrant(req.who(), req.id())) {
    items->add(trancheJson(t, t.currency, t.actions, t.actors));
  }
  return http::jsonResponse(
      http::page(items, static_cast<std::int64_t>(items->size()), std::nullopt));
}

ApiResponse listGrantReports(ApiContext& ctx, ApiRequest& req) {
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& r : usecases::ReportService(ctx.useCases()).ofGrant(req.who(), req.id())) {
    items->add(reportJson(r, r.actions));
  }
  return http::jsonResponse(
      http::page(items, static_cast<std::int64_t>(items->size()), std::nullopt));
}

ApiResponse getGrantBudget(ApiContext& ctx, ApiRequest& req) {
  const auto budget = usecases::ReportService(ctx.useCases()).budgetVsActual(req.who(), req.id());
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& line : budget.lines) items->add(budgetLineJson(line, budget.currency));
  return http::jsonResponse(
      http::page(items, static_cast<std::int64_t>(items->size()), std::nullopt));
}

}  // namespace citygrants::handlers
