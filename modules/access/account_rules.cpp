#include "modules/access/account_rules.h"

namespace citygrants::access {

bool roleFits(Role role, OrgKind kind) {
  switch (role) {
    case Role::kApplicant:
      return kind == OrgKind::kCity;
    case Role::kPartner:
      return kind == OrgKind::kPartner;
    case Role::kFundManager:
    case Role::kAdmin:
    case Role::kAuditor:
      return kind == OrgKind::kFund;
  }
  return false;
}

AccountRefusal accountChangeRefusal(const AccountFacts& facts, const AccountChange& change) {
  const bool self = facts.actor_id && *facts.actor_id == facts.target_id;
  if (self && change.deactivates) return AccountRefusal::kOwnDeactivation;
  if (self && change.drops_admin) return AccountRefusal::kOwnAdminRole;
  if (self && change.locks) return AccountRefusal::kOwnLock;
  const bool ends_admin = change.deactivates || change.drops_admin;
  if (facts.target_is_active_admin && ends_admin && facts.other_active_admins == 0) {
    return AccountRefusal::kLastAdmin;
  }
  return AccountRefusal::kNone;
}

ResetRefusal resetRequestRefusal(std::int64_t actor_id, std::int64_t target_id) {
  return actor_id == target_id ? ResetRefusal::kOwnFactor : ResetRefusal::kNone;
}

ResetRefusal resetConfirmRefusal(std::int64_t actor_id, std::int64_t target_id,
                                 std::int64_t requested_by) {
  if (actor_id == target_id) return ResetRefusal::kOwnFactor;
  if (actor_id == requested_by) return ResetRefusal::kSameAdmin;
  return ResetRefusal::kNone;
}

}  // namespace citygrants::access
