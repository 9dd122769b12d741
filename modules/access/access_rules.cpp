#include "modules/access/access_rules.h"

#include <algorithm>

namespace citygrants::access {
namespace {

using R = Role;

// clang-format off
constexpr Permission kPermissions[] = {
  // action                     who                               reach
  {Action::kReadAll,             R::kFundManager | R::kAuditor,   Reach::kFund},
  {Action::kManageUsers,         R::kAdmin,                       Reach::kFund},
  {Action::kManageOrganisations, R::kAdmin,                       Reach::kFund},
  {Action::kSetUpCall,           R::kAdmin | R::kFundManager,     Reach::kFund},
  {Action::kCreateProposal,      R::kApplicant,                   Reach::kOwnCity},
  {Action::kEditProposal,        R::kApplicant,                   Reach::kOwnCity},
  {Action::kAssignPartner,       R::kFundManager,                 Reach::kFund},
  {Action::kScoreReview,         R::kPartner,                     Reach::kOwnPartner},
  {Action::kEditReport,          R::kApplicant,                   Reach::kOwnCity},
  {Action::kReadAudit,           R::kAuditor | R::kFundManager,   Reach::kFund},
  {Action::kManageIndicators,    R::kAdmin | R::kFundManager,     Reach::kFund},
  {Action::kManageFunding,       R::kAdmin | R::kFundManager,     Reach::kFund},
  {Action::kAllocateAward,       R::kFundManager,                 Reach::kFund},
  {Action::kPublishGrant,        R::kFundManager,                 Reach::kFund},
  {Action::kExportEverything,    R::kFundManager | R::kAuditor,   Reach::kFund},
  {Action::kReadOutbox,          R::kAdmin,                       Reach::kFund},
  {Action::kManageOutbox,        R::kAdmin,                       Reach::kFund},
  {Action::kRequestAmendment,    R::kApplicant,                   Reach::kOwnCity},
  {Action::kProposeAmendment,    R::kFundManager,                 Reach::kFund},
};
// clang-format on

bool inScope(const Actor& actor, Reach reach, const Scope& scope) {
  switch (reach) {
    case Reach::kFund: return true;
    case Reach::kOwnCity: return scope.city_org_id != 0 && scope.city_org_id == actor.org_id;
    case Reach::kOwnPartner:
      return std::find(scope.partner_org_ids.begin(), scope.partner_org_ids.end(), actor.org_id) !=
             scope.partner_org_ids.end();
  }
  return false;
}

}  // namespace

std::span<const Permission> permissionTable() { return kPermissions; }

bool withinReach(const Actor& actor, Reach reach, const Scope& scope) {
  return inScope(actor, reach, scope);
}

std::string_view actionName(Action action) {
  switch (action) {
    case Action::kReadAll: return "read_all";
    case Action::kManageUsers: return "manage_users";
    case Action::kManageOrganisations: return "manage_organisations";
    case Action::kSetUpCall: return "set_up_call";
    case Action::kCreateProposal: return "create_proposal";
    case Action::kEditProposal: return "edit_proposal";
    case Action::kAssignPartner: return "assign_partner";
    case Action::kScoreReview: return "score_review";
    case Action::kEditReport: return "edit_report";
    case Action::kReadAudit: return "read_audit";
    case Action::kManageIndicators: return "manage_indicators";
    case Action::kManageFunding: return "manage_funding";
    case Action::kAllocateAward: return "allocate_award";
    case Action::kPublishGrant: return "publish_grant";
    case Action::kExportEverything: return "export_everything";
    case Action::kReadOutbox: return "read_outbox";
    case Action::kManageOutbox: return "manage_outbox";
    case Action::kRequestAmendment: return "request_amendment";
    case Action::kProposeAmendment: return "propose_amendment";
  }
  return "unknown";
}

bool may(const Actor& actor, Action action, const Scope& scope) {
  for (const auto& p : kPermissions) {
    if (p.action != action) continue;
    for (Role r : actor.roles.roles()) {
      if (p.who.has(r) && inScope(actor, p.reach, scope)) return true;
    }
  }
  return false;
}

bool actsAs(const Actor& actor, Role role, const Scope& scope) {
  if (!actor.roles.has(role)) return false;
  switch (role) {
    case Role::kApplicant: return inScope(actor, Reach::kOwnCity, scope);
    case Role::kPartner: return inScope(actor, Reach::kOwnPartner, scope);
    case Role::kFundManager:
    case Role::kAdmin: return true;
    case Role::kAuditor: return false;  // auditors change nothing
  }
  return false;
}

bool canSee(const Actor& actor, const Scope& scope) {
  if (may(actor, Action::kReadAll)) return true;
  return (actor.roles.has(Role::kApplicant) && inScope(actor, Reach::kOwnCity, scope)) ||
         (actor.roles.has(Role::kPartner) && inScope(actor, Reach::kOwnPartner, scope));
}

}  // namespace citygrants::access
