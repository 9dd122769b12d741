#include "services/auth/session_service.h"

#include <algorithm>
#include <cctype>

#include "modules/core/problem.h"
#include "modules/core/text.h"
#include "services/audit/audit_log.h"
#include "services/auth/password.h"
#include "services/auth/second_factor_service.h"
#include "services/crypto/digest.h"
#include "services/stores/second_factor_store.h"

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

// The scopes asked for, as a token stores them: known ones only (kInvalid naming "scopes"
// otherwise), in the order read, write, payments; none asked: read and write; payments brings
// write with it (money moves by changing records).
std::string scopeText(const std::vector<std::string>& asked) {
  for (const auto& s : asked) {
    if (s != "read" && s != "write" && s != "payments") {
      throw Problem::invalidField("scopes", core::Message("token.scope_unknown"));
    }
  }
  if (asked.empty()) return "read write";
  auto has = [&](std::string_view s) { return std::find(asked.begin(), asked.end(), s) != asked.end(); };
  std::string out;
  for (std::string_view s : {"read", "write", "payments"}) {
    if (has(s) || (s == "write" && has("payments"))) out += (out.empty() ? "" : " ") + std::string(s);
  }
  return out;
}

}  // namespace

void SessionService::recordFailure(const std::string& email_hash, std::int64_t now,
                                   std::optional<std::int64_t> user_id) {
  ctx_.db.write([&](db::Tx& tx) {
    if (user_id) {
      audit::appendAudit(tx, {*user_id, "user", *user_id, "second_factor_failed", "", "", "{}", now});
    }
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
                              const std::string& client, const std::optional<std::string>& otp) {
  if (otp && !SecondFactorService::wellFormed(*otp)) {
    throw Problem::invalidField("otp", core::Message("second_factor.code_form"));
  }
  const auto now = ctx_.clock.nowMs();
  if (limits_ != nullptr) {
    if (const auto wait = limits_->budget.take(client, now)) {
      throw Problem::tooManyRequests({"auth.address_budget", {{"seconds", *wait}}}, *wait);
    }
  }
  const std::string email_hash = crypto::sha256Hex(lower(email));
  std::optional<stores::User> user;
  bool has_factor = false;
  {
    auto tx = ctx_.db.read();
    const auto locked_until = stores::SessionStore::attempts(tx, email_hash).locked_until;
    if (locked_until > now) {  // known or not: the answer tells nothing about the email
      throw Problem::tooManyRequests("auth.email_locked", secondsUntil(locked_until, now));
    }
    user = stores::DirectoryStore::findUserByEmail(tx, lower(email));
    has_factor = user && stores::SecondFactorStore::confirmed(tx, user->id);
    tx.commit();
  }
  const bool password_ok = checkPassword(password, user ? user->password_hash : kNoSuchUserHash);
  if (!user || !password_ok || !user->active || user->locked_until > now) {
    recordFailure(email_hash, now);
    if (limits_ != nullptr) limits_->budget.chargeFailure(client, now);
    throw wrongCredentials();
  }
  if (has_factor && !otp) {
    throw Problem(ProblemKind::kSecondFactorRequired, "auth.second_factor_required");
  }
  SignIn out{crypto::randomHex(32), crypto::randomHex(32), *user, now + policy_.absolute_ms};
  bool code_ok = true;
  ctx_.db.write([&](db::Tx& tx) {
    if (has_factor && !SecondFactorService::check(tx, user->id, *otp, now)) {
      code_ok = false;
      return;  // rolled back: no session
    }
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
  if (!code_ok) {
    recordFailure(email_hash, now, user->id);
    if (limits_ != nullptr) limits_->budget.chargeFailure(client, now);
    throw Problem(ProblemKind::kSecondFactorRequired, "auth.second_factor_wrong");
  }
  return out;
}

std::int64_t SessionService::stepUp(const std::string& token, const std::string& otp,
                                    const std::string& client) {
  const auto now = ctx_.clock.nowMs();
  if (limits_ != nullptr) {
    if (const auto wait = limits_->budget.take(client, now)) {
      throw Problem::tooManyRequests({"auth.address_budget", {{"seconds", *wait}}}, *wait);
    }
  }
  if (!SecondFactorService::wellFormed(otp)) {
    throw Problem::invalidField("otp", core::Message("second_factor.code_form"));
  }
  std::optional<stores::Session> session;
  std::optional<stores::User> user;
  {
    auto tx = ctx_.db.read();
    session = stores::SessionStore::findSession(tx, crypto::sha256Hex(token));
    if (!session || session->expires_at <= now || session->last_seen_at + policy_.idle_ms < now) {
      throw Problem(ProblemKind::kUnauthenticated, "auth.session_expired");
    }
    user = stores::DirectoryStore::findUser(tx, session->user_id);
    if (!user || !user->active) throw Problem(ProblemKind::kUnauthenticated, "auth.session_expired");
    tx.commit();
  }
  const std::string email_hash = crypto::sha256Hex(user->email);
  bool code_ok = false;
  ctx_.db.write([&](db::Tx& tx) {
    const auto locked_until = stores::SessionStore::attempts(tx, email_hash).locked_until;
    if (locked_until > now) {
      throw Problem::tooManyRequests("auth.email_locked", secondsUntil(locked_until, now));
    }
    if (!stores::SecondFactorStore::confirmed(tx, user->id)) {
      throw Problem(ProblemKind::kConflict, "second_factor.not_enrolled");
    }
    if (!SecondFactorService::check(tx, user->id, otp, now)) return;  // rolled back
    stores::SessionStore::stepUpSession(tx, session->id, now);
    audit::appendAudit(tx, {user->id, "user", user->id, "step_up", "", "", "{}", now});
    tx.commit();
    code_ok = true;
  });
  if (!code_ok) {
    recordFailure(email_hash, now, user->id);
    if (limits_ != nullptr) limits_->budget.chargeFailure(client, now);
    throw Problem::invalidField("otp", core::Message("auth.second_factor_wrong"));
  }
  return now + policy_.step_up_ms;
}

void SessionService::clearance(Authenticated& who, std::int64_t now) const {
  who.actor.via_token = who.credential.starts_with("b:");
  if (who.actor.via_token) {
    who.actor.payments_cleared = (" " + who.scopes + " ").find(" payments ") != std::string::npos;
  } else {
    who.actor.payments_cleared =
        who.stepped_up_at > 0 && now - who.stepped_up_at <= policy_.step_up_ms;
  }
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
      clearance(hit->who, now);
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
      out.must_enrol = policy_.needsSecondFactor(out.actor.roles) && !user.second_factor;
    } catch (const Problem&) {
      throw Problem(ProblemKind::kUnauthenticated, "auth.session_expired");
    }
    tx.commit();
  }
  out.csrf_token = session->csrf_token;
  out.stepped_up_at = session->stepped_up_at;
  clearance(out, now);
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
      clearance(hit->who, now);
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
    out.must_enrol = policy_.needsSecondFactor(out.actor.roles) && !user.second_factor;
  } catch (const Problem&) {
    throw Problem(ProblemKind::kUnauthenticated, "auth.token_invalid");
  }
  out.scopes = t->scopes;
  clearance(out, now);
  tx.commit();
  if (cache_ != nullptr) cache_->store(credential, {out, 0, 0, 0}, generations->identity, now);
  return out;
}

NewApiToken SessionService::createToken(const usecases::Actor& actor, const std::string& name,
                                        const std::vector<std::string>& scopes) {
  auto len = core::utf8Length(name);
  if (!len || core::isBlank(name) || *len > 100) {
    throw Problem::invalidField("name", {"field.length", {{"min", 1}, {"max", 100}}});
  }
  const std::string scope_text = scopeText(scopes);
  const bool payments = scope_text.ends_with("payments");
  if (payments) {
    if (actor.via_token || !actor.roles.has(access::Role::kFundManager)) {
      throw Problem::forbidden(core::Message("auth.step_up_for_token"));
    }
    if (!actor.payments_cleared) {
      throw Problem(ProblemKind::kStepUpRequired, "auth.step_up_for_token");
    }
  }
  const auto now = ctx_.clock.nowMs();
  NewApiToken out;
  out.token = "cgt_" + crypto::randomHex(32);
  out.record = {0, actor.user_id, name, crypto::sha256Hex(out.token), now, std::nullopt, scope_text};
  ctx_.db.write([&](db::Tx& tx) {
    out.record.id = stores::SessionStore::insertToken(tx, out.record);
    audit::appendAudit(tx, {actor.user_id, "api_token", out.record.id, "create", "", "",
                            usecases::Detail().text("name", name).text("scopes", scope_text).json(),
                            now});
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
