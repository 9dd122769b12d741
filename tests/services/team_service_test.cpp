#include "services/usecases/team_service.h"

#include <functional>
#include <string>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "services/auth/invitation_service.h"
#include "services/auth/session_service.h"
#include "services/crypto/digest.h"
#include "services/stores/directory_store.h"
#include "services/stores/session_store.h"
#include "tests/mail/outbox_rows.h"
#include "tests/services/fixture.h"

// Teams on the server's clock, on SQLite and PostgreSQL: invite, accept, sign in; the link's
// exact lifetime; replay; withdrawal; removal; and every refusal leaving the database as it was.
using namespace citygrants;
using core::ProblemKind;
using testing::Fund;

namespace {

constexpr const char* kPassword = "correct-horse-battery-9";

// Fund A's city lead: applicant A with the org_lead flag, set as an admin would.
struct Teams {
  explicit Teams(const std::string& name) : f(name) {
    teams.setOrgLead(f.admin, f.applicant_a.user_id, true);
  }
  Fund f;
  usecases::TeamService teams{f.ctx};
  auth::InvitationService invitations{f.ctx, nullptr, auth::HashCost::kFast};

  stores::Invitation invite(const std::string& email, const std::string& role = "applicant") {
    return teams.invite(f.applicant_a, {email, role, std::nullopt, std::nullopt});
  }
  auth::AcceptedInvitation accept(const std::string& token) {
    return invitations.accept(token, "Grace Nansubuga", kPassword);
  }
};

// The token in the newest invitation mail's link.
std::string lastToken(Fund& f) {
  const auto mails = testing::mailRows(f.ctx.db);
  BOOST_REQUIRE(!mails.empty());
  const auto& body = mails.back().body;
  const std::string marker = "#/invitation/";
  const auto at = body.find(marker);
  BOOST_REQUIRE(at != std::string::npos);
  return body.substr(at + marker.size(), 64);
}

ProblemKind refusal(const std::function<void()>& call, std::string* field = nullptr) {
  try {
    call();
  } catch (const core::Problem& p) {
    if (field) *field = p.fields().empty() ? "" : p.fields().front().field;
    return p.kind();
  }
  BOOST_FAIL("not refused");
  return ProblemKind::kUnavailable;
}

std::int64_t count(Fund& f, const std::string& sql) {
  auto tx = f.ctx.db.read();
  std::int64_t n = 0;
  tx.sql() << sql, soci::into(n);
  tx.commit();
  return n;
}

// Everything a team use case may write, but the audit chain (compared on its own).
std::string fingerprint(Fund& f) {
  return std::to_string(count(f, "SELECT COUNT(*) FROM users")) + "/" +
         std::to_string(count(f, "SELECT COALESCE(SUM(version + active + org_lead), 0) FROM users")) +
         "/" + std::to_string(count(f, "SELECT COUNT(*) FROM role_grants")) + "/" +
         std::to_string(count(f, "SELECT COUNT(*) FROM team_invitations")) + "/" +
         std::to_string(count(f, "SELECT COUNT(*) FROM team_invitations WHERE accepted_at IS NOT NULL "
                                 "OR revoked_at IS NOT NULL")) + "/" +
         std::to_string(count(f, "SELECT COUNT(*) FROM outbox_mail")) + "/" +
         std::to_string(count(f, "SELECT COUNT(*) FROM sessions")) + "/" +
         std::to_string(count(f, "SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NULL"));
}

std::int64_t refusalsAudited(Fund& f) {
  return count(f, "SELECT COUNT(*) FROM audit_events WHERE event = 'team_refused'");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(team_service)

BOOST_AUTO_TEST_CASE(an_invitee_accepts_and_signs_in_with_the_role) {
  Teams t("team_invite_accept");
  const auto inv = t.invite("Finance@Kampala.test");
  BOOST_TEST(inv.email == "finance@kampala.test");
  BOOST_TEST(inv.expires_at == Fund::kStart + 7 * services::kDayMs);
  const auto mails = testing::mailRows(t.f.ctx.db);
  BOOST_TEST(mails.back().key == "team_invitation");
  BOOST_TEST(mails.back().to == "finance@kampala.test");
  BOOST_TEST(!mails.back().to_user);
  // The token is in the mail only: the database holds its hash.
  const auto token = lastToken(t.f);
  BOOST_TEST(count(t.f, "SELECT COUNT(*) FROM team_invitations WHERE token_hash = '" +
                            crypto::sha256Hex(token) + "'") == 1);

  const auto made = t.accept(token);
  BOOST_TEST(made.organisation == "Kampala");
  BOOST_TEST(made.user.org_id == t.f.city_a);
  BOOST_TEST(made.user.roles.has(access::Role::kApplicant));
  BOOST_TEST(!made.user.org_lead);
  auth::SessionService sessions(t.f.ctx);
  const auto signed_in = sessions.signIn("finance@kampala.test", kPassword, std::nullopt);
  BOOST_TEST(signed_in.user.id == made.user.id);
  // The lead sees the new colleague and no pending invitation.
  const auto team = t.teams.team(t.f.applicant_a);
  BOOST_TEST(team.members.size() == 2u);
  BOOST_TEST(team.invitations.empty());
}

BOOST_AUTO_TEST_CASE(the_mail_is_written_in_the_chosen_language_else_the_organisation_s) {
  Teams t("team_invite_language");
  t.teams.invite(t.f.applicant_a, {"deputy@kampala.test", "applicant", "fr", std::nullopt});
  BOOST_TEST(testing::mailRows(t.f.ctx.db).back().language == "fr");
  const auto token = lastToken(t.f);
  BOOST_TEST(t.accept(token).user.language == "fr");
  t.invite("clerk@kampala.test");
  BOOST_TEST(testing::mailRows(t.f.ctx.db).back().language == "en");  // Kampala's
}

BOOST_AUTO_TEST_CASE(a_link_works_until_seven_days_and_not_a_millisecond_after) {
  Teams t("team_invite_expiry");
  t.invite("late@kampala.test");
  const auto late = lastToken(t.f);
  t.invite("intime@kampala.test");
  const auto in_time = lastToken(t.f);
  t.f.clock.advance(7 * services::kDayMs - 1);
  t.accept(in_time);
  t.f.clock.advance(1);
  const auto before = fingerprint(t.f);
  BOOST_TEST((refusal([&] { t.accept(late); }) == ProblemKind::kNotFound));
  BOOST_TEST(fingerprint(t.f) == before);
  BOOST_TEST(t.teams.team(t.f.applicant_a).invitations.empty());  // expired is not pending
}

BOOST_AUTO_TEST_CASE(a_used_revoked_or_unknown_token_gets_the_same_answer) {
  Teams t("team_invite_dead");
  t.invite("once@kampala.test");
  const auto used = lastToken(t.f);
  t.accept(used);
  const auto inv = t.invite("withdrawn@kampala.test");
  const auto revoked = lastToken(t.f);
  t.teams.revoke(t.f.applicant_a, inv.id);
  const auto before = fingerprint(t.f);
  const auto head = testing::auditHead(t.f.ctx.db);
  std::string answers;
  for (const auto& token : {used, revoked, std::string(64, 'a')}) {
    try {
      t.accept(token);
      BOOST_FAIL("accepted");
    } catch (const core::Problem& p) {
      BOOST_TEST((p.kind() == ProblemKind::kNotFound));
      answers += std::string(p.message().key.name()) + "|";
    }
  }
  BOOST_TEST(answers == "team.invitation_dead|team.invitation_dead|team.invitation_dead|");
  BOOST_TEST(fingerprint(t.f) == before);
  BOOST_TEST(testing::auditHead(t.f.ctx.db) == head);
}

BOOST_AUTO_TEST_CASE(a_malformed_token_is_refused_naming_the_token) {
  Teams t("team_invite_malformed");
  const auto before = fingerprint(t.f);
  for (const auto& token : {std::string("abc"), std::string(64, 'G'), std::string(65, 'a'),
                            std::string(64, 'A')}) {
    std::string field;
    BOOST_TEST((refusal([&] { t.accept(token); }, &field) == ProblemKind::kInvalid));
    BOOST_TEST(field == "token");
  }
  BOOST_TEST(fingerprint(t.f) == before);
}

BOOST_AUTO_TEST_CASE(a_weak_password_or_no_name_is_refused_and_the_link_still_works) {
  Teams t("team_invite_password");
  t.invite("weak@kampala.test");
  const auto token = lastToken(t.f);
  const auto before = fingerprint(t.f);
  std::string field;
  BOOST_TEST((refusal([&] { t.invitations.accept(token, "Grace", "short"); }, &field) ==
              ProblemKind::kInvalid));
  BOOST_TEST(field == "password");
  BOOST_TEST((refusal([&] { t.invitations.accept(token, "  ", kPassword); }, &field) ==
              ProblemKind::kInvalid));
  BOOST_TEST(field == "name");
  BOOST_TEST(fingerprint(t.f) == before);
  t.accept(token);
}

BOOST_AUTO_TEST_CASE(revoking_withdraws_only_a_pending_invitation_of_one_s_own_organisation) {
  Teams t("team_revoke");
  const auto inv = t.invite("maybe@kampala.test");
  t.teams.setOrgLead(t.f.admin, t.f.applicant_b.user_id, true);
  const auto before = fingerprint(t.f);
  // Montevideo's lead does not see Kampala's invitation.
  BOOST_TEST((refusal([&] { t.teams.revoke(t.f.applicant_b, inv.id); }) == ProblemKind::kNotFound));
  BOOST_TEST(fingerprint(t.f) == before);
  t.teams.revoke(t.f.applicant_a, inv.id);
  BOOST_TEST(t.teams.team(t.f.applicant_a).invitations.empty());
  BOOST_TEST((refusal([&] { t.teams.revoke(t.f.applicant_a, inv.id); }) == ProblemKind::kNotFound));
}

BOOST_AUTO_TEST_CASE(removing_a_member_deactivates_them_ends_sessions_and_revokes_tokens) {
  Teams t("team_remove");
  t.invite("leaving@kampala.test");
  const auto made = t.accept(lastToken(t.f));
  auth::SessionService sessions(t.f.ctx);
  const auto signed_in = sessions.signIn("leaving@kampala.test", kPassword, std::nullopt);
  const auto actor = usecases::Actor{made.user.id, made.user.org_id, made.user.roles};
  const auto token = sessions.createToken(actor, "robot");
  t.teams.remove(t.f.applicant_a, made.user.id);
  BOOST_TEST(count(t.f, "SELECT COUNT(*) FROM sessions WHERE user_id = " +
                            std::to_string(made.user.id)) == 0);
  BOOST_TEST(count(t.f, "SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NULL AND user_id = " +
                            std::to_string(made.user.id)) == 0);
  BOOST_TEST((refusal([&] { sessions.bySession(signed_in.token); }) ==
              ProblemKind::kUnauthenticated));
  BOOST_TEST((refusal([&] { sessions.byBearer(token.token); }) == ProblemKind::kUnauthenticated));
  BOOST_TEST((refusal([&] { sessions.signIn("leaving@kampala.test", kPassword, std::nullopt); }) ==
              ProblemKind::kUnauthenticated));
  BOOST_TEST(t.teams.team(t.f.applicant_a).members.size() == 1u);
  // Removed once: a second removal finds nobody.
  BOOST_TEST((refusal([&] { t.teams.remove(t.f.applicant_a, made.user.id); }) ==
              ProblemKind::kNotFound));
}

BOOST_AUTO_TEST_CASE(each_refusal_changes_nothing_and_a_lead_s_overreach_is_audited) {
  Teams t("team_refusals");
  t.invite("pending@kampala.test");
  struct Case {
    const char* what;
    std::function<void()> call;
    ProblemKind kind;
    const char* field;
    bool audited;
  };
  auto& f = t.f;
  const Case cases[] = {
      {"not a lead", [&] { t.teams.invite(f.applicant_b, {"x@montevideo.test", "applicant", {}, {}}); },
       ProblemKind::kForbidden, "", false},
      {"another organisation", [&] { t.teams.invite(f.applicant_a, {"x@kampala.test", "applicant", {}, f.city_b}); },
       ProblemKind::kForbidden, "organisation_id", true},
      {"a city makes a fund manager", [&] { t.invite("boss@kampala.test", "fund_manager"); },
       ProblemKind::kInvalid, "role", true},
      {"a city makes a partner", [&] { t.invite("rev@kampala.test", "partner"); },
       ProblemKind::kInvalid, "role", true},
      {"no role", [&] { t.teams.invite(f.applicant_a, {"x@kampala.test", std::nullopt, {}, {}}); },
       ProblemKind::kInvalid, "role", false},
      {"unknown role", [&] { t.invite("x@kampala.test", "mayor"); }, ProblemKind::kInvalid, "role", false},
      {"bad email", [&] { t.invite("not-an-email"); }, ProblemKind::kInvalid, "email", false},
      {"bad language", [&] { t.teams.invite(f.applicant_a, {"x@kampala.test", "applicant", "de", {}}); },
       ProblemKind::kInvalid, "language", false},
      {"a colleague's email", [&] { t.invite("applicant@kampala.test"); }, ProblemKind::kConflict, "email", false},
      {"already invited", [&] { t.invite("pending@kampala.test"); }, ProblemKind::kConflict, "email", false},
      {"removing oneself", [&] { t.teams.remove(f.applicant_a, f.applicant_a.user_id); },
       ProblemKind::kForbidden, "id", true},
      {"removing another city's member", [&] { t.teams.remove(f.applicant_a, f.applicant_b.user_id); },
       ProblemKind::kNotFound, "", false},
      {"a non-lead removes", [&] { t.teams.remove(f.applicant_b, f.applicant_a.user_id); },
       ProblemKind::kForbidden, "", false},
      {"a non-lead lists", [&] { t.teams.team(f.fm1); }, ProblemKind::kForbidden, "", false},
      {"a non-admin sets the flag", [&] { t.teams.setOrgLead(f.applicant_a, f.applicant_b.user_id, true); },
       ProblemKind::kForbidden, "", false},
  };
  for (const auto& c : cases) {
    const auto before = fingerprint(f);
    const auto audited = refusalsAudited(f);
    const auto head = testing::auditHead(f.ctx.db);
    std::string field;
    BOOST_TEST((refusal(c.call, &field) == c.kind), c.what);
    BOOST_TEST(field == c.field, c.what);
    BOOST_TEST(fingerprint(f) == before, c.what);
    BOOST_TEST(refusalsAudited(f) == audited + (c.audited ? 1 : 0), c.what);
    BOOST_TEST(testing::auditHead(f.ctx.db) == head + (c.audited ? 1 : 0), c.what);
  }
}

BOOST_AUTO_TEST_CASE(an_email_of_another_organisation_is_invited_but_cannot_accept) {
  Teams t("team_other_email");
  // No oracle: the lead's answer is an ordinary invitation...
  t.invite("applicant@montevideo.test");
  const auto token = lastToken(t.f);
  const auto before = fingerprint(t.f);
  std::string field;
  // ...and only the holder of the mail learns the account exists.
  BOOST_TEST((refusal([&] { t.accept(token); }, &field) == ProblemKind::kConflict));
  BOOST_TEST(field == "email");
  BOOST_TEST(fingerprint(t.f) == before);
}

BOOST_AUTO_TEST_CASE(a_fund_lead_invites_fund_roles_and_a_partner_lead_partners) {
  Teams t("team_fund_partner");
  t.teams.setOrgLead(std::nullopt, t.f.admin.user_id, true);
  t.teams.setOrgLead(std::nullopt, t.f.reviewer_a.user_id, true);
  for (const char* role : {"fund_manager", "admin", "auditor"}) {
    t.teams.invite(t.f.admin, {std::string(role) + "@mmc.test", role, std::nullopt, std::nullopt});
    BOOST_TEST(t.accept(lastToken(t.f)).user.roles.has(*access::parseRole(role)));
  }
  t.teams.invite(t.f.reviewer_a, {"second@iom.test", "partner", std::nullopt, std::nullopt});
  BOOST_TEST(t.accept(lastToken(t.f)).user.org_id == t.f.partner_a);
  BOOST_TEST((refusal([&] {
                t.teams.invite(t.f.reviewer_a, {"x@iom.test", "applicant", std::nullopt, std::nullopt});
              }) == ProblemKind::kInvalid));
}

BOOST_AUTO_TEST_CASE(clearing_the_flag_ends_the_lead_s_powers) {
  Teams t("team_clear_lead");
  const auto user = t.teams.setOrgLead(t.f.admin, t.f.applicant_a.user_id, false);
  BOOST_TEST(!user.org_lead);
  BOOST_TEST((refusal([&] { t.invite("x@kampala.test"); }) == ProblemKind::kForbidden));
  BOOST_TEST(count(t.f, "SELECT COUNT(*) FROM audit_events WHERE event IN ('set_org_lead', "
                        "'clear_org_lead')") == 2);
}

BOOST_AUTO_TEST_SUITE_END()
