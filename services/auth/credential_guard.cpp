#include "services/auth/credential_guard.h"

#include <algorithm>
#include <cctype>

#include "modules/core/problem.h"

namespace citygrants::auth {

void CredentialGuard::spendAttempt(const std::string& client, std::int64_t now) const {
  if (limits_ == nullptr) return;
  if (const auto wait = limits_->budget.take(client, now)) {
    throw core::Problem::tooManyRequests({"auth.address_budget", {{"seconds", *wait}}}, *wait);
  }
}

void CredentialGuard::chargeFailure(const std::string& client, std::int64_t now) const {
  if (limits_ != nullptr) limits_->budget.chargeFailure(client, now);
}

bool CredentialGuard::verify(const std::string& password, const std::string& encoded_hash) const {
  const auto turn = limits_ != nullptr ? limits_->gate.enter() : HashGate::Turn();
  return verifyPassword(password, encoded_hash);
}

std::string CredentialGuard::hash(const std::string& password, HashCost cost) const {
  const auto turn = limits_ != nullptr ? limits_->gate.enter() : HashGate::Turn();
  return hashPassword(password, cost);
}

std::string normalisedEmail(const std::string& email) {
  std::string out = email;
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace citygrants::auth
