#include <boost/test/unit_test.hpp>

#include "services/auth/second_factor_reset_service.h"
#include "services/auth/user_admin_service.h"
#include "tests/services/user_admin_world.h"

// Four eyes on a second factor's reset (issue 17 part 4), on SQLite and on PostgreSQL: one admin
// requests, another confirms, neither is the user; the request dies after a day.
using namespace citygrants;
using core::ProblemKind;
using testing::Fund;

namespace {

constexpr std::int64_t kHour = 3'600'000;

std::int64_t factorRows(Fund& f, std::int64_t user_id) {
  return testing::count(f, "SELECT COUNT(*) FROM second_factors WHERE user_id = :u", user_id) +
         testing::count(f, "SELECT COUNT(*) FROM recovery_codes WHERE user_id = :u", user_id);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(second_factor_reset)

BOOST_AUTO_TEST_CASE(a_second_admin_confirms_and_the_factor_codes_and_sessions_are_gone) {
  Fund f("sfreset_confirm");
  const auto admin_b = f.addUser(f.fund_org, "admin2@test", access::Role::kAdmin);
  const auto who = f.fm1.user_id;
  testing::enrol(f, who);
  testing::addSession(f, who, "fm-browser");
  testing::addSession(f, f.fm2.user_id, "fm2-browser");
  BOOST_TEST(factorRows(f, who) == 3);
  auth::SecondFactorResetService resets(f.ctx);
  const auto head = testing::auditHead(f.ctx.db);
  const auto r = resets.request(f.admin, who, "Lost phone, confirmed by video call");
  BOOST_TEST(r.requested_by == f.admin.user_id);
  BOOST_TEST(r.expires_at == f.clock.nowMs() + 24 * kHour);
  // The requester cannot confirm their own request: nothing changes.
  BOOST_TEST(testing::refusedAs(ProblemKind::kForbidden, [&] { resets.confirm(f.admin, who); }));
  BOOST_TEST(factorRows(f, who) == 3);
  // The page shows the waiting request and names its requester.
  const auto page = auth::UserAdminService(f.ctx).account(admin_b, who);
  BOOST_REQUIRE(page.pending_reset.has_value());
  BOOST_TEST(page.pending_reset->reason == "Lost phone, confirmed by video call");
  BOOST_REQUIRE(page.actors.size() == 1u);
  BOOST_TEST(page.actors.front().field == "requested_by");
  BOOST_TEST(page.actors.front().view.name == "admin@test");

  resets.confirm(admin_b, who);
  BOOST_TEST(factorRows(f, who) == 0);
  BOOST_TEST(testing::count(f, "SELECT COUNT(*) FROM sessions WHERE user_id = :u", who) == 0);
  BOOST_TEST(testing::count(f, "SELECT COUNT(*) FROM sessions WHERE user_id = :u", f.fm2.user_id) ==
             1);
  BOOST_TEST(testing::auditHead(f.ctx.db) == head + 2);
  BOOST_TEST(testing::count(f, "SELECT COUNT(*) FROM second_factor_resets WHERE confirmed_by = :b",
                            admin_b.user_id) == 1);
  // Done once: nothing waits any more.
  BOOST_TEST(testing::refusedAs(ProblemKind::kNotFound, [&] { resets.confirm(admin_b, who); }));
  BOOST_TEST(!auth::UserAdminService(f.ctx).account(admin_b, who).pending_reset.has_value());
}

BOOST_AUTO_TEST_CASE(no_admin_requests_or_confirms_the_reset_of_their_own_factor) {
  Fund f("sfreset_own");
  const auto admin_b = f.addUser(f.fund_org, "admin2@test", access::Role::kAdmin);
  testing::enrol(f, f.admin.user_id);
  testing::enrol(f, admin_b.user_id);
  auth::SecondFactorResetService resets(f.ctx);
  const auto head = testing::auditHead(f.ctx.db);
  BOOST_TEST(testing::refusedAs(ProblemKind::kForbidden,
                                [&] { resets.request(f.admin, f.admin.user_id, "my phone"); }));
  BOOST_TEST(testing::auditHead(f.ctx.db) == head);
  // B's factor, requested by A: B may not confirm the reset of their own factor.
  resets.request(f.admin, admin_b.user_id, "B lost the phone");
  BOOST_TEST(testing::refusedAs(ProblemKind::kForbidden,
                                [&] { resets.confirm(admin_b, admin_b.user_id); }));
  BOOST_TEST(testing::refusedAs(ProblemKind::kForbidden,
                                [&] { resets.confirm(f.admin, admin_b.user_id); }));
  BOOST_TEST(factorRows(f, admin_b.user_id) == 3);
  // A third admin may.
  const auto admin_c = f.addUser(f.fund_org, "admin3@test", access::Role::kAdmin);
  resets.confirm(admin_c, admin_b.user_id);
  BOOST_TEST(factorRows(f, admin_b.user_id) == 0);
}

BOOST_AUTO_TEST_CASE(a_request_expires_after_a_day_and_may_then_be_made_again) {
  Fund f("sfreset_expiry");
  const auto admin_b = f.addUser(f.fund_org, "admin2@test", access::Role::kAdmin);
  const auto who = f.applicant_a.user_id;
  testing::enrol(f, who);
  auth::SecondFactorResetService resets(f.ctx);
  const auto start = f.clock.nowMs();
  resets.request(f.admin, who, "lost phone");
  BOOST_TEST(
      testing::refusedAs(ProblemKind::kConflict, [&] { resets.request(admin_b, who, "again"); }));
  f.clock.set(start + 24 * kHour);
  BOOST_TEST(testing::refusedAs(ProblemKind::kNotFound, [&] { resets.confirm(admin_b, who); }));
  BOOST_TEST(factorRows(f, who) == 3);
  resets.request(admin_b, who, "lost phone, asked again");
  resets.confirm(f.admin, who);
  BOOST_TEST(factorRows(f, who) == 0);
}

BOOST_AUTO_TEST_CASE(bad_requests_are_refused_and_change_nothing) {
  Fund f("sfreset_bad");
  const auto admin_b = f.addUser(f.fund_org, "admin2@test", access::Role::kAdmin);
  const auto who = f.fm2.user_id;
  auth::SecondFactorResetService resets(f.ctx);
  const auto head = testing::auditHead(f.ctx.db);
  BOOST_TEST(testing::refusedAs(ProblemKind::kConflict,
                                [&] { resets.request(f.admin, who, "no factor yet"); }));
  testing::enrol(f, who);
  BOOST_TEST(testing::refusedField([&] { resets.request(f.admin, who, " "); }) == "reason");
  BOOST_TEST(testing::refusedField([&] { resets.request(f.admin, who, std::string(501, 'x')); }) ==
             "reason");
  BOOST_TEST(testing::refusedAs(ProblemKind::kForbidden,
                                [&] { resets.request(f.fm1, who, "not an admin"); }));
  BOOST_TEST(testing::refusedAs(ProblemKind::kNotFound,
                                [&] { resets.request(f.admin, 99999, "nobody"); }));
  BOOST_TEST(testing::refusedAs(ProblemKind::kNotFound, [&] { resets.confirm(admin_b, who); }));
  BOOST_TEST(testing::auditHead(f.ctx.db) == head);
  // A withdrawn request cannot be confirmed.
  resets.request(f.admin, who, "lost phone");
  resets.cancel(admin_b, who);
  BOOST_TEST(testing::refusedAs(ProblemKind::kNotFound, [&] { resets.confirm(admin_b, who); }));
  BOOST_TEST(factorRows(f, who) == 3);
}

BOOST_AUTO_TEST_SUITE_END()
