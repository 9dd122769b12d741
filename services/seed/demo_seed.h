#pragma once

#include <string>
#include <vector>

#include "services/db/database.h"
#include "services/usecases/use_case.h"

namespace citygrants::seed {

struct DemoOptions {
  std::string password;     // every demo login's password
  int extra_proposals = 0;  // more generated proposals, for benchmarks
  // The TOTP key (Base32) of the fund managers' and the admin's second factor (issue 17), so
  // that the demo and the tests can compute their codes. REQUIRES: valid Base32 of ≥ 10 bytes.
  std::string totp_secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
};

// The demo logins that have a second factor (the demo fund's fund managers and admin).
inline constexpr const char* kDemoFactorLogins[] = {"fm1@mmc.demo", "fm2@mmc.demo", "admin@mmc.demo"};

// One printed demo login.
struct DemoLogin {
  std::string email;
  std::string what;  // "fund manager, MMC", ...
};

// Fills an empty, migrated database with the demo fund through the real use cases: the fund,
// the five strategic partners, cities on several continents, an open call with weighted criteria
// and a budget envelope, proposals in every proposal state, and an active grant with tranches
// partly disbursed. Throws Problem(kConflict) when the database already has users.
std::vector<DemoLogin> seedDemo(usecases::Context ctx, const DemoOptions& options);

// Throws Problem(kConflict) when `database` already has users: the demo fills only an empty one.
void requireEmpty(db::Database& database);

}  // namespace citygrants::seed
