#include "services/log/log_line.h"
#include "web/app/serve.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <stdexcept>


#include "services/db/migrator.h"
#include "services/mail/outbox_worker.h"
#include "services/schedule/scheduler.h"
#include "web/http/api_router.h"
#include "web/http/console_assets.h"
#include "web/http/http_server.h"
#include "web/http/metrics.h"

namespace citygrants::app {
namespace {

// The outbox's sender (DESIGN §5): a worker in this instance when --smtp-host names a relay;
// without one, mail stays queued in outbox_mail for an instance that has one.
std::unique_ptr<mail::OutboxWorker> startMailer(const Settings& s, db::Database& database,
                                                const services::Clock& clock,
                                                const std::string& host, int port) {
  mail::RelaySettings relay;
  relay.host = s.getOr("smtp-host", "");
  if (relay.host.empty()) {
    logs::LogLine("info", "mail_queued_only").text("detail", "no --smtp-host, so mail stays queued in outbox_mail").write(logs::Stream::kApp);
    return nullptr;
  }
  relay.port = s.getInt("smtp-port", 25, 1, 65535);
  relay.from = s.getOr("mail-from", relay.from);
  relay.console_url = s.getOr("console-url", "http://" + host + ":" + std::to_string(port) + "/");
  mail::WorkerOptions options;
  options.max_age_ms = s.getInt("mail-max-age-hours", 72, 1, 30 * 24) * 3'600'000LL;
  auto worker = std::make_unique<mail::OutboxWorker>(
      database, clock, mail::checkedRelaySettings(relay), options,
      [](const std::string& line) { logs::LogLine("info", "mail").text("detail", line).write(logs::Stream::kApp); });
  worker->start();
  logs::LogLine("info", "mail_relay").text("relay", relay.host + ":" + std::to_string(relay.port)).text("from", relay.from).write(logs::Stream::kApp);
  return worker;
}

// The clock (DESIGN §12): a scheduler ticking every --tick-seconds under the database's lease,
// so that one instance at a time writes reminders; none with --tick-seconds 0.
std::unique_ptr<schedule::Scheduler> startClock(const Settings& s, db::Database& database,
                                                const services::Clock& clock) {
  const int seconds = s.getInt("tick-seconds", 300, 0, 86'400);
  if (seconds == 0) {
    logs::LogLine("info", "clock_off").text("detail", "--tick-seconds 0: this instance writes no reminders").write(logs::Stream::kApp);
    return nullptr;
  }
  const std::int64_t every_ms = seconds * 1000LL;
  auto scheduler = std::make_unique<schedule::Scheduler>(
      database, clock, schedule::SchedulerOptions{every_ms, std::max<std::int64_t>(3 * every_ms, 60'000)},
      [](const std::string& line) { logs::LogLine("info", "clock").text("detail", line).write(logs::Stream::kApp); });
  scheduler->start();
  return scheduler;
}

// --second-factor-roles: a comma-separated list of roles, or "none".
access::RoleSet parseFactorRoles(const std::string& text) {
  access::RoleSet out;
  if (text == "none") return out;
  std::size_t at = 0;
  while (at <= text.size()) {
    const auto end = std::min(text.find(',', at), text.size());
    const auto name = text.substr(at, end - at);
    const auto role = access::parseRole(name);
    if (!role) {
      throw std::invalid_argument("--second-factor-roles: '" + name +
                                  "' is not a role (applicant, partner, fund_manager, admin, "
                                  "auditor; or none)");
    }
    out.add(*role);
    at = end + 1;
  }
  return out;
}

}  // namespace

int runServe(const Settings& s, const std::function<void()>& wait_for_stop) {
  const auto where = db::parseConnectionString(s.getOr("db", ""));
  const int threads = s.getInt("threads", 16, 2, 512);
  const int shared_generation_ms = s.getInt("shared-generation-ms", 5, 0, 1000);
  const int statistics_seconds = s.getInt("statistics-check-seconds", 60, 0, 86'400);
  db::Database database(where, {.pool_size = static_cast<std::size_t>(s.getInt("pool", 4, 1, 64)),
                                .checkpoint_every_ms = 200,
                                .shared_generation_ms = shared_generation_ms,
                                .statistics_every_ms = statistics_seconds * 1000});
  db::requireCurrentSchema(database);
  database.refreshPlannerStatistics();
  services::SystemClock clock;
  http::Metrics metrics;
  http::ApiContext ctx{database, clock, metrics, {}, s.getOr("secure-cookies", "false") == "true"};
  // Sign-in's strict defaults (auth::SignInBudgetPolicy, auth::HashGateLimits), for this instance.
  // --sign-in-burst loosens the per-address budget for test harnesses that sign in many times
  // from one address (the browser tests); the default is the strict one.
  auth::SignInLimits sign_in{
      auth::SignInBudget({.burst = s.getInt("sign-in-burst", auth::SignInBudgetPolicy{}.burst, 1, 1'000'000)}), auth::HashGate()};
  ctx.sign_in = &sign_in;
  ctx.trusted_proxies = http::parseTrustedProxies(s.getOr("trusted-proxy", ""));
  ctx.resets.ttl_ms = s.getInt("password-reset-minutes", 30, 5, 24 * 60) * 60'000LL;
  if (const auto roles = s.getOr("second-factor-roles", ""); !roles.empty()) {
    ctx.policy.second_factor_roles = parseFactorRoles(roles);
  }
  // Answers kept while nothing they were computed from has changed on any instance (credentials:
  // the identity generation; GET answers: the change keys they name, db::ChangeFeed), for a
  // second, or as long as an answer says it holds (at most a minute); --cache-mb 0 turns both
  // caches off.
  const auto cache_mb = static_cast<std::size_t>(s.getInt("cache-mb", 64, 0, 4096));
  auth::AuthCache auth_cache(100'000, 100'000, 1000);
  http::ResponseCache responses(http::responseCacheEntries(cache_mb), cache_mb * 1024 * 1024, 1000);
  if (cache_mb > 0) {
    ctx.auth_cache = &auth_cache;
    ctx.responses = &responses;
  }

  // The console: compiled in, or read from a folder while someone works on it.
  const std::string console_dir = s.getOr("console-dir", "");
  if (!console_dir.empty() && !std::filesystem::is_directory(console_dir)) {
    throw std::invalid_argument("--console-dir " + console_dir + " is not a folder");
  }
  const auto console = console_dir.empty() ? http::ConsoleAssets::embedded()
                                           : http::ConsoleAssets::fromDirectory(console_dir);
  ctx.console = &console;

  const std::string host = s.getOr("host", "127.0.0.1");
  const int port = s.getInt("port", 8080, 1, 65535);
  http::HttpServerOptions options;
  options.host = host;
  options.port = port;
  options.threads = static_cast<std::size_t>(threads);
  options.socket_timeout = Poco::Timespan(s.getInt("timeout-seconds", 15, 1, 600), 0);
  auto& limits = options.limits;
  limits.header_timeout = std::chrono::seconds(s.getInt("header-timeout-seconds", 10, 1, 600));
  limits.idle_timeout = std::chrono::seconds(s.getInt("idle-timeout-seconds", 5, 1, 600));
  limits.max_queued = static_cast<std::size_t>(s.getInt("queue", 64, 1, 100'000));
  limits.max_connections = static_cast<std::size_t>(s.getInt("max-connections", 10'000, 16, 1'000'000));
  limits.max_per_address = static_cast<std::size_t>(s.getInt("max-connections-per-address", 100, 1, 1'000'000));
  limits.max_requests_per_connection = s.getInt("keep-alive-requests", 1000, 1, 1'000'000);
  limits.big_body_threads = static_cast<std::size_t>(std::max(1, threads / 4));
  // A trusted reverse proxy carries every client's connections: it is not capped as one client.
  for (const auto& proxy : ctx.trusted_proxies) limits.uncapped_addresses.push_back(proxy.toString());
  http::HttpServer server(new http::ApiRouter(ctx), options, &metrics);
  // After the database and clock it uses, so it is destroyed (stopped) before them.
  const auto mailer = startMailer(s, database, clock, host, port);
  const auto ticker = startClock(s, database, clock);
  server.start();
  logs::LogLine("info", "serving").text("db", where.display).text("url", "http://" + host + ":" + std::to_string(port)).write(logs::Stream::kApp);
  wait_for_stop();
  server.stop();
  if (ticker) ticker->stop();  // a tick under way finishes; the lease is given up
  if (mailer) mailer->stop();  // lets a message being handed to the relay finish
  return 0;
}

}  // namespace citygrants::app
