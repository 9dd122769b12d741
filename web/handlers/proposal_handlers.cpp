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

void writeVersion(http::JsonWriter& w, const stores::ProposalVersion& v, const std::string& currency,
                  bool full) {
  const auto& c = v.content;
  w.open().field("number", v.number).field("stage", v.stage).flag("frozen", v.frozen);
  w.field("language", c.language).field("title", c.title).key("amount");
  http::writeMoney(w, c.amount_minor, currency);
  w.field("created_at", http::isoTime(v.created_at));
  if (!full) {
    w.close();
    return;
  }
  w.field("summary", c.summary).key("target_groups").openArray();
  for (const auto& g : c.target_groups) w.string(g);
  w.close().field("beneficiaries", c.beneficiaries).field("duration_months", c.duration_months);
  w.key("budget").openArray();
  for (std::size_t i = 0; i < c.budget.size(); ++i) {
    w.open().field("id", v.budget_line_ids.at(i)).field("category", c.budget[i].category);
    w.field("description", c.budget[i].description).key("amount");
    http::writeMoney(w, c.budget[i].amount_minor, currency);
    w.close();
  }
  w.close().key("indicators");
  http::writePlans(w, c.indicators);
  w.optionalField("translation_en", v.translation_en).close();
}

std::string proposalJson(const usecases::ProposalView& v, std::string_view language) {
  const auto& p = v.proposal;
  const auto& currency = v.currency;
  http::JsonWriter w;
  w.open().field("id", p.id).field("reference", p.reference).field("state", p.state);
  w.field("version", p.version).key("actions").openArray();
  for (const auto& a : v.actions) w.string(a);
  w.close().key("held").openArray();
  for (const auto& h : v.held) {
    w.open().field("event", h.event).field("guard", h.guard);
    w.field("message", i18n::render(language, core::Message(h.message, {}))).close();
  }
  w.close().field("call_id", p.call_id).field("city_org_id", p.city_org_id);
  w.optionalField("supporting_org_id", p.supporting_org_id).key("award");
  http::writeMoney(w, p.award_minor, currency);
  w.flag("eligible_future", p.eligible_future).flag("full_access", v.full_access);
  w.field("created_at", http::isoTime(p.created_at)).field("updated_at", http::isoTime(p.updated_at));
  w.key("current");
  writeVersion(w, v.current, currency, v.full_access);
  return w.close().take();
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

void writeSummary(http::JsonWriter& w, const stores::ProposalSummary& s) {
  w.open().field("id", s.id).field("reference", s.reference).field("state", s.state);
  w.field("version", s.version).field("call_id", s.call_id).key("city").open();
  w.field("id", s.city_org_id).field("name", s.city_name).close();
  w.field("title", s.title).field("language", s.language).key("amount");
  http::writeMoney(w, s.amount_minor, s.currency);
  w.key("award");
  http::writeMoney(w, s.award_minor, s.currency);
  w.optionalField("supporting_org_id", s.supporting_org_id);
  w.field("updated_at", http::isoTime(s.updated_at)).close();
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
  http::JsonWriter w;
  w.open().key("items").openArray();
  for (const auto& s : page.items) writeSummary(w, s);
  std::optional<std::string> next;
  if (page.more) next = cursorOf(page.items.back(), q.sort);
  w.close().field("total", page.total).optionalField("next", next);
  auto r = http::jsonResponse(w.close().take());
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
  http::JsonWriter w;
  w.open().key("items").openArray();
  for (const auto& v : versions.items) writeVersion(w, v, versions.currency, true);
  w.close().field("total", static_cast<std::int64_t>(versions.items.size())).key("next").null();
  return http::jsonResponse(w.close().take());
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
