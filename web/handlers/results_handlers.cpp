#include "services/usecases/indicator_service.h"
#include "services/usecases/results_service.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"
#include "web/http/results_json.h"

namespace citygrants::handlers {
namespace {

http::JsonObject grantResultsJson(const usecases::GrantResultsView& v) {
  auto o = http::object();
  o->set("grant_id", v.grant_id);
  o->set("currency", v.currency);
  o->set("periods", v.periods);
  http::JsonArray list = new Poco::JSON::Array;
  for (const auto& r : v.indicators) {
    auto item = http::object();
    item->set("indicator", http::indicatorJson(r.indicator));
    item->set("required", r.required);
    item->set("baseline", r.baseline);
    item->set("target", http::measureJson(r.target));
    item->set("actual", http::measureJson(r.actual));
    if (auto pct = results::achievedPercent(r.target.total, r.actual.total)) {
      item->set("achieved_pct", *pct);
    } else {
      item->set("achieved_pct", Poco::Dynamic::Var());
    }
    http::JsonArray periods = new Poco::JSON::Array;
    for (const auto& p : r.periods) {
      auto period = http::object();
      period->set("period", p.period);
      auto measure = [&](const char* key, const std::optional<results::Measure>& m) {
        period->set(key, m ? Poco::Dynamic::Var(http::measureJson(*m)) : Poco::Dynamic::Var());
      };
      measure("target", p.target);
      measure("actual", p.actual);
      measure("pending", p.pending);
      periods->add(period);
    }
    item->set("periods", periods);
    list->add(item);
  }
  o->set("indicators", list);
  return o;
}

usecases::ResultsQuery decodeResultsQuery(const ApiRequest& req) {
  usecases::ResultsQuery q;
  const auto by = req.queryText("group_by").value_or("call");
  const auto grouping = usecases::groupByNamed(by);
  if (!grouping) {
    throw http::HttpError(
        400, "bad-query", {"query.bad", {{"name", "group_by"}}},
        {{"group_by", {"query.one_of", {{"values", "call, chapter, donor, city, country"}}}}});
  }
  q.group_by = *grouping;
  q.call_id = req.queryInt("call", 1, INT64_MAX);
  q.chapter_id = req.queryInt("chapter", 1, INT64_MAX);
  q.donor_id = req.queryInt("donor", 1, INT64_MAX);
  q.city_org_id = req.queryInt("city", 1, INT64_MAX);
  q.country = req.queryText("country");
  q.indicator = req.queryText("indicator");
  if (auto period = req.queryInt("period", 1, 12)) q.period = static_cast<int>(*period);
  return q;
}

}  // namespace

http::JsonObject rollUpJson(const usecases::ResultsRollUp& r) {
  auto o = http::object();
  o->set("group_by", std::string(usecases::groupByName(r.group_by)));
  o->set("grants", r.grants);
  http::setOptional(o, "currency", r.currency);
  http::JsonArray groups = new Poco::JSON::Array;
  for (const auto& g : r.groups) groups->add(http::groupJson(g.figures, g.label, r.indicators));
  o->set("groups", groups);
  o->set("total", http::groupJson(r.total, "", r.indicators));
  return o;
}

ApiResponse listIndicators(ApiContext& ctx, ApiRequest& req) {
  http::JsonArray items = new Poco::JSON::Array;
  const auto all = usecases::IndicatorService(ctx.useCases()).list(req.who());
  for (const auto& i : all) items->add(http::indicatorJson(i));
  auto body = http::page(items, static_cast<std::int64_t>(all.size()), std::nullopt);
  body->set("dimensions", http::dimensionsJson());
  return http::jsonResponse(body);
}

ApiResponse getIndicator(ApiContext& ctx, ApiRequest& req) {
  const auto i = usecases::IndicatorService(ctx.useCases()).get(req.who(), req.id());
  return http::versionedResponse(http::indicatorJson(i), i.version);
}

ApiResponse postIndicator(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  const auto given = http::readIndicator(in, false);
  in.finish();
  const auto i = usecases::IndicatorService(ctx.useCases()).add(req.who(), given);
  auto r = http::versionedResponse(http::indicatorJson(i), i.version, 201);
  r.headers.emplace_back("Location", "/api/v1/indicators/" + std::to_string(i.id));
  return r;
}

ApiResponse putIndicator(ApiContext& ctx, ApiRequest& req) {
  const auto version = req.ifMatch();
  http::JsonReader in(req.json());
  const auto edited = http::readIndicator(in, true);
  in.finish();
  const auto i = usecases::IndicatorService(ctx.useCases()).edit(req.who(), req.id(), version, edited);
  return http::versionedResponse(http::indicatorJson(i), i.version);
}

ApiResponse getGrantResults(ApiContext& ctx, ApiRequest& req) {
  const auto v = usecases::ResultsService(ctx.useCases()).ofGrant(req.who(), req.id());
  return http::jsonResponse(grantResultsJson(v));
}

ApiResponse getResults(ApiContext& ctx, ApiRequest& req) {
  const auto query = decodeResultsQuery(req);
  const auto r = usecases::ResultsService(ctx.useCases()).rollUp(req.who(), query);
  return http::jsonResponse(rollUpJson(r));
}

}  // namespace citygrants::handlers
