#include <array>
#include <string_view>

#include "services/usecases/outbox_service.h"
#include "web/handlers/routes.h"
#include "web/handlers/state_filter.h"
#include "web/http/json_encode.h"

namespace citygrants::handlers {
namespace {

constexpr int kDefaultLimit = 50;

// ?status=queued,failed: mail statuses; 400 naming `status` and its values otherwise.
std::vector<stores::MailStatus> statusFilter(const http::ApiRequest& req) {
  std::array<std::string_view, stores::kMailStatuses.size()> names{};
  for (std::size_t i = 0; i < names.size(); ++i) {
    names[i] = stores::mailStatusName(stores::kMailStatuses[i]);
  }
  std::vector<stores::MailStatus> out;
  for (const auto& name : choiceFilter(req, "status", names, "mail statuses")) {
    out.push_back(*stores::parseMailStatus(name));
  }
  return out;
}

http::JsonObject itemJson(const stores::OutboxItem& m) {
  auto o = http::object();
  o->set("id", m.id);
  o->set("status", std::string(stores::mailStatusName(m.status)));
  o->set("to_email", m.to_email);
  http::setOptional(o, "to_user_id", m.to_user_id);
  o->set("language", m.language);
  o->set("template", m.template_key);
  o->set("subject", m.subject);
  o->set("created_at", http::isoTime(m.created_at));
  http::setTime(o, "sent_at", m.sent_at);
  o->set("attempts", m.attempts);
  http::setOptional(o, "last_error", m.last_error);
  const bool waiting = m.status == stores::MailStatus::kQueued || m.status == stores::MailStatus::kFailed;
  http::setTime(o, "next_attempt_at",
                waiting ? std::optional<std::int64_t>(m.next_attempt_at) : std::nullopt);
  http::setTime(o, "dead_at", m.dead_at);
  http::setTime(o, "discarded_at", m.discarded_at);
  return o;
}

}  // namespace

ApiResponse getOutbox(ApiContext& ctx, ApiRequest& req) {
  stores::OutboxQuery q;
  q.statuses = statusFilter(req);
  q.limit = static_cast<int>(
      req.queryInt("limit", 1, usecases::OutboxService::kMaxLimit).value_or(kDefaultLimit));
  q.offset = static_cast<int>(
      req.queryInt("offset", 0, usecases::OutboxService::kMaxOffset).value_or(0));
  const auto page = usecases::OutboxService(ctx.useCases()).list(req.who(), q);
  http::JsonArray items = new Poco::JSON::Array;
  for (const auto& m : page.items) items->add(itemJson(m));
  std::optional<std::string> next;
  if (page.more) next = std::to_string(q.offset + static_cast<int>(page.items.size()));
  auto o = http::page(items, page.total, next);
  auto counts = http::object();
  for (std::size_t i = 0; i < stores::kMailStatuses.size(); ++i) {
    counts->set(std::string(stores::mailStatusName(stores::kMailStatuses[i])), page.counts[i]);
  }
  o->set("counts", counts);
  return http::jsonResponse(o);
}

ApiResponse postOutboxRequeue(ApiContext& ctx, ApiRequest& req) {
  return http::jsonResponse(
      itemJson(usecases::OutboxService(ctx.useCases()).requeue(req.who(), req.id())));
}

ApiResponse postOutboxDiscard(ApiContext& ctx, ApiRequest& req) {
  return http::jsonResponse(
      itemJson(usecases::OutboxService(ctx.useCases()).discard(req.who(), req.id())));
}

}  // namespace citygrants::handlers
