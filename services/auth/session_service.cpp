#include "services/auth/session_service.h"

#include <algorithm>
#include <cctype>

#include "modules/core/problem.h"
#include "modules/core/text.h"
#include "services/audit/audit_log.h"
#include "services/auth/password.h"
#include "services/crypto/digest.h"

namespace citygrants::auth {
namespace {

using core::Problem;
using core::ProblemKind;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

Problem wrongCredentials() {
  return Problem(ProblemKind::kUnauthenticated, "auth.wrong_credentials");
}

// Verifying against this when the email is unknown keeps the answer's timing the same: an
// argon2id hash of random bytes nobody kept, with libsodium's interactive limits (those of
// HashCost::kInteractive, which every stored password uses). A constant, so that not even the
// first unknown email costs a second hash to make it.
constexpr const char* kNoSuchUserHash =
    "$argon2id$v=19$m=65536,t=2,p=1$AXJwC27jX1mAptQndSImdA"
    "$S7LldSCvr2TwedTpFwz+yl8yQCzySX+27CoNoQr8MJ8";

// Whole seconds from `now` until `until` (epoch ms), at least 1.
int secondsUntil(std::int64_t until, std::int64_t now) {
  return static_cast<int>(std::max<std::int64_t>(1, (until - now + 999) / 1000));
}

}  // namespace

void SessionService::recordFailure(const std::string& email_hash, std::int64_t now) {
  ctx_.db.write([&](db::Tx& tx) {
    auto a = stores::SessionStore::attempts(tx, email_hash);
    if (now - a.window_start > policy_.failure_window_ms) a = {0, now, 0};
    if (++a.failures >= policy_.max_failures) {
      a.locked_until = now + policy_.lockout_ms;
      a.failures = 0;
      a.window_start = now;
    }
    stores::SessionStore::saveAttempts(tx, email_hash, a);
    tx.commit();
  });
}

bool SessionService::checkPassword(const std::string& password, const std::string& encoded_hash) {
  const auto turn = limits_ != nullptr ? limits_->gate.enter() : HashGate::Turn();
  return verifyPassword(password, encoded_hash);
}

SignIn SessionService::signIn(const std::string& email, const std::string& password,
                              const std::optional<std::string>& previous_token,
                              const std::string& client) {
  const auto now = ctx_.clock.nowMs();
  if (limits_ != nullptr) {
    if (const auto wait = limits_->budget.take(client, now)) {
      throw Problem::tooManyRequests({"auth.address_budget", {{"seconds", *wait}}}, *wait);
    }
  }
  const std::string email_hash = crypto::sha256Hex(lower(email));
  std::optional<stores::User> user;
  {
    auto tx = ctx_.db.read();
    const auto locked_until = stores::SessionStore::attempts(tx, email_hash).locked_until;
    if (locked_until > now) {  // known or not: the answer tells nothing about the email
      throw Problem::tooManyRequests("auth.email_locked", secondsUntil(locked_until, now));
    }
    user = stores::DirectoryStore::findUserByEmail(tx, lower(email));
    tx.commit();
  }
  const bool password_ok = checkPassword(password, user ? user->password_hash : kNoSuchUserHash);
  if (!user || !password_ok || !user->active || user->locked_until > now) {
    recordFailure(email_hash, now);
    if (limits_ != nullptr) limits_->budget.chargeFailure(client, now);
    throw wrongCredentials();
  }
  SignIn out{crypto::randomHex(32), crypto::randomHex(32), *user, now + policy_.absolute_ms};
  ctx_.db.write([&](db::Tx& tx) {
    stores::SessionStore::clearAttempts(tx, email_hash);
    if (previous_token) {
      stores::SessionStore::deleteSession(tx, crypto::sha256Hex(*previous_token));
    }
    stores::SessionStore::deleteExpired(tx, now, now - policy_.idle_ms);
    stores::SessionStore::insertSession(
        tx, {0, crypto::sha256Hex(out.token), user->id, out.csrf_token, now, now, out.expires_at});
    audit::appendAudit(tx, {user->id, "user", user->id, "sign_in", "", "", "{}", now});
    tx.commit();
  });
  return out;
}

void SessionService::signOut(const std::string& token) {
  ctx_.db.write([&](db::Tx& tx) {
    auto session = stores::SessionStore::findSession(tx, crypto::sha256Hex(token));
    if (!session) return;  // already gone: signing out twice is not an error
    stores::SessionStore::deleteSession(tx, crypto::sha256Hex(token));
    // Audited like sign-in, which moves the identity generation: no instance's cache keeps the
    // session.
    audit::appendAudit(tx, {session->user_id, "user", session->user_id, "sign_out", "", "", "{}",
                            ctx_.clock.nowMs()});
    tx.commit();
  });
}

Authenticated SessionService::bySession(const std::string& token) {
  const auto now = ctx_.clock.nowMs();
  const std::string credential = "s:" + crypto::sha256Hex(token);
  std::optional<db::Database::Generations> generations;
  if (cache_ != nullptr) {
    generations = ctx_.db.generations();
    auto hit = cache_->find(credential, generations->identity, now);
    if (hit && hit->expires_at > now && hit->last_seen_at + policy_.idle_ms >= now &&
        now - hit->last_seen_at < policy_.touch_every_ms) {
      hit->who.generations = generations;
      return hit->who;
    }
  }
  std::optional<stores::Session> session;
  Authenticated out{{}, "en", std::nullopt, credential, generations};
  {
    auto tx = ctx_.db.read();
    session = stores::SessionStore::findSession(tx, credential.substr(2));
    if (!session || session->expires_at <= now || session->last_seen_at + policy_.idle_ms < now) {
      throw Problem(ProblemKind::kUnauthenticated, "auth.session_expired");
    }
    try {
      auto user = usecases::loadSignedInUser(tx, session->user_id);
      out.actor = user.actor;
      out.language = user.language;
    } catch (const Problem&) {
      throw Problem(ProblemKind::kUnauthenticated, "auth.session_expired");
    }
    tx.commit();
  }
  out.csrf_token = session->csrf_token;
  if (now - session->last_seen_at >= policy_.touch_every_ms) {
    ctx_.db.write([&](db::Tx& tx) {
      stores::SessionStore::touchSession(tx, session->id, now);
      tx.commit();
    });
    session->last_seen_at = now;
  }
  if (cache_ != nullptr) {
    cache_->store(credential, {out, session->id, session->last_seen_at, session->expires_at},
                  generations->identity, now);
  }
  return out;
}

Authenticated SessionService::byBearer(const std::string& token) {
  const auto now = ctx_.clock.nowMs();
  const std::string credential = "b:" + crypto::sha256Hex(token);
  std::optional<db::Database::Generations> generations;
  if (cache_ != nullptr) {
    generations = ctx_.db.generations();
    if (auto hit = cache_->find(credential, generations->identity, now)) {
      hit->who.generations = generations;
      return hit->who;
    }
  }
  auto tx = ctx_.db.read();
  auto t = stores::SessionStore::findToken(tx, credential.substr(2));
  if (!t || t->revoked_at) throw Problem(ProblemKind::kUnauthenticated, "auth.token_invalid");
  Authenticated out{{}, "en", std::nullopt, credential, generations};
  try {
    auto user = usecases::loadSignedInUser(tx, t->user_id);
    out.actor = user.actor;
    out.language = user.language;
  } catch (const Problem&) {
    throw Problem(ProblemKind::kUnauthenticated, "auth.token_invalid");
  }
  tx.commit();
  if (cache_ != nullptr) cache_->store(credential, {out, 0, 0, 0}, generations->identity, now);
  return out;
}

NewApiToken SessionService::createToken(const usecases::Actor& actor, const std::string& name) {
  auto len = core::utf8Length(name);
  if (!len || core::isBlank(name) || *len > 100) {
    throw Problem::invalidField("name", {"field.length", {{"min", 1}, {"max", 100}}});
  }
  const auto now = ctx_.clock.nowMs();
  NewApiToken out;
  out.token = "cgt_" + crypto::randomHex(32);
  out.record = {0, actor.user_id, name, crypto::sha256Hex(out.token), now, std::nullopt};
  ctx_.db.write([&](db::Tx& tx) {
    out.record.id = stores::SessionStore::insertToken(tx, out.record);
    audit::appendAudit(tx, {actor.user_id, "api_token", out.record.id, "create", "", "",
                            usecases::Detail().text("name", name).json(), now});
    tx.commit();
  });
  return out;
}

std::vector<stores::ApiToken> SessionService::tokens(const usecases::Actor& actor) {
  auto tx = ctx_.db.read();
  auto out = stores::SessionStore::tokensOf(tx, actor.user_id);
  tx.commit();
  return out;
}

void SessionService::revokeToken(const usecases::Actor& actor, std::int64_t token_id) {
  const auto now = ctx_.clock.nowMs();
  ctx_.db.write([&](db::Tx& tx) {
    auto t = stores::SessionStore::loadToken(tx, token_id);
    if (!t || t->user_id != actor.user_id) throw Problem::notFound("API token");
    if (t->revoked_at) {
      throw Problem(ProblemKind::kInvalidTransition, "auth.token_revoked");
    }
    stores::SessionStore::revokeToken(tx, token_id, now);
    audit::appendAudit(tx, {actor.user_id, "api_token", token_id, "revoke", "", "", "{}", now});
    tx.commit();
  });
}

}  // namespace citygrants::auth
