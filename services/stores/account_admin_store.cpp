#include "services/stores/account_admin_store.h"

#include "services/stores/sql_util.h"

namespace citygrants::stores {

void AccountAdminStore::updateAccount(db::Tx& tx, const User& user) {
  const int active = user.active ? 1 : 0;
  auto st = tx.prepared(
      "UPDATE users SET name = :name, language = :language, active = :active, "
      "version = version + 1 WHERE id = :id AND version = :v");
  st.use(user.name).use(user.language).use(active).use(user.id).use(user.version);
  executeVersioned(st, "user");
}

void AccountAdminStore::replaceRoles(db::Tx& tx, std::int64_t user_id, access::RoleSet roles,
                                     std::optional<std::int64_t> by, std::int64_t now) {
  tx.sql() << "DELETE FROM role_grants WHERE user_id = :u", soci::use(user_id);
  for (auto role : roles.roles()) DirectoryStore::grantRole(tx, user_id, role, by, now);
}

std::int64_t AccountAdminStore::activeAdminsExcept(db::Tx& tx, std::int64_t except) {
  return scalarInt(tx.sql(),
                   "SELECT COUNT(*) FROM users u JOIN role_grants g ON g.user_id = u.id "
                   "WHERE g.role = 'admin' AND u.active = 1 AND u.id <> :id",
                   except);
}

AccountCounts AccountAdminStore::counts(db::Tx& tx, std::int64_t user_id, std::int64_t now,
                                        std::int64_t idle_before) {
  AccountCounts c;
  c.second_factor = scalarInt(tx.sql(),
                              "SELECT COUNT(*) FROM second_factors WHERE user_id = :id "
                              "AND confirmed_at IS NOT NULL",
                              user_id) > 0;
  tx.sql() << "SELECT COUNT(*) FROM sessions WHERE user_id = :u AND expires_at > :now "
              "AND last_seen_at >= :idle",
      soci::use(user_id), soci::use(now), soci::use(idle_before), soci::into(c.live_sessions);
  c.live_tokens = scalarInt(tx.sql(),
                            "SELECT COUNT(*) FROM api_tokens WHERE user_id = :id "
                            "AND revoked_at IS NULL",
                            user_id);
  return c;
}

std::int64_t AccountAdminStore::revokeTokensOf(db::Tx& tx, std::int64_t user_id, std::int64_t now) {
  soci::statement st = (tx.sql().prepare << "UPDATE api_tokens SET revoked_at = :now "
                                            "WHERE user_id = :u AND revoked_at IS NULL",
                        soci::use(now), soci::use(user_id));
  st.execute(true);
  return st.get_affected_rows();
}

bool AccountAdminStore::hasSecondFactor(db::Tx& tx, std::int64_t user_id) {
  return scalarInt(tx.sql(), "SELECT COUNT(*) FROM second_factors WHERE user_id = :id", user_id) >
         0;
}

void AccountAdminStore::removeSecondFactor(db::Tx& tx, std::int64_t user_id) {
  tx.sql() << "DELETE FROM recovery_codes WHERE user_id = :u", soci::use(user_id);
  tx.sql() << "DELETE FROM second_factors WHERE user_id = :u", soci::use(user_id);
}

std::int64_t AccountAdminStore::insertReset(db::Tx& tx, const SecondFactorReset& r) {
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO second_factor_resets (user_id, requested_by, reason, requested_at, "
              "expires_at) VALUES (:u, :by, :reason, :at, :until) RETURNING id",
      soci::use(r.user_id), soci::use(r.requested_by), soci::use(r.reason),
      soci::use(r.requested_at), soci::use(r.expires_at), soci::into(id);
  return id;
}

std::optional<SecondFactorReset> AccountAdminStore::pendingReset(db::Tx& tx, std::int64_t user_id,
                                                                 std::int64_t now) {
  SecondFactorReset r;
  soci::statement st =
      (tx.sql().prepare << "SELECT id, user_id, requested_by, reason, requested_at, expires_at "
                           "FROM second_factor_resets WHERE user_id = :u AND closed_at IS NULL "
                           "AND expires_at > :now ORDER BY id DESC",
       soci::use(user_id), soci::use(now), soci::into(r.id), soci::into(r.user_id),
       soci::into(r.requested_by), soci::into(r.reason), soci::into(r.requested_at),
       soci::into(r.expires_at));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return r;
}

std::vector<PendingResetRow> AccountAdminStore::pendingResets(db::Tx& tx, std::int64_t now) {
  PendingResetRow row;
  auto& r = row.reset;
  soci::statement st =
      (tx.sql().prepare
           << "SELECT r.id, r.user_id, r.requested_by, r.reason, r.requested_at, "
              "r.expires_at, u.email, u.name, o.name FROM second_factor_resets r "
              "JOIN users u ON u.id = r.user_id JOIN organisations o ON o.id = u.org_id "
              "WHERE r.closed_at IS NULL AND r.expires_at > :now ORDER BY r.id",
       soci::use(now), soci::into(r.id), soci::into(r.user_id), soci::into(r.requested_by),
       soci::into(r.reason), soci::into(r.requested_at), soci::into(r.expires_at),
       soci::into(row.email), soci::into(row.name), soci::into(row.organisation));
  st.execute();
  std::vector<PendingResetRow> out;
  while (st.fetch()) out.push_back(row);
  return out;
}

void AccountAdminStore::confirmReset(db::Tx& tx, std::int64_t id, std::int64_t by,
                                     std::int64_t now) {
  tx.sql() << "UPDATE second_factor_resets SET confirmed_by = :by, closed_at = :now "
              "WHERE id = :id AND closed_at IS NULL",
      soci::use(by), soci::use(now), soci::use(id);
}

void AccountAdminStore::cancelReset(db::Tx& tx, std::int64_t id, std::int64_t by,
                                    std::int64_t now) {
  tx.sql() << "UPDATE second_factor_resets SET cancelled_by = :by, closed_at = :now "
              "WHERE id = :id AND closed_at IS NULL",
      soci::use(by), soci::use(now), soci::use(id);
}

}  // namespace citygrants::stores
