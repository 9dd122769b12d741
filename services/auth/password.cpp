#include "services/auth/password.h"

#include <sodium.h>

#include <stdexcept>

#include "modules/core/text.h"

namespace citygrants::auth {

std::string hashPassword(const std::string& password, HashCost cost) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  const bool fast = cost == HashCost::kFast;
  char out[crypto_pwhash_STRBYTES];
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
  return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

std::string passwordProblem(const std::string& password) {
  auto len = core::utf8Length(password);
  if (!len) return "must be valid UTF-8";
  if (*len < 10) return "must have at least 10 characters";
  if (*len > 200) return "must have at most 200 characters";
  return "";
}

}  // namespace citygrants::auth
