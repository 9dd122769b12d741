#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "modules/access/account_rules.h"
#include "modules/access/role.h"

namespace citygrants::access {

// The roles an organisation of `kind` may give (access::roleFits, account_rules.h: the one
// rule for the admin's user creation, role grants and a lead's invitations), in kAllRoles order
// (a team's role picker).
std::vector<Role> rolesForKind(OrgKind kind);

// What an organisation lead (users.org_lead) does with their own organisation's team.
enum class TeamAction : std::uint8_t {
  kListTeam,          // see the organisation's members and pending invitations
  kInviteMember,      // invite a colleague by email with one role the organisation's kind allows
  kRevokeInvitation,  // withdraw a pending invitation
  kRemoveMember,      // deactivate a colleague: their sessions end, their tokens are revoked
};
std::string_view teamActionName(TeamAction action);

// Who asks: the signed-in actor and whether their account carries the org_lead flag.
struct TeamLead {
  Actor actor;
  bool org_lead = false;
};

// What the action is about: the organisation, its kind, and for an invitation the role, for a
// removal the member.
struct TeamTarget {
  std::int64_t org_id = 0;
  OrgKind kind = OrgKind::kCity;
  std::optional<Role> role;
  std::int64_t user_id = 0;
};

// Why a lead may not do it; kNone when they may.
enum class TeamRefusal : std::uint8_t {
  kNone,
  kNotLead,            // the actor's account is no organisation lead
  kOtherOrganisation,  // the target is not the actor's own organisation
  kRoleMisfit,         // the role is not one the organisation's kind allows (or none is given)
  kSelf,               // a lead does not remove themselves
};

// The team rule: only a lead, only their own organisation, only a role the kind allows, never
// themselves (checked in that order, the first refusal answers).
TeamRefusal teamRefusal(const TeamLead& lead, TeamAction action, const TeamTarget& target);

}  // namespace citygrants::access
