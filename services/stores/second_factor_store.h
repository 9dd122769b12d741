#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "services/db/database.h"

namespace citygrants::stores {

// A user's TOTP key (migration 0016). Pending until its first code confirms it.
struct SecondFactor {
  std::int64_t user_id = 0;
  std::string secret;  // Base32, as the authenticator app was given it
  std::int64_t created_at = 0;
  std::optional<std::int64_t> confirmed_at;
  std::int64_t last_used_step = 0;  // the time step of the last code accepted
};

class SecondFactorStore {
 public:
  static std::optional<SecondFactor> find(db::Tx& tx, std::int64_t user_id);
  // Whether `user_id` has a confirmed factor (what sign-in asks for).
  static bool confirmed(db::Tx& tx, std::int64_t user_id);
  // Replaces a pending enrolment of `user_id` (never a confirmed one) by a new key.
  static void startEnrolment(db::Tx& tx, std::int64_t user_id, const std::string& secret,
                             std::int64_t now);
  static void confirm(db::Tx& tx, std::int64_t user_id, std::int64_t step, std::int64_t now);
  // Records `step` as the last code used, unless a step as late is already recorded (a
  // concurrent sign-in with the same code): answers whether it was recorded.
  static bool useStep(db::Tx& tx, std::int64_t user_id, std::int64_t step);
  // Removes the factor and its recovery codes.
  static void remove(db::Tx& tx, std::int64_t user_id);

  static void addRecoveryCode(db::Tx& tx, std::int64_t user_id, const std::string& code_hash);
  // The unused recovery codes of `user_id`: (id, stored hash).
  static std::vector<std::pair<std::int64_t, std::string>> unusedRecoveryCodes(db::Tx& tx,
                                                                               std::int64_t user_id);
  // Marks recovery code `id` used unless it already is; answers whether it was unused.
  static bool useRecoveryCode(db::Tx& tx, std::int64_t id, std::int64_t now);
  static std::int64_t recoveryCodesLeft(db::Tx& tx, std::int64_t user_id);
  static void deleteRecoveryCodes(db::Tx& tx, std::int64_t user_id);
};

}  // namespace citygrants::stores
