#include "services/stores/call_store.h"
#include "services/usecases/call_service.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"
#include "web/http/transition_request.h"
#include "web/http/translation_json.h"

namespace citygrants::handlers {
namespace {

constexpr std::int64_t kMaxMoney = 1'000'000'000'000'000;  // 10^18 minor units

// The call as a reader of `language` sees it: title, description and each criterion's name and
// guidance in that language where the call has them, else in English; "texts" has every language.
http::JsonObject callJson(const stores::Call& stored, const std::vector<std::string>& actions,
                          const std::string& language) {
  const auto c = records::localized(stored, language);
  auto o = http::object();
  o->set("id", c.id);
  o->set("code", c.code);
  o->set("title", c.title);
  o->set("description", c.description);
  o->set("texts", http::textsJson({{"title", stored.title}, {"description", stored.description}},
                                  stored.translations));
  o->set("state", c.state);
  o->set("version", c.version);
  o->set("actions", http::strings(actions));
  o->set("two_stage", c.two_stage);
  o->set("budget", http::money(c.budget_minor, c.currency));
  o->set("min_award", http::money(c.min_award_minor, c.currency));
  o->set("max_award", http::money(c.max_award_minor, c.currency));
  o->set("threshold", http::money(c.threshold_minor, c.currency));
  o->set("max_duration_months", c.max_duration_months);
  http::setTime(o, "opens_at", c.opens_at);
  o->set("closes_at", http::isoTime(c.closes_at));
  http::JsonArray criteria = new Poco::JSON::Array;
  for (std::size_t i = 0; i < c.criteria.size(); ++i) {
    const auto& cr = c.criteria[i];
    const auto& english = stored.criteria[i];
    auto j = http::object();
    j->set("id", cr.id);
    j->set("code", cr.code);
    j->set("name", cr.name);
    j->set("guidance", cr.guidance);
    j->set("weight", cr.weight);
    j->set("texts", http::textsJson({{"name", english.name}, {"guidance", english.guidance}},
                                    english.translations));
    criteria->add(j);
  }
  o->set("criteria", criteria);
  http::JsonArray plan = new Poco::JSON::Array;
  for (const auto& item : c.plan) {
    auto j = http::object();
    j->set("seq", item.seq);
    j->set("share_bp", item.share_bp);
    j->set("trigger", item.trigger);
    plan->add(j);
  }
  o->set("tranche_plan", plan);
  http::JsonArray indicators = new Poco::JSON::Array;
  for (const auto& i : c.indicators) {
    auto j = http::object();
    j->set("code", i.code);
    j->set("required", i.required);
    indicators->add(j);
  }
  o->set("indicators", indicators);
  http::JsonArray chapters = new Poco::JSON::Array;
  for (const auto id : c.chapters) chapters->add(id);
  o->set("chapters", chapters);
  o->set("periods", records::reportingPeriods(c));
  return o;
}

std::vector<stores::CallIndicator> readIndicators(http::JsonReader& in, bool required) {
  std::vector<stores::CallIndicator> out;
  auto list = in.objectList("indicators", required, 50);
  for (std::size_t i = 0; list && i < list->size(); ++i) {
    auto item = in.nested(list, i, "indicators");
    stores::CallIndicator ci;
    ci.code = item.text("code", true, 40).value_or("");
    ci.required = item.boolean("required", false).value_or(false);
    in.absorb(item);
    out.push_back(ci);
  }
  return out;
}

std::vector<std::int64_t> readChapters(http::JsonReader& in, bool required) {
  return in.integerList("chapters", required, 20, 1, INT64_MAX).value_or(std::vector<std::int64_t>{});
}

stores::Call decodeCall(const ApiRequest& req) {
  http::JsonReader in(req.json());
  stores::Call c;
  c.code = in.text("code", true, 32).value_or("");
  c.title = in.text("title", true, 200).value_or("");
  c.description = in.text("description", false, 20'000).value_or("");
  c.translations = http::readTranslations(in, records::kCallTexts);
  c.two_stage = in.boolean("two_stage", false).value_or(true);
  c.currency = in.text("currency", false, 3).value_or("USD");
  c.budget_minor = in.integer("budget_minor", true, 1, kMaxMoney).value_or(0);
  c.min_award_minor = in.integer("min_award_minor", true, 1, kMaxMoney).value_or(0);
  c.max_award_minor = in.integer("max_award_minor", true, 1, kMaxMoney).value_or(0);
  c.threshold_minor = in.integer("threshold_minor", true, 0, kMaxMoney).value_or(0);
  c.max_duration_months = static_cast<int>(in.integer("max_duration_months", false, 1, 60).value_or(24));
  c.closes_at = in.time("closes_at", true).value_or(0);
  if (auto list = in.objectList("criteria", false, 20)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto item = in.nested(list, i, "criteria");
      review::Criterion cr;
      cr.code = item.text("code", true, 40).value_or("");
      cr.name = item.text("name", true, 200).value_or("");
      cr.weight = static_cast<int>(item.integer("weight", true, 1, 100).value_or(0));
      cr.guidance = item.text("guidance", false, 2000).value_or("");
      cr.translations = http::readTranslations(item, review::kCriterionTexts);
      in.absorb(item);
      c.criteria.push_back(cr);
    }
  }
  if (auto list = in.objectList("tranche_plan", false, 12)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto item = in.nested(list, i, "tranche_plan");
      stores::TranchePlanItem p;
      p.share_bp = static_cast<int>(item.integer("share_bp", true, 1, 10'000).value_or(0));
      p.trigger = item.text("trigger", true, 40).value_or("");
      in.absorb(item);
      c.plan.push_back(p);
    }
  }
  c.indicators = readIndicators(in, false);
  c.chapters = readChapters(in, false);
  in.finish();
  return c;
}

// The body of PUT /calls/{id}/texts (usecases::CallTexts).
usecases::CallTexts decodeTexts(const ApiRequest& req) {
  http::JsonReader in(req.json());
  usecases::CallTexts t;
  t.title = in.text("title", true, 200).value_or("");
  t.description = in.text("description", false, 20'000).value_or("");
  t.translations = http::readTranslations(in, records::kCallTexts);
  if (auto list = in.objectList("criteria", false, 20)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto item = in.nested(list, i, "criteria");
      usecases::CallTexts::Criterion cr;
      cr.code = item.text("code", true, 40).value_or("");
      cr.name = item.text("name", true, 200).value_or("");
      cr.guidance = item.text("guidance", false, 2000).value_or("");
      cr.translations = http::readTranslations(item, review::kCriterionTexts);
      in.absorb(item);
      t.criteria.push_back(std::move(cr));
    }
  }
  in.finish();
  return t;
}

}  // namespace

ApiResponse listCalls(ApiContext& ctx, ApiRequest& req) {
  const auto state = req.queryText("state");
  http::JsonArray items = new Poco::JSON::Array;
  std::int64_t total = 0;
  for (const auto& c : usecases::CallService(ctx.useCases()).list(req.who())) {
    if (state && c.state != *state) continue;
    items->add(callJson(c, c.actions, req.language));
    ++total;
  }
  return http::jsonResponse(http::page(items, total, std::nullopt));
}

ApiResponse postCall(ApiContext& ctx, ApiRequest& req) {
  const auto call = decodeCall(req);
  const auto created = usecases::CallService(ctx.useCases()).create(req.who(), call);
  auto r = http::versionedResponse(callJson(created, created.actions, req.language),
                                   created.version, 201);
  r.headers.emplace_back("Location", "/api/v1/calls/" + std::to_string(created.id));
  return r;
}

ApiResponse getCall(ApiContext& ctx, ApiRequest& req) {
  const auto c = usecases::CallService(ctx.useCases()).get(req.who(), req.id());
  return http::versionedResponse(callJson(c, c.actions, req.language), c.version);
}

ApiResponse putCallIndicators(ApiContext& ctx, ApiRequest& req) {
  const auto version = req.ifMatch();
  http::JsonReader in(req.json());
  const auto indicators = readIndicators(in, true);
  in.finish();
  const auto c = usecases::CallService(ctx.useCases())
                     .chooseIndicators(req.who(), req.id(), version, indicators);
  return http::versionedResponse(callJson(c, c.actions, req.language), c.version);
}

ApiResponse putCallChapters(ApiContext& ctx, ApiRequest& req) {
  const auto version = req.ifMatch();
  http::JsonReader in(req.json());
  const auto chapters = readChapters(in, true);
  in.finish();
  const auto c = usecases::CallService(ctx.useCases()).chooseChapters(req.who(), req.id(), version, chapters);
  return http::versionedResponse(callJson(c, c.actions, req.language), c.version);
}

ApiResponse putCallTexts(ApiContext& ctx, ApiRequest& req) {
  const auto version = req.ifMatch();
  const auto texts = decodeTexts(req);
  const auto c =
      usecases::CallService(ctx.useCases()).editTexts(req.who(), req.id(), version, texts);
  return http::versionedResponse(callJson(c, c.actions, req.language), c.version);
}

ApiResponse postCallTransition(ApiContext& ctx, ApiRequest& req) {
  const auto transition = http::decodeTransition(req);
  const auto c = usecases::CallService(ctx.useCases()).fire(req.who(), req.id(), transition);
  http::countTransition(ctx, "call", transition.event);
  return http::versionedResponse(callJson(c, c.actions, req.language), c.version);
}

}  // namespace citygrants::handlers
