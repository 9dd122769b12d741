#include "modules/access/account_rules.h"

#include <boost/test/unit_test.hpp>

namespace citygrants::access {
namespace {

constexpr std::int64_t kAdminA = 1;
constexpr std::int64_t kAdminB = 2;
constexpr std::int64_t kUser = 3;

AccountFacts facts(std::optional<std::int64_t> actor, std::int64_t target, bool active_admin,
                   std::int64_t others) {
  return {actor, target, active_admin, others};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(account_rules)

BOOST_AUTO_TEST_CASE(roles_fit_only_their_kind_of_organisation) {
  struct Case {
    Role role;
    OrgKind fits;
  };
  const Case cases[] = {{Role::kApplicant, OrgKind::kCity},
                        {Role::kPartner, OrgKind::kPartner},
                        {Role::kFundManager, OrgKind::kFund},
                        {Role::kAdmin, OrgKind::kFund},
                        {Role::kAuditor, OrgKind::kFund}};
  for (const auto& c : cases) {
    for (auto kind : {OrgKind::kFund, OrgKind::kPartner, OrgKind::kCity, OrgKind::kDonor}) {
      BOOST_TEST(roleFits(c.role, kind) == (kind == c.fits), roleName(c.role)
                                                                 << " in a " << orgKindName(kind));
    }
  }
}

BOOST_AUTO_TEST_CASE(an_admin_cannot_deactivate_demote_or_lock_themselves) {
  const auto self = facts(kAdminA, kAdminA, true, 3);
  BOOST_TEST(
      (accountChangeRefusal(self, {true, false, false}) == AccountRefusal::kOwnDeactivation));
  BOOST_TEST((accountChangeRefusal(self, {false, true, false}) == AccountRefusal::kOwnAdminRole));
  BOOST_TEST((accountChangeRefusal(self, {false, false, true}) == AccountRefusal::kOwnLock));
  BOOST_TEST((accountChangeRefusal(self, {}) == AccountRefusal::kNone));  // a new name
}

BOOST_AUTO_TEST_CASE(an_admin_may_deactivate_demote_and_lock_another_admin_while_one_remains) {
  const auto other = facts(kAdminA, kAdminB, true, 1);
  BOOST_TEST((accountChangeRefusal(other, {true, false, false}) == AccountRefusal::kNone));
  BOOST_TEST((accountChangeRefusal(other, {false, true, false}) == AccountRefusal::kNone));
  BOOST_TEST((accountChangeRefusal(other, {false, false, true}) == AccountRefusal::kNone));
}

BOOST_AUTO_TEST_CASE(the_last_active_admin_is_neither_deactivated_nor_demoted) {
  // By the operator at the machine, or by an admin whose own account was just deactivated.
  for (auto actor : {std::optional<std::int64_t>{}, std::optional<std::int64_t>{kAdminA}}) {
    const auto last = facts(actor, kAdminB, true, 0);
    BOOST_TEST((accountChangeRefusal(last, {true, false, false}) == AccountRefusal::kLastAdmin));
    BOOST_TEST((accountChangeRefusal(last, {false, true, false}) == AccountRefusal::kLastAdmin));
    BOOST_TEST((accountChangeRefusal(last, {false, false, true}) == AccountRefusal::kNone));
    BOOST_TEST((accountChangeRefusal(last, {}) == AccountRefusal::kNone));
  }
  // Not an active admin: nothing to keep.
  BOOST_TEST((accountChangeRefusal(facts(std::nullopt, kUser, false, 0), {true, false, false}) ==
              AccountRefusal::kNone));
}

BOOST_AUTO_TEST_CASE(the_operator_at_the_machine_has_no_self_to_protect) {
  const auto op = facts(std::nullopt, kAdminA, true, 1);
  BOOST_TEST((accountChangeRefusal(op, {true, true, true}) == AccountRefusal::kNone));
}

BOOST_AUTO_TEST_CASE(a_second_factor_reset_needs_two_admins_neither_of_them_its_owner) {
  BOOST_TEST((resetRequestRefusal(kAdminA, kUser) == ResetRefusal::kNone));
  BOOST_TEST((resetRequestRefusal(kAdminA, kAdminA) == ResetRefusal::kOwnFactor));
  BOOST_TEST((resetConfirmRefusal(kAdminB, kUser, kAdminA) == ResetRefusal::kNone));
  BOOST_TEST((resetConfirmRefusal(kAdminA, kUser, kAdminA) == ResetRefusal::kSameAdmin));
  BOOST_TEST((resetConfirmRefusal(kAdminB, kAdminB, kAdminA) == ResetRefusal::kOwnFactor));
  // Admin B's factor, requested by A: B may not confirm it, A may not either (their request).
  BOOST_TEST((resetConfirmRefusal(kAdminA, kAdminB, kAdminA) == ResetRefusal::kSameAdmin));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::access
