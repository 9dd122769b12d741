#include <limits>

#include "modules/i18n/catalog.h"
#include "services/usecases/proposal_service.h"
#include "services/usecases/read_keys.h"
#include "web/handlers/list_filters.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"
#include "web/http/results_json.h"
#include "web/http/transition_request.h"

namespace citygrants::handlers {
namespace {

constexpr std::int64_t kMaxMoney = 1'000'000'000'000'000;

http::JsonObject versionJson(const stores::ProposalVersion& v, const std::string& currency, bool full) {
  const auto& c = v.content;
  auto o = http::object();
  o->set("number", v.number);
  o->set("stage", v.stage);
  o->set("frozen", v.frozen);
  o->set("language", c.language);
  o->set("title", c.title);
  o->set("amount", http::money(c.amount_minor, currency));
  o->set("created_at", http::isoTime(v.created_at));
  if (!full) return o;
  o->set("summary", c.summary);
  o->set("target_groups", http::strings(c.target_groups));
  o->set("beneficiaries", c.beneficiaries);
  o->set("duration_months", c.duration_months);
  http::JsonArray budget = new Poco::JSON::Array;
  for (std::size_t i = 0; i < c.budget.size(); ++i) {
    auto line = http::object();
    line->set("id", v.budget_line_ids.at(i));
    line->set("category", c.budget[i].category);
    line->set("description", c.budget[i].description);
    line->set("amount", http::money(c.budget[i].amount_minor, currency));
    budget->add(line);
  }
  o->set("budget", budget);
  o->set("indicators", http::plansJson(c.indicators));
  http::setOptional(o, "translation_en", v.translation_en);
  return o;
}

http::JsonObject proposalJson(const usecases::ProposalView& v, std::string_view language) {
  const auto& p = v.proposal;
  const auto& currency = v.currency;
  auto o = http::object();
  o->set("id", p.id);
  o->set("reference", p.reference);
  o->set("state", p.state);
  o->set("version", p.version);
  o->set("actions", http::strings(v.actions));
  http::JsonArray held = new Poco::JSON::Array;
  for (const auto& h : v.held) {
    auto x = http::object();
    x->set("event", std::string(h.event));
    x->set("guard", std::string(h.guard));
    x->set("message", i18n::render(language, core::Message(h.message, {})));
    held->add(x);
  }
  o->set("held", held);
  o->set("call_id", p.call_id);
  o->set("city_org_id", p.city_org_id);
  http::setOptional(o, "supporting_org_id", p.supporting_org_id);
  if (p.award_minor) {
    o->set("award", http::money(*p.award_minor, currency));
  } else {
    o->set("award", Poco::Dynamic::Var());
  }
  o->set("eligible_future", p.eligible_future);
  o->set("full_access", v.full_access);
  o->set("created_at", http::isoTime(p.created_at));
  o->set("updated_at", http::isoTime(p.updated_at));
  o->set("current", versionJson(v.current, currency, v.full_access));
  return o;
}

proposals::ProposalContent decodeContent(http::JsonReader& in) {
  proposals::ProposalContent c;
  c.language = in.text("language", false, 2).value_or("en");
  c.title = in.text("title", false, 200).value_or("");
  c.summary = in.text("summary", false, 20'000).value_or("");
  c.target_groups = in.textList("target_groups", false, 10, 40).value_or(std::vector<std::string>{});
  c.beneficiaries = in.integer("beneficiaries", false, 0, 1'000'000'000).value_or(0);
  c.duration_months = static_cast<int>(in.integer("duration_months", false, 0, 120).value_or(0));
  c.amount_minor = in.integer("amount_minor", false, 0, kMaxMoney).value_or(0);
  if (auto list = in.objectList("budget", false, 100)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      auto item = in.nested(list, i, "budget");
      proposals::BudgetLine line;
      line.category = item.text("category", true, 40).value_or("");
      line.description = item.text("description", false, 200).value_or("");
      line.amount_minor = item.integer("amount_minor", true, 1, kMaxMoney).value_or(0);
      in.absorb(item);
      c.budget.push_back(line);
    }
  }
  c.indicators = http::readPlans(in);
  return c;
}

http::JsonObject summaryJson(const stores::ProposalSummary& s) {
  auto o = http::object();
  o->set("id", s.id);
  o->set("reference", s.reference);
  o->set("state", s.state);
  o->set("version", s.version);
  o->set("call_id", s.call_id);
  auto city = http::object();
  city->set("id", s.city_org_id);
  city->set("name", s.city_name);
  o->set("city", city);
  o->set("title", s.title);
  o->set("language", s.language);
  o->set("amount", http::money(s.amount_minor, s.currency));
  if (s.award_minor) {
    o->set("award", http::money(*s.award_minor, s.currency));
  } else {
    o->set("award", Poco::Dynamic::Var());
  }
  http::setOptional(o, "supporting_org_id", s.supporting_org_id);
  o->set("updated_at", http::isoTime(s.updated_at));
  return o;
}

// The cursor of the row after which the next page starts: "KEY.ID".
std::string cursorOf(const stores::ProposalSummary& s, const std::string& sort) {
  const bool by_id = sort == "id" || sort == "-id";
  return std::to_string(by_id ? s.id : s.updated_at) + "." + std::to_string(s.id);
}

void decodeCursor(const ApiRequest& req, stores::ProposalQuery& q) {
  const auto cursor = req.queryText("after");
  if (!cursor) return;
  const auto dot = cursor->find('.');
  auto number = [](const std::string& t) -> std::optional<std::int64_t> {
    if (t.empty() || t.size() > 18 || t.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    return std::stoll(t);
  };
  auto key = dot == std::string::npos ? std::nullopt : number(cursor->substr(0, dot));
  auto id = dot == std::string::npos ? std::nullopt : number(cursor->substr(dot + 1));
  if (!key || !id) {
    throw http::HttpError(400, "bad-query", {"query.bad", {{"name", "after"}}},
                          {{"after", "query.cursor"}});
  }
  q.after_key = key;
  q.after_id = id;
}

}  // namespace

ApiResponse listProposals(ApiContext& ctx, ApiRequest& req) {
  auto q = proposalFilters(req);
  q.limit = static_cast<int>(req.queryInt("limit", 1, 200).value_or(50));
  decodeCursor(req, q);
  const auto page = usecases::ProposalService(ctx.useCases()).list(req.who(), q);
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& s : page.items) items->add(summaryJson(s));
  std::optional<std::string> next;
  if (page.more) next = cursorOf(page.items.back(), q.sort);
  auto r = http::jsonResponse(http::page(items, page.total, next));
  r.depends_on = usecases::proposalListKeys(q);
  r.valid_until = std::numeric_limits<std::int64_t>::max();  // nothing in a summary ages
  return r;
}

ApiResponse postProposal(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  const auto call_id = in.integer("call_id", true, 1, INT64_MAX);
  const auto content = decodeContent(in);
  in.finish();
  const auto v = usecases::ProposalService(ctx.useCases()).create(req.who(), *call_id, content);
  auto r = http::versionedResponse(proposalJson(v, req.language), v.proposal.version, 201);
  r.headers.emplace_back("Location", "/api/v1/proposals/" + std::to_string(v.proposal.id));
  return r;
}

ApiResponse getProposal(ApiContext& ctx, ApiRequest& req) {
  const auto v = usecases::ProposalService(ctx.useCases()).get(req.who(), req.id());
  auto r = http::versionedResponse(proposalJson(v, req.language), v.proposal.version);
  r.depends_on = usecases::proposalViewKeys(v.proposal);
  r.valid_until = v.changes_at.value_or(std::numeric_limits<std::int64_t>::max());
  return r;
}

ApiResponse putProposal(ApiContext& ctx, ApiRequest& req) {
  const auto version = req.ifMatch();
  http::JsonReader in(req.json());
  const auto content = decodeContent(in);
  in.finish();
  const auto v = usecases::ProposalService(ctx.useCases()).edit(req.who(), req.id(), version, content);
  return http::versionedResponse(proposalJson(v, req.language), v.proposal.version);
}

ApiResponse postProposalTransition(ApiContext& ctx, ApiRequest& req) {
  const auto transition = http::decodeTransition(req, true);
  const auto v = usecases::ProposalService(ctx.useCases()).fire(req.who(), req.id(), transition);
  http::countTransition(ctx, "proposal", transition.event);
  return http::versionedResponse(proposalJson(v, req.language), v.proposal.version);
}

ApiResponse listProposalVersions(ApiContext& ctx, ApiRequest& req) {
  const auto versions = usecases::ProposalService(ctx.useCases()).versions(req.who(), req.id());
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& v : versions.items) items->add(versionJson(v, versions.currency, true));
  return http::jsonResponse(http::page(items, static_cast<std::int64_t>(items->size()), std::nullopt));
}

ApiResponse putSupportingPartner(ApiContext& ctx, ApiRequest& req) {
  const auto version = req.ifMatch();
  http::JsonReader in(req.json());
  const auto org = in.integer("partner_org_id", true, 1, INT64_MAX);
  in.finish();
  const auto v = usecases::ProposalService(ctx.useCases()).setSupportingPartner(req.who(), req.id(), version, *org);
  return http::versionedResponse(proposalJson(v, req.language), v.proposal.version);
}

ApiResponse putTranslation(ApiContext& ctx, ApiRequest& req) {
  http::JsonReader in(req.json());
  const auto text = in.text("translation_en", true, 20'000);
  in.finish();
  const auto v = usecases::ProposalService(ctx.useCases()).attachTranslation(req.who(), req.id(), *text);
  return http::versionedResponse(proposalJson(v, req.language), v.proposal.version);
}

}  // namespace citygrants::handlers
