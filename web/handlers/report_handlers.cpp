#include "services/usecases/report_service.h"
#include "web/handlers/actor_json.h"
#include "web/handlers/grant_json.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"
#include "web/http/results_json.h"
#include "web/http/transition_request.h"

namespace citygrants::handlers {
namespace {

constexpr std::int64_t kMaxMoney = 1'000'000'000'000'000;  // 10^18 minor units
constexpr std::size_t kMaxSpendingLines = 100;

// The body of PUT /reports/{id}: {"narrative", "spending": [{"budget_line_id", "actual_minor"}],
// "results": [result]} (results_json.h); results left out stay as they were.
struct ReportContent {
  std::string narrative;
  std::vector<stores::Spending> spending;
  std::optional<std::vector<results::IndicatorResult>> results;
};

ReportContent decodeReport(const ApiRequest& req) {
  http::JsonReader in(req.json());
  ReportContent out;
  out.narrative = in.text("narrative", false, usecases::ReportService::kMaxNarrative).value_or("");
  if (auto list = in.objectList("spending", false, kMaxSpendingLines)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto item = in.nested(list, i, "spending");
      stores::Spending s;
      s.budget_line_id = item.integer("budget_line_id", true, 1, INT64_MAX).value_or(0);
      s.actual_minor = item.integer("actual_minor", true, 0, kMaxMoney).value_or(0);
      in.absorb(item);
      out.spending.push_back(s);
    }
  }
  if (req.json()->has("results")) out.results = http::readResults(in);
  in.finish();
  return out;
}

}  // namespace

http::JsonObject reportJson(const usecases::ReportView& r, const std::vector<std::string>& actions) {
  auto o = http::object();
  o->set("id", r.id);
  o->set("state", r.state);
  o->set("version", r.version);
  o->set("actions", http::strings(actions));
  o->set("grant_id", r.grant_id);
  o->set("seq", r.seq);
  o->set("kind", r.kind);
  o->set("due_at", http::isoTime(r.due_at));
  o->set("narrative", r.narrative);
  http::setOptional(o, "submitted_by", r.submitted_by);
  http::setTime(o, "submitted_at", r.submitted_at);
  http::setOptional(o, "accepted_by", r.accepted_by);
  http::setTime(o, "accepted_at", r.accepted_at);
  setActors(o, r.actors);
  http::JsonArray spending = new Poco::JSON::Array;
  for (const auto& line : r.spending) {
    auto item = http::object();
    item->set("budget_line_id", line.budget_line_id);
    item->set("actual_minor", line.actual_minor);
    spending->add(item);
  }
  o->set("spending", spending);  // as PUT takes it
  if (r.period) {
    o->set("period", *r.period);
  } else {
    o->set("period", Poco::Dynamic::Var());
  }
  o->set("results", http::resultsJson(r.results));  // as PUT takes it
  http::JsonArray targets = new Poco::JSON::Array;
  for (const auto& t : r.targets) {
    auto item = http::object();
    item->set("indicator", t.indicator);
    item->set("required", t.required);
    item->set("target", t.target ? Poco::Dynamic::Var(http::measureJson(*t.target)) : Poco::Dynamic::Var());
    targets->add(item);
  }
  o->set("targets", targets);
  return o;
}

ApiResponse getReport(ApiContext& ctx, ApiRequest& req) {
  const auto r = usecases::ReportService(ctx.useCases()).get(req.who(), req.id());
  return http::versionedResponse(reportJson(r, r.actions), r.version);
}

ApiResponse putReport(ApiContext& ctx, ApiRequest& req) {
  const auto version = req.ifMatch();
  const auto content = decodeReport(req);
  const auto r = usecases::ReportService(ctx.useCases())
                     .edit(req.who(), req.id(), version, content.narrative, content.spending,
                           content.results);
  return http::versionedResponse(reportJson(r, r.actions), r.version);
}

ApiResponse postReportTransition(ApiContext& ctx, ApiRequest& req) {
  const auto transition = http::decodeTransition(req);
  const auto r = usecases::ReportService(ctx.useCases()).fire(req.who(), req.id(), transition);
  http::countTransition(ctx, "report", transition.event);
  return http::versionedResponse(reportJson(r, r.actions), r.version);
}

}  // namespace citygrants::handlers
