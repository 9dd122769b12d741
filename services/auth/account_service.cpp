#include "services/auth/account_service.h"

#include "modules/core/problem.h"
#include "modules/core/text.h"
#include "services/audit/audit_log.h"
#include "services/auth/credential_guard.h"
#include "services/crypto/digest.h"
#include "services/mail/catalog.h"
#include "services/stores/password_reset_store.h"

namespace citygrants::auth {
namespace {

using core::FieldError;
using core::Problem;
using stores::DirectoryStore;
using stores::SessionStore;

stores::User loadUser(db::Tx& tx, std::int64_t user_id) {
  auto user = DirectoryStore::findUser(tx, user_id);
  if (!user) throw Problem::notFound("user");
  return *user;
}

std::vector<FieldError> profileErrors(const ProfileChange& change) {
  std::vector<FieldError> errors;
  if (change.name) {
    const auto len = core::utf8Length(*change.name);
    if (!len || core::isBlank(*change.name) || *len > 200) {
      errors.push_back({"name", {"field.length", {{"min", 1}, {"max", 200}}}});
    }
  }
  if (change.language && !mail::isMailLanguage(*change.language)) {
    errors.push_back({"language", "field.language"});
  }
  return errors;
}

}  // namespace

stores::User AccountService::account(const usecases::Actor& actor) {
  auto tx = ctx_.db.read();
  auto user = loadUser(tx, actor.user_id);
  tx.commit();
  return user;
}

stores::User AccountService::updateProfile(const usecases::Actor& actor,
                                           std::int64_t expected_version,
                                           const ProfileChange& change) {
  if (auto errors = profileErrors(change); !errors.empty()) throw Problem::invalid(errors);
  const auto now = ctx_.clock.nowMs();
  return usecases::runWrite(ctx_.db, [&](db::Tx& tx) {
    auto user = loadUser(tx, actor.user_id);
    usecases::requireVersion(expected_version, user.version, "user");
    usecases::Detail detail;
    bool changed = false;
    if (change.name && *change.name != user.name) {
      user.name = *change.name;
      detail.text("name", user.name);
      changed = true;
    }
    if (change.language && *change.language != user.language) {
      user.language = *change.language;
      detail.text("language", user.language);
      changed = true;
    }
    if (changed) {
      DirectoryStore::updateProfile(tx, user);
      audit::appendAudit(tx,
                         {user.id, "user", user.id, "update_profile", "", "", detail.json(), now});
      user = loadUser(tx, user.id);
    }
    tx.commit();
    return user;
  });
}

void AccountService::changePassword(const usecases::Actor& actor,
                                    const std::optional<std::string>& current_session,
                                    const std::string& current_password,
                                    const std::string& new_password, const std::string& client) {
  if (auto why = passwordProblem(new_password)) {
    throw Problem::invalidField("new_password", *why);
  }
  const auto now = ctx_.clock.nowMs();
  const CredentialGuard guard(limits_);
  guard.spendAttempt(client, now);
  const auto stored_hash = account(actor).password_hash;
  if (!guard.verify(current_password, stored_hash)) {
    guard.chargeFailure(client, now);
    throw Problem::invalidField("current_password", "auth.not_current_password");
  }
  const auto hash = guard.hash(new_password, cost_);  // slow: outside the transaction
  ctx_.db.write([&](db::Tx& tx) {
    const auto user = loadUser(tx, actor.user_id);
    if (user.password_hash != stored_hash) {  // changed by another request since it was checked
      throw Problem::invalidField("current_password", "auth.not_current_password");
    }
    std::int64_t keep = 0;
    if (current_session) {
      if (auto s = SessionStore::findSession(tx, crypto::sha256Hex(*current_session))) keep = s->id;
    }
    DirectoryStore::updatePassword(tx, user.id, hash);
    const auto ended = SessionStore::deleteSessionsOf(tx, user.id, keep);
    stores::PasswordResetStore::endAllOf(tx, user.id, now);
    audit::appendAudit(tx, {user.id, "user", user.id, "change_password", "", "",
                            usecases::Detail().number("sessions_ended", ended).json(), now});
    tx.commit();
  });
}

std::vector<AccountSession> AccountService::sessions(
    const usecases::Actor& actor, const std::optional<std::string>& current_session) {
  const auto now = ctx_.clock.nowMs();
  const std::string mine = current_session ? crypto::sha256Hex(*current_session) : "";
  auto tx = ctx_.db.read();
  std::vector<AccountSession> out;
  for (auto& s : SessionStore::sessionsOf(tx, actor.user_id, now, now - policy_.idle_ms)) {
    const bool current = !mine.empty() && s.token_hash == mine;
    out.push_back({std::move(s), current});
  }
  tx.commit();
  return out;
}

void AccountService::endSession(const usecases::Actor& actor, std::int64_t session_id) {
  const auto now = ctx_.clock.nowMs();
  ctx_.db.write([&](db::Tx& tx) {
    const auto s = SessionStore::loadSession(tx, session_id);
    if (!s || s->user_id != actor.user_id) throw Problem::notFound("session");
    SessionStore::deleteSessionById(tx, session_id);
    audit::appendAudit(tx, {actor.user_id, "user", actor.user_id, "end_session", "", "",
                            usecases::Detail().number("session_id", session_id).json(), now});
    tx.commit();
  });
}

}  // namespace citygrants::auth
