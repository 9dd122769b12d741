#include "services/auth/password.h"

#include <sodium.h>

#include <atomic>
#include <stdexcept>

#include "modules/core/text.h"
#include "services/auth/common_passwords.h"

namespace citygrants::auth {
namespace {

std::atomic<std::uint64_t> hash_count{0};

}  // namespace

std::string hashPassword(const std::string& password, HashCost cost) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  const bool fast = cost == HashCost::kFast;
  char out[crypto_pwhash_STRBYTES];
  hash_count.fetch_add(1, std::memory_order_relaxed);
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            fast ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            fast ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out;
}

bool verifyPassword(const std::string& password, const std::string& encoded_hash) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  if (encoded_hash.size() >= crypto_pwhash_STRBYTES) return false;
  hash_count.fetch_add(1, std::memory_order_relaxed);
  return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

std::uint64_t passwordHashCount() { return hash_count.load(std::memory_order_relaxed); }

std::optional<core::Message> passwordProblem(const std::string& password) {
  auto len = core::utf8Length(password);
  if (!len) return core::Message("field.not_utf8");
  if (*len < kMinPasswordLength) {
    return core::Message("field.too_short", {{"min", kMinPasswordLength}});
  }
  if (*len > 200) return core::Message("field.too_long", {{"max", 200}});
  if (isCommonPassword(password)) return core::Message("password.common");
  return std::nullopt;
}

}  // namespace citygrants::auth
