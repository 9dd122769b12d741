#include <boost/test/unit_test.hpp>

#include "services/auth/password_reset_service.h"
#include "services/auth/user_admin_service.h"
#include "services/usecases/directory_service.h"
#include "tests/mail/outbox_rows.h"
#include "tests/services/user_admin_world.h"

// Account administration (issue 17 part 4) on SQLite, and on PostgreSQL in services_tests_pg:
// each operation, the self and last-admin rules, and that deactivating or locking a user ends
// every credential at once. A refused change leaves the audit chain where it was.
using namespace citygrants;
using core::ProblemKind;
using testing::Fund;

namespace {

auth::UserAdminService admins(Fund& f) {
  return auth::UserAdminService(f.ctx, {}, {}, nullptr, auth::HashCost::kFast);
}

std::string newToken(Fund& f, const access::Actor& who) {
  return auth::SessionService(f.ctx).createToken(who, "robot").token;
}

bool bearerWorks(Fund& f, const std::string& token) {
  return !testing::refusedAs(ProblemKind::kUnauthenticated,
                             [&] { auth::SessionService(f.ctx).byBearer(token); });
}

bool sessionWorks(Fund& f, const std::string& token) {
  return !testing::refusedAs(ProblemKind::kUnauthenticated,
                             [&] { auth::SessionService(f.ctx).bySession(token); });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(user_admin)

BOOST_AUTO_TEST_CASE(an_admin_sees_a_users_roles_state_factor_sessions_and_tokens) {
  Fund f("useradmin_page");
  const auto who = f.fm1.user_id;
  testing::addSession(f, who, "s1");
  testing::addSession(f, who, "s2");
  newToken(f, f.fm1);
  auto page = admins(f).account(f.admin, who);
  BOOST_TEST(page.user.roles.has(access::Role::kFundManager));
  BOOST_TEST(page.organisation.id == f.fund_org);
  BOOST_TEST(page.user.active);
  BOOST_TEST(!page.locked);
  BOOST_TEST(!page.counts.second_factor);
  BOOST_TEST(page.counts.live_sessions == 2);
  BOOST_TEST(page.counts.live_tokens == 1);
  testing::enrol(f, who);
  BOOST_TEST(admins(f).account(f.admin, who).counts.second_factor);
  BOOST_TEST(
      testing::refusedAs(ProblemKind::kNotFound, [&] { admins(f).account(f.admin, 99999); }));
}

BOOST_AUTO_TEST_CASE(only_admins_administer_accounts) {
  Fund f("useradmin_admins_only");
  const auto head = testing::auditHead(f.ctx.db);
  const auto target = f.applicant_a.user_id;
  auto svc = admins(f);
  for (const auto& who : {f.fm1, f.auditor, f.applicant_a, f.reviewer_a}) {
    BOOST_TEST(testing::refusedAs(ProblemKind::kForbidden, [&] { svc.account(who, target); }));
    BOOST_TEST(testing::refusedAs(ProblemKind::kForbidden,
                                  [&] { svc.update(who, target, 1, {.active = false}); }));
    BOOST_TEST(testing::refusedAs(ProblemKind::kForbidden, [&] { svc.lock(who, target, {}); }));
    BOOST_TEST(testing::refusedAs(ProblemKind::kForbidden, [&] { svc.unlock(who, target); }));
    BOOST_TEST(
        testing::refusedAs(ProblemKind::kForbidden, [&] { svc.forcePasswordReset(who, target); }));
    BOOST_TEST(testing::refusedAs(ProblemKind::kForbidden, [&] { svc.sessions(who, target); }));
    BOOST_TEST(testing::refusedAs(ProblemKind::kForbidden, [&] { svc.endSessions(who, target); }));
  }
  BOOST_TEST(testing::auditHead(f.ctx.db) == head);
}

BOOST_AUTO_TEST_CASE(an_edit_sets_name_language_and_the_whole_set_of_roles_in_one_audited_step) {
  Fund f("useradmin_edit");
  const auto who = f.fm2.user_id;
  const auto before = testing::userRow(f, who);
  const auto head = testing::auditHead(f.ctx.db);
  auto page =
      admins(f).update(f.admin, who, before.version,
                       {.name = "Ana Souza",
                        .language = "pt",
                        .roles = std::vector{access::Role::kAuditor, access::Role::kAdmin}});
  BOOST_TEST(page.user.name == "Ana Souza");
  BOOST_TEST(page.user.language == "pt");
  BOOST_TEST(!page.user.roles.has(access::Role::kFundManager));
  BOOST_TEST(page.user.roles.has(access::Role::kAuditor));
  BOOST_TEST(page.user.roles.has(access::Role::kAdmin));
  BOOST_TEST(page.user.version == before.version + 1);
  BOOST_TEST(testing::auditHead(f.ctx.db) == head + 1);
  // The version read is required: a stale one changes nothing.
  BOOST_TEST(testing::refusedAs(ProblemKind::kStaleVersion, [&] {
    admins(f).update(f.admin, who, before.version, {.name = "X"});
  }));
  BOOST_TEST(testing::userRow(f, who).name == "Ana Souza");
}

BOOST_AUTO_TEST_CASE(a_bad_edit_names_the_field_and_changes_nothing) {
  Fund f("useradmin_bad_edit");
  const auto who = f.applicant_a.user_id;
  const auto v = testing::userRow(f, who).version;
  const auto head = testing::auditHead(f.ctx.db);
  auto svc = admins(f);
  // A city's user cannot be made a fund manager: the rule used when admins add users.
  BOOST_TEST(testing::refusedField([&] {
               svc.update(
                   f.admin, who, v,
                   {.roles = std::vector{access::Role::kApplicant, access::Role::kFundManager}});
             }) == "roles[1]");
  BOOST_TEST(testing::refusedField([&] {
               svc.update(f.admin, who, v, {.roles = std::vector<access::Role>{}});
             }) == "roles");
  BOOST_TEST(testing::refusedField([&] { svc.update(f.admin, who, v, {.name = "  "}); }) == "name");
  BOOST_TEST(testing::refusedField([&] { svc.update(f.admin, who, v, {.language = "de"}); }) ==
             "language");
  BOOST_TEST(testing::auditHead(f.ctx.db) == head);
  BOOST_TEST(testing::userRow(f, who).roles.has(access::Role::kApplicant));
  BOOST_TEST(!testing::userRow(f, who).roles.has(access::Role::kFundManager));
}

BOOST_AUTO_TEST_CASE(an_admin_cannot_deactivate_demote_or_lock_themselves) {
  Fund f("useradmin_self");
  f.addUser(f.fund_org, "admin2@test",
            access::Role::kAdmin);  // so the last-admin rule is not what refuses
  const auto me = f.admin.user_id;
  const auto v = testing::userRow(f, me).version;
  const auto head = testing::auditHead(f.ctx.db);
  auto svc = admins(f);
  BOOST_TEST(testing::refusedAs(ProblemKind::kForbidden,
                                [&] { svc.update(f.admin, me, v, {.active = false}); }));
  BOOST_TEST(testing::refusedField([&] { svc.update(f.admin, me, v, {.active = false}); }) ==
             "active");
  BOOST_TEST(testing::refusedAs(ProblemKind::kForbidden, [&] {
    svc.update(f.admin, me, v, {.roles = std::vector{access::Role::kAuditor}});
  }));
  BOOST_TEST(testing::refusedAs(ProblemKind::kForbidden, [&] { svc.lock(f.admin, me, {}); }));
  BOOST_TEST(testing::auditHead(f.ctx.db) == head);
  // Their name they may change.
  BOOST_TEST(svc.update(f.admin, me, v, {.name = "Admin One"}).user.name == "Admin One");
}

BOOST_AUTO_TEST_CASE(the_last_active_admin_is_neither_deactivated_nor_demoted) {
  Fund f("useradmin_last_admin");
  const auto only = f.admin.user_id;
  auto svc = admins(f);
  const auto v = testing::userRow(f, only).version;
  const auto head = testing::auditHead(f.ctx.db);
  // The operator at the machine (no actor) has no self to protect; the fund's last admin stays.
  BOOST_TEST(testing::refusedAs(ProblemKind::kConflict,
                                [&] { svc.update(std::nullopt, only, v, {.active = false}); }));
  BOOST_TEST(testing::refusedAs(ProblemKind::kConflict, [&] {
    svc.update(std::nullopt, only, v, {.roles = std::vector{access::Role::kAuditor}});
  }));
  BOOST_TEST(testing::auditHead(f.ctx.db) == head);
  // With a second active admin, either may go.
  const auto second = f.addUser(f.fund_org, "admin2@test", access::Role::kAdmin);
  BOOST_TEST(!svc.update(second, only, v, {.active = false}).user.active);
  // And now the second is the last one: an inactive admin does not count.
  const auto v2 = testing::userRow(f, second.user_id).version;
  BOOST_TEST(testing::refusedAs(ProblemKind::kConflict, [&] {
    svc.update(std::nullopt, second.user_id, v2, {.active = false});
  }));
}

BOOST_AUTO_TEST_CASE(deactivation_ends_every_session_and_revokes_every_token_at_once) {
  Fund f("useradmin_deactivate");
  const auto who = f.fm1.user_id;
  testing::addSession(f, who, "browser-1");
  testing::addSession(f, who, "browser-2");
  const auto token = newToken(f, f.fm1);
  BOOST_TEST(sessionWorks(f, "browser-1"));
  BOOST_TEST(bearerWorks(f, token));
  const auto head = testing::auditHead(f.ctx.db);
  auto page = admins(f).update(f.admin, who, testing::userRow(f, who).version, {.active = false});
  BOOST_TEST(!page.user.active);
  BOOST_TEST(page.counts.live_sessions == 0);
  BOOST_TEST(page.counts.live_tokens == 0);
  BOOST_TEST(testing::auditHead(f.ctx.db) == head + 1);  // one event for all of it
  BOOST_TEST(!sessionWorks(f, "browser-1"));
  BOOST_TEST(!sessionWorks(f, "browser-2"));
  BOOST_TEST(!bearerWorks(f, token));
  // Reactivated, the old credentials stay dead.
  admins(f).update(f.admin, who, page.user.version, {.active = true});
  BOOST_TEST(!bearerWorks(f, token));
}

BOOST_AUTO_TEST_CASE(a_lock_ends_every_credential_and_an_unlock_clears_the_failed_sign_ins) {
  Fund f("useradmin_lock");
  const auto who = f.applicant_a.user_id;
  testing::addSession(f, who, "city-browser");
  const auto token = newToken(f, f.applicant_a);
  auto svc = admins(f);
  const auto now = f.clock.nowMs();
  BOOST_TEST(testing::refusedField([&] { svc.lock(f.admin, who, {now - 1, ""}); }) == "until");
  BOOST_TEST(testing::refusedField([&] {
               svc.lock(f.admin, who, {std::nullopt, std::string(501, 'x')});
             }) == "reason");
  auto page = svc.lock(f.admin, who, {now + 3'600'000, "phone stolen"});
  BOOST_TEST(page.locked);
  BOOST_TEST(page.user.locked_until == now + 3'600'000);
  BOOST_TEST(!sessionWorks(f, "city-browser"));
  BOOST_TEST(!bearerWorks(f, token));
  BOOST_TEST(svc.lock(f.admin, who, {}).user.locked_until == auth::kLockedForever);

  // Locked out by wrong passwords as well: the unlock clears both.
  const auto email_hash = crypto::sha256Hex(testing::userRow(f, who).email);
  f.ctx.db.write([&](db::Tx& tx) {
    stores::SessionStore::saveAttempts(tx, email_hash, {5, now, now + 900'000});
    tx.commit();
  });
  page = svc.unlock(f.admin, who);
  BOOST_TEST(!page.locked);
  BOOST_TEST(page.user.locked_until == 0);
  BOOST_TEST(testing::count(f, "SELECT COUNT(*) FROM login_attempts WHERE 1 = :x", 1) == 0);
}

BOOST_AUTO_TEST_CASE(the_operators_lock_at_the_machine_ends_every_credential_too) {
  Fund f("useradmin_cli_lock");
  const auto who = f.applicant_b.user_id;
  testing::addSession(f, who, "city-b-browser");
  const auto token = newToken(f, f.applicant_b);
  usecases::DirectoryService(f.ctx).lock(std::nullopt, testing::userRow(f, who).email,
                                         f.clock.nowMs() + 60'000);
  BOOST_TEST(!sessionWorks(f, "city-b-browser"));
  BOOST_TEST(!bearerWorks(f, token));
}

BOOST_AUTO_TEST_CASE(
    a_forced_reset_ends_sessions_kills_the_password_and_mails_a_link_in_the_users_language) {
  Fund f("useradmin_force_reset");
  const auto who = f.applicant_a.user_id;
  testing::givePassword(f, who);
  testing::addSession(f, who, "city-browser");
  auto svc = admins(f);
  svc.update(f.admin, who, testing::userRow(f, who).version, {.language = "es"});
  const auto email = testing::userRow(f, who).email;
  BOOST_TEST(
      auth::verifyPassword(testing::kAdminTestPassword, testing::userRow(f, who).password_hash));
  const auto mails_before = testing::mailRows(f.ctx.db).size();
  svc.forcePasswordReset(f.admin, who);
  BOOST_TEST(
      !auth::verifyPassword(testing::kAdminTestPassword, testing::userRow(f, who).password_hash));
  BOOST_TEST(!sessionWorks(f, "city-browser"));
  const auto mails = testing::mailRows(f.ctx.db);
  BOOST_REQUIRE(mails.size() == mails_before + 1);
  BOOST_TEST(mails.back().key == "password_reset");
  BOOST_TEST(mails.back().language == "es");
  BOOST_TEST(mails.back().to == email);
  // The link works: the user chooses a new password.
  const auto& body = mails.back().body;
  const auto at = body.find("#/password-reset/");
  BOOST_REQUIRE(at != std::string::npos);
  auth::PasswordResetService(f.ctx, {}, nullptr, auth::HashCost::kFast)
      .complete(body.substr(at + 17, 64), "a-brand-new-password");
  BOOST_TEST(auth::verifyPassword("a-brand-new-password", testing::userRow(f, who).password_hash));
  // Not for a locked account: its link could not be used.
  svc.lock(f.admin, who, {});
  const auto head = testing::auditHead(f.ctx.db);
  BOOST_TEST(
      testing::refusedAs(ProblemKind::kConflict, [&] { svc.forcePasswordReset(f.admin, who); }));
  BOOST_TEST(testing::auditHead(f.ctx.db) == head);
}

BOOST_AUTO_TEST_CASE(an_admin_lists_and_ends_one_or_all_of_a_users_sessions) {
  Fund f("useradmin_sessions");
  const auto who = f.reviewer_a.user_id;
  testing::addSession(f, who, "a");
  testing::addSession(f, who, "b");
  testing::addSession(f, who, "c");
  testing::addSession(f, f.fm1.user_id, "other");
  auto svc = admins(f);
  auto sessions = svc.sessions(f.admin, who);
  BOOST_REQUIRE(sessions.size() == 3u);
  // Another user's session is not found under this user.
  const auto other = svc.sessions(f.admin, f.fm1.user_id).front().id;
  BOOST_TEST(
      testing::refusedAs(ProblemKind::kNotFound, [&] { svc.endSession(f.admin, who, other); }));
  svc.endSession(f.admin, who, sessions.front().id);
  BOOST_TEST(!sessionWorks(f, "a"));
  BOOST_TEST(sessionWorks(f, "b"));
  BOOST_TEST(svc.endSessions(f.admin, who) == 2);
  BOOST_TEST(svc.sessions(f.admin, who).empty());
  BOOST_TEST(sessionWorks(f, "other"));
}

BOOST_AUTO_TEST_SUITE_END()
