#include "services/auth/user_admin_service.h"

#include "modules/access/access_rules.h"
#include "modules/access/account_rules.h"
#include "modules/core/problem.h"
#include "modules/core/text.h"
#include "services/audit/audit_log.h"
#include "services/auth/credential_guard.h"
#include "services/crypto/digest.h"

namespace citygrants::auth {
namespace {

using core::FieldError;
using core::Problem;
using stores::AccountAdminStore;
using stores::DirectoryStore;
using usecases::Detail;

std::optional<std::int64_t> idOf(const std::optional<usecases::Actor>& actor) {
  if (actor) return actor->user_id;
  return std::nullopt;
}

bool knownLanguage(const std::string& lang) {
  return lang == "en" || lang == "fr" || lang == "es" || lang == "pt";
}

std::string roleList(access::RoleSet roles) {
  std::string out;
  for (auto r : roles.roles()) out += (out.empty() ? "" : " ") + std::string(access::roleName(r));
  return out;
}

// The roles of `before` not in `after`, as a list.
access::RoleSet minus(access::RoleSet before, access::RoleSet after) {
  access::RoleSet out;
  for (auto r : before.roles()) {
    if (!after.has(r)) out.add(r);
  }
  return out;
}

// Throws the refusal an account change meets, naming the member it comes from.
void refuse(access::AccountRefusal why, const char* field) {
  using R = access::AccountRefusal;
  switch (why) {
    case R::kNone:
      return;
    case R::kOwnDeactivation:
      throw Problem(core::ProblemKind::kForbidden, "users.own_deactivation",
                    {{"active", "users.own_deactivation"}});
    case R::kOwnAdminRole:
      throw Problem(core::ProblemKind::kForbidden, "directory.own_admin_role",
                    {{"roles", "directory.own_admin_role"}});
    case R::kOwnLock:
      throw Problem::forbidden("users.own_lock");
    case R::kLastAdmin:
      throw Problem(core::ProblemKind::kConflict, "users.last_admin",
                    {{field, "users.last_admin"}});
  }
}

stores::User loadUser(db::Tx& tx, std::int64_t user_id) {
  auto user = DirectoryStore::findUser(tx, user_id);
  if (!user) throw Problem::notFound("user");
  return *user;
}

// The roles an edit sets, each checked against the user's organisation.
access::RoleSet editedRoles(const std::vector<access::Role>& roles, access::OrgKind kind) {
  std::vector<FieldError> errors;
  access::RoleSet out;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    if (!access::roleFits(roles[i], kind)) {
      errors.push_back(
          {"roles[" + std::to_string(i) + "]",
           {"directory.role_misfit",
            {core::MessageArg::term("role", "role.", access::roleName(roles[i])),
             core::MessageArg::term("kind", "org_kind.", access::orgKindName(kind))}}});
    }
    out.add(roles[i]);
  }
  if (!errors.empty()) throw Problem::invalid(errors);
  return out;
}

}  // namespace

void requireUserAdmin(const std::optional<usecases::Actor>& actor) {
  if (actor && !access::may(*actor, access::Action::kManageUsers)) {
    throw Problem::forbidden("forbidden.manage_users");
  }
}

std::pair<std::int64_t, std::int64_t> endCredentials(db::Tx& tx, std::int64_t user_id,
                                                     std::int64_t now) {
  const auto sessions = stores::SessionStore::deleteSessionsOf(tx, user_id);
  const auto tokens = AccountAdminStore::revokeTokensOf(tx, user_id, now);
  return {sessions, tokens};
}

AdminAccount loadAdminAccount(db::Tx& tx, const std::optional<usecases::Actor>& reader,
                              std::int64_t user_id, std::int64_t now, std::int64_t idle_ms) {
  AdminAccount out;
  out.user = loadUser(tx, user_id);
  out.organisation = *DirectoryStore::findOrganisation(tx, out.user.org_id);
  out.counts = AccountAdminStore::counts(tx, user_id, now, now - idle_ms);
  out.locked = out.user.locked_until > now;
  out.pending_reset = AccountAdminStore::pendingReset(tx, user_id, now);
  if (reader && out.pending_reset) {
    usecases::ActorNaming naming(*reader);
    naming.add(out.actors, "requested_by", out.pending_reset->requested_by, {});
    naming.resolve(tx);
  }
  return out;
}

AdminAccount UserAdminService::account(const usecases::Actor& actor, std::int64_t user_id) {
  requireUserAdmin(actor);
  auto tx = ctx_.db.read();
  auto out = loadAdminAccount(tx, actor, user_id, ctx_.clock.nowMs(), policy_.idle_ms);
  tx.commit();
  return out;
}

