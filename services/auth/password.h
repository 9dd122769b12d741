#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "modules/core/message.h"

namespace citygrants::auth {

// How much work a password hash costs. Production and the demo use kInteractive (libsodium's
// interactive argon2id limits); tests that create many users use kFast. The cost is stored in
// the hash, so verification works for both.
enum class HashCost { kInteractive, kFast };

// An argon2id hash in libsodium's encoded form ("$argon2id$v=19$m=...").
std::string hashPassword(const std::string& password, HashCost cost = HashCost::kInteractive);

// Whether `password` matches `encoded_hash`. False for a malformed hash.
bool verifyPassword(const std::string& password, const std::string& encoded_hash);

// How many argon2id computations this process has started (every hashPassword, and every
// verifyPassword past its length check): what a sign-in costs, counted so that tests need not
// time it.
std::uint64_t passwordHashCount();

inline constexpr int kMinPasswordLength = 12;

// The password rules (ASVS 2.1.1, 2.1.7): 12 to 200 characters, and not one of the common
// passwords (isCommonPassword). Nothing when acceptable, else what is wrong.
std::optional<core::Message> passwordProblem(const std::string& password);

}  // namespace citygrants::auth
