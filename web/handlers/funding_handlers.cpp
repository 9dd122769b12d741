#include "services/usecases/funding_service.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"
#include "web/http/results_json.h"

namespace citygrants::handlers {
namespace {

constexpr std::int64_t kMaxMoney = 1'000'000'000'000'000;  // 10^18 minor units
constexpr std::size_t kMaxAllocations = 20;

http::JsonObject chapterJson(const stores::Chapter& c) {
  auto o = http::object();
  o->set("id", c.id);
  o->set("donor_id", c.donor_org_id);
  o->set("code", c.code);
  o->set("name", c.name);
  o->set("theme", c.theme);
  o->set("version", c.version);
  o->set("committed", http::money(c.committed_minor, c.currency));
  return o;
}

http::JsonObject chapterMoneyJson(const stores::ChapterMoney& m) {
  auto o = chapterJson(m.chapter);
  o->set("allocated", http::money(m.allocated_minor, m.chapter.currency));
  o->set("disbursed", http::money(m.disbursed_minor, m.chapter.currency));
  o->set("grants", m.grants);
  return o;
}

http::JsonObject donorJson(const usecases::DonorView& d) {
  auto o = http::object();
  o->set("id", d.donor.id);
  o->set("name", d.donor.name);
  o->set("country", d.donor.country);
  http::JsonArray chapters = new Poco::JSON::Array;
  for (const auto& c : d.chapters) chapters->add(chapterMoneyJson(c));
  o->set("chapters", chapters);
  http::JsonArray totals = new Poco::JSON::Array;
  for (const auto& t : d.totals) {
    auto item = http::object();
    item->set("committed", http::money(t.committed_minor, t.currency));
    item->set("allocated", http::money(t.allocated_minor, t.currency));
    item->set("disbursed", http::money(t.disbursed_minor, t.currency));
    totals->add(item);
  }
  o->set("totals", totals);
  return o;
}

http::JsonObject fundingJson(const usecases::GrantFunding& f) {
  auto o = http::object();
  o->set("grant_id", f.grant_id);
  o->set("version", f.version);
  o->set("actions", http::strings(f.actions));
  o->set("award", http::money(f.award_minor, f.currency));
  http::JsonArray lines = new Poco::JSON::Array;
  for (const auto& l : f.lines) {
    auto item = http::object();
    item->set("chapter_id", l.allocation.chapter_id);
    item->set("chapter", l.allocation.chapter_name);
    item->set("donor_id", l.allocation.donor_org_id);
    item->set("donor", l.allocation.donor_name);
    item->set("amount", http::money(l.allocation.amount_minor, f.currency));
    item->set("disbursed", http::money(l.disbursed_minor, f.currency));
    lines->add(item);
  }
  o->set("allocations", lines);
  return o;
}

stores::Chapter decodeChapter(const ApiRequest& req, bool editing) {
  http::JsonReader in(req.json());
  stores::Chapter c;
  if (!editing) {
    c.donor_org_id = in.integer("donor_id", true, 1, INT64_MAX).value_or(0);
    c.code = in.text("code", true, 32).value_or("");
    c.currency = in.text("currency", false, 3).value_or("USD");
  }
  c.name = in.text("name", true, 200).value_or("");
  c.theme = in.text("theme", false, 200).value_or("");
  c.committed_minor = in.integer("committed_minor", true, 0, kMaxMoney).value_or(0);
  in.finish();
  return c;
}

}  // namespace

http::JsonObject rollUpJson(const usecases::ResultsRollUp& r);  // results_handlers.cpp

ApiResponse listDonors(ApiContext& ctx, ApiRequest& req) {
  http::JsonArray items = new Poco::JSON::Array;
  const auto donors = usecases::FundingService(ctx.useCases()).donors(req.who());
  for (const auto& d : donors) items->add(donorJson(d));
  return http::jsonResponse(http::page(items, static_cast<std::int64_t>(donors.size()), std::nullopt));
}

ApiResponse getDonorSummary(ApiContext& ctx, ApiRequest& req) {
  const auto s = usecases::FundingService(ctx.useCases()).donorSummary(req.who(), req.id());
  auto o = donorJson(s.donor);
  o->set("grants", s.grants);
  o->set("results", rollUpJson(s.results));
  return http::jsonResponse(o);
}

ApiResponse postChapter(ApiContext& ctx, ApiRequest& req) {
  const auto given = decodeChapter(req, false);
  const auto c = usecases::FundingService(ctx.useCases()).addChapter(req.who(), given);
  auto r = http::versionedResponse(chapterJson(c), c.version, 201);
  r.headers.emplace_back("Location", "/api/v1/chapters/" + std::to_string(c.id));
  return r;
}

ApiResponse putChapter(ApiContext& ctx, ApiRequest& req) {
  const auto version = req.ifMatch();
  const auto edited = decodeChapter(req, true);
  const auto c = usecases::FundingService(ctx.useCases()).editChapter(req.who(), req.id(), version, edited);
  return http::versionedResponse(chapterJson(c), c.version);
}

ApiResponse getGrantAllocations(ApiContext& ctx, ApiRequest& req) {
  const auto f = usecases::FundingService(ctx.useCases()).ofGrant(req.who(), req.id());
  return http::versionedResponse(fundingJson(f), f.version);
}

ApiResponse putGrantAllocations(ApiContext& ctx, ApiRequest& req) {
  const auto version = req.ifMatch();
  http::JsonReader in(req.json());
  std::vector<results::Allocation> allocations;
  auto list = in.objectList("allocations", true, kMaxAllocations);
  for (std::size_t i = 0; list && i < list->size(); ++i) {
    auto item = in.nested(list, i, "allocations");
    results::Allocation a;
    a.chapter_id = item.integer("chapter_id", true, 1, INT64_MAX).value_or(0);
    a.amount_minor = item.integer("amount_minor", true, 1, kMaxMoney).value_or(0);
    in.absorb(item);
    allocations.push_back(a);
  }
  in.finish();
  const auto f = usecases::FundingService(ctx.useCases()).allocate(req.who(), req.id(), version, allocations);
  return http::versionedResponse(fundingJson(f), f.version);
}

}  // namespace citygrants::handlers
