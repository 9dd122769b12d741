#include "modules/access/team_rules.h"

#include <cstdint>
#include <optional>
#include <vector>

#include <boost/test/unit_test.hpp>

namespace citygrants::access {
namespace {

constexpr std::int64_t kCityOrg = 10;
constexpr std::int64_t kOtherOrg = 11;
constexpr std::int64_t kLeadId = 7;

constexpr TeamAction kAllTeamActions[] = {TeamAction::kListTeam, TeamAction::kInviteMember,
                                          TeamAction::kRevokeInvitation,
                                          TeamAction::kRemoveMember};
constexpr OrgKind kAllKinds[] = {OrgKind::kFund, OrgKind::kPartner, OrgKind::kCity,
                                 OrgKind::kDonor};

TeamLead lead(bool org_lead, std::int64_t org = kCityOrg) {
  return {Actor{kLeadId, org, RoleSet(Role::kApplicant)}, org_lead};
}

// A target every rule accepts for a lead of kCityOrg: a fitting role, another member.
TeamTarget fine() { return {kCityOrg, OrgKind::kCity, Role::kApplicant, kLeadId + 1}; }

}  // namespace

BOOST_AUTO_TEST_SUITE(team_rules)

// The table of role by organisation kind, every pair (the admin's user creation uses it too).
BOOST_AUTO_TEST_CASE(each_kind_allows_exactly_its_roles) {
  for (auto kind : kAllKinds) {
    for (auto role : kAllRoles) {
      const bool expected =
          (role == Role::kApplicant && kind == OrgKind::kCity) ||
          (role == Role::kPartner && kind == OrgKind::kPartner) ||
          ((role == Role::kFundManager || role == Role::kAdmin || role == Role::kAuditor) &&
           kind == OrgKind::kFund);
      BOOST_TEST(roleFits(role, kind) == expected,
                 roleName(role) << " in a " << orgKindName(kind));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_city_gives_only_the_applicant_role_and_never_fund_manager) {
  BOOST_TEST((rolesForKind(OrgKind::kCity) == std::vector<Role>{Role::kApplicant}));
  BOOST_TEST((rolesForKind(OrgKind::kPartner) == std::vector<Role>{Role::kPartner}));
  BOOST_TEST((rolesForKind(OrgKind::kFund) ==
              std::vector<Role>{Role::kFundManager, Role::kAdmin, Role::kAuditor}));
  BOOST_TEST(rolesForKind(OrgKind::kDonor).empty());
}

BOOST_AUTO_TEST_CASE(a_lead_may_do_every_team_action_in_their_own_organisation) {
  for (auto action : kAllTeamActions) {
    BOOST_TEST((teamRefusal(lead(true), action, fine()) == TeamRefusal::kNone),
               teamActionName(action));
  }
}

BOOST_AUTO_TEST_CASE(someone_who_is_not_a_lead_may_do_no_team_action) {
  for (auto action : kAllTeamActions) {
    BOOST_TEST((teamRefusal(lead(false), action, fine()) == TeamRefusal::kNotLead),
               teamActionName(action));
  }
}

BOOST_AUTO_TEST_CASE(a_lead_may_do_no_team_action_in_another_organisation) {
  for (auto action : kAllTeamActions) {
    auto target = fine();
    target.org_id = kOtherOrg;
    BOOST_TEST((teamRefusal(lead(true), action, target) == TeamRefusal::kOtherOrganisation),
               teamActionName(action));
    target.org_id = 0;  // none given is no organisation of theirs either
    BOOST_TEST((teamRefusal(lead(true), action, target) == TeamRefusal::kOtherOrganisation));
  }
}

BOOST_AUTO_TEST_CASE(a_city_lead_cannot_invite_a_fund_manager_nor_any_misfit_role) {
  for (auto kind : kAllKinds) {
    for (auto role : kAllRoles) {
      TeamTarget target{kCityOrg, kind, role, 0};
      const auto why = teamRefusal(lead(true), TeamAction::kInviteMember, target);
      BOOST_TEST((why == (roleFits(role, kind) ? TeamRefusal::kNone : TeamRefusal::kRoleMisfit)),
                 roleName(role) << " in a " << orgKindName(kind));
    }
  }
  TeamTarget no_role{kCityOrg, OrgKind::kCity, std::nullopt, 0};
  BOOST_TEST((teamRefusal(lead(true), TeamAction::kInviteMember, no_role) ==
              TeamRefusal::kRoleMisfit));
}

BOOST_AUTO_TEST_CASE(the_role_matters_only_to_an_invitation) {
  TeamTarget misfit{kCityOrg, OrgKind::kCity, Role::kFundManager, kLeadId + 1};
  BOOST_TEST((teamRefusal(lead(true), TeamAction::kRemoveMember, misfit) == TeamRefusal::kNone));
  BOOST_TEST((teamRefusal(lead(true), TeamAction::kListTeam, misfit) == TeamRefusal::kNone));
}

BOOST_AUTO_TEST_CASE(a_lead_cannot_remove_themselves) {
  auto target = fine();
  target.user_id = kLeadId;
  BOOST_TEST((teamRefusal(lead(true), TeamAction::kRemoveMember, target) == TeamRefusal::kSelf));
  // Only removal looks at the user.
  BOOST_TEST((teamRefusal(lead(true), TeamAction::kRevokeInvitation, target) == TeamRefusal::kNone));
}

BOOST_AUTO_TEST_CASE(not_lead_answers_before_other_organisation_and_role) {
  TeamTarget target{kOtherOrg, OrgKind::kCity, Role::kFundManager, kLeadId};
  BOOST_TEST((teamRefusal(lead(false), TeamAction::kInviteMember, target) == TeamRefusal::kNotLead));
  BOOST_TEST((teamRefusal(lead(true), TeamAction::kInviteMember, target) ==
              TeamRefusal::kOtherOrganisation));
}

BOOST_AUTO_TEST_CASE(every_team_action_has_a_name) {
  for (auto action : kAllTeamActions) BOOST_TEST(teamActionName(action) != "unknown");
  BOOST_TEST(teamActionName(TeamAction::kInviteMember) == "invite_member");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::access
