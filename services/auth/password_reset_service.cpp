#include "services/auth/password_reset_service.h"

#include <optional>

#include "modules/core/problem.h"
#include "services/audit/audit_log.h"
#include "services/auth/credential_guard.h"
#include "services/crypto/digest.h"
#include "services/mail/account_mail.h"
#include "services/stores/directory_store.h"
#include "services/stores/password_reset_store.h"
#include "services/stores/session_store.h"

namespace citygrants::auth {
namespace {

using core::Problem;
using stores::PasswordReset;
using stores::PasswordResetStore;

// One answer for every link that cannot be used, so that none tells used from unknown.
Problem deadLink() {
  return Problem(core::ProblemKind::kNotFound, "auth.reset_link_dead");
}

bool usable(const std::optional<PasswordReset>& r, std::int64_t now) {
  return r && !r->used_at && r->expires_at > now;
}

// Whether `email` could be anyone's address: 3 to 254 bytes, one '@' between two non-empty
// parts, no spaces or control characters. What a user's address is exactly is the directory's
// business; this refuses only what is plainly not an address.
bool looksLikeEmail(const std::string& email) {
  if (email.size() < 3 || email.size() > 254) return false;
  for (unsigned char c : email) {
    if (c <= ' ' || c == 0x7f) return false;
  }
  const auto at = email.find('@');
  return at != std::string::npos && at > 0 && at + 1 < email.size() &&
         email.find('@', at + 1) == std::string::npos;
}

}  // namespace

void PasswordResetService::request(const std::string& email, const std::string& client) {
  if (!looksLikeEmail(email)) throw Problem::invalidField("email", "field.email");
  const auto now = ctx_.clock.nowMs();
  CredentialGuard(limits_).spendAttempt(client, now);
  const std::string address = normalisedEmail(email);
  const std::string email_hash = crypto::sha256Hex(address);
  // Made for every request, mailed or not, so that a known email costs what an unknown one does.
  const std::string token = crypto::randomHex(32);
  const std::string token_hash = crypto::sha256Hex(token);
  ctx_.db.write([&](db::Tx& tx) {
    auto counted = PasswordResetStore::requests(tx, email_hash);
    if (now - counted.window_start >= policy_.email_window_ms) counted = {now, 0};
    const bool within = counted.requests < policy_.max_per_email;
    if (within) ++counted.requests;
    PasswordResetStore::saveRequests(tx, email_hash, counted);
    const auto user = stores::DirectoryStore::findUserByEmail(tx, address);
    if (within && user && user->active && user->locked_until <= now) {
      PasswordResetStore::insert(tx, {0, user->id, token_hash, now, now + policy_.ttl_ms, {}});
      mail::mailPasswordReset(tx, *user, token, policy_.ttl_ms / 60'000, now);
    }
    tx.commit();
  });
}

void PasswordResetService::complete(const std::string& token, const std::string& new_password,
                                    const std::string& client) {
  const auto now = ctx_.clock.nowMs();
  const CredentialGuard guard(limits_);
  guard.spendAttempt(client, now);
  const std::string token_hash = crypto::sha256Hex(token);
  {
    auto tx = ctx_.db.read();
    const bool ok = usable(PasswordResetStore::find(tx, token_hash), now);
    tx.commit();
    if (!ok) {
      guard.chargeFailure(client, now);
      throw deadLink();
    }
  }
  if (auto why = passwordProblem(new_password)) {
    throw Problem::invalidField("new_password", *why);
  }
  const auto hash = guard.hash(new_password, cost_);  // slow: outside the transaction
  ctx_.db.write([&](db::Tx& tx) {
    const auto reset = PasswordResetStore::find(tx, token_hash);
    if (!usable(reset, now)) throw deadLink();  // used by a request that won the race
    const auto user = stores::DirectoryStore::findUser(tx, reset->user_id);
    if (!user || !user->active || user->locked_until > now) throw deadLink();
    stores::DirectoryStore::updatePassword(tx, user->id, hash);
    PasswordResetStore::endAllOf(tx, user->id, now);
    const auto ended = stores::SessionStore::deleteSessionsOf(tx, user->id);
    stores::SessionStore::clearAttempts(tx, crypto::sha256Hex(normalisedEmail(user->email)));
    audit::appendAudit(
        tx,
        {user->id, "user", user->id, "reset_password", "", "",
         usecases::Detail().number("reset_id", reset->id).number("sessions_ended", ended).json(),
         now});
    tx.commit();
  });
}

}  // namespace citygrants::auth