AdminAccount UserAdminService::update(const std::optional<usecases::Actor>& actor,
                                      std::int64_t user_id, std::int64_t expected_version,
                                      const AccountEdit& edit) {
  requireUserAdmin(actor);
  std::vector<FieldError> errors;
  if (edit.name) {
    const auto len = core::utf8Length(*edit.name);
    if (!len || core::isBlank(*edit.name) || *len > 200) {
      errors.push_back({"name", {"field.length", {{"min", 1}, {"max", 200}}}});
    }
  }
  if (edit.language && !knownLanguage(*edit.language))
    errors.push_back({"language", "field.language"});
  if (edit.roles && edit.roles->empty()) errors.push_back({"roles", "directory.roles_none"});
  if (!errors.empty()) throw Problem::invalid(errors);
  const auto now = ctx_.clock.nowMs();
  return usecases::runWrite(ctx_.db, [&](db::Tx& tx) {
    auto user = loadUser(tx, user_id);
    usecases::requireVersion(expected_version, user.version, "user");
    const auto org = *DirectoryStore::findOrganisation(tx, user.org_id);
    const auto roles = edit.roles ? editedRoles(*edit.roles, org.kind) : user.roles;
    access::AccountChange change;
    change.deactivates = user.active && edit.active && !*edit.active;
    change.drops_admin = user.roles.has(access::Role::kAdmin) && !roles.has(access::Role::kAdmin);
    const access::AccountFacts facts{idOf(actor), user_id,
                                     user.active && user.roles.has(access::Role::kAdmin),
                                     AccountAdminStore::activeAdminsExcept(tx, user_id)};
    refuse(access::accountChangeRefusal(facts, change), change.deactivates ? "active" : "roles");

    Detail detail;
    if (edit.name && *edit.name != user.name) detail.text("name", *edit.name);
    if (edit.language && *edit.language != user.language) detail.text("language", *edit.language);
    const auto added = minus(roles, user.roles);
    const auto removed = minus(user.roles, roles);
    if (!added.empty()) detail.text("roles_added", roleList(added));
    if (!removed.empty()) detail.text("roles_removed", roleList(removed));
    if (edit.active && *edit.active != user.active) detail.flag("active", *edit.active);
    user.name = edit.name.value_or(user.name);
    user.language = edit.language.value_or(user.language);
    user.active = edit.active.value_or(user.active);
    AccountAdminStore::updateAccount(tx, user);
    if (!added.empty() || !removed.empty()) {
      AccountAdminStore::replaceRoles(tx, user_id, roles, idOf(actor), now);
    }
    if (change.deactivates) {
      const auto [sessions, tokens] = endCredentials(tx, user_id, now);
      detail.number("sessions_ended", sessions).number("tokens_revoked", tokens);
    }
    audit::appendAudit(
        tx, {idOf(actor), "user", user_id, "update_account", "", "", detail.json(), now});
    auto out = loadAdminAccount(tx, actor, user_id, now, policy_.idle_ms);
    tx.commit();
    return out;
  });
}

AdminAccount UserAdminService::lock(const usecases::Actor& actor, std::int64_t user_id,
                                    const AccountLock& lock) {
  requireUserAdmin(actor);
  const auto now = ctx_.clock.nowMs();
  if (lock.until && *lock.until <= now) throw Problem::invalidField("until", "field.future");
  const auto reason_len = core::utf8Length(lock.reason);
  if (!reason_len || *reason_len > 500) {
    throw Problem::invalidField("reason", {"field.length", {{"min", 0}, {"max", 500}}});
  }
  return usecases::runWrite(ctx_.db, [&](db::Tx& tx) {
    const auto user = loadUser(tx, user_id);
    access::AccountChange change;
    change.locks = true;
    refuse(access::accountChangeRefusal({actor.user_id, user_id, false, 0}, change), "until");
    const auto until = lock.until.value_or(kLockedForever);
    DirectoryStore::setLockedUntil(tx, user_id, until);
    const auto [sessions, tokens] = endCredentials(tx, user_id, now);
    audit::appendAudit(tx, {actor.user_id, "user", user_id, "lock", "", "",
                            Detail()
                                .number("until", until)
                                .text("reason", lock.reason)
                                .number("sessions_ended", sessions)
                                .number("tokens_revoked", tokens)
                                .json(),
                            now});
    auto out = loadAdminAccount(tx, actor, user_id, now, policy_.idle_ms);
    tx.commit();
    return out;
  });
}

AdminAccount UserAdminService::unlock(const usecases::Actor& actor, std::int64_t user_id) {
  requireUserAdmin(actor);
  const auto now = ctx_.clock.nowMs();
  return usecases::runWrite(ctx_.db, [&](db::Tx& tx) {
    const auto user = loadUser(tx, user_id);
    const auto email_hash = crypto::sha256Hex(normalisedEmail(user.email));
    const auto attempts = stores::SessionStore::attempts(tx, email_hash);
    DirectoryStore::setLockedUntil(tx, user_id, 0);
    stores::SessionStore::clearAttempts(tx, email_hash);
    audit::appendAudit(tx, {actor.user_id, "user", user_id, "unlock", "", "",
                            Detail()
                                .flag("was_locked", user.locked_until > now)
                                .number("failed_sign_ins_cleared", attempts.failures)
                                .json(),
                            now});
    auto out = loadAdminAccount(tx, actor, user_id, now, policy_.idle_ms);
    tx.commit();
    return out;
  });
}

}  // namespace citygrants::auth
