#pragma once

#include <cstdint>
#include <string>

#include "services/auth/password.h"
#include "services/auth/sign_in_limits.h"

namespace citygrants::auth {

// The sign-in limits (issue 14) as the other routes that take a secret use them: a password
// change and both steps of a forgotten password spend the client address's sign-in attempts
// and hash passwords in turns of the hash gate. Without limits (`limits` null: the HTTP tests'
// default server, the CLI) nothing is counted and hashes run at once.
class CredentialGuard {
 public:
  explicit CredentialGuard(SignInLimits* limits) : limits_(limits) {}

  // Takes one attempt from `client`'s budget; throws kTooManyRequests (with the seconds to
  // wait) when it has none, before anything else is done.
  void spendAttempt(const std::string& client, std::int64_t now) const;
  // Charges `client` the rest of a failed attempt (a wrong password, a dead reset link).
  void chargeFailure(const std::string& client, std::int64_t now) const;
  // verifyPassword in a turn of the gate; throws kUnavailable when the gate is full.
  bool verify(const std::string& password, const std::string& encoded_hash) const;
  // hashPassword in a turn of the gate; throws kUnavailable when the gate is full.
  std::string hash(const std::string& password, HashCost cost) const;

 private:
  SignInLimits* limits_;
};

// An email as accounts are looked up by: lower-cased (users.email is stored so).
std::string normalisedEmail(const std::string& email);

}  // namespace citygrants::auth
