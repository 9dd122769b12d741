#include "web/app/citygrants_app.h"

#include <iostream>
#include <stdexcept>

#include <Poco/Net/NetException.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <soci/soci.h>

#include "modules/core/problem.h"
#include "web/app/commands.h"
#include "web/app/serve.h"
#include "web/app/version.h"

namespace citygrants::app {
namespace {

using Poco::Util::Option;

// Every flag any command takes; all take a value.
struct Flag {
  const char* name;
  const char* arg;
  const char* help;
};
constexpr Flag kFlags[] = {
    {"db", "DB", "sqlite:PATH or postgresql://user@host:port/db"},
    {"config", "FILE", "a properties file of KEY=VALUE settings"},
    {"demo-password", "PASSWORD", "seed-demo: the password of every demo login"},
    {"proposals", "N", "seed-demo: generate N more proposals (benchmarks)"},
    {"demo-totp-secret", "BASE32", "seed-demo: the fund managers' and admin's TOTP key (default: a new one)"},
    {"secret", "BASE32", "totp-code: the TOTP key to print the current code of"},
    {"second-factor-roles", "ROLES", "serve: roles that must enrol a second factor (fund_manager,admin; none)"},
    {"host", "HOST", "serve: address to listen on (127.0.0.1)"},
    {"port", "PORT", "serve: port (8080)"},
    {"threads", "N", "serve: request threads (16)"},
    {"queue", "N", "serve: most complete requests waiting for a thread, 503 past it (64)"},
    {"pool", "N", "serve: database connections for reads (4; PostgreSQL adds one for writes)"},
    {"timeout-seconds", "N", "serve: a request thread's socket timeout (15)"},
    {"header-timeout-seconds", "N", "serve: request line and headers within N s, or 408 (10)"},
    {"idle-timeout-seconds", "N", "serve: a kept-alive connection idle N s is closed (5)"},
    {"max-connections", "N", "serve: open connections in all, 503 past it (10000)"},
    {"max-connections-per-address", "N", "serve: open connections per client address, 429 past it (100)"},
    {"keep-alive-requests", "N", "serve: requests per connection (1000)"},
    {"sign-in-burst", "N", "serve: sign-ins an address may make at once before one every 3 s (10)"},
    {"cache-mb", "N", "serve: memory for cached GET answers, 0 = no caches (64)"},
    {"shared-generation-ms", "MS", "serve: one look at what changed serves MS ms (5; 0 = per request)"},
    {"statistics-check-seconds", "S",
     "serve, SQLite: look every S s for tables that outgrew the planner's statistics (60; 0: off)"},
    {"console-dir", "DIR", "serve: serve the console from DIR (web/console) instead of the binary"},
    {"password-reset-minutes", "N", "serve: how long a forgotten-password link works (30)"},
    {"trusted-proxy", "ADDRS", "serve: proxies whose X-Forwarded-For is believed: 127.0.0.1,::1 (none)"},
    {"email", "EMAIL", "user: the user's email"},
    {"name", "NAME", "user add: full name"},
    {"org", "ORG", "user add: organisation name"},
    {"role", "ROLE", "user add: applicant|partner|fund_manager|admin|auditor (repeatable)"},
    {"password", "PASSWORD", "user add|passwd: the password"},
    {"language", "LANG", "user add: en|fr|es|pt"},
    {"minutes", "N", "user lock: minutes to lock (0 unlocks)"},
    {"from", "DB", "copy: the fund to copy (sqlite:PATH or postgresql://...)"},
    {"to", "DB|FILE", "copy: the empty database to fill; backup: the file to write"},
    {"out", "FILE", "export: the file to write"},
    {"scope", "SCOPE", "export: published (the grants marked publishable, default) or all"},
    {"smtp-host", "HOST", "serve: the SMTP relay that sends the outbox (mail stays queued without one)"},
    {"smtp-port", "PORT", "serve: the SMTP relay's port (25)"},
    {"mail-max-age-hours", "N", "serve: a message still unsent after N hours goes dead at its next failure (72)"},
    {"mail-from", "EMAIL", "serve: the sender of the fund's mail (no-reply@citygrants.invalid)"},
    {"console-url", "URL", "serve: the console's address in mail links (http://HOST:PORT/)"},
    {"tick-seconds", "N", "serve: how often the clock writes due reminders, 0 = never (300)"},
    {"now", "TIME", "tick: the moment to tick at, ISO 8601 (2026-03-01T09:00Z; default: now)"},
};

}  // namespace

std::string usageText() {
  std::string out =
      "usage: citygrants COMMAND [--flag value ...]\n"
      "commands:\n"
      "  serve          serve the API and console\n"
      "  migrate        create or upgrade the database schema\n"
      "  seed-demo      fill an empty database with the demo fund\n"
      "  workflow       print every workflow machine as JSON\n"
      "  verify-audit   recompute the audit hash chain (exit 1 when broken)\n"
      "  tick           write the reminders due at --now (default: now) to the outbox, each once\n"
      "  copy           copy a whole fund (--from DB) into an empty database (--to DB), then check\n"
      "                 row counts, money sums and the audit chain there (exit 1 when they differ)\n"
      "  backup         write a consistent copy of a live SQLite database (--db) to a new --to FILE\n"
      "  export 360giving|iati\n"
      "                 write the fund's open data (--db) to --out FILE: a 360Giving 1.4 package\n"
      "                 or an IATI 2.03 activity file of the published grants (--scope all: every one)\n"
      "  totp-code      print the current TOTP code of --secret (the demo's second factor)\n"
      "  user add|passwd|lock\n"
      "flags:\n";
  for (const auto& f : kFlags) {
    out += "  --" + std::string(f.name) + " " + f.arg + "\n      " + f.help + "\n";
  }
  out += "  --help, --version\n";
  return out;
}

CitygrantsApp::CitygrantsApp() { setUnixOptions(true); }

void CitygrantsApp::defineOptions(Poco::Util::OptionSet& options) {
  ServerApplication::defineOptions(options);
  options.addOption(Option("help", "h", "print usage"));
  options.addOption(Option("version", "", "print the version"));
  for (const auto& f : kFlags) {
    options.addOption(Option(f.name, "", f.help)
                          .argument(f.arg)
                          .required(false)
                          .repeatable(std::string(f.name) == "role"));
  }
}

void CitygrantsApp::handleOption(const std::string& name, const std::string& value) {
  ServerApplication::handleOption(name, value);
  if (name == "help") {
    std::cout << usageText();
    help_ = true;
    stopOptionsProcessing();
  } else if (name == "version") {
    std::cout << "citygrants " << kVersion << "\n";
    help_ = true;
    stopOptionsProcessing();
  } else if (name == "config") {
    settings_.loadFile(value);
  } else {
    settings_.setFlag(name, value);
  }
}

int CitygrantsApp::dispatch(const std::vector<std::string>& args) {
  const std::string cmd = args.empty() ? "" : args[0];
  const std::string sub = args.size() > 1 ? args[1] : "";
  const std::size_t expected = cmd == "user" || cmd == "export" ? 2 : 1;
  if (args.size() > expected) throw std::invalid_argument("unexpected argument '" + args[expected] + "'");
  if (cmd == "serve") return runServe(settings_, [this] { waitForTerminationRequest(); });
  if (cmd == "migrate") return runMigrate(settings_);
  if (cmd == "seed-demo") return runSeedDemo(settings_);
  if (cmd == "workflow") return runWorkflow(settings_);
  if (cmd == "verify-audit") return runVerifyAudit(settings_);
  if (cmd == "tick") return runTick(settings_);
  if (cmd == "totp-code") return runTotpCode(settings_);
  if (cmd == "copy") return runCopy(settings_);
  if (cmd == "backup") return runBackup(settings_);
  if (cmd == "export") return runExport(settings_, sub);
  if (cmd == "user" && sub == "add") return runUserAdd(settings_);
  if (cmd == "user" && sub == "passwd") return runUserPasswd(settings_);
  if (cmd == "user" && sub == "lock") return runUserLock(settings_);
  throw std::invalid_argument(cmd.empty() ? "no command given" : "unknown command '" + cmd + (sub.empty() ? "" : " " + sub) + "'");
}

int CitygrantsApp::main(const std::vector<std::string>& args) {
  if (help_) return EXIT_OK;
  try {
    return dispatch(args);
  } catch (const std::invalid_argument& e) {
    std::cerr << "citygrants: " << e.what() << "\n(citygrants --help lists the commands and flags)\n";
    return EXIT_USAGE;
  } catch (const core::Problem& p) {
    std::cerr << "citygrants: " << p.what() << "\n";
    return p.kind() == core::ProblemKind::kNotFound ? EXIT_NOINPUT : EXIT_DATAERR;
  } catch (const soci::soci_error& e) {
    std::cerr << "citygrants: database error: " << e.what() << "\n";
    return EXIT_IOERR;
  } catch (const Poco::Net::NetException& e) {
    std::cerr << "citygrants: " << e.displayText() << "\n";  // a port in use, an address not ours
    return EXIT_OSERR;
  } catch (const std::exception& e) {
    std::cerr << "citygrants: " << e.what() << "\n";
    return EXIT_SOFTWARE;
  }
}

}  // namespace citygrants::app
