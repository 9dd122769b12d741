
#include <soci/soci.h>

#include "services/log/log_line.h"
#include "services/db/migrator.h"
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

ApiResponse getMetrics(ApiContext& ctx, ApiRequest&) {
  ApiResponse r;
  r.body = ctx.metrics.render();
  r.content_type = "text/plain; version=0.0.4";
  return r;
}

}  // namespace citygrants::handlers
