#include "services/stores/team_store.h"

#include "services/stores/sql_util.h"

namespace citygrants::stores {
namespace {

constexpr const char* kInvitationColumns =
    "SELECT id, org_id, email, role, language, token_hash, invited_by, created_at, expires_at, "
    "accepted_at, accepted_user_id, revoked_at FROM team_invitations ";

// Binds every column of kInvitationColumns into `inv` (its role into `role`).
void bindInvitation(db::Prepared& st, Invitation& inv, std::string& role) {
  st.into(inv.id).into(inv.org_id).into(inv.email).into(role).into(inv.language);
  st.into(inv.token_hash).into(inv.invited_by).into(inv.created_at).into(inv.expires_at);
  st.into(inv.accepted_at).into(inv.accepted_user_id).into(inv.revoked_at);
}

std::optional<Invitation> loadOne(db::Tx& tx, const std::string& where, const auto& key) {
  Invitation inv;
  std::string role;
  auto st = tx.prepared(std::string(kInvitationColumns) + where);
  st.use(key);
  bindInvitation(st, inv, role);
  if (!st.execute()) return std::nullopt;
  inv.role = access::parseRole(role).value_or(access::Role::kApplicant);
  return inv;
}

}  // namespace

std::int64_t TeamStore::insertInvitation(db::Tx& tx, const Invitation& inv) {
  std::int64_t id = 0;
  const std::string role(access::roleName(inv.role));
  auto st = tx.prepared(
      "INSERT INTO team_invitations (org_id, email, role, language, token_hash, invited_by, "
      "created_at, expires_at) VALUES (:o, :e, :r, :l, :h, :b, :c, :x) RETURNING id");
  st.use(inv.org_id).use(inv.email).use(role).use(inv.language).use(inv.token_hash);
  st.use(inv.invited_by).use(inv.created_at).use(inv.expires_at).into(id);
  st.execute();
  return id;
}

std::optional<Invitation> TeamStore::findByTokenHash(db::Tx& tx, const std::string& token_hash) {
  return loadOne(tx, "WHERE token_hash = :h", token_hash);
}

std::optional<Invitation> TeamStore::loadInvitation(db::Tx& tx, std::int64_t id) {
  return loadOne(tx, "WHERE id = :id", id);
}

std::vector<Invitation> TeamStore::pendingOf(db::Tx& tx, std::int64_t org_id, std::int64_t now) {
  std::vector<Invitation> out;
  Invitation inv;
  std::string role;
  auto st = tx.prepared(std::string(kInvitationColumns) +
                        "WHERE org_id = :o AND accepted_at IS NULL AND revoked_at IS NULL "
                        "AND expires_at > :now ORDER BY id");
  st.use(org_id).use(now);
  bindInvitation(st, inv, role);
  for (bool row = st.execute(); row; row = st.fetch()) {
    inv.role = access::parseRole(role).value_or(access::Role::kApplicant);
    out.push_back(inv);
  }
  return out;
}

bool TeamStore::hasPending(db::Tx& tx, std::int64_t org_id, const std::string& email,
                           std::int64_t now) {
  std::int64_t n = 0;
  auto st = tx.prepared(
      "SELECT COUNT(*) FROM team_invitations WHERE org_id = :o AND email = :e "
      "AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now");
  st.use(org_id).use(email).use(now).into(n);
  st.execute();
  return n > 0;
}

bool TeamStore::markAccepted(db::Tx& tx, std::int64_t id, std::int64_t user_id,
                             std::int64_t now) {
  auto st = tx.prepared(
      "UPDATE team_invitations SET accepted_at = :now, accepted_user_id = :u "
      "WHERE id = :id AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > :now2");
  st.use(now).use(user_id).use(id).use(now);
  st.execute();
  return st.affectedRows() == 1;
}

bool TeamStore::markRevoked(db::Tx& tx, std::int64_t id, std::int64_t now) {
  auto st = tx.prepared(
      "UPDATE team_invitations SET revoked_at = :now "
      "WHERE id = :id AND accepted_at IS NULL AND revoked_at IS NULL");
  st.use(now).use(id);
  st.execute();
  return st.affectedRows() == 1;
}

void TeamStore::setOrgLead(db::Tx& tx, std::int64_t user_id, bool org_lead) {
  const int flag = org_lead ? 1 : 0;
  auto st = tx.prepared(
      "UPDATE users SET org_lead = :f, version = version + 1 WHERE id = :id");
  st.use(flag).use(user_id);
  st.execute();
}

void TeamStore::deactivateUser(db::Tx& tx, std::int64_t user_id) {
  auto st = tx.prepared(
      "UPDATE users SET active = 0, org_lead = 0, version = version + 1 WHERE id = :id");
  st.use(user_id);
  st.execute();
}

std::int64_t TeamStore::revokeTokensOf(db::Tx& tx, std::int64_t user_id, std::int64_t now) {
  auto st = tx.prepared(
      "UPDATE api_tokens SET revoked_at = :now WHERE user_id = :u AND revoked_at IS NULL");
  st.use(now).use(user_id);
  st.execute();
  return st.affectedRows();
}

}  // namespace citygrants::stores
