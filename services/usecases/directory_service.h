#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/auth/password.h"
#include "services/stores/directory_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// A user to create, with their password in clear (hashed before it is stored).
struct NewUser {
  std::string email;
  std::string name;
  std::string org_name;
  std::vector<access::Role> roles;
  std::string password;
  std::string language = "en";
};

// Organisations, users and role grants. `actor` is nullopt for the operator at the machine
// (the CLI), who acts as the system; otherwise it must be an admin.
class DirectoryService {
 public:
  DirectoryService(Context ctx, auth::HashCost cost = auth::HashCost::kInteractive)
      : ctx_(ctx), cost_(cost) {}

  stores::Organisation addOrganisation(const std::optional<Actor>& actor, stores::Organisation org);

  // Each role must fit the organisation: applicants belong to a city, partners to a strategic
  // partner, fund managers, admins and auditors to the fund.
  stores::User addUser(const std::optional<Actor>& actor, const NewUser& user);
  void setPassword(const std::optional<Actor>& actor, const std::string& email,
                   const std::string& password);
  // Locks an account until `until` (epoch ms), ending its sessions and API tokens; 0 unlocks.
  void lock(const std::optional<Actor>& actor, const std::string& email, std::int64_t until);

  // Any signed-in user sees the organisations (names of cities and partners are public), with
  // the ids the open-data files give them.
  std::vector<stores::Organisation> organisations(const Actor& actor);
  // Sets or clears ("") an organisation's org-id identifier (admin; audited). kInvalid
  // (identifier) for a malformed one, kNotFound, kStaleVersion.
  stores::Organisation setIdentifier(const Actor& actor, std::int64_t org_id,
                                     std::optional<std::int64_t> expected_version,
                                     const std::string& identifier);
  // Admins see every user; others only themselves.
  std::vector<stores::User> users(const Actor& actor);
  // Grants or revokes one role (admin). The role must fit the user's organisation; an admin
  // cannot revoke their own admin role (someone must remain able to manage users).
  stores::User grantRole(const Actor& actor, std::int64_t user_id, access::Role role);
  stores::User revokeRole(const Actor& actor, std::int64_t user_id, access::Role role);

 private:
  void requireAdmin(const std::optional<Actor>& actor);
  Context ctx_;
  auth::HashCost cost_;
};

// Fills each organisation's open_id: its identifier; for the publishing fund without one, its IATI
// ref; else the fund-prefixed fallback once the fund has a 360Giving prefix ("" before).
void withOpenIds(db::Tx& tx, std::vector<stores::Organisation>& orgs);

}  // namespace citygrants::usecases
