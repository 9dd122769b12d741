#include "services/stores/session_store.h"

#include "services/stores/sql_util.h"

namespace citygrants::stores {

std::int64_t SessionStore::insertSession(db::Tx& tx, const Session& s) {
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
              "expires_at) VALUES (:h, :u, :c, :cr, :ls, :ex) RETURNING id",
      soci::use(s.token_hash), soci::use(s.user_id), soci::use(s.csrf_token),
      soci::use(s.created_at), soci::use(s.last_seen_at), soci::use(s.expires_at), soci::into(id);
  return id;
}

std::optional<Session> SessionStore::findSession(db::Tx& tx, const std::string& token_hash) {
  Session s;
  auto st = tx.prepared(
      "SELECT id, token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, stepped_up_at "
      "FROM sessions WHERE token_hash = :h");
  st.use(token_hash).into(s.id).into(s.token_hash).into(s.user_id).into(s.csrf_token);
  st.into(s.created_at).into(s.last_seen_at).into(s.expires_at).into(s.stepped_up_at);
  if (!st.execute()) return std::nullopt;
  return s;
}

void SessionStore::touchSession(db::Tx& tx, std::int64_t id, std::int64_t now) {
  tx.sql() << "UPDATE sessions SET last_seen_at = :now WHERE id = :id", soci::use(now), soci::use(id);
}

void SessionStore::stepUpSession(db::Tx& tx, std::int64_t id, std::int64_t now) {
  auto st = tx.prepared("UPDATE sessions SET stepped_up_at = :now, last_seen_at = :now2 WHERE id = :id");
  st.use(now).use(now).use(id);
  st.execute();
}

void SessionStore::deleteSession(db::Tx& tx, const std::string& token_hash) {
  tx.sql() << "DELETE FROM sessions WHERE token_hash = :h", soci::use(token_hash);
}

void SessionStore::deleteExpired(db::Tx& tx, std::int64_t now, std::int64_t idle_before) {
  tx.sql() << "DELETE FROM sessions WHERE expires_at <= :now OR last_seen_at < :idle",
      soci::use(now), soci::use(idle_before);
}

namespace {

constexpr const char* kSessionColumns =
    "SELECT id, token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, "
    "stepped_up_at FROM sessions ";

void intoSession(db::Prepared& st, Session& s) {
  st.into(s.id).into(s.token_hash).into(s.user_id).into(s.csrf_token).into(s.created_at);
  st.into(s.last_seen_at).into(s.expires_at).into(s.stepped_up_at);
}

}  // namespace

std::vector<Session> SessionStore::sessionsOf(db::Tx& tx, std::int64_t user_id, std::int64_t now,
                                              std::int64_t idle_before) {
  std::vector<Session> out;
  Session s;
  auto st = tx.prepared(std::string(kSessionColumns) +
                        "WHERE user_id = :u AND expires_at > :now AND last_seen_at >= :idle "
                        "ORDER BY created_at, id");
  st.use(user_id).use(now).use(idle_before);
  intoSession(st, s);
  for (bool row = st.execute(); row; row = st.fetch()) out.push_back(s);
  return out;
}

std::optional<Session> SessionStore::loadSession(db::Tx& tx, std::int64_t id) {
  Session s;
  auto st = tx.prepared(std::string(kSessionColumns) + "WHERE id = :id");
  st.use(id);
  intoSession(st, s);
  if (!st.execute()) return std::nullopt;
  return s;
}

void SessionStore::deleteSessionById(db::Tx& tx, std::int64_t id) {
  auto st = tx.prepared("DELETE FROM sessions WHERE id = :id");
  st.use(id);
  st.execute();
}

std::int64_t SessionStore::deleteSessionsOf(db::Tx& tx, std::int64_t user_id, std::int64_t keep) {
  auto st = tx.prepared("DELETE FROM sessions WHERE user_id = :u AND id <> :keep");
  st.use(user_id).use(keep);
  st.execute();
  return st.affectedRows();
}

std::int64_t SessionStore::insertToken(db::Tx& tx, const ApiToken& t) {
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO api_tokens (user_id, name, token_hash, created_at, scopes) "
              "VALUES (:u, :n, :h, :c, :s) RETURNING id",
      soci::use(t.user_id), soci::use(t.name), soci::use(t.token_hash), soci::use(t.created_at),
      soci::use(t.scopes), soci::into(id);
  return id;
}

namespace {

// `query`: one of the two constant texts below (kept prepared per connection).
template <class Key>
std::optional<ApiToken> queryToken(db::Tx& tx, const char* query, const Key& key) {
  ApiToken t;
  auto st = tx.prepared(query);
  st.use(key).into(t.id).into(t.user_id).into(t.name).into(t.token_hash).into(t.created_at);
  st.into(t.revoked_at).into(t.scopes);
  if (!st.execute()) return std::nullopt;
  return t;
}

}  // namespace

std::optional<ApiToken> SessionStore::findToken(db::Tx& tx, const std::string& token_hash) {
  return queryToken(tx,
                    "SELECT id, user_id, name, token_hash, created_at, revoked_at, scopes FROM api_tokens "
                    "WHERE token_hash = :h",
                    token_hash);
}

std::optional<ApiToken> SessionStore::loadToken(db::Tx& tx, std::int64_t id) {
  return queryToken(tx,
                    "SELECT id, user_id, name, token_hash, created_at, revoked_at, scopes FROM api_tokens "
                    "WHERE id = :id",
                    id);
}

std::vector<ApiToken> SessionStore::tokensOf(db::Tx& tx, std::int64_t user_id) {
  std::vector<ApiToken> out;
  for (auto i : idList(tx.sql(), "SELECT id FROM api_tokens WHERE user_id = :u ORDER BY id", user_id)) out.push_back(*loadToken(tx, i));
  return out;
}

void SessionStore::revokeToken(db::Tx& tx, std::int64_t id, std::int64_t now) {
  tx.sql() << "UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL",
      soci::use(now), soci::use(id);
}

LoginAttempts SessionStore::attempts(db::Tx& tx, const std::string& email_hash) {
  LoginAttempts a;
  soci::statement st =
      (tx.sql().prepare << "SELECT failures, window_start, locked_until FROM login_attempts "
                           "WHERE email_hash = :h",
       soci::use(email_hash), soci::into(a.failures), soci::into(a.window_start),
       soci::into(a.locked_until));
  st.execute();
  if (!st.fetch()) return LoginAttempts{};
  return a;
}

void SessionStore::saveAttempts(db::Tx& tx, const std::string& email_hash, const LoginAttempts& a) {
  auto& sql = tx.sql();
  sql << "DELETE FROM login_attempts WHERE email_hash = :h", soci::use(email_hash);
  sql << "INSERT INTO login_attempts (email_hash, failures, window_start, locked_until) "
         "VALUES (:h, :f, :w, :l)",
      soci::use(email_hash), soci::use(a.failures), soci::use(a.window_start),
      soci::use(a.locked_until);
}

void SessionStore::clearAttempts(db::Tx& tx, const std::string& email_hash) {
  tx.sql() << "DELETE FROM login_attempts WHERE email_hash = :h", soci::use(email_hash);
}

}  // namespace citygrants::stores
