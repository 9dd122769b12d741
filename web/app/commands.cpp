#include "web/app/commands.h"

#include <iostream>
#include <memory>
#include <stdexcept>

#include "modules/access/role.h"
#include "modules/clock/reminders.h"
#include "modules/core/iso_instant.h"
#include "modules/core/problem.h"
#include "services/audit/audit_log.h"
#include "services/auth/password.h"
#include "services/crypto/totp.h"
#include "services/db/migrator.h"
#include "services/exports/workflow_json.h"
#include "services/seed/demo_seed.h"
#include "services/transfer/copy_fund.h"
#include "services/usecases/directory_service.h"
#include "services/usecases/tick_service.h"
#include "web/app/scratch_database.h"

namespace citygrants::app {
namespace {

// Opens the database of --db with the schema this binary knows.
std::unique_ptr<db::Database> openCurrent(const Settings& s, std::size_t pool_size = 1) {
  auto database = std::make_unique<db::Database>(db::parseConnectionString(s.require("db")),
                                                 db::Database::Options{.pool_size = pool_size});
  db::requireCurrentSchema(*database);
  return database;
}

}  // namespace

int runMigrate(const Settings& s) {
  db::Database database(db::parseConnectionString(s.require("db")),
                        {.pool_size = 1, .create_if_missing = true});
  const int applied = db::migrate(database);
  std::cout << "applied " << applied << " migration(s); schema at version "
            << db::schemaVersion(database) << "\n";
  return 0;
}

int runSeedDemo(const Settings& s) {
  const std::string password = s.require("demo-password");
  if (const auto why = auth::passwordProblem(password)) {
    throw std::invalid_argument("--demo-password: " + core::english(*why));
  }
  seed::DemoOptions options;
  options.password = password;
  options.extra_proposals = s.getInt("proposals", 0, 0, 1'000'000);
  options.totp_secret = s.getOr("demo-totp-secret", "");
  if (options.totp_secret.empty()) {
    options.totp_secret = crypto::base32Encode(crypto::newTotpSecret());
  } else if (const auto key = crypto::base32Decode(options.totp_secret); !key || key->size() < 10) {
    throw std::invalid_argument("--demo-totp-secret: not Base32 of at least 10 bytes (16 characters)");
  }
  auto target = openCurrent(s);
  seed::requireEmpty(*target);
  // The fund is built through the use cases in a scratch SQLite file, then copied into the
  // target in one transaction (transfer::copyFund, which checks the copy): whatever fails on
  // the way, the target is left as it was.
  ScratchDatabase scratch;
  services::SystemClock clock;
  const auto logins = seed::seedDemo({scratch.database(), clock}, options);
  const auto report = transfer::copyFund(scratch.database(), *target, [](const std::string&) {});
  if (!report.ok()) throw std::runtime_error("the demo fund did not copy whole: " + report.problem);
  std::cout << "Demo data seeded in one transaction. Logins (password: " << password << "):\n";
  for (const auto& l : logins) std::cout << "  " << l.email << "  (" << l.what << ")\n";
  std::cout << "Fund managers and the admin sign in with a second factor (TOTP). Their key: "
            << options.totp_secret << "\n  add it to an authenticator app, or print a code with: "
            << "citygrants totp-code --secret " << options.totp_secret << "\n";
  return 0;
}

int runTotpCode(const Settings& s) {
  const auto key = crypto::base32Decode(s.require("secret"));
  if (!key || key->empty()) throw std::invalid_argument("--secret: not Base32");
  services::SystemClock clock;
  std::cout << crypto::totpAt(*key, clock.nowMs() / 1000) << "\n";
  return 0;
}

int runTick(const Settings& s) {
  services::SystemClock clock;
  std::int64_t now = clock.nowMs();
  const std::string at = s.getOr("now", "");
  if (!at.empty()) {
    const auto parsed = core::parseIsoInstant(at);
    if (!parsed) {
      throw std::invalid_argument("--now '" + at +
                                  "' is not an ISO 8601 time (2026-03-01 or 2026-03-01T12:30Z)");
    }
    now = *parsed;
  }
  auto database_ptr = openCurrent(s);
  const auto result = usecases::TickService({*database_ptr, clock}).tick(now);
  std::cout << "tick at " << (at.empty() ? "now" : at) << ": " << result.total() << " reminder(s)\n";
  for (const auto& w : clock::kWindows) {
    const std::string name(w.name);
    const auto sent = result.reminders.find(name);
    if (sent == result.reminders.end()) continue;
    std::cout << "  " << name << ": " << sent->second << " reminder(s), "
              << result.mails.at(name) << " mail(s)\n";
  }
  if (result.passed > 0) std::cout << "  earlier windows passed: " << result.passed << "\n";
  return 0;
}

int runWorkflow(const Settings&) {
  std::cout << exports::workflowJson() << "\n";
  return 0;
}

int runVerifyAudit(const Settings& s) {
  auto database_ptr = openCurrent(s);
  auto& database = *database_ptr;
  const auto result = audit::verifyAudit(database);
  if (result.ok) {
    std::cout << "audit chain holds: " << result.rows << " event(s) verified\n";
    return 0;
  }
  std::cout << "audit chain BROKEN at seq " << result.bad_seq.value_or(0);
  if (result.bad_id) std::cout << " (audit_events.id " << *result.bad_id << ")";
  std::cout << ": " << result.reason << "\n";
  return 1;
}

int runUserAdd(const Settings& s) {
  usecases::NewUser u;
  u.email = s.require("email");
  u.name = s.require("name");
  u.org_name = s.require("org");
  u.password = s.require("password");
  u.language = s.getOr("language", "en");
  if (s.roles().empty()) throw std::invalid_argument("--role is required (repeat it for several)");
  for (const auto& r : s.roles()) {
    auto role = access::parseRole(r);
    if (!role) {
      throw std::invalid_argument("unknown role '" + r +
                                  "' (applicant, partner, fund_manager, admin, auditor)");
    }
    u.roles.push_back(*role);
  }
  auto database_ptr = openCurrent(s);
  auto& database = *database_ptr;
  services::SystemClock clock;
  const auto user = usecases::DirectoryService({database, clock}).addUser(std::nullopt, u);
  std::cout << "added user " << user.email << " (id " << user.id << ")\n";
  return 0;
}

int runUserPasswd(const Settings& s) {
  const auto email = s.require("email");
  const auto password = s.require("password");
  auto database_ptr = openCurrent(s);
  auto& database = *database_ptr;
  services::SystemClock clock;
  usecases::DirectoryService({database, clock}).setPassword(std::nullopt, email, password);
  std::cout << "password changed for " << email << "\n";
  return 0;
}

int runUserLock(const Settings& s) {
  const auto email = s.require("email");
  const int minutes = s.getInt("minutes", 0, 0, 10'000'000);
  auto database_ptr = openCurrent(s);
  auto& database = *database_ptr;
  services::SystemClock clock;
  const std::int64_t until = minutes == 0 ? 0 : clock.nowMs() + minutes * 60'000LL;
  usecases::DirectoryService({database, clock}).lock(std::nullopt, email, until);
  std::cout << (minutes == 0 ? "unlocked " : "locked ") << email
            << (minutes == 0 ? "" : " for " + std::to_string(minutes) + " minute(s)") << "\n";
  return 0;
}

}  // namespace citygrants::app
