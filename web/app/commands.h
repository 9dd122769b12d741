#pragma once

#include <string>

#include "web/app/settings.h"

namespace citygrants::app {

// Each subcommand: reads what it needs from `settings`, prints to stdout, returns the exit code,
// and throws (core::Problem, soci::soci_error, std::invalid_argument) on failure; the app maps
// those to a message and an exit code.
int runMigrate(const Settings& settings);
int runSeedDemo(const Settings& settings);
int runWorkflow(const Settings& settings);
// `tick`: the clock's reminders due at --now (ISO 8601; the system clock's now without it), once.
// A malformed --now throws std::invalid_argument (exit 64).
int runTick(const Settings& settings);
// Prints the current TOTP code of --secret: the demo's second factor without a phone.
int runTotpCode(const Settings& settings);
int runVerifyAudit(const Settings& settings);
int runUserAdd(const Settings& settings);
int runUserPasswd(const Settings& settings);
int runUserLock(const Settings& settings);
// transfer_commands.cpp: moving a fund between databases, and backing up a live SQLite one.
int runCopy(const Settings& settings);
int runBackup(const Settings& settings);
// export_commands.cpp: `export 360giving|iati`, the open-data files.
int runExport(const Settings& settings, const std::string& standard);

}  // namespace citygrants::app
