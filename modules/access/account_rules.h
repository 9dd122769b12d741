#pragma once

#include <cstdint>
#include <optional>

#include "modules/access/role.h"

// What an admin may do to an account (issue 17 part 4): the rules that keep the fund able to
// manage its users, and the four eyes on a second factor's reset. Pure: the service reads the
// facts, asks here, and refuses with the message the refusal names.
namespace citygrants::access {

// Whether `role` fits an organisation of `kind`: applicants belong to a city, partners to a
// strategic partner, fund managers, admins and auditors to the fund (donors hold no role).
bool roleFits(Role role, OrgKind kind);

// Why an account change is refused; kNone when it is allowed.
enum class AccountRefusal : std::uint8_t {
  kNone,
  kOwnDeactivation,  // an admin deactivating their own account
  kOwnAdminRole,     // an admin removing their own admin role
  kOwnLock,          // an admin locking their own account
  kLastAdmin,        // the change leaves the fund without an active admin
};

// One change of an account as the rules see it.
struct AccountChange {
  bool deactivates = false;  // active goes from true to false
  bool drops_admin = false;  // the admin role is held now and not after
  bool locks = false;        // the account is locked
};

// The facts the rules need. `actor_id` is the admin acting, nullopt for the operator at the
// machine (the command line), to whom the self rules do not apply.
struct AccountFacts {
  std::optional<std::int64_t> actor_id;
  std::int64_t target_id = 0;
  bool target_is_active_admin = false;   // active and holding the admin role, before the change
  std::int64_t other_active_admins = 0;  // active admins other than the target
};

// The first rule the change breaks: the self rules first (deactivating, demoting or locking
// oneself), then the last active admin (who may be neither deactivated nor demoted).
AccountRefusal accountChangeRefusal(const AccountFacts& facts, const AccountChange& change);

// Why a step of a second factor's reset is refused; kNone when it is allowed.
enum class ResetRefusal : std::uint8_t {
  kNone,
  kOwnFactor,  // an admin requesting or confirming the reset of their own second factor
  kSameAdmin,  // the admin who requested the reset confirming it: four eyes need two admins
};

// Whether `actor_id` may request a reset of `target_id`'s second factor.
ResetRefusal resetRequestRefusal(std::int64_t actor_id, std::int64_t target_id);
// Whether `actor_id` may confirm the reset of `target_id`'s factor that `requested_by` asked.
ResetRefusal resetConfirmRefusal(std::int64_t actor_id, std::int64_t target_id,
                                 std::int64_t requested_by);

}  // namespace citygrants::access
