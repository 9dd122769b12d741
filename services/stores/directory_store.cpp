#include "services/stores/directory_store.h"

#include "services/stores/sql_util.h"

namespace citygrants::stores {
namespace {

constexpr const char* kOrganisationColumns =
    "SELECT id, kind, name, country, region, language, version, identifier FROM organisations";

std::optional<Organisation> loadOrganisation(db::Tx& tx, std::int64_t id) {
  Organisation o;
  std::string kind;
  auto st = tx.prepared(std::string(kOrganisationColumns) + " WHERE id = :id");
  st.use(id).into(o.id).into(kind).into(o.name).into(o.country).into(o.region).into(o.language);
  st.into(o.version).into(o.identifier);
  if (!st.execute()) return std::nullopt;
  o.kind = access::parseOrgKind(kind).value_or(access::OrgKind::kCity);
  return o;
}

std::optional<User> loadUser(db::Tx& tx, std::int64_t id) {
  User u;
  int active = 1;
  int org_lead = 0;
  auto st = tx.prepared(
      "SELECT id, org_id, email, name, language, password_hash, failed_logins, locked_until, "
      "active, version, org_lead FROM users WHERE id = :id");
  st.use(id).into(u.id).into(u.org_id).into(u.email).into(u.name).into(u.language);
  st.into(u.password_hash).into(u.failed_logins).into(u.locked_until).into(active).into(u.version);
  st.into(org_lead);
  if (!st.execute()) return std::nullopt;
  u.active = active != 0;
  u.org_lead = org_lead != 0;
  std::string role;
  auto roles = tx.prepared("SELECT role FROM role_grants WHERE user_id = :id");
  roles.use(u.id).into(role);
  for (bool row = roles.execute(); row; row = roles.fetch()) {
    if (auto r = access::parseRole(role)) u.roles.add(*r);
  }
  return u;
}

}  // namespace

std::int64_t DirectoryStore::insertOrganisation(db::Tx& tx, const Organisation& org,
                                                std::int64_t now) {
  std::int64_t id = 0;
  const std::string kind(access::orgKindName(org.kind));
  tx.sql() << "INSERT INTO organisations (kind, name, country, region, language, identifier, "
              "created_at) VALUES (:kind, :name, :country, :region, :language, :identifier, :now) "
              "RETURNING id",
      soci::use(kind), soci::use(org.name), soci::use(org.country), soci::use(org.region),
      soci::use(org.language), soci::use(org.identifier), soci::use(now), soci::into(id);
  return id;
}

std::optional<Organisation> DirectoryStore::findOrganisation(db::Tx& tx, std::int64_t id) {
  return loadOrganisation(tx, id);
}

std::optional<Organisation> DirectoryStore::findOrganisationByName(db::Tx& tx,
                                                                   const std::string& name) {
  auto found = idList(tx.sql(), "SELECT id FROM organisations WHERE name = :name", name);
  if (found.empty()) return std::nullopt;
  return loadOrganisation(tx, found.front());
}

std::vector<Organisation> DirectoryStore::listOrganisations(db::Tx& tx) {
  std::vector<Organisation> out;
  Organisation o;
  std::string kind;
  auto st = tx.prepared(std::string(kOrganisationColumns) + " ORDER BY id");
  st.into(o.id).into(kind).into(o.name).into(o.country).into(o.region).into(o.language);
  st.into(o.version).into(o.identifier);
  for (bool row = st.execute(); row; row = st.fetch()) {
    o.kind = access::parseOrgKind(kind).value_or(access::OrgKind::kCity);
    out.push_back(o);
  }
  return out;
}

void DirectoryStore::setIdentifier(db::Tx& tx, const Organisation& org) {
  auto st = tx.prepared(
      "UPDATE organisations SET identifier = :identifier, version = version + 1 "
      "WHERE id = :id AND version = :v");
  st.use(org.identifier).use(org.id).use(org.version);
  executeVersioned(st, "organisation");
}

std::int64_t DirectoryStore::countUsers(db::Tx& tx) {
  std::int64_t n = 0;
  tx.sql() << "SELECT COUNT(*) FROM users", soci::into(n);
  return n;
}

std::int64_t DirectoryStore::insertUser(db::Tx& tx, const User& u, std::int64_t now) {
  std::int64_t id = 0;
  tx.sql() << "INSERT INTO users (org_id, email, name, language, password_hash, created_at) "
              "VALUES (:org, :email, :name, :language, :hash, :now) RETURNING id",
      soci::use(u.org_id), soci::use(u.email), soci::use(u.name), soci::use(u.language),
      soci::use(u.password_hash), soci::use(now), soci::into(id);
  return id;
}

std::optional<User> DirectoryStore::findUser(db::Tx& tx, std::int64_t id) {
  return loadUser(tx, id);
}

std::optional<SignedIn> DirectoryStore::findSignedIn(db::Tx& tx, std::int64_t id) {
  SignedIn u;
  int active = 1;
  int second_factor = 0;
  std::optional<std::string> role;  // none: a user without roles
  auto st = tx.prepared(
      "SELECT u.id, u.org_id, u.language, u.active, r.role, CASE WHEN EXISTS (SELECT 1 FROM "
      "second_factors f WHERE f.user_id = u.id AND f.confirmed_at IS NOT NULL) THEN 1 ELSE 0 END "
      "FROM users u LEFT JOIN role_grants r ON r.user_id = u.id WHERE u.id = :id");
  st.use(id).into(u.id).into(u.org_id).into(u.language).into(active).into(role).into(second_factor);
  bool row = st.execute();
  if (!row) return std::nullopt;
  u.active = active != 0;
  u.second_factor = second_factor != 0;
  for (; row; row = st.fetch()) {
    if (role) {
      if (auto r = access::parseRole(*role)) u.roles.add(*r);
    }
  }
  return u;
}

std::optional<User> DirectoryStore::findUserByEmail(db::Tx& tx, const std::string& email) {
  auto found = idList(tx.sql(), "SELECT id FROM users WHERE email = :email", email);
  if (found.empty()) return std::nullopt;
  return loadUser(tx, found.front());
}

std::vector<User> DirectoryStore::usersOfOrganisation(db::Tx& tx, std::int64_t org_id) {
  std::vector<User> out;
  for (auto uid : idList(tx.sql(), "SELECT id FROM users WHERE org_id = :org ORDER BY id", org_id)) out.push_back(*findUser(tx, uid));
  return out;
}

void DirectoryStore::grantRole(db::Tx& tx, std::int64_t user_id, access::Role role,
                               std::optional<std::int64_t> granted_by, std::int64_t now) {
  const std::string name(access::roleName(role));
  tx.sql() << "INSERT INTO role_grants (user_id, role, granted_by, created_at) "
              "VALUES (:u, :role, :by, :now)",
      soci::use(user_id), soci::use(name), soci::use(granted_by), soci::use(now);
}

std::vector<User> DirectoryStore::listUsers(db::Tx& tx) {
  std::vector<User> out;
  for (auto id : idList(tx.sql(), "SELECT id FROM users ORDER BY id")) {
    out.push_back(*loadUser(tx, id));
  }
  return out;
}

void DirectoryStore::revokeRole(db::Tx& tx, std::int64_t user_id, access::Role role) {
  const std::string name(access::roleName(role));
  tx.sql() << "DELETE FROM role_grants WHERE user_id = :u AND role = :r", soci::use(user_id),
      soci::use(name);
}

void DirectoryStore::updatePassword(db::Tx& tx, std::int64_t user_id, const std::string& hash) {
  tx.sql() << "UPDATE users SET password_hash = :h, failed_logins = 0, locked_until = 0, "
              "version = version + 1 WHERE id = :id",
      soci::use(hash), soci::use(user_id);
}

void DirectoryStore::updateProfile(db::Tx& tx, const User& user) {
  auto st = tx.prepared(
      "UPDATE users SET name = :name, language = :language, version = version + 1 "
      "WHERE id = :id AND version = :v");
  st.use(user.name).use(user.language).use(user.id).use(user.version);
  executeVersioned(st, "user");
}

void DirectoryStore::setLockedUntil(db::Tx& tx, std::int64_t user_id, std::int64_t until) {
  tx.sql() << "UPDATE users SET locked_until = :t, version = version + 1 WHERE id = :id",
      soci::use(until), soci::use(user_id);
}

}  // namespace citygrants::stores
