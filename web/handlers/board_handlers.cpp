#include <algorithm>

#include "services/usecases/board_service.h"
#include "web/handlers/routes.h"
#include "web/handlers/state_filter.h"
#include "web/http/json_encode.h"

namespace citygrants::handlers {
namespace {

constexpr int kDefaultPerState = 20;

http::JsonObject cardJson(const stores::BoardCard& c) {
  auto o = http::object();
  o->set("id", c.id);
  o->set("reference", c.reference);
  o->set("title", c.title);
  auto city = http::object();
  city->set("id", c.city_org_id);
  city->set("name", c.city_name);
  o->set("city", city);
  o->set("amount", http::money(c.amount_minor, c.currency));
  http::setOptional(o, "grant_id", c.grant_id);
  o->set("state_since", http::isoTime(c.since));
  return o;
}

}  // namespace

ApiResponse getBoard(ApiContext& ctx, ApiRequest& req) {
  auto machine = choiceFilter(req, "machine", usecases::BoardService::kMachines, "machines");
  if (machine.empty()) machine.emplace_back("grant");
  if (machine.size() != 1) {
    throw http::HttpError(400, "bad-query", "Bad query parameter", "machine must name one machine",
                          {{"machine", "grant or tranche, exactly one"}});
  }
  const auto per_state = static_cast<int>(
      req.queryInt("limit", 1, usecases::BoardService::kMaxPerState).value_or(kDefaultPerState));
  const auto board = usecases::BoardService(ctx.useCases()).of(req.who(), machine[0], per_state);
  http::JsonArray columns = new Poco::JSON::Array;
  for (const auto& c : board.columns) {
    auto o = http::object();
    o->set("state", c.state);
    o->set("final", c.final);
    o->set("count", c.count);
    http::JsonArray cards = new Poco::JSON::Array;
    for (const auto& card : c.cards) cards->add(cardJson(card));
    o->set("cards", cards);
    columns->add(o);
  }
  auto o = http::object();
  o->set("machine", board.machine);
  o->set("columns", columns);
  o->set("now", http::isoTime(board.now));
  return http::jsonResponse(o);
}

}  // namespace citygrants::handlers
