#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "services/db/database.h"

namespace citygrants::stores {

// A forgotten-password token as stored: only the token's SHA-256.
struct PasswordReset {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string token_hash;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;  // used, or ended by a later password change
};

// Reset requests for one email (hashed), known or not.
struct ResetRequests {
  std::int64_t window_start = 0;
  int requests = 0;
};

// The password_resets and password_reset_requests tables.
class PasswordResetStore {
 public:
  static std::int64_t insert(db::Tx& tx, const PasswordReset& r);
  static std::optional<PasswordReset> find(db::Tx& tx, const std::string& token_hash);
  // Sets used_at on every token of `user_id` not yet used: after a reset or a password change,
  // no older link works. Answers how many were ended.
  static std::int64_t endAllOf(db::Tx& tx, std::int64_t user_id, std::int64_t now);

  static ResetRequests requests(db::Tx& tx, const std::string& email_hash);
  static void saveRequests(db::Tx& tx, const std::string& email_hash, const ResetRequests& r);
};

}  // namespace citygrants::stores
