#include "services/usecases/team_service.h"

#include <regex>

#include "modules/access/access_rules.h"
#include "modules/access/team_rules.h"
#include "modules/core/problem.h"
#include "services/audit/audit_log.h"
#include "services/auth/credential_guard.h"
#include "services/crypto/digest.h"
#include "services/mail/team_mail.h"
#include "services/stores/session_store.h"

namespace citygrants::usecases {
namespace {

using access::TeamAction;
using access::TeamRefusal;
using core::Problem;
using core::ProblemKind;

bool knownLanguage(const std::string& lang) {
  return lang == "en" || lang == "fr" || lang == "es" || lang == "pt";
}

// The problem a refusal of the team rule answers, naming the field that was refused.
Problem refusalProblem(TeamRefusal why, const stores::Organisation& org,
                       const std::optional<access::Role>& role) {
  switch (why) {
    case TeamRefusal::kOtherOrganisation:
      return Problem(ProblemKind::kForbidden, "team.other_organisation",
                     {{"organisation_id", "team.other_organisation"}});
    case TeamRefusal::kRoleMisfit:
      if (!role) return Problem::invalidField("role", "team.role_required");
      return Problem::invalidField(
          "role", {"directory.role_misfit",
                   {core::MessageArg::term("role", "role.", access::roleName(*role)),
                    core::MessageArg::term("kind", "org_kind.", access::orgKindName(org.kind))}});
    case TeamRefusal::kSelf:
      return Problem(ProblemKind::kForbidden, "team.remove_self", {{"id", "team.remove_self"}});
    case TeamRefusal::kNotLead:
    case TeamRefusal::kNone: break;
  }
  return Problem::forbidden("team.not_lead");
}

std::string refusalName(TeamRefusal why) {
  switch (why) {
    case TeamRefusal::kNotLead: return "not_lead";
    case TeamRefusal::kOtherOrganisation: return "other_organisation";
    case TeamRefusal::kRoleMisfit: return "role_misfit";
    case TeamRefusal::kSelf: return "self";
    case TeamRefusal::kNone: break;
  }
  return "none";
}

// The lead as the team rule sees them, read in `tx` (the flag is the account's, not a cache's).
access::TeamLead leadOf(db::Tx& tx, const Actor& actor) {
  const auto user = stores::DirectoryStore::findUser(tx, actor.user_id);
  return {actor, user && user->active && user->org_lead};
}

// Checks the team rule in a read transaction of its own; on a lead's refusal records it in the
// audit chain (a security event: who tried what, on which organisation) and throws its problem.
// Nothing else is written. The use case checks the rule again in its write transaction.
void requireTeamRule(Context ctx, const Actor& actor, TeamAction action,
                     const access::TeamTarget& target, const stores::Organisation& org) {
  TeamRefusal why = TeamRefusal::kNone;
  {
    auto tx = ctx.db.read();
    why = access::teamRefusal(leadOf(tx, actor), action, target);
    tx.commit();
  }
  if (why == TeamRefusal::kNone) return;
  // Someone who leads no team is refused like any other 403 and nothing is written (auditors,
  // and everyone else, change nothing by being refused: the access matrix's rule); a lead who
  // reaches beyond their power is recorded.
  if (why == TeamRefusal::kNotLead) throw refusalProblem(why, org, target.role);
  const auto now = ctx.clock.nowMs();
  Detail detail;
  detail.text("action", std::string(access::teamActionName(action)))
      .text("reason", refusalName(why))
      .number("org_id", target.org_id);
  if (target.role) detail.text("role", std::string(access::roleName(*target.role)));
  ctx.db.write([&](db::Tx& tx) {
    audit::appendAudit(tx, {actor.user_id, "organisation", actor.org_id, "team_refused", "", "",
                            detail.json(), now});
    tx.commit();
  });
  throw refusalProblem(why, org, target.role);
}

// The same rule inside the use case's write transaction: a lead demoted since the check is
// refused (without a second audit event).
void recheckTeamRule(db::Tx& tx, const Actor& actor, TeamAction action,
                     const access::TeamTarget& target, const stores::Organisation& org) {
  const auto why = access::teamRefusal(leadOf(tx, actor), action, target);
  if (why != TeamRefusal::kNone) throw refusalProblem(why, org, target.role);
}

stores::Organisation organisationOf(Context ctx, std::int64_t org_id) {
  auto tx = ctx.db.read();
  auto org = stores::DirectoryStore::findOrganisation(tx, org_id);
  tx.commit();
  if (!org) throw Problem::notFound("organisation");
  return *org;
}

}  // namespace

stores::User TeamService::setOrgLead(const std::optional<Actor>& actor, std::int64_t user_id,
                                     bool org_lead) {
  if (actor && !access::may(*actor, access::Action::kManageUsers)) {
    throw Problem::forbidden("forbidden.manage_users");
  }
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    const auto user = stores::DirectoryStore::findUser(tx, user_id);
    if (!user) throw Problem::notFound("user");
    if (org_lead && !user->active) {
      throw Problem::invalidField("org_lead", "forbidden.account_deactivated");
    }
    if (user->org_lead != org_lead) {
      stores::TeamStore::setOrgLead(tx, user_id, org_lead);
      audit::appendAudit(tx, {actor ? std::optional(actor->user_id) : std::nullopt, "user",
                              user_id, org_lead ? "set_org_lead" : "clear_org_lead", "", "",
                              Detail().number("org_id", user->org_id).json(), now});
    }
    auto out = *stores::DirectoryStore::findUser(tx, user_id);
    tx.commit();
    return out;
  });
}

