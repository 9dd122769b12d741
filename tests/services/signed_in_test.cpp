// Who a credential belongs to is read in one statement (DirectoryStore::findSignedIn: the user,
// their roles and whether a confirmed second factor exists), and reads exactly what the three
// separate reads it replaced did: for every demo login, for a user whose roles were all revoked,
// for one whose enrolment was started but not confirmed, and for a deactivated one.

#include <string>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "services/seed/demo_seed.h"
#include "services/stores/directory_store.h"
#include "services/stores/second_factor_store.h"
#include "services/usecases/use_case.h"
#include "tests/services/fixture.h"

using namespace citygrants;
using namespace citygrants::testing;

namespace {

constexpr access::Role kRoles[] = {access::Role::kApplicant, access::Role::kPartner,
                                   access::Role::kFundManager, access::Role::kAdmin,
                                   access::Role::kAuditor};

std::int64_t userId(db::Tx& tx, const std::string& email) {
  std::int64_t id = 0;
  tx.sql() << "SELECT id FROM users WHERE email = :e", soci::use(email), soci::into(id);
  return id;
}

// REQUIRES: `id` is a user. The one statement's answer checked against the separate reads.
void checkAgainstSeparateReads(db::Tx& tx, std::int64_t id, const std::string& who) {
  const auto one = stores::DirectoryStore::findSignedIn(tx, id);
  const auto user = stores::DirectoryStore::findUser(tx, id);
  BOOST_TEST_REQUIRE(one.has_value());
  BOOST_TEST(one->id == user->id);
  BOOST_TEST(one->org_id == user->org_id, who);
  BOOST_TEST(one->language == user->language, who);
  BOOST_TEST(one->active == user->active, who);
  for (auto role : kRoles) {
    BOOST_TEST(one->roles.has(role) == user->roles.has(role), who << " " << access::roleName(role));
  }
  BOOST_TEST(one->second_factor == stores::SecondFactorStore::confirmed(tx, id), who);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(signed_in)

BOOST_AUTO_TEST_CASE(one_statement_reads_what_the_separate_reads_did) {
  TestDb test_db("signed_in_reads");
  services::SystemClock clock;
  usecases::Context ctx{*test_db.db, clock};
  const auto logins = seed::seedDemo(ctx, {"signed-in-password-1", 0});
  int with_factor = 0, with_two_roles = 0;
  {
    auto tx = test_db.db->read();
    for (const auto& login : logins) {
      const auto id = userId(tx, login.email);
      checkAgainstSeparateReads(tx, id, login.email);
      const auto one = stores::DirectoryStore::findSignedIn(tx, id);
      with_factor += one->second_factor ? 1 : 0;
      int roles = 0;
      for (auto role : kRoles) roles += one->roles.has(role) ? 1 : 0;
      with_two_roles += roles >= 2 ? 1 : 0;
    }
    BOOST_TEST(!stores::DirectoryStore::findSignedIn(tx, 987654).has_value());
    tx.commit();
  }
  BOOST_TEST(with_factor == 3);     // kDemoFactorLogins
  BOOST_TEST(with_two_roles == 0);  // the demo gives each login one role: the next part adds one

  // No roles left and enrolment not confirmed; deactivated; a second role.
  test_db.db->write([&](db::Tx& tx) {
    const auto fm = userId(tx, "fm1@mmc.demo");
    tx.sql() << "DELETE FROM role_grants WHERE user_id = :u", soci::use(fm);
    tx.sql() << "INSERT INTO role_grants (user_id, role, created_at) SELECT id, 'auditor', 0 "
                "FROM users WHERE email = 'admin@mmc.demo'";
    tx.sql() << "UPDATE second_factors SET confirmed_at = NULL WHERE user_id = :u", soci::use(fm);
    tx.sql() << "UPDATE users SET active = 0 WHERE email = 'fm2@mmc.demo'";
    tx.commit();
  });
  auto tx = test_db.db->read();
  const auto fm = userId(tx, "fm1@mmc.demo");
  checkAgainstSeparateReads(tx, fm, "fm1 without roles");
  const auto bare = stores::DirectoryStore::findSignedIn(tx, fm);
  BOOST_TEST(!bare->second_factor);
  BOOST_TEST(!bare->roles.has(access::Role::kFundManager));
  const auto fm2 = userId(tx, "fm2@mmc.demo");
  checkAgainstSeparateReads(tx, fm2, "fm2 deactivated");
  checkAgainstSeparateReads(tx, userId(tx, "admin@mmc.demo"), "admin with two roles");
  BOOST_CHECK_THROW(usecases::loadSignedInUser(tx, fm2), core::Problem);
  const auto admin = usecases::loadSignedInUser(tx, userId(tx, "admin@mmc.demo"));
  BOOST_TEST(admin.second_factor);
  BOOST_TEST(admin.actor.roles.has(access::Role::kAdmin));
  BOOST_TEST(admin.actor.roles.has(access::Role::kAuditor));  // two roles: two rows, one user
  tx.commit();
}

BOOST_AUTO_TEST_SUITE_END()
