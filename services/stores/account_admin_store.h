#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/db/database.h"
#include "services/stores/directory_store.h"

namespace citygrants::stores {

// What an admin's page of a user counts (GET /users/{id}).
struct AccountCounts {
  bool second_factor = false;  // a confirmed second factor is enrolled
  std::int64_t live_sessions = 0;
  std::int64_t live_tokens = 0;  // API tokens not revoked
};

// A request to reset a user's second factor, waiting for a second admin (four eyes).
struct SecondFactorReset {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::int64_t requested_by = 0;
  std::string reason;
  std::int64_t requested_at = 0;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> confirmed_by;
  std::optional<std::int64_t> cancelled_by;
  std::optional<std::int64_t> closed_at;
};

// A waiting reset with the names its inbox item shows.
struct PendingResetRow {
  SecondFactorReset reset;
  std::string email;
  std::string name;
  std::string organisation;
};

// The SQL of account administration (issue 17 part 4): an admin's edit of a user, the counts of
// their page, the end of their credentials, and the second_factor_resets table.
class AccountAdminStore {
 public:
  // Writes name, language and active. REQUIRES: user.version is the version read (else
  // kStaleVersion).
  static void updateAccount(db::Tx& tx, const User& user);
  // Replaces the user's role grants by `roles`, granted by `by`.
  static void replaceRoles(db::Tx& tx, std::int64_t user_id, access::RoleSet roles,
                           std::optional<std::int64_t> by, std::int64_t now);
  // Active users holding the admin role, `except` left out.
  static std::int64_t activeAdminsExcept(db::Tx& tx, std::int64_t except);

  // Sessions live at `now` (not past their absolute timeout, seen since `idle_before`).
  static AccountCounts counts(db::Tx& tx, std::int64_t user_id, std::int64_t now,
                              std::int64_t idle_before);
  // Revokes every API token of the user not yet revoked; answers how many.
  static std::int64_t revokeTokensOf(db::Tx& tx, std::int64_t user_id, std::int64_t now);
  // Whether the user has a second factor, confirmed or waiting for its first code.
  static bool hasSecondFactor(db::Tx& tx, std::int64_t user_id);
  // Removes the user's second factor and recovery codes.
  static void removeSecondFactor(db::Tx& tx, std::int64_t user_id);

  static std::int64_t insertReset(db::Tx& tx, const SecondFactorReset& r);
  // The user's newest request not closed and not past `now`, if any.
  static std::optional<SecondFactorReset> pendingReset(db::Tx& tx, std::int64_t user_id,
                                                       std::int64_t now);
  // Every request not closed and not past `now`, oldest first (the admins' inbox).
  static std::vector<PendingResetRow> pendingResets(db::Tx& tx, std::int64_t now);
  static void confirmReset(db::Tx& tx, std::int64_t id, std::int64_t by, std::int64_t now);
  static void cancelReset(db::Tx& tx, std::int64_t id, std::int64_t by, std::int64_t now);
};

}  // namespace citygrants::stores