Team TeamService::team(const Actor& actor) {
  const auto now = ctx_.clock.nowMs();
  auto tx = ctx_.db.read();
  Team out;
  out.organisation = *stores::DirectoryStore::findOrganisation(tx, actor.org_id);
  const access::TeamTarget target{actor.org_id, out.organisation.kind, std::nullopt, 0};
  if (access::teamRefusal(leadOf(tx, actor), TeamAction::kListTeam, target) != TeamRefusal::kNone) {
    throw Problem::forbidden("team.not_lead");
  }
  for (auto& u : stores::DirectoryStore::usersOfOrganisation(tx, actor.org_id)) {
    if (u.active) out.members.push_back(std::move(u));
  }
  out.invitations = stores::TeamStore::pendingOf(tx, actor.org_id, now);
  out.roles = access::rolesForKind(out.organisation.kind);
  tx.commit();
  return out;
}

stores::Invitation TeamService::invite(const Actor& actor, const InvitationRequest& req) {
  std::string email = auth::normalisedEmail(req.email);
  static const std::regex kEmail(R"([a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+)");
  std::vector<core::FieldError> errors;
  if (email.size() > 254 || !std::regex_match(email, kEmail)) {
    errors.push_back({"email", "field.email"});
  }
  std::optional<access::Role> role;
  if (!req.role || req.role->empty()) {
    errors.push_back({"role", "team.role_required"});
  } else {
    role = access::parseRole(*req.role);
    if (!role) errors.push_back({"role", "directory.role_unknown"});
  }
  if (req.language && !knownLanguage(*req.language)) {
    errors.push_back({"language", "field.language"});
  }
  if (!errors.empty()) throw Problem::invalid(errors);

  const auto own = organisationOf(ctx_, actor.org_id);
  const access::TeamTarget target{req.organisation_id.value_or(actor.org_id), own.kind, role, 0};
  requireTeamRule(ctx_, actor, TeamAction::kInviteMember, target, own);

  const auto now = ctx_.clock.nowMs();
  const std::string token = crypto::randomHex(32);
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    recheckTeamRule(tx, actor, TeamAction::kInviteMember, target, own);
    const auto existing = stores::DirectoryStore::findUserByEmail(tx, email);
    if (existing && existing->org_id == own.id) {
      throw Problem(ProblemKind::kConflict, "team.already_member",
                    {{"email", "team.already_member"}});
    }
    if (stores::TeamStore::hasPending(tx, own.id, email, now)) {
      throw Problem(ProblemKind::kConflict, "team.already_invited",
                    {{"email", "team.already_invited"}});
    }
    stores::Invitation inv;
    inv.org_id = own.id;
    inv.email = email;
    inv.role = *role;
    inv.language = req.language.value_or(own.language);
    inv.token_hash = crypto::sha256Hex(token);
    inv.invited_by = actor.user_id;
    inv.created_at = now;
    inv.expires_at = now + policy_.ttl_ms;
    inv.id = stores::TeamStore::insertInvitation(tx, inv);
    const auto inviter = stores::DirectoryStore::findUser(tx, actor.user_id);
    mail::mailInvitation(tx, inv, token, inviter->name, own.name,
                         policy_.ttl_ms / (24LL * 60 * 60 * 1000), now);
    audit::appendAudit(tx, {actor.user_id, "organisation", own.id, "invite_member", "", "",
                            Detail()
                                .number("invitation_id", inv.id)
                                .text("role", std::string(access::roleName(inv.role)))
                                .text("language", inv.language)
                                .json(),
                            now});
    tx.commit();
    return inv;
  });
}

void TeamService::revoke(const Actor& actor, std::int64_t invitation_id) {
  const auto own = organisationOf(ctx_, actor.org_id);
  const access::TeamTarget target{actor.org_id, own.kind, std::nullopt, 0};
  requireTeamRule(ctx_, actor, TeamAction::kRevokeInvitation, target, own);
  const auto now = ctx_.clock.nowMs();
  ctx_.db.write([&](db::Tx& tx) {
    recheckTeamRule(tx, actor, TeamAction::kRevokeInvitation, target, own);
    const auto inv = stores::TeamStore::loadInvitation(tx, invitation_id);
    // Another organisation's invitation is not told apart from none.
    if (!inv || inv->org_id != own.id || !inv->pending(now) ||
        !stores::TeamStore::markRevoked(tx, inv->id, now)) {
      throw Problem::notFound("invitation");
    }
    audit::appendAudit(tx, {actor.user_id, "organisation", own.id, "revoke_invitation", "", "",
                            Detail().number("invitation_id", inv->id).json(), now});
    tx.commit();
  });
}

void TeamService::remove(const Actor& actor, std::int64_t user_id) {
  const auto own = organisationOf(ctx_, actor.org_id);
  const access::TeamTarget target{actor.org_id, own.kind, std::nullopt, user_id};
  requireTeamRule(ctx_, actor, TeamAction::kRemoveMember, target, own);
  const auto now = ctx_.clock.nowMs();
  ctx_.db.write([&](db::Tx& tx) {
    recheckTeamRule(tx, actor, TeamAction::kRemoveMember, target, own);
    const auto member = stores::DirectoryStore::findUser(tx, user_id);
    // A user of another organisation is not told apart from none (DESIGN §1).
    if (!member || member->org_id != own.id || !member->active) throw Problem::notFound("user");
    stores::TeamStore::deactivateUser(tx, member->id);
    const auto sessions = stores::SessionStore::deleteSessionsOf(tx, member->id);
    const auto tokens = stores::TeamStore::revokeTokensOf(tx, member->id, now);
    audit::appendAudit(tx, {actor.user_id, "user", member->id, "remove_member", "", "",
                            Detail()
                                .number("org_id", own.id)
                                .number("sessions_ended", sessions)
                                .number("tokens_revoked", tokens)
                                .json(),
                            now});
    tx.commit();
  });
}

}  // namespace citygrants::usecases
