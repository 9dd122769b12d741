#include "services/auth/invitation_service.h"

#include <optional>

#include "modules/access/team_rules.h"
#include "modules/core/problem.h"
#include "modules/core/text.h"
#include "services/audit/audit_log.h"
#include "services/auth/credential_guard.h"
#include "services/crypto/digest.h"
#include "services/stores/team_store.h"

namespace citygrants::auth {
namespace {

using core::Problem;
using stores::Invitation;
using stores::TeamStore;

// One answer for every invitation that cannot be used: unknown, expired, used or withdrawn.
Problem deadInvitation() { return Problem(core::ProblemKind::kNotFound, "team.invitation_dead"); }

bool wellFormed(const std::string& token) {
  if (token.size() != 64) return false;
  for (char c : token) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool usable(const std::optional<Invitation>& inv, std::int64_t now) {
  return inv && inv->pending(now);
}

}  // namespace

AcceptedInvitation InvitationService::accept(const std::string& token, const std::string& name,
                                             const std::string& password,
                                             const std::string& client) {
  const auto now = ctx_.clock.nowMs();
  const CredentialGuard guard(limits_);
  guard.spendAttempt(client, now);
  if (!wellFormed(token)) throw Problem::invalidField("token", "team.token_malformed");
  const std::string token_hash = crypto::sha256Hex(token);
  {
    auto tx = ctx_.db.read();
    const bool ok = usable(TeamStore::findByTokenHash(tx, token_hash), now);
    tx.commit();
    if (!ok) {
      guard.chargeFailure(client, now);
      throw deadInvitation();
    }
  }
  std::vector<core::FieldError> errors;
  const auto name_len = core::utf8Length(name);
  if (!name_len || core::isBlank(name) || *name_len > 200) {
    errors.push_back({"name", {"field.length", {{"min", 1}, {"max", 200}}}});
  }
  if (auto why = passwordProblem(password)) errors.push_back({"password", *why});
  if (!errors.empty()) throw Problem::invalid(errors);
  const auto hash = guard.hash(password, cost_);  // slow: outside the transaction
  return usecases::runWrite(ctx_.db, [&](db::Tx& tx) {
    const auto inv = TeamStore::findByTokenHash(tx, token_hash);
    if (!usable(inv, now)) throw deadInvitation();  // used by a request that won the race
    const auto org = stores::DirectoryStore::findOrganisation(tx, inv->org_id);
    if (!org || !access::roleFits(inv->role, org->kind)) throw deadInvitation();
    if (stores::DirectoryStore::findUserByEmail(tx, inv->email)) {
      throw Problem(core::ProblemKind::kConflict, "team.email_taken",
                    {{"email", "team.email_taken"}});
    }
    stores::User user;
    user.org_id = inv->org_id;
    user.email = inv->email;
    user.name = name;
    user.language = inv->language;
    user.password_hash = hash;
    user.id = stores::DirectoryStore::insertUser(tx, user, now);
    stores::DirectoryStore::grantRole(tx, user.id, inv->role, inv->invited_by, now);
    if (!TeamStore::markAccepted(tx, inv->id, user.id, now)) throw deadInvitation();
    audit::appendAudit(tx, {user.id, "user", user.id, "accept_invitation", "", "",
                            usecases::Detail()
                                .number("invitation_id", inv->id)
                                .number("org_id", inv->org_id)
                                .number("invited_by", inv->invited_by)
                                .text("role", std::string(access::roleName(inv->role)))
                                .json(),
                            now});
    AcceptedInvitation out{*stores::DirectoryStore::findUser(tx, user.id), org->name};
    tx.commit();
    return out;
  });
}

}  // namespace citygrants::auth
