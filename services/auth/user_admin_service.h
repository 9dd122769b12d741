#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/auth/password.h"
#include "services/auth/password_reset_service.h"
#include "services/auth/session_service.h"
#include "services/auth/sign_in_limits.h"
#include "services/stores/account_admin_store.h"
#include "services/stores/directory_store.h"
#include "services/stores/session_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::auth {

// A user's account as an admin's page shows it.
struct AdminAccount {
  stores::User user;
  stores::Organisation organisation;
  stores::AccountCounts counts;
  bool locked = false;  // users.locked_until is after now
  // A reset of the user's second factor waiting for a second admin; its requester is named in
  // `actors` ("requested_by") as the reader may know them.
  std::optional<stores::SecondFactorReset> pending_reset;
  usecases::Actors actors;
};

// What an admin changes of an account; an absent member stays as it is.
struct AccountEdit {
  std::optional<std::string> name;
  std::optional<std::string> language;
  std::optional<std::vector<access::Role>> roles;  // the whole set the user holds after
  std::optional<bool> active;
};

// Locks an account until `until` (epoch ms; nullopt: until an admin unlocks it).
struct AccountLock {
  std::optional<std::int64_t> until;
  std::string reason;
};

// Sign-in is refused until an admin unlocks: the last millisecond of 9999 (JSON: "until" null).
inline constexpr std::int64_t kLockedForever = 253'402'300'799'999;

// Account administration by admins (issue 17 part 4): one user's page, the edit of name,
// language, roles and activity, lock and unlock, a forced password reset, and their sessions.
// `actor` must be an admin (kForbidden otherwise); a user id that does not exist is kNotFound.
// Every change is one transaction with one audit event under "user", so every instance's cached
// credentials die at once (AuthCache); deactivating or locking ends every session and revokes
// every API token of the user in that same transaction.
class UserAdminService {
 public:
  UserAdminService(usecases::Context ctx, SessionPolicy policy = {}, ResetPolicy resets = {},
                   SignInLimits* limits = nullptr, HashCost cost = HashCost::kInteractive)
      : ctx_(ctx), policy_(policy), resets_(resets), limits_(limits), cost_(cost) {}

  AdminAccount account(const usecases::Actor& actor, std::int64_t user_id);

  // kInvalid naming each bad member (name, language, roles / roles[i] that do not fit the
  // user's organisation); kStaleVersion; kForbidden when the admin would deactivate themselves
  // or drop their own admin role; kConflict when no active admin would remain. `actor` nullopt
  // is the operator at the machine. Audited ("update_account").
  AdminAccount update(const std::optional<usecases::Actor>& actor, std::int64_t user_id,
                      std::int64_t expected_version, const AccountEdit& edit);

  // kInvalid naming "until" when it is not in the future, "reason" past 500 characters;
  // kForbidden for one's own account. Audited ("lock").
  AdminAccount lock(const usecases::Actor& actor, std::int64_t user_id, const AccountLock& lock);
  // Clears the lock and the failed sign-ins counted against the user's email. Audited ("unlock").
  AdminAccount unlock(const usecases::Actor& actor, std::int64_t user_id);

  // Makes the current password unusable, ends every session and open reset link of the user,
  // and mails a new reset link (the forgotten-password mail, in the user's language). kConflict
  // for a deactivated or locked user (the link could not be used). Audited
  // ("force_password_reset").
  void forcePasswordReset(const usecases::Actor& actor, std::int64_t user_id);

  // The user's live sessions, oldest first.
  std::vector<stores::Session> sessions(const usecases::Actor& actor, std::int64_t user_id);
  // Ends one (kNotFound unless it is the user's) or all of them; audited ("end_session",
  // "end_sessions"). endSessions answers how many ended.
  void endSession(const usecases::Actor& actor, std::int64_t user_id, std::int64_t session_id);
  std::int64_t endSessions(const usecases::Actor& actor, std::int64_t user_id);

 private:
  usecases::Context ctx_;
  SessionPolicy policy_;
  ResetPolicy resets_;
  SignInLimits* limits_;
  HashCost cost_;
};

// The page of `user_id` as `reader` sees it (nullopt: no one is named). REQUIRES: the user exists.
AdminAccount loadAdminAccount(db::Tx& tx, const std::optional<usecases::Actor>& reader,
                              std::int64_t user_id, std::int64_t now, std::int64_t idle_ms);

// Throws kForbidden unless `actor` (when there is one) may manage users.
void requireUserAdmin(const std::optional<usecases::Actor>& actor);

// Ends every session and revokes every API token of `user_id`: {sessions, tokens} ended.
std::pair<std::int64_t, std::int64_t> endCredentials(db::Tx& tx, std::int64_t user_id,
                                                     std::int64_t now);

}  // namespace citygrants::auth
