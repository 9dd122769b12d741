#include "modules/core/problem.h"
#include "services/audit/audit_log.h"
#include "services/auth/credential_guard.h"
#include "services/auth/user_admin_service.h"
#include "services/crypto/digest.h"
#include "services/mail/account_mail.h"
#include "services/stores/password_reset_store.h"

// UserAdminService: what ends a user's credentials on an admin's word (user_admin_service.cpp
// holds the account's page and edits).
namespace citygrants::auth {
namespace {

using core::Problem;
using stores::SessionStore;
using usecases::Detail;

stores::User loadUser(db::Tx& tx, std::int64_t user_id) {
  auto user = stores::DirectoryStore::findUser(tx, user_id);
  if (!user) throw Problem::notFound("user");
  return *user;
}

}  // namespace

void UserAdminService::forcePasswordReset(const usecases::Actor& actor, std::int64_t user_id) {
  requireUserAdmin(actor);
  const auto now = ctx_.clock.nowMs();
  // A password no one knows, hashed like any other: sign-in costs what it always costs, and
  // the old password stops working.
  const auto unusable = CredentialGuard(limits_).hash(crypto::randomHex(32), cost_);
  const std::string token = crypto::randomHex(32);
  ctx_.db.write([&](db::Tx& tx) {
    const auto user = loadUser(tx, user_id);
    if (!user.active || user.locked_until > now) {
      throw Problem(core::ProblemKind::kConflict, "users.reset_inactive");
    }
    stores::DirectoryStore::updatePassword(tx, user_id, unusable);
    stores::PasswordResetStore::endAllOf(tx, user_id, now);
    const auto ended = SessionStore::deleteSessionsOf(tx, user_id);
    const auto reset_id = stores::PasswordResetStore::insert(
        tx, {0, user_id, crypto::sha256Hex(token), now, now + resets_.ttl_ms, {}});
    mail::mailPasswordReset(tx, user, token, resets_.ttl_ms / 60'000, now);
    audit::appendAudit(
        tx, {actor.user_id, "user", user_id, "force_password_reset", "", "",
             Detail().number("reset_id", reset_id).number("sessions_ended", ended).json(), now});
    tx.commit();
  });
}

std::vector<stores::Session> UserAdminService::sessions(const usecases::Actor& actor,
                                                        std::int64_t user_id) {
  requireUserAdmin(actor);
  const auto now = ctx_.clock.nowMs();
  auto tx = ctx_.db.read();
  loadUser(tx, user_id);
  auto out = SessionStore::sessionsOf(tx, user_id, now, now - policy_.idle_ms);
  tx.commit();
  return out;
}

void UserAdminService::endSession(const usecases::Actor& actor, std::int64_t user_id,
                                  std::int64_t session_id) {
  requireUserAdmin(actor);
  const auto now = ctx_.clock.nowMs();
  ctx_.db.write([&](db::Tx& tx) {
    loadUser(tx, user_id);
    const auto s = SessionStore::loadSession(tx, session_id);
    if (!s || s->user_id != user_id) throw Problem::notFound("session");
    SessionStore::deleteSessionById(tx, session_id);
    audit::appendAudit(tx, {actor.user_id, "user", user_id, "end_session", "", "",
                            Detail().number("session_id", session_id).json(), now});
    tx.commit();
  });
}

std::int64_t UserAdminService::endSessions(const usecases::Actor& actor, std::int64_t user_id) {
  requireUserAdmin(actor);
  const auto now = ctx_.clock.nowMs();
  std::int64_t ended = 0;
  ctx_.db.write([&](db::Tx& tx) {
    loadUser(tx, user_id);
    ended = SessionStore::deleteSessionsOf(tx, user_id);
    audit::appendAudit(tx, {actor.user_id, "user", user_id, "end_sessions", "", "",
                            Detail().number("sessions_ended", ended).json(), now});
    tx.commit();
  });
  return ended;
}

}  // namespace citygrants::auth
