#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/auth/sign_in_limits.h"
#include "services/db/generation_cache.h"
#include "services/stores/directory_store.h"
#include "services/stores/session_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::auth {

// How long sessions live and how sign-in failures lock an email out.
struct SessionPolicy {
  std::int64_t idle_ms = 30LL * 60 * 1000;          // signed out after 30 idle minutes
  std::int64_t absolute_ms = 12LL * 60 * 60 * 1000;  // and after 12 hours in any case
  int max_failures = 5;                              // failures within the window lock the email
  std::int64_t failure_window_ms = 15LL * 60 * 1000;
  std::int64_t lockout_ms = 15LL * 60 * 1000;
  std::int64_t touch_every_ms = 60LL * 1000;         // last_seen_at is written at most this often
  // The second factor (issue 17): the roles that must have one before they do anything else
  // (serve --second-factor-roles), and how long a step-up lets a session move money.
  access::RoleSet second_factor_roles = access::Role::kFundManager | access::Role::kAdmin;
  std::int64_t step_up_ms = 5LL * 60 * 1000;
  // Whether `roles` hold one that must have a second factor.
  bool needsSecondFactor(access::RoleSet roles) const { return roles.intersects(second_factor_roles); }
};

// A new session: the token goes in the cookie, the CSRF token to the client.
struct SignIn {
  std::string token;
  std::string csrf_token;
  stores::User user;
  std::int64_t expires_at = 0;
};

// Who a request acts for.
struct Authenticated {
  usecases::Actor actor;
  std::string language = "en";            // the user's saved language (users.language)
  std::optional<std::string> csrf_token;  // cookie sessions only; bearer tokens need none
  std::string credential;                 // "s:" or "b:" + the token's SHA-256: a cache key
  std::optional<db::Database::Generations> generations;  // read first, with a cache
  // A role of the user needs a second factor they have not enrolled: they may only enrol.
  bool must_enrol = false;
  std::int64_t stepped_up_at = 0;  // sessions: when a code last cleared them for payments
  std::string scopes;              // bearer tokens: read, write, payments (space-separated)
};

// A credential's answer as AuthCache remembers it (positive answers only).
struct CachedAuth {
  Authenticated who;
  std::int64_t session_id = 0;  // 0 for a bearer token
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;
};
// Sessions and tokens by credential, while the identity generation holds (sign-out, revocation,
// role and account changes are all audited under "user" or "api_token", so they move it), for at
// most a second.
using AuthCache = db::GenerationCache<CachedAuth>;

// A bearer token as shown once at creation.
struct NewApiToken {
  std::string token;  // "cgt_" + 64 hex digits
  stores::ApiToken record;
};

// Sign-in with argon2id passwords, database-backed sessions (any instance serves any request),
// per-email lockout that does not tell which emails exist, and bearer API tokens.
class SessionService {
 public:
  // With `cache`, a request reads one row (the generations) while no identity has changed. With
  // `limits`, sign-ins are counted per client address and their password hashes are bounded.
  SessionService(usecases::Context ctx, SessionPolicy policy = {}, AuthCache* cache = nullptr,
                 SignInLimits* limits = nullptr)
      : ctx_(ctx), policy_(policy), cache_(cache), limits_(limits) {}

  // Throws kUnauthenticated for a wrong email or password (the same answer for both), and
  // kTooManyRequests while the email is locked out or `client` (the client's address) has no
  // attempt left, with the seconds until it may try again. Every answer but those two costs
  // exactly one password hash, whether the email exists or not; those two cost none, and the
  // address's budget is checked before the email is even looked at. Throws kUnavailable when
  // too many hashes are running or waiting (see HashGate). `previous_token` (the browser's old
  // cookie) is dropped: the session is rotated at every sign-in.
  //
  // A user with a second factor needs `otp` too (a TOTP code or a recovery code): without it the
  // answer is kSecondFactorRequired and no session; a wrong or used code counts as a wrong
  // password (lockout) and is kSecondFactorRequired too. The code is checked only once the
  // password is right, so it tells nothing to who lacks the password.
  SignIn signIn(const std::string& email, const std::string& password,
                const std::optional<std::string>& previous_token, const std::string& client = "",
                const std::optional<std::string>& otp = std::nullopt);

  // Proves the second factor again on the session of `token` (step-up): for the next
  // SessionPolicy::step_up_ms its requests may move money. kInvalid naming "otp" for a malformed,
  // wrong or used code (counted as a failed sign-in of the email), kConflict without a factor,
  // kTooManyRequests while the email is locked out or the address has no attempt left. Audited.
  // Answers when the clearance ends.
  std::int64_t stepUp(const std::string& token, const std::string& otp, const std::string& client = "");
  void signOut(const std::string& token);

  // kUnauthenticated for an unknown, expired or idle session, or a deactivated user.
  Authenticated bySession(const std::string& token);
  // kUnauthenticated for an unknown or revoked token.
  Authenticated byBearer(const std::string& token);

  // `scopes` among read, write, payments (kInvalid naming "scopes" otherwise; empty: read and
  // write). The payments scope only for a fund manager's session cleared by a step-up
  // (kStepUpRequired; kForbidden for anyone else).
  NewApiToken createToken(const usecases::Actor& actor, const std::string& name,
                          const std::vector<std::string>& scopes = {});
  std::vector<stores::ApiToken> tokens(const usecases::Actor& actor);
  // REQUIRES: the token is the actor's own (else kNotFound).
  void revokeToken(const usecases::Actor& actor, std::int64_t token_id);

 private:
  // Counts a failed sign-in of the email; with `user_id`, a wrong second-factor code after a
  // right password, audited ("second_factor_failed").
  void recordFailure(const std::string& email_hash, std::int64_t now,
                     std::optional<std::int64_t> user_id = std::nullopt);
  // Whether `who` (read now) is cleared for payments, and whether the user must enrol.
  void clearance(Authenticated& who, std::int64_t now) const;
  // Whether `password` matches `encoded_hash`: one argon2id hash, in a turn of the hash gate.
  bool checkPassword(const std::string& password, const std::string& encoded_hash);
  usecases::Context ctx_;
  SessionPolicy policy_;
  AuthCache* cache_;
  SignInLimits* limits_;
};

}  // namespace citygrants::auth
