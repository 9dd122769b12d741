#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/db/database.h"

namespace citygrants::stores {

// A signed-in browser: the token and CSRF token are random; only the token's hash is stored.
struct Session {
  std::int64_t id = 0;
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;  // the absolute timeout
  std::int64_t stepped_up_at = 0;  // when it last proved the second factor for money (0: never)
};

// A machine client's bearer token; only its hash is stored.
struct ApiToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;
  std::string token_hash;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> revoked_at;
  std::string scopes = "read write";  // space-separated: read, write, payments
};

// Failed sign-ins for one email (hashed).
struct LoginAttempts {
  int failures = 0;
  std::int64_t window_start = 0;
  std::int64_t locked_until = 0;
};

class SessionStore {
 public:
  static std::int64_t insertSession(db::Tx& tx, const Session& s);
  static std::optional<Session> findSession(db::Tx& tx, const std::string& token_hash);
  static void touchSession(db::Tx& tx, std::int64_t id, std::int64_t now);
  static void stepUpSession(db::Tx& tx, std::int64_t id, std::int64_t now);
  static void deleteSession(db::Tx& tx, const std::string& token_hash);
  // Drops sessions past their absolute timeout or idle since `idle_before`.
  static void deleteExpired(db::Tx& tx, std::int64_t now, std::int64_t idle_before);
  // The live sessions of `user_id` (not past `now`, seen since `idle_before`), oldest first.
  static std::vector<Session> sessionsOf(db::Tx& tx, std::int64_t user_id, std::int64_t now,
                                         std::int64_t idle_before);
  static std::optional<Session> loadSession(db::Tx& tx, std::int64_t id);
  static void deleteSessionById(db::Tx& tx, std::int64_t id);
  // Drops every session of `user_id` but `keep` (none when 0); answers how many were dropped.
  static std::int64_t deleteSessionsOf(db::Tx& tx, std::int64_t user_id, std::int64_t keep = 0);

  static std::int64_t insertToken(db::Tx& tx, const ApiToken& t);
  static std::optional<ApiToken> findToken(db::Tx& tx, const std::string& token_hash);
  static std::optional<ApiToken> loadToken(db::Tx& tx, std::int64_t id);
  static std::vector<ApiToken> tokensOf(db::Tx& tx, std::int64_t user_id);
  static void revokeToken(db::Tx& tx, std::int64_t id, std::int64_t now);

  static LoginAttempts attempts(db::Tx& tx, const std::string& email_hash);
  static void saveAttempts(db::Tx& tx, const std::string& email_hash, const LoginAttempts& a);
  static void clearAttempts(db::Tx& tx, const std::string& email_hash);
};

}  // namespace citygrants::stores
