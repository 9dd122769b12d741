#include <climits>

#include "modules/grants/amendment_terms.h"
#include "services/usecases/amendment_service.h"
#include "web/handlers/actor_json.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"
#include "web/http/schema_builder.h"
#include "web/http/transition_request.h"

namespace citygrants::handlers {
namespace {

constexpr std::size_t kMaxReason = 2000;

records::TranchePlan readPlan(http::JsonReader& item) {
  records::TranchePlan p;
  p.seq = static_cast<int>(item.integer("seq", true, 1, 1000).value_or(0));
  p.amount_minor = item.integer("amount_minor", true, 0, http::schema::kMaxMoneyMinor).value_or(0);
  p.milestone = item.text("milestone", false, grants::kMaxMilestoneChars).value_or("");
  p.planned_at = item.time("planned_at", false);
  return p;
}

usecases::AmendmentDraft decodeDraft(const ApiRequest& req) {
  http::JsonReader in(req.json());
  usecases::AmendmentDraft d;
  d.reason = in.text("reason", true, kMaxReason).value_or("");
  d.terms.ends_at = in.time("ends_at", false);
  d.terms.amount_minor = in.integer("amount_minor", false, 1, http::schema::kMaxMoneyMinor);
  if (auto list = in.objectList("budget_lines", false, grants::kMaxLines)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto item = in.nested(list, i, "budget_lines");
      records::LineChange l;
      l.budget_line_id = item.integer("budget_line_id", true, 1, INT64_MAX).value_or(0);
      l.amount_minor = item.integer("amount_minor", true, 0, http::schema::kMaxMoneyMinor).value_or(0);
      in.absorb(item);
      d.terms.budget_lines.push_back(l);
    }
  }
  if (auto list = in.objectList("tranches", false, grants::kMaxTranches)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto item = in.nested(list, i, "tranches");
      d.terms.tranches.push_back(readPlan(item));
      in.absorb(item);
    }
  }
  in.finish();
  return d;
}

// Budget lines with their amounts, in the terms and in what an amendment asks.
http::JsonArray linesJson(const std::vector<records::LineChange>& lines, const std::string& currency) {
  http::JsonArray out = new Poco::JSON::Array;
  for (const auto& l : lines) {
    auto line = http::object();
    line->set("budget_line_id", l.budget_line_id);
    line->set("amount", http::money(l.amount_minor, currency));
    out->add(line);
  }
  return out;
}

// A tranche's plan: its seq, amount, milestone and planned date (a term's or a re-plan's).
template <class Plan>
http::JsonObject trancheJson(const Plan& p, const std::string& currency) {
  auto item = http::object();
  item->set("seq", p.seq);
  item->set("amount", http::money(p.amount_minor, currency));
  item->set("milestone", p.milestone);
  http::setTime(item, "planned_at", p.planned_at);
  return item;
}

http::JsonObject termsJson(const records::GrantTerms& t, const std::string& currency) {
  auto o = http::object();
  o->set("number", t.number);
  http::setOptional(o, "amendment_id", t.amendment_id);
  o->set("amount", http::money(t.amount_minor, currency));
  o->set("ends_at", http::isoTime(t.ends_at));
  o->set("budget_lines", linesJson(t.budget_lines, currency));
  http::JsonArray tranches = new Poco::JSON::Array;
  for (const auto& tr : t.tranches) {
    auto item = trancheJson(tr, currency);
    item->set("state", tr.state);
    tranches->add(item);
  }
  o->set("tranches", tranches);
  http::setTime(o, "created_at",
                t.created_at > 0 ? std::optional<std::int64_t>(t.created_at) : std::nullopt);
  return o;
}

// What the amendment asks, as the client sent it.
http::JsonObject changeJson(const records::AmendmentTerms& t, const std::string& currency) {
  auto o = http::object();
  http::setTime(o, "ends_at", t.ends_at);
  http::setOptional(o, "amount_minor", t.amount_minor);
  o->set("budget_lines", linesJson(t.budget_lines, currency));
  http::JsonArray tranches = new Poco::JSON::Array;
  for (const auto& p : t.tranches) tranches->add(trancheJson(p, currency));
  o->set("tranches", tranches);
  return o;
}

http::JsonObject amendmentJson(const usecases::AmendmentView& a) {
  auto o = http::object();
  o->set("id", a.id);
  o->set("state", a.state);
  o->set("version", a.version);
  o->set("actions", http::strings(a.actions));
  o->set("grant_id", a.grant_id);
  o->set("grant_reference", a.grant_reference);
  o->set("kinds", http::strings(a.kinds));
  o->set("reason", a.reason);
  o->set("proposed_by_city", a.proposed_by_city);
  o->set("change", changeJson(a.terms, a.currency));
  o->set("before", termsJson(a.before, a.currency));
  o->set("after", termsJson(a.after, a.currency));
  o->set("reallocation_share_bp", a.reallocation_share_bp);
  o->set("review_threshold_bp", a.review_threshold_bp);
  o->set("needs_partner_review", a.needs_partner_review);
  o->set("is_increase", a.is_increase);
  http::setOptional(o, "proposed_by", std::optional<std::int64_t>(a.proposed_by));
  http::setOptional(o, "reviewed_by", a.reviewed_by);
  http::setOptional(o, "approved_by", a.approved_by);
  http::setOptional(o, "applied_by", a.applied_by);
  http::setOptional(o, "review_note", a.review_note);
  http::setOptional(o, "terms_version", a.terms_version
                                            ? std::optional<std::int64_t>(*a.terms_version)
                                            : std::nullopt);
  o->set("created_at", http::isoTime(a.created_at));
  http::setTime(o, "requested_at", a.requested_at);
  http::setTime(o, "approved_at", a.approved_at);
  http::setTime(o, "applied_at", a.applied_at);
  setActors(o, a.actors);
  return o;
}

}  // namespace

ApiResponse postGrantAmendment(ApiContext& ctx, ApiRequest& req) {
  const auto draft = decodeDraft(req);
  const auto a = usecases::AmendmentService(ctx.useCases()).create(req.who(), req.id(), draft);
  auto r = http::versionedResponse(amendmentJson(a), a.version, 201);
  r.headers.emplace_back("Location", "/api/v1/amendments/" + std::to_string(a.id));
  return r;
}

ApiResponse listGrantAmendments(ApiContext& ctx, ApiRequest& req) {
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& a : usecases::AmendmentService(ctx.useCases()).ofGrant(req.who(), req.id())) {
    items->add(amendmentJson(a));
  }
  return http::jsonResponse(
      http::page(items, static_cast<std::int64_t>(items->size()), std::nullopt));
}

ApiResponse listGrantTerms(ApiContext& ctx, ApiRequest& req) {
  const auto terms = usecases::AmendmentService(ctx.useCases()).terms(req.who(), req.id());
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& t : terms.versions) items->add(termsJson(t, terms.currency));
  return http::jsonResponse(
      http::page(items, static_cast<std::int64_t>(items->size()), std::nullopt));
}

ApiResponse getAmendment(ApiContext& ctx, ApiRequest& req) {
  const auto a = usecases::AmendmentService(ctx.useCases()).get(req.who(), req.id());
  return http::versionedResponse(amendmentJson(a), a.version);
}

ApiResponse postAmendmentTransition(ApiContext& ctx, ApiRequest& req) {
  const auto transition = http::decodeTransition(req);
  const auto a = usecases::AmendmentService(ctx.useCases()).fire(req.who(), req.id(), transition);
  http::countTransition(ctx, "amendment", transition.event);
  return http::versionedResponse(amendmentJson(a), a.version);
}

}  // namespace citygrants::handlers
