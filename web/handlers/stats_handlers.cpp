#include "services/usecases/stats_service.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"

namespace citygrants::handlers {
namespace {

http::JsonArray statesJson(const usecases::PipelineInCurrency& p) {
  http::JsonArray out = new Poco::JSON::Array;
  for (const auto& s : p.states) {
    auto o = http::object();
    o->set("state", s.state);
    o->set("count", s.count);
    o->set("requested", http::money(s.requested_minor, p.currency));
    o->set("awarded", http::money(s.awarded_minor, p.currency));
    out->add(o);
  }
  return out;
}

http::JsonArray itemsJson(const usecases::MoneyInCurrency& m) {
  http::JsonArray out = new Poco::JSON::Array;
  for (const auto& i : m.items) {
    auto o = http::object();
    o->set("id", i.id);
    o->set("name", i.name);
    o->set("grants", i.grants);
    o->set("planned", http::money(i.planned_minor, m.currency));
    o->set("disbursed", http::money(i.disbursed_minor, m.currency));
    out->add(o);
  }
  return out;
}

// ?by=call|city (default call); anything else is a 400 naming the parameter.
stores::MoneyKey decodeBy(const ApiRequest& req, std::string& by) {
  by = req.queryText("by").value_or("call");
  if (by == "call") return stores::MoneyKey::kCall;
  if (by == "city") return stores::MoneyKey::kCity;
  throw http::HttpError(400, "bad-query", {"query.bad", {{"name", "by"}}},
                        {{"by", {"query.one_of", {{"values", "call, city"}}}}});
}

}  // namespace

// The first currency's figures at the top; every currency's under by_currency when they differ.
ApiResponse getPipelineStats(ApiContext& ctx, ApiRequest& req) {
  const auto call = req.queryInt("call", 1, INT64_MAX);
  const auto groups = usecases::StatsService(ctx.useCases()).pipeline(req.who(), call);
  auto body = http::object();
  body->set("currency", groups.front().currency);
  body->set("states", statesJson(groups.front()));
  if (groups.size() > 1) {
    http::JsonArray all = new Poco::JSON::Array;
    for (const auto& g : groups) {
      auto o = http::object();
      o->set("currency", g.currency);
      o->set("states", statesJson(g));
      all->add(o);
    }
    body->set("by_currency", all);
  }
  return http::jsonResponse(body);
}

ApiResponse getMoneyStats(ApiContext& ctx, ApiRequest& req) {
  std::string by;
  const auto key = decodeBy(req, by);
  const auto groups = usecases::StatsService(ctx.useCases()).money(req.who(), key);
  auto body = http::object();
  body->set("by", by);
  body->set("currency", groups.front().currency);
  body->set("items", itemsJson(groups.front()));
  if (groups.size() > 1) {
    http::JsonArray all = new Poco::JSON::Array;
    for (const auto& g : groups) {
      auto o = http::object();
      o->set("currency", g.currency);
      o->set("items", itemsJson(g));
      all->add(o);
    }
    body->set("by_currency", all);
  }
  return http::jsonResponse(body);
}

}  // namespace citygrants::handlers
