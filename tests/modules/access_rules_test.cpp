#include "modules/access/access_rules.h"

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/access/role.h"

namespace citygrants::access {
namespace {

constexpr std::int64_t kFundOrg = 1;
constexpr std::int64_t kCityOrg = 10;
constexpr std::int64_t kOtherCityOrg = 11;
constexpr std::int64_t kPartnerOrg = 20;
constexpr std::int64_t kOtherPartnerOrg = 22;

Actor actor(Role role, std::int64_t org) { return Actor{7, org, RoleSet(role)}; }

// A record of kCityOrg that kPartnerOrg reviews or supports.
Scope cityRecord() { return Scope{kCityOrg, {kPartnerOrg}}; }

// The organisation that puts an actor of `role` inside cityRecord().
std::int64_t orgInScope(Role role) {
  switch (role) {
    case Role::kApplicant:
      return kCityOrg;
    case Role::kPartner:
      return kPartnerOrg;
    default:
      return kFundOrg;
  }
}

const Action kAllActions[] = {
    Action::kReadAll,       Action::kManageUsers,    Action::kManageOrganisations,
    Action::kSetUpCall,     Action::kCreateProposal, Action::kEditProposal,
    Action::kAssignPartner, Action::kScoreReview,    Action::kEditReport,
    Action::kReadAudit,     Action::kManageIndicators, Action::kManageFunding,
    Action::kAllocateAward, Action::kPublishGrant, Action::kExportEverything,
    Action::kReadOutbox,    Action::kManageOutbox, Action::kRequestAmendment,
    Action::kProposeAmendment};

}  // namespace

BOOST_AUTO_TEST_SUITE(access_rules)

BOOST_AUTO_TEST_CASE(roles_and_organisation_kinds_round_trip_by_name) {
  for (Role r : kAllRoles) {
    BOOST_TEST_REQUIRE(parseRole(roleName(r)).has_value());
    BOOST_TEST((*parseRole(roleName(r)) == r));
  }
  BOOST_TEST(roleName(Role::kFundManager) == "fund_manager");
  BOOST_TEST(!parseRole("Admin").has_value());
  BOOST_TEST(!parseRole("").has_value());
  for (OrgKind k : {OrgKind::kFund, OrgKind::kPartner, OrgKind::kCity}) {
    BOOST_TEST((parseOrgKind(orgKindName(k)) == k));
  }
  BOOST_TEST(!parseOrgKind("town").has_value());
}

BOOST_AUTO_TEST_CASE(a_role_set_holds_exactly_the_roles_put_in) {
  RoleSet none;
  BOOST_TEST(none.empty());
  BOOST_TEST(none.roles().empty());
  const RoleSet two = Role::kApplicant | Role::kAuditor;
  BOOST_TEST(!two.empty());
  BOOST_TEST(two.has(Role::kApplicant));
  BOOST_TEST(two.has(Role::kAuditor));
  BOOST_TEST(!two.has(Role::kPartner));
  BOOST_TEST((two.roles() == std::vector<Role>{Role::kApplicant, Role::kAuditor}));
  RoleSet all;
  for (Role r : kAllRoles) all.add(r);
  BOOST_TEST(all.roles().size() == std::size(kAllRoles));
}

BOOST_AUTO_TEST_CASE(every_action_has_one_row_and_a_name) {
  std::set<std::string> names;
  for (Action a : kAllActions) {
    std::size_t rows = 0;
    for (const auto& p : permissionTable()) rows += p.action == a ? 1 : 0;
    BOOST_TEST_CONTEXT(actionName(a)) {
      BOOST_TEST(rows == 1u);
      BOOST_TEST(actionName(a) != "unknown");
    }
    names.insert(std::string(actionName(a)));
  }
  BOOST_TEST(names.size() == std::size(kAllActions));
  BOOST_TEST(permissionTable().size() == std::size(kAllActions));
}

BOOST_AUTO_TEST_CASE(may_follows_the_permission_table_for_every_role_in_scope) {
  for (const auto& p : permissionTable()) {
    for (Role role : kAllRoles) {
      BOOST_TEST_CONTEXT(actionName(p.action) << " as " << roleName(role)) {
        const Actor a = actor(role, orgInScope(role));
        BOOST_TEST(may(a, p.action, cityRecord()) == p.who.has(role));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(own_organisation_reach_refuses_other_organisations) {
  for (const auto& p : permissionTable()) {
    if (p.reach == Reach::kFund) continue;
    for (Role role : p.who.roles()) {
      BOOST_TEST_CONTEXT(actionName(p.action) << " as " << roleName(role)) {
        BOOST_TEST(!may(actor(role, kOtherCityOrg), p.action, cityRecord()));
        BOOST_TEST(!may(actor(role, kOtherPartnerOrg), p.action, cityRecord()));
        BOOST_TEST(!may(actor(role, orgInScope(role)), p.action, Scope{}));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(admin_may_manage_users_but_not_read_all) {
  const Actor admin = actor(Role::kAdmin, kFundOrg);
  BOOST_TEST(may(admin, Action::kManageUsers));
  BOOST_TEST(may(admin, Action::kManageOrganisations));
  BOOST_TEST(may(admin, Action::kSetUpCall));
  BOOST_TEST(!may(admin, Action::kReadAll));
  BOOST_TEST(!may(admin, Action::kReadAudit));
  BOOST_TEST(!may(admin, Action::kAssignPartner));
  BOOST_TEST(!canSee(admin, cityRecord()));
}

BOOST_AUTO_TEST_CASE(auditor_may_read_everything_and_the_audit_but_change_nothing) {
  const Actor auditor = actor(Role::kAuditor, kFundOrg);
  BOOST_TEST(may(auditor, Action::kReadAudit));
  BOOST_TEST(may(auditor, Action::kReadAll));
  BOOST_TEST(may(auditor, Action::kExportEverything));  // reading too: every grant's open data
  for (Action a : kAllActions) {
    if (a == Action::kReadAll || a == Action::kReadAudit || a == Action::kExportEverything) continue;
    BOOST_TEST_CONTEXT(actionName(a)) { BOOST_TEST(!may(auditor, a, cityRecord())); }
  }
}

BOOST_AUTO_TEST_CASE(only_fund_managers_publish_and_only_they_and_auditors_export_every_grant) {
  for (Role r : kAllRoles) {
    const Actor a = actor(r, orgInScope(r));
    BOOST_TEST_CONTEXT(roleName(r)) {
      BOOST_TEST(may(a, Action::kPublishGrant) == (r == Role::kFundManager));
      BOOST_TEST(may(a, Action::kExportEverything) == (r == Role::kFundManager || r == Role::kAuditor));
    }
  }
}

BOOST_AUTO_TEST_CASE(only_admins_read_and_manage_the_outbox) {
  // Who may read the fund's mail, role by role (the HTTP suite outbox_over_http checks the same
  // table against the route's answers).
  const std::pair<Role, bool> kTable[] = {{Role::kApplicant, false}, {Role::kPartner, false},
                                          {Role::kFundManager, false}, {Role::kAdmin, true},
                                          {Role::kAuditor, false}};
  BOOST_TEST(std::size(kTable) == std::size(kAllRoles));
  for (const auto& [role, allowed] : kTable) {
    BOOST_TEST_CONTEXT(roleName(role)) {
      BOOST_TEST(may(actor(role, orgInScope(role)), Action::kReadOutbox) == allowed);
      BOOST_TEST(may(actor(role, kOtherCityOrg), Action::kReadOutbox) == allowed);
      BOOST_TEST(may(actor(role, orgInScope(role)), Action::kManageOutbox) == allowed);
      BOOST_TEST(may(actor(role, kOtherCityOrg), Action::kManageOutbox) == allowed);
    }
  }
}

BOOST_AUTO_TEST_CASE(applicant_may_create_a_proposal_only_for_their_own_city) {
  const Actor applicant = actor(Role::kApplicant, kCityOrg);
  BOOST_TEST(may(applicant, Action::kCreateProposal, Scope{kCityOrg, {}}));
  BOOST_TEST(!may(applicant, Action::kCreateProposal, Scope{kOtherCityOrg, {}}));
  BOOST_TEST(!may(applicant, Action::kCreateProposal, Scope{}));
  // An applicant with no organisation is not "in" a record with no city either.
  BOOST_TEST(!may(actor(Role::kApplicant, 0), Action::kCreateProposal, Scope{}));
  BOOST_TEST(
      !may(actor(Role::kFundManager, kCityOrg), Action::kCreateProposal, Scope{kCityOrg, {}}));
}

BOOST_AUTO_TEST_CASE(a_city_requests_changes_to_its_own_grants_and_the_fund_proposes_any) {
  const Actor applicant = actor(Role::kApplicant, kCityOrg);
  BOOST_TEST(may(applicant, Action::kRequestAmendment, Scope{kCityOrg, {kPartnerOrg}}));
  BOOST_TEST(!may(applicant, Action::kRequestAmendment, Scope{kOtherCityOrg, {kPartnerOrg}}));
  BOOST_TEST(!may(applicant, Action::kProposeAmendment, Scope{kCityOrg, {}}));
  const Actor fm = actor(Role::kFundManager, kFundOrg);
  BOOST_TEST(may(fm, Action::kProposeAmendment, Scope{kOtherCityOrg, {}}));
  BOOST_TEST(!may(fm, Action::kRequestAmendment, Scope{kCityOrg, {}}));
  for (Role r : {Role::kPartner, Role::kAdmin, Role::kAuditor}) {
    BOOST_TEST(!may(actor(r, orgInScope(r)), Action::kRequestAmendment, cityRecord()));
    BOOST_TEST(!may(actor(r, orgInScope(r)), Action::kProposeAmendment, cityRecord()));
  }
}

BOOST_AUTO_TEST_CASE(partner_may_score_only_their_own_organisations_assignments) {
  const Actor partner = actor(Role::kPartner, kPartnerOrg);
  BOOST_TEST(may(partner, Action::kScoreReview, Scope{kCityOrg, {kOtherPartnerOrg, kPartnerOrg}}));
  BOOST_TEST(!may(partner, Action::kScoreReview, Scope{kCityOrg, {kOtherPartnerOrg}}));
  BOOST_TEST(!may(partner, Action::kScoreReview, Scope{kPartnerOrg, {}}));
}

BOOST_AUTO_TEST_CASE(can_see_is_scoped_by_organisation) {
  const Scope record = cityRecord();
  BOOST_TEST(canSee(actor(Role::kFundManager, kFundOrg), record));
  BOOST_TEST(canSee(actor(Role::kAuditor, kFundOrg), record));
  BOOST_TEST(canSee(actor(Role::kFundManager, kFundOrg), Scope{}));
  BOOST_TEST(canSee(actor(Role::kApplicant, kCityOrg), record));
  BOOST_TEST(!canSee(actor(Role::kApplicant, kOtherCityOrg), record));
  BOOST_TEST(canSee(actor(Role::kPartner, kPartnerOrg), record));
  BOOST_TEST(!canSee(actor(Role::kPartner, kOtherPartnerOrg), record));
  // A role counts only for its own kind of reach: a partner of the city's own org id is not
  // its applicant, an applicant whose org is an assigned partner is not that partner.
  BOOST_TEST(!canSee(actor(Role::kPartner, kCityOrg), record));
  BOOST_TEST(!canSee(actor(Role::kApplicant, kPartnerOrg), record));
  BOOST_TEST(!canSee(Actor{7, kCityOrg, RoleSet{}}, record));
}

BOOST_AUTO_TEST_CASE(a_user_with_several_roles_sees_what_any_of_them_sees) {
  const Actor both{7, kPartnerOrg, Role::kApplicant | Role::kPartner};
  BOOST_TEST(canSee(both, Scope{kOtherCityOrg, {kPartnerOrg}}));
  BOOST_TEST(canSee(both, Scope{kPartnerOrg, {}}));
  BOOST_TEST(!canSee(both, Scope{kOtherCityOrg, {kOtherPartnerOrg}}));
}

BOOST_AUTO_TEST_CASE(acts_as_requires_the_role_and_the_scope) {
  const Scope record = cityRecord();
  BOOST_TEST(actsAs(actor(Role::kApplicant, kCityOrg), Role::kApplicant, record));
  BOOST_TEST(!actsAs(actor(Role::kApplicant, kOtherCityOrg), Role::kApplicant, record));
  BOOST_TEST(!actsAs(actor(Role::kApplicant, 0), Role::kApplicant, Scope{}));
  BOOST_TEST(actsAs(actor(Role::kPartner, kPartnerOrg), Role::kPartner, record));
  BOOST_TEST(!actsAs(actor(Role::kPartner, kOtherPartnerOrg), Role::kPartner, record));
  BOOST_TEST(actsAs(actor(Role::kFundManager, kFundOrg), Role::kFundManager, Scope{}));
  BOOST_TEST(actsAs(actor(Role::kAdmin, kFundOrg), Role::kAdmin, record));
  // Holding a role is required: an applicant of the city does not act as a fund manager.
  BOOST_TEST(!actsAs(actor(Role::kApplicant, kCityOrg), Role::kFundManager, record));
  BOOST_TEST(!actsAs(actor(Role::kFundManager, kCityOrg), Role::kApplicant, record));
}

BOOST_AUTO_TEST_CASE(acts_as_auditor_is_always_false) {
  const Scope scopes[] = {Scope{}, cityRecord(), Scope{kFundOrg, {kFundOrg}}};
  for (std::int64_t org : {std::int64_t{0}, kFundOrg, kCityOrg, kPartnerOrg}) {
    RoleSet every;
    for (Role r : kAllRoles) every.add(r);
    for (const auto& s : scopes) {
      BOOST_TEST(!actsAs(actor(Role::kAuditor, org), Role::kAuditor, s));
      BOOST_TEST(!actsAs(Actor{7, org, every}, Role::kAuditor, s));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::access
