#include "modules/access/team_rules.h"

namespace citygrants::access {
namespace {

// One row per team action: what it asks beyond "a lead of this organisation".
struct TeamRule {
  TeamAction action;
  bool role_must_fit;  // the target role must be one the organisation's kind allows
  bool not_self;       // the target user must not be the lead
};

// clang-format off
constexpr TeamRule kTeamRules[] = {
  // action                        role_must_fit  not_self
  {TeamAction::kListTeam,          false,         false},
  {TeamAction::kInviteMember,      true,          false},
  {TeamAction::kRevokeInvitation,  false,         false},
  {TeamAction::kRemoveMember,      false,         true},
};
// clang-format on

const TeamRule& ruleOf(TeamAction action) {
  for (const auto& r : kTeamRules) {
    if (r.action == action) return r;
  }
  return kTeamRules[0];  // unreachable: every action has its row (team_rules_test walks them)
}

}  // namespace

std::vector<Role> rolesForKind(OrgKind kind) {
  std::vector<Role> out;
  for (Role r : kAllRoles) {
    if (roleFits(r, kind)) out.push_back(r);
  }
  return out;
}

std::string_view teamActionName(TeamAction action) {
  switch (action) {
    case TeamAction::kListTeam: return "list_team";
    case TeamAction::kInviteMember: return "invite_member";
    case TeamAction::kRevokeInvitation: return "revoke_invitation";
    case TeamAction::kRemoveMember: return "remove_member";
  }
  return "unknown";
}

TeamRefusal teamRefusal(const TeamLead& lead, TeamAction action, const TeamTarget& target) {
  const TeamRule& rule = ruleOf(action);
  if (!lead.org_lead) return TeamRefusal::kNotLead;
  if (target.org_id == 0 || target.org_id != lead.actor.org_id) {
    return TeamRefusal::kOtherOrganisation;
  }
  if (rule.role_must_fit && (!target.role || !roleFits(*target.role, target.kind))) {
    return TeamRefusal::kRoleMisfit;
  }
  if (rule.not_self && target.user_id == lead.actor.user_id) return TeamRefusal::kSelf;
  return TeamRefusal::kNone;
}

}  // namespace citygrants::access
