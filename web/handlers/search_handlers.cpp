#include "modules/search/search_terms.h"
#include "services/usecases/search_service.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"

namespace citygrants::handlers {
namespace {

// The snippet as pieces of plain text, each marked or not: a client shows them as text (the
// console puts the marked ones in <mark> elements it makes), so a record's text can never
// become markup.
http::JsonArray snippetJson(const std::string& snippet) {
  http::JsonArray out = new Poco::JSON::Array;
  for (const auto& s : search::markedSegments(snippet, stores::kMarkOpen, stores::kMarkClose)) {
    auto o = http::object();
    o->set("text", s.text);
    o->set("mark", s.marked);
    out->add(o);
  }
  return out;
}

}  // namespace

ApiResponse getSearch(ApiContext& ctx, ApiRequest& req) {
  const auto q = req.queryText("q").value_or("");
  const auto limit = req.queryInt("limit", 1, usecases::SearchService::kMaxLimit).value_or(20);
  const auto offset = req.queryInt("offset", 0, usecases::SearchService::kMaxOffset).value_or(0);
  const auto page = usecases::SearchService(ctx.useCases())
                        .search(req.who(), q, static_cast<int>(limit), static_cast<int>(offset));
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& hit : page.items) {
    auto o = http::object();
    o->set("kind", hit.kind);
    o->set("id", hit.id);
    o->set("reference", hit.reference);
    o->set("title", hit.title);
    o->set("snippet", snippetJson(hit.snippet));
    items->add(o);
  }
  std::optional<std::string> next;
  if (page.more) next = std::to_string(offset + static_cast<std::int64_t>(page.items.size()));
  return http::jsonResponse(http::page(items, page.total, next));
}

}  // namespace citygrants::handlers
