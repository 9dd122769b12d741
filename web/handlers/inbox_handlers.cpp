#include <algorithm>

#include "modules/i18n/catalog.h"
#include "modules/inbox/inbox.h"
#include "services/usecases/inbox_service.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"

namespace citygrants::handlers {
namespace {

constexpr int kDefaultLimit = 100;

// ?kind=: one of the inbox's kinds; 400 naming them otherwise.
std::optional<std::string> kindFilter(const http::ApiRequest& req) {
  auto kind = req.queryText("kind");
  if (!kind) return std::nullopt;
  const auto all = inbox::kinds();
  if (std::find(all.begin(), all.end(), *kind) != all.end()) return kind;
  std::string names;
  for (const auto& k : all) names += (names.empty() ? "" : ", ") + k;
  throw http::HttpError(400, "bad-query", {"query.bad", {{"name", "kind"}}},
                        {{"kind", {"query.one_of", {{"values", names}}}}});
}

http::JsonObject recordJson(const inbox::RecordRef& r) {
  auto o = http::object();
  o->set("kind", r.kind);
  o->set("id", r.id);
  o->set("reference", r.reference);
  o->set("title", r.title);
  if (r.city_org_id) {
    auto city = http::object();
    city->set("id", *r.city_org_id);
    city->set("name", r.city_name);
    o->set("city", city);
  } else {
    o->set("city", Poco::Dynamic::Var());
  }
  o->set("state", r.state);
  http::setOptional(o, "grant_id", r.grant_id);
  return o;
}

// The members of `d` that are set.
http::JsonObject detailJson(const inbox::Detail& d) {
  auto o = http::object();
  if (d.report_kind) o->set("report_kind", *d.report_kind);
  if (d.organisation) o->set("organisation", *d.organisation);
  if (d.cause) o->set("cause", *d.cause);
  if (d.locked_until) o->set("locked_until", http::isoTime(*d.locked_until));
  if (d.template_key) o->set("template", *d.template_key);
  if (d.attempts) o->set("attempts", *d.attempts);
  if (d.last_error) o->set("last_error", *d.last_error);
  if (d.next_attempt_at) o->set("next_attempt_at", http::isoTime(*d.next_attempt_at));
  if (d.events) o->set("events", *d.events);
  if (d.events) http::setTime(o, "last_event_at", d.last_event_at);
  if (!d.verification_recorded) o->set("verification_recorded", false);
  return o;
}

http::JsonObject itemJson(const inbox::Item& i, std::int64_t now, std::string_view language) {
  auto o = http::object();
  o->set("kind", i.kind);
  o->set("record", recordJson(i.record));
  o->set("expected", http::strings(i.expected));
  http::JsonArray held = new Poco::JSON::Array;
  for (const auto& h : i.held) {
    auto x = http::object();
    x->set("event", h.event);
    x->set("guard", h.guard);
    x->set("message", i18n::render(language, h.message));
    x->set("four_eyes", h.four_eyes);
    held->add(x);
  }
  o->set("held", held);
  o->set("awaiting", http::strings(i.awaiting));
  o->set("since", http::isoTime(i.since));
  http::setTime(o, "due_at", i.due_at);
  o->set("overdue", i.overdue(now));
  http::JsonArray people = new Poco::JSON::Array;
  for (const auto& p : i.people) {
    auto x = http::object();
    x->set("role", p.role);
    x->set("user_id", p.user_id);
    x->set("name", p.name);
    people->add(x);
  }
  o->set("people", people);
  o->set("detail", detailJson(i.detail));
  return o;
}

}  // namespace

ApiResponse getInbox(ApiContext& ctx, ApiRequest& req) {
  usecases::InboxQuery q;
  q.limit = static_cast<int>(
      req.queryInt("limit", 1, usecases::InboxService::kMaxLimit).value_or(kDefaultLimit));
  q.kind = kindFilter(req);
  const auto view = usecases::InboxService(ctx.useCases()).of(req.who(), q);
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& i : view.items) items->add(itemJson(i, view.now, req.language));
  http::JsonArray counts = new Poco::JSON::Array;
  for (const auto& c : view.counts) {
    auto x = http::object();
    x->set("kind", c.kind);
    x->set("count", c.count);
    counts->add(x);
  }
  auto o = http::object();
  o->set("items", items);
  o->set("total", view.total);
  o->set("counts", counts);
  o->set("now", http::isoTime(view.now));
  auto r = http::jsonResponse(o);
  r.keep = !view.shows_unaudited;
  return r;
}

}  // namespace citygrants::handlers
