#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/auth/password.h"
#include "services/auth/session_service.h"
#include "services/auth/sign_in_limits.h"
#include "services/stores/directory_store.h"
#include "services/stores/session_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::auth {

// What a user may change of their own account; an absent member stays as it is.
struct ProfileChange {
  std::optional<std::string> name;
  std::optional<std::string> language;  // en, fr, es or pt: the console's and the mail's
};

// One of the user's live sessions as they see it.
struct AccountSession {
  stores::Session session;
  bool current = false;  // the session the request came with
};

// The signed-in user's own account: profile, password and sessions (API tokens are
// SessionService's). Every change is one transaction with its audit event under "user", so
// cached credentials on every instance are dropped (AuthCache).
class AccountService {
 public:
  // With `limits`, a password change spends the client address's sign-in attempts and hashes
  // in turns of the hash gate.
  AccountService(usecases::Context ctx, SessionPolicy policy = {}, SignInLimits* limits = nullptr,
                 HashCost cost = HashCost::kInteractive)
      : ctx_(ctx), policy_(policy), limits_(limits), cost_(cost) {}

  // The actor's user row. kNotFound when it is gone.
  stores::User account(const usecases::Actor& actor);

  // Changes the name and/or language. kInvalid naming each bad member (name: 1 to 200
  // characters; language: en, fr, es or pt); kStaleVersion when `expected_version` is not the
  // current one. A change to nothing new writes nothing. Audited ("update_profile").
  stores::User updateProfile(const usecases::Actor& actor, std::int64_t expected_version,
                             const ProfileChange& change);

  // Sets a new password once the current one is proven, and in the same transaction ends every
  // other session of the user (all of them when `current_session`, the token the request came
  // with, is nullopt: a bearer token) and every open reset link; audited ("change_password").
  // kInvalid naming "new_password" for a password the rules (passwordProblem) refuse, then
  // naming "current_password" when it is wrong; kTooManyRequests / kUnavailable as sign-in.
  void changePassword(const usecases::Actor& actor,
                      const std::optional<std::string>& current_session,
                      const std::string& current_password, const std::string& new_password,
                      const std::string& client = "");

  // The actor's live sessions, oldest first, the one of `current_session` marked.
  std::vector<AccountSession> sessions(const usecases::Actor& actor,
                                       const std::optional<std::string>& current_session);

  // Ends one of the actor's sessions (audited "end_session"). kNotFound for a session that is
  // not theirs or no longer exists.
  void endSession(const usecases::Actor& actor, std::int64_t session_id);

 private:
  usecases::Context ctx_;
  SessionPolicy policy_;
  SignInLimits* limits_;
  HashCost cost_;
};

}  // namespace citygrants::auth
