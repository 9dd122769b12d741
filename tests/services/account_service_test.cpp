#include "services/auth/account_service.h"

#include <functional>
#include <string>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "services/auth/password.h"
#include "services/auth/password_reset_service.h"
#include "services/crypto/digest.h"
#include "services/stores/directory_store.h"
#include "services/stores/session_store.h"
#include "tests/mail/outbox_rows.h"
#include "tests/services/account_people.h"
#include "tests/services/fixture.h"

// The account use cases on the server's clock: a reset link's exact lifetime, the per-email
// window, and that a refused or failing change leaves everything as it was (one transaction).
using namespace citygrants;
using testing::Fund;

namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr const char* kPassword = "the-first-password";

using testing::emailOf;

void givePassword(Fund& f, std::int64_t user_id) { testing::givePassword(f, user_id, kPassword); }

// A session of `user_id` with `token`, as sign-in writes it.
void addSession(Fund& f, std::int64_t user_id, const std::string& token) {
  const auto now = f.clock.nowMs();
  f.ctx.db.write([&](db::Tx& tx) {
    stores::SessionStore::insertSession(
        tx, {0, crypto::sha256Hex(token), user_id, "csrf", now, now, now + 3'600'000});
    tx.commit();
  });
}

std::int64_t sessionsOf(Fund& f, std::int64_t user_id) {
  auto tx = f.ctx.db.read();
  const auto n = stores::SessionStore::sessionsOf(tx, user_id, f.clock.nowMs(), 0).size();
  tx.commit();
  return static_cast<std::int64_t>(n);
}

// The token in the newest reset mail's link.
std::string lastToken(Fund& f) {
  const auto mails = testing::mailRows(f.ctx.db);
  BOOST_REQUIRE(!mails.empty());
  const auto& body = mails.back().body;
  const std::string marker = "#/password-reset/";
  const auto at = body.find(marker);
  BOOST_REQUIRE(at != std::string::npos);
  return body.substr(at + marker.size(), 64);
}

std::size_t resetMails(Fund& f) {
  std::size_t n = 0;
  for (const auto& m : testing::mailRows(f.ctx.db)) n += m.key == "password_reset" ? 1 : 0;
  return n;
}

bool refusedAs(core::ProblemKind kind, const std::function<void()>& call) {
  try {
    call();
  } catch (const core::Problem& p) {
    return p.kind() == kind;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(account_services)

BOOST_AUTO_TEST_CASE(a_reset_link_works_until_its_last_millisecond_and_not_at_its_end) {
  Fund f("reset_lifetime");
  const auto email = emailOf(f, f.applicant_a.user_id);
  auth::PasswordResetService resets(f.ctx, {}, nullptr, auth::HashCost::kFast);

  const auto asked = f.clock.nowMs();
  resets.request(email);
  const auto late = lastToken(f);
  f.clock.set(asked + 30 * kMinute);
  BOOST_TEST(
      refusedAs(core::ProblemKind::kNotFound, [&] { resets.complete(late, "a-second-password"); }));

  const auto asked_again = f.clock.nowMs();
  resets.request(email);
  const auto in_time = lastToken(f);
  f.clock.set(asked_again + 30 * kMinute - 1);
  resets.complete(in_time, "a-second-password");
  BOOST_TEST(refusedAs(core::ProblemKind::kNotFound,
                       [&] { resets.complete(in_time, "a-third-password"); }));
}

BOOST_AUTO_TEST_CASE(an_email_gets_three_links_an_hour_and_more_after_it) {
  Fund f("reset_window");
  const auto email = emailOf(f, f.applicant_a.user_id);
  auth::PasswordResetService resets(f.ctx, {}, nullptr, auth::HashCost::kFast);
  const auto start = f.clock.nowMs();
  for (int i = 0; i < 5; ++i) resets.request(email);
  BOOST_TEST(resetMails(f) == 3u);
  f.clock.set(start + 60 * kMinute - 1);
  resets.request(email);
  BOOST_TEST(resetMails(f) == 3u);
  f.clock.set(start + 60 * kMinute);
  resets.request(email);
  BOOST_TEST(resetMails(f) == 4u);
}

BOOST_AUTO_TEST_CASE(a_reset_whose_mail_cannot_be_written_stores_no_link_and_counts_nothing) {
  Fund f("reset_fault");
  const auto email = emailOf(f, f.applicant_a.user_id);
  auth::PasswordResetService resets(f.ctx, {}, nullptr, auth::HashCost::kFast);
  testing::injectFault(f.ctx.db, "outbox_mail", "", "disk full");
  BOOST_CHECK_THROW(resets.request(email), std::exception);
  testing::clearFault(f.ctx.db, "outbox_mail");
  auto tx = f.ctx.db.read();
  std::int64_t links = 0, counted = 0;
  tx.sql() << "SELECT COUNT(*) FROM password_resets", soci::into(links);
  tx.sql() << "SELECT COUNT(*) FROM password_reset_requests", soci::into(counted);
  tx.commit();
  BOOST_TEST(links == 0);
  BOOST_TEST(counted == 0);
}

BOOST_AUTO_TEST_CASE(a_password_change_that_fails_to_commit_ends_no_session) {
  Fund f("password_change_fault");
  const auto user = f.applicant_a.user_id;
  givePassword(f, user);
  addSession(f, user, "this-one");
  addSession(f, user, "another-one");
  const auto head = testing::auditHead(f.ctx.db);
  auth::AccountService accounts(f.ctx, {}, nullptr, auth::HashCost::kFast);

  testing::injectFault(f.ctx.db, "audit_events", "", "disk full");
  BOOST_CHECK_THROW(accounts.changePassword(f.applicant_a, std::string("this-one"), kPassword,
                                            "a-second-password"),
                    std::exception);
  testing::clearFault(f.ctx.db, "audit_events");
  BOOST_TEST(sessionsOf(f, user) == 2);
  BOOST_TEST(testing::auditHead(f.ctx.db) == head);
  {
    auto tx = f.ctx.db.read();
    const auto stored = stores::DirectoryStore::findUser(tx, user)->password_hash;
    tx.commit();
    BOOST_TEST(auth::verifyPassword(kPassword, stored));
  }

  accounts.changePassword(f.applicant_a, std::string("this-one"), kPassword, "a-second-password");
  BOOST_TEST(sessionsOf(f, user) == 1);
  BOOST_TEST(accounts.sessions(f.applicant_a, std::string("this-one")).front().current);
}

BOOST_AUTO_TEST_CASE(a_profile_names_each_bad_member_and_checks_the_version) {
  Fund f("profile_rules");
  auth::AccountService accounts(f.ctx);
  const auto v = accounts.account(f.applicant_a).version;
  try {
    accounts.updateProfile(f.applicant_a, v, {std::string(201, 'x'), std::string("xx")});
    BOOST_FAIL("accepted");
  } catch (const core::Problem& p) {
    BOOST_TEST(p.fields().size() == 2u);
  }
  BOOST_TEST(refusedAs(core::ProblemKind::kStaleVersion, [&] {
    accounts.updateProfile(f.applicant_a, v + 1, {std::nullopt, std::string("fr")});
  }));
  BOOST_TEST(accounts.updateProfile(f.applicant_a, v, {std::nullopt, std::string("fr")}).language ==
             "fr");
}

BOOST_AUTO_TEST_SUITE_END()
