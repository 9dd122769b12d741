#include <soci/soci.h>

#include "services/log/log_line.h"
#include "services/db/migrator.h"
#include "services/stores/outbox_list.h"
#include "web/app/version.h"
#include "web/handlers/routes.h"
#include "web/http/json_encode.h"
#include "web/http/metrics.h"
#include "web/http/problem_json.h"

namespace citygrants::handlers {

ApiResponse getHealth(ApiContext&, ApiRequest&) {
  auto o = http::object();
  o->set("status", "ok");
  o->set("version", app::kVersion);
  return http::jsonResponse(o);
}

ApiResponse getReady(ApiContext& ctx, ApiRequest& req) {
  try {
    db::requireCurrentSchema(ctx.db);
  } catch (const soci::soci_error& e) {
    // The driver's words name hosts and ports: they go to the log, not to the caller.
    logs::LogLine("error", "not_ready").text("request_id", req.request_id, 64).text("detail", e.what()).write(logs::Stream::kApp);
    return http::problemResponse(503, "not-ready", "Not ready", "the database cannot be reached", {},
                                 req.request_id);
  } catch (const std::exception& e) {
    return http::problemResponse(503, "not-ready", "Not ready", e.what(), {}, req.request_id);
  }
  auto o = http::object();
  o->set("status", "ready");
  return http::jsonResponse(o);
}

namespace {

// The outbox's messages per status and its failed attempts, read from the database when scraped
// (every instance reports the same shared outbox); nothing when the database cannot be read.
std::string outboxMetrics(db::Database& database) {
  stores::OutboxTotals totals;
  try {
    auto tx = database.read();
    totals = stores::outboxTotals(tx);
    tx.commit();
  } catch (const std::exception& e) {
    logs::LogLine("error", "metrics_outbox").text("detail", e.what()).write(logs::Stream::kApp);
    return "";
  }
  std::string out =
      "# HELP citygrants_outbox_messages Messages in the outbox by status (queued, sent, failed: "
      "to be tried again, dead: not tried again, discarded).\n"
      "# TYPE citygrants_outbox_messages gauge\n";
  for (std::size_t i = 0; i < stores::kMailStatuses.size(); ++i) {
    out += "citygrants_outbox_messages{status=\"" +
           std::string(stores::mailStatusName(stores::kMailStatuses[i])) + "\"} " +
           std::to_string(totals.counts[i]) + "\n";
  }
  out +=
      "# HELP citygrants_outbox_failed_attempts Failed delivery attempts over the whole outbox: "
      "each was retried or made its message dead.\n"
      "# TYPE citygrants_outbox_failed_attempts gauge\n"
      "citygrants_outbox_failed_attempts " +
      std::to_string(totals.failed_attempts) + "\n";
  return out;
}

}  // namespace

ApiResponse getMetrics(ApiContext& ctx, ApiRequest&) {
  ApiResponse r;
  r.body = ctx.metrics.render() + outboxMetrics(ctx.db);
  r.content_type = "text/plain; version=0.0.4";
  return r;
}

}  // namespace citygrants::handlers
