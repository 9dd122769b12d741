#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/access/role.h"
#include "services/db/database.h"

namespace citygrants::stores {

struct Organisation {
  std::int64_t id = 0;
  access::OrgKind kind = access::OrgKind::kCity;
  std::string name;
  std::string country;
  std::string region;
  std::string language = "en";
  std::int64_t version = 1;
  std::string identifier;  // org-id (opendata::orgIdProblem), "" when none is known
  // Derived, not stored: the id the open-data files give it (DirectoryService fills it).
  std::string open_id;
};

struct User {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string email;
  std::string name;
  std::string language = "en";
  std::string password_hash;
  int failed_logins = 0;
  std::int64_t locked_until = 0;
  bool active = true;
  bool org_lead = false;  // leads their organisation's team (TeamService)
  std::int64_t version = 1;
  access::RoleSet roles;
};

// Who a credential belongs to, as each request needs it: one statement (the user, their roles
// and whether a second factor is confirmed) instead of three.
struct SignedIn {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string language = "en";
  bool active = true;
  access::RoleSet roles;
  bool second_factor = false;  // a confirmed one
};

// Organisations, users and their role grants.
class DirectoryStore {
 public:
  static std::int64_t insertOrganisation(db::Tx& tx, const Organisation& org, std::int64_t now);
  static std::optional<Organisation> findOrganisation(db::Tx& tx, std::int64_t id);
  static std::optional<Organisation> findOrganisationByName(db::Tx& tx, const std::string& name);
  static std::vector<Organisation> listOrganisations(db::Tx& tx);
  // REQUIRES org.version is the version read (else kStaleVersion).
  static void setIdentifier(db::Tx& tx, const Organisation& org);
  static std::int64_t countUsers(db::Tx& tx);

  static std::int64_t insertUser(db::Tx& tx, const User& user, std::int64_t now);
  static std::optional<User> findUser(db::Tx& tx, std::int64_t id);
  static std::optional<SignedIn> findSignedIn(db::Tx& tx, std::int64_t id);
  static std::optional<User> findUserByEmail(db::Tx& tx, const std::string& email);
  // Users of an organisation, e.g. to mail a city's applicants.
  static std::vector<User> usersOfOrganisation(db::Tx& tx, std::int64_t org_id);
  static void grantRole(db::Tx& tx, std::int64_t user_id, access::Role role,
                        std::optional<std::int64_t> granted_by, std::int64_t now);
  static std::vector<User> listUsers(db::Tx& tx);
  static void revokeRole(db::Tx& tx, std::int64_t user_id, access::Role role);
  static void updatePassword(db::Tx& tx, std::int64_t user_id, const std::string& hash);
  // Writes the user's name and language. REQUIRES: user.version is the version read (else
  // kStaleVersion).
  static void updateProfile(db::Tx& tx, const User& user);
  static void setLockedUntil(db::Tx& tx, std::int64_t user_id, std::int64_t until);
};

}  // namespace citygrants::stores
