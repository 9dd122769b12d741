#pragma once

#include <cstdint>
#include <string>

#include "services/auth/password.h"
#include "services/auth/sign_in_limits.h"
#include "services/usecases/use_case.h"

namespace citygrants::auth {

// How forgotten-password links work.
struct ResetPolicy {
  std::int64_t ttl_ms = 30LL * 60 * 1000;  // a link works for 30 minutes (serve
                                           // --password-reset-minutes)
  int max_per_email = 3;                   // links mailed to one email within a window
  std::int64_t email_window_ms = 60LL * 60 * 1000;
};

// Forgotten passwords: a single-use, expiring link mailed through the outbox, and no answer that
// tells whether an email is a user's.
class PasswordResetService {
 public:
  // With `limits`, both steps spend the client address's sign-in attempts and the new password
  // is hashed in a turn of the hash gate.
  PasswordResetService(usecases::Context ctx, ResetPolicy policy = {},
                       SignInLimits* limits = nullptr, HashCost cost = HashCost::kInteractive)
      : ctx_(ctx), policy_(policy), limits_(limits), cost_(cost) {}

  // Asks for a link for `email`. Refuses only a malformed email (kInvalid naming "email") and a
  // `client` address with no attempt left (kTooManyRequests, before the email is looked at).
  // Otherwise it does the same work for every email, known or not: a random token is made and
  // one write transaction counts the request against the email (ResetPolicy::max_per_email);
  // only for an active, unlocked user within that count does the same transaction also store
  // the token's hash and queue the mail in the user's language.
  void request(const std::string& email, const std::string& client = "");

  // Sets the password of the link's user to `new_password`, marks the link (and every other
  // open link of the user) used, ends every session of the user and clears the email's failed
  // sign-ins, in one transaction, audited ("reset_password"). Throws kNotFound, the same for a
  // used, expired or unknown token (and a user since deactivated or locked); kInvalid naming
  // "new_password" when the password rules refuse it; kTooManyRequests as `request`.
  void complete(const std::string& token, const std::string& new_password,
                const std::string& client = "");

  const ResetPolicy& policy() const { return policy_; }

 private:
  usecases::Context ctx_;
  ResetPolicy policy_;
  SignInLimits* limits_;
  HashCost cost_;
};

}  // namespace citygrants::auth
