#include "services/stores/password_reset_store.h"

#include "services/stores/sql_util.h"

namespace citygrants::stores {

std::int64_t PasswordResetStore::insert(db::Tx& tx, const PasswordReset& r) {
  std::int64_t id = 0;
  auto st = tx.prepared(
      "INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) "
      "VALUES (:u, :h, :c, :e) RETURNING id");
  st.use(r.user_id).use(r.token_hash).use(r.created_at).use(r.expires_at).into(id);
  st.execute();
  return id;
}

std::optional<PasswordReset> PasswordResetStore::find(db::Tx& tx, const std::string& token_hash) {
  PasswordReset r;
  auto st = tx.prepared(
      "SELECT id, user_id, token_hash, created_at, expires_at, used_at FROM password_resets "
      "WHERE token_hash = :h");
  st.use(token_hash).into(r.id).into(r.user_id).into(r.token_hash).into(r.created_at);
  st.into(r.expires_at).into(r.used_at);
  if (!st.execute()) return std::nullopt;
  return r;
}

std::int64_t PasswordResetStore::endAllOf(db::Tx& tx, std::int64_t user_id, std::int64_t now) {
  auto st = tx.prepared(
      "UPDATE password_resets SET used_at = :now WHERE user_id = :u AND used_at IS NULL");
  st.use(now).use(user_id);
  st.execute();
  return st.affectedRows();
}

ResetRequests PasswordResetStore::requests(db::Tx& tx, const std::string& email_hash) {
  ResetRequests r;
  auto st = tx.prepared(
      "SELECT window_start, requests FROM password_reset_requests WHERE email_hash = :h");
  st.use(email_hash).into(r.window_start).into(r.requests);
  if (!st.execute()) return ResetRequests{};
  return r;
}

void PasswordResetStore::saveRequests(db::Tx& tx, const std::string& email_hash,
                                      const ResetRequests& r) {
  // One statement on both databases: SQLite (3.24+) and PostgreSQL share ON CONFLICT.
  auto st = tx.prepared(
      "INSERT INTO password_reset_requests (email_hash, window_start, requests) "
      "VALUES (:h, :w, :n) ON CONFLICT (email_hash) "
      "DO UPDATE SET window_start = excluded.window_start, requests = excluded.requests");
  st.use(email_hash).use(r.window_start).use(r.requests);
  st.execute();
}

}  // namespace citygrants::stores
