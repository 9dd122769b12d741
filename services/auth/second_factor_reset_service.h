#pragma once

#include <cstdint>
#include <string>

#include "services/stores/account_admin_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::auth {

// Resetting a user's second factor (a lost phone and lost recovery codes) with four eyes: one
// admin requests it with a reason, a different admin confirms it before the request expires.
// Neither may be the user. The confirmation removes the second factor and the recovery codes
// and ends the user's sessions, in one transaction: at their next sign-in they enrol again.
// Every step is one transaction audited under "user" (so cached credentials die everywhere).
class SecondFactorResetService {
 public:
  static constexpr std::int64_t kDefaultTtlMs = 24LL * 60 * 60 * 1000;

  SecondFactorResetService(usecases::Context ctx, std::int64_t ttl_ms = kDefaultTtlMs)
      : ctx_(ctx), ttl_ms_(ttl_ms) {}

  // kForbidden for a non-admin or the admin's own factor; kInvalid naming "reason" (1 to 500
  // characters); kNotFound; kConflict when the user has no second factor or a request already
  // waits. Audited ("request_second_factor_reset").
  stores::SecondFactorReset request(const usecases::Actor& actor, std::int64_t user_id,
                                    const std::string& reason);

  // Confirms the waiting request. kNotFound when none waits (none made, expired, confirmed or
  // withdrawn); kForbidden for one's own factor or one's own request. Audited
  // ("reset_second_factor").
  void confirm(const usecases::Actor& actor, std::int64_t user_id);

  // Withdraws the waiting request (any admin but the user). kNotFound when none waits. Audited
  // ("cancel_second_factor_reset").
  void cancel(const usecases::Actor& actor, std::int64_t user_id);

 private:
  usecases::Context ctx_;
  std::int64_t ttl_ms_;
};

}  // namespace citygrants::auth
