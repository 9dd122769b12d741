#include "services/auth/second_factor_service.h"

#include <functional>
#include <set>
#include <string>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "services/auth/common_passwords.h"
#include "services/auth/password.h"
#include "services/auth/session_service.h"
#include "services/crypto/digest.h"
#include "services/crypto/totp.h"
#include "services/stores/directory_store.h"
#include "services/stores/second_factor_store.h"
#include "tests/services/account_people.h"
#include "tests/services/fixture.h"

// The second factor on the server's clock (issue 17 parts 1, 2 and 5): enrolment, sign-in with
// and without a code, a code used once, wrong codes locking the email like wrong passwords,
// recovery codes, the step-up window to the millisecond, token scopes, and the password rules.
using namespace citygrants;
using core::ProblemKind;
using testing::Fund;

namespace {

constexpr const char* kPassword = "a-long-test-password";
constexpr std::int64_t kStepMs = crypto::kTotpStepSeconds * 1000;

bool refusedAs(ProblemKind kind, const std::function<void()>& call) {
  try {
    call();
  } catch (const core::Problem& p) {
    return p.kind() == kind;
  }
  return false;
}

using testing::emailOf;

void givePassword(Fund& f, std::int64_t user_id) { testing::givePassword(f, user_id, kPassword); }

std::int64_t count(Fund& f, const std::string& sql) {
  std::int64_t n = 0;
  auto tx = f.ctx.db.read();
  tx.sql() << sql, soci::into(n);
  tx.commit();
  return n;
}

// The user's code at the clock's time step + `steps`.
std::string codeAt(Fund& f, const std::string& secret, std::int64_t steps = 0) {
  return crypto::totpAt(*crypto::base32Decode(secret), f.clock.nowMs() / 1000 + steps * 30);
}

// Enrols `actor` through the service as a person would; answers the key and recovery codes.
struct Enrolled {
  std::string secret;
  std::vector<std::string> recovery;
};
Enrolled enrol(Fund& f, const access::Actor& actor) {
  auth::SecondFactorService factors(f.ctx);
  const auto started = factors.start(actor);
  auto codes = factors.confirm(actor, codeAt(f, started.secret));
  f.clock.advance(kStepMs);  // the next code is a new one
  return {started.secret, codes};
}

// A fund manager with a password and an enrolled second factor, ready to sign in.
struct Manager {
  std::string email;
  Enrolled key;
};
Manager manager(Fund& f, const access::Actor& who) {
  givePassword(f, who.user_id);
  return {emailOf(f, who.user_id), enrol(f, who)};
}

// Sessions of the fund manager cleared for payments or not, as bySession tells.
access::Actor sessionActor(auth::SessionService& s, const std::string& token) {
  return s.bySession(token).actor;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(second_factor)

BOOST_AUTO_TEST_CASE(enrolment_shows_a_key_and_qr_code_and_takes_a_first_code) {
  Fund f("factor_enrol");
  auth::SecondFactorService factors(f.ctx);
  BOOST_TEST(factors.status(f.fm1).required);
  BOOST_TEST(!factors.status(f.applicant_a).required);
  BOOST_TEST(refusedAs(ProblemKind::kConflict, [&] { factors.confirm(f.fm1, "123456"); }));

  const auto started = factors.start(f.fm1);
  BOOST_TEST(crypto::base32Decode(started.secret)->size() == 20u);
  BOOST_TEST(started.otpauth_uri.starts_with("otpauth://totp/"));
  BOOST_TEST(started.otpauth_uri.find("fm1%40test") != std::string::npos);
  BOOST_TEST(started.qr_svg.starts_with("<svg"));
  BOOST_TEST(factors.status(f.fm1).pending);

  // A wrong code and a malformed one confirm nothing.
  const auto right = codeAt(f, started.secret);
  const auto wrong = right == "000000" ? std::string("000001") : std::string("000000");
  BOOST_TEST(refusedAs(ProblemKind::kInvalid, [&] { factors.confirm(f.fm1, wrong); }));
  BOOST_TEST(refusedAs(ProblemKind::kInvalid, [&] { factors.confirm(f.fm1, "12345"); }));
  BOOST_TEST(!factors.status(f.fm1).enrolled);

  const auto codes = factors.confirm(f.fm1, right);
  BOOST_TEST(codes.size() == 10u);
  BOOST_TEST(std::set<std::string>(codes.begin(), codes.end()).size() == 10u);
  for (const auto& c : codes) BOOST_TEST(auth::SecondFactorService::wellFormed(c));
  const auto status = factors.status(f.fm1);
  BOOST_TEST(status.enrolled);
  BOOST_TEST(status.recovery_codes_left == 10);
  // Only hashes are kept.
  BOOST_TEST(count(f, "SELECT COUNT(*) FROM recovery_codes WHERE code_hash LIKE '%" + codes[0] + "%'") == 0);
  BOOST_TEST(refusedAs(ProblemKind::kConflict, [&] { factors.start(f.fm1); }));
  // The fund manager's role needs it: it cannot be removed.
  BOOST_TEST(refusedAs(ProblemKind::kForbidden, [&] { factors.remove(f.fm1, codes[1]); }));
}

BOOST_AUTO_TEST_CASE(sign_in_asks_for_the_code_only_after_the_right_password) {
  Fund f("factor_sign_in");
  const auto m = manager(f, f.fm1);
  const auto& email = m.email;
  const auto& key = m.key;
  auth::SessionService sessions(f.ctx);
  const auto before = count(f, "SELECT COUNT(*) FROM sessions");

  BOOST_TEST(refusedAs(ProblemKind::kUnauthenticated, [&] { sessions.signIn(email, "not-the-password", {}); }));
  BOOST_TEST(refusedAs(ProblemKind::kSecondFactorRequired, [&] { sessions.signIn(email, kPassword, {}); }));
  BOOST_TEST(count(f, "SELECT COUNT(*) FROM sessions") == before);

  const auto code = codeAt(f, key.secret);
  const auto in = sessions.signIn(email, kPassword, {}, "", code);
  BOOST_TEST(count(f, "SELECT COUNT(*) FROM sessions") == before + 1);
  // The same code again (the same time step) is refused: a code works once.
  BOOST_TEST(refusedAs(ProblemKind::kSecondFactorRequired, [&] { sessions.signIn(email, kPassword, {}, "", code); }));
  // The next step's code works (clocks drift by a step).
  sessions.signIn(email, kPassword, {}, "", codeAt(f, key.secret, 1));
  // A signed-in session is not cleared for payments until it steps up.
  BOOST_TEST(!sessionActor(sessions, in.token).payments_cleared);

  // Users without a second factor sign in with the password alone.
  givePassword(f, f.applicant_a.user_id);
  sessions.signIn(emailOf(f, f.applicant_a.user_id), kPassword, {});
}

BOOST_AUTO_TEST_CASE(wrong_codes_lock_the_email_like_wrong_passwords) {
  Fund f("factor_lockout");
  const auto m = manager(f, f.fm1);
  const auto& email = m.email;
  const auto& key = m.key;
  auth::SessionService sessions(f.ctx);
  const auto right = codeAt(f, key.secret);
  const auto wrong = right == "999999" ? std::string("999998") : std::string("999999");
  const auto audited = count(f, "SELECT COUNT(*) FROM audit_events WHERE event = 'second_factor_failed'");
  for (int i = 0; i < 5; ++i) {
    BOOST_TEST(refusedAs(ProblemKind::kSecondFactorRequired, [&] { sessions.signIn(email, kPassword, {}, "", wrong); }));
  }
  BOOST_TEST(count(f, "SELECT COUNT(*) FROM audit_events WHERE event = 'second_factor_failed'") == audited + 5);
  // Locked: even the right code is not tried.
  BOOST_TEST(refusedAs(ProblemKind::kTooManyRequests, [&] { sessions.signIn(email, kPassword, {}, "", right); }));
  f.clock.advance(15 * 60'000);
  sessions.signIn(email, kPassword, {}, "", codeAt(f, key.secret));
}

BOOST_AUTO_TEST_CASE(a_recovery_code_works_once) {
  Fund f("factor_recovery");
  const auto m = manager(f, f.fm1);
  const auto& email = m.email;
  const auto& key = m.key;
  auth::SessionService sessions(f.ctx);
  // Typed in capitals and without its hyphen, it is the same code.
  auto typed = key.recovery[3];
  typed.erase(5, 1);
  for (auto& c : typed) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  sessions.signIn(email, kPassword, {}, "", typed);
  BOOST_TEST(refusedAs(ProblemKind::kSecondFactorRequired, [&] { sessions.signIn(email, kPassword, {}, "", key.recovery[3]); }));
  BOOST_TEST(auth::SecondFactorService(f.ctx).status(f.fm1).recovery_codes_left == 9);
  // New codes replace the old ones.
  const auto renewed = auth::SecondFactorService(f.ctx).renewRecoveryCodes(f.fm1, key.recovery[0]);
  BOOST_TEST(auth::SecondFactorService(f.ctx).status(f.fm1).recovery_codes_left == 10);
  BOOST_TEST(refusedAs(ProblemKind::kSecondFactorRequired, [&] { sessions.signIn(email, kPassword, {}, "", key.recovery[5]); }));
  sessions.signIn(email, kPassword, {}, "", renewed[5]);
}

BOOST_AUTO_TEST_CASE(a_step_up_clears_a_session_for_five_minutes_to_the_millisecond) {
  Fund f("factor_step_up");
  const auto m = manager(f, f.fm2);
  const auto& email = m.email;
  const auto& key = m.key;
  auth::SessionService sessions(f.ctx);
  const auto in = sessions.signIn(email, kPassword, {}, "", codeAt(f, key.secret));
  f.clock.advance(kStepMs);

  auto actor = sessionActor(sessions, in.token);
  BOOST_TEST(!actor.payments_cleared);
  BOOST_TEST(!actor.via_token);

  BOOST_TEST(refusedAs(ProblemKind::kInvalid, [&] { sessions.stepUp(in.token, "12ab"); }));
  const auto at = f.clock.nowMs();
  const auto until = sessions.stepUp(in.token, codeAt(f, key.secret));
  BOOST_TEST(until == at + 5 * 60'000);
  BOOST_TEST(sessionActor(sessions, in.token).payments_cleared);
  BOOST_TEST(count(f, "SELECT COUNT(*) FROM audit_events WHERE event = 'step_up'") == 1);
  f.clock.set(at + 5 * 60'000);
  BOOST_TEST(sessionActor(sessions, in.token).payments_cleared);
  f.clock.set(at + 5 * 60'000 + 1);
  BOOST_TEST(!sessionActor(sessions, in.token).payments_cleared);
  // The same code cannot step up again.
  BOOST_TEST(refusedAs(ProblemKind::kInvalid, [&] { sessions.stepUp(in.token, codeAt(f, key.secret, -10)); }));
}

BOOST_AUTO_TEST_CASE(a_role_that_needs_a_factor_may_only_enrol_until_it_has_one) {
  Fund f("factor_must_enrol");
  givePassword(f, f.admin.user_id);
  givePassword(f, f.auditor.user_id);
  auth::SessionService sessions(f.ctx);
  const auto admin = sessions.signIn(emailOf(f, f.admin.user_id), kPassword, {});
  BOOST_TEST(sessions.bySession(admin.token).must_enrol);
  const auto auditor = sessions.signIn(emailOf(f, f.auditor.user_id), kPassword, {});
  BOOST_TEST(!sessions.bySession(auditor.token).must_enrol);
  enrol(f, f.admin);
  BOOST_TEST(!sessions.bySession(admin.token).must_enrol);
  // The policy is configuration: without roles that need one, nobody must enrol.
  givePassword(f, f.fm2.user_id);
  auth::SessionPolicy none;
  none.second_factor_roles = {};
  auth::SessionService relaxed(f.ctx, none);
  const auto fm2 = relaxed.signIn(emailOf(f, f.fm2.user_id), kPassword, {});
  BOOST_TEST(!relaxed.bySession(fm2.token).must_enrol);
  BOOST_TEST(sessions.bySession(fm2.token).must_enrol);
}

BOOST_AUTO_TEST_CASE(tokens_carry_scopes_and_only_a_stepped_up_fund_manager_grants_payments) {
  Fund f("factor_tokens");
  auth::SessionService sessions(f.ctx);
  auto fm = f.fm1;
  fm.payments_cleared = false;
  BOOST_TEST(refusedAs(ProblemKind::kStepUpRequired, [&] { sessions.createToken(fm, "pay", {"payments"}); }));
  BOOST_TEST(refusedAs(ProblemKind::kForbidden, [&] { sessions.createToken(f.applicant_a, "pay", {"payments"}); }));
  BOOST_TEST(refusedAs(ProblemKind::kInvalid, [&] { sessions.createToken(f.fm1, "x", {"admin"}); }));
  auto via_token = f.fm1;
  via_token.via_token = true;
  BOOST_TEST(refusedAs(ProblemKind::kForbidden, [&] { sessions.createToken(via_token, "pay", {"payments"}); }));

  const auto plain = sessions.createToken(f.fm1, "plain");
  BOOST_TEST(plain.record.scopes == "read write");
  const auto reader = sessions.createToken(f.fm1, "reader", {"read"});
  BOOST_TEST(reader.record.scopes == "read");
  const auto payer = sessions.createToken(f.fm1, "payer", {"read", "payments"});
  BOOST_TEST(payer.record.scopes == "read write payments");  // payments needs write

  const auto p = sessions.byBearer(payer.token);
  BOOST_TEST(p.actor.via_token);
  BOOST_TEST(p.actor.payments_cleared);
  const auto q = sessions.byBearer(plain.token);
  BOOST_TEST(q.actor.via_token);
  BOOST_TEST(!q.actor.payments_cleared);
}

BOOST_AUTO_TEST_CASE(passwords_need_twelve_characters_and_not_a_common_one) {
  BOOST_TEST(auth::commonPasswordCount() > 3000u);
  BOOST_TEST(auth::passwordProblem("elevenchars").has_value());
  BOOST_TEST(!auth::passwordProblem("twelve-chars").has_value());
  for (const char* common : {"password1234", "Password1234", "qwertyuiop123", "administrator",
                             "1q2w3e4r5t6y", "123456789012"}) {
    const auto why = auth::passwordProblem(common);
    BOOST_TEST_REQUIRE(why.has_value(), common);
    BOOST_TEST(why->key.name() == "password.common");
  }
  BOOST_TEST(auth::isCommonPassword("PASSWORD"));
  BOOST_TEST(!auth::isCommonPassword("citygrants-demo"));
}

BOOST_AUTO_TEST_SUITE_END()
