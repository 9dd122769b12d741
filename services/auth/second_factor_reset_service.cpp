#include "services/auth/second_factor_reset_service.h"

#include "modules/access/account_rules.h"
#include "modules/core/problem.h"
#include "modules/core/text.h"
#include "services/audit/audit_log.h"
#include "services/auth/user_admin_service.h"
#include "services/stores/directory_store.h"
#include "services/stores/session_store.h"

namespace citygrants::auth {
namespace {

using core::Problem;
using stores::AccountAdminStore;
using usecases::Detail;

void refuse(access::ResetRefusal why) {
  switch (why) {
    case access::ResetRefusal::kNone:
      return;
    case access::ResetRefusal::kOwnFactor:
      throw Problem::forbidden("users.own_second_factor");
    case access::ResetRefusal::kSameAdmin:
      throw Problem::forbidden("users.reset_same_admin");
  }
}

void requireUser(db::Tx& tx, std::int64_t user_id) {
  if (!stores::DirectoryStore::findUser(tx, user_id)) throw Problem::notFound("user");
}

stores::SecondFactorReset waiting(db::Tx& tx, std::int64_t user_id, std::int64_t now) {
  auto pending = AccountAdminStore::pendingReset(tx, user_id, now);
  if (!pending) throw Problem::notFound("second_factor_reset");
  return *pending;
}

}  // namespace

stores::SecondFactorReset SecondFactorResetService::request(const usecases::Actor& actor,
                                                            std::int64_t user_id,
                                                            const std::string& reason) {
  requireUserAdmin(actor);
  refuse(access::resetRequestRefusal(actor.user_id, user_id));
  const auto len = core::utf8Length(reason);
  if (!len || core::isBlank(reason) || *len > 500) {
    throw Problem::invalidField("reason", {"field.length", {{"min", 1}, {"max", 500}}});
  }
  const auto now = ctx_.clock.nowMs();
  return usecases::runWrite(ctx_.db, [&](db::Tx& tx) {
    requireUser(tx, user_id);
    if (!AccountAdminStore::hasSecondFactor(tx, user_id)) {
      throw Problem(core::ProblemKind::kConflict, "users.no_second_factor");
    }
    if (AccountAdminStore::pendingReset(tx, user_id, now)) {
      throw Problem(core::ProblemKind::kConflict, "users.reset_pending");
    }
    stores::SecondFactorReset r{0, user_id, actor.user_id, reason, now, now + ttl_ms_, {}, {}, {}};
    r.id = AccountAdminStore::insertReset(tx, r);
    audit::appendAudit(tx, {actor.user_id, "user", user_id, "request_second_factor_reset", "", "",
                            Detail()
                                .number("reset_id", r.id)
                                .text("reason", reason)
                                .number("expires_at", r.expires_at)
                                .json(),
                            now});
    tx.commit();
    return r;
  });
}

void SecondFactorResetService::confirm(const usecases::Actor& actor, std::int64_t user_id) {
  requireUserAdmin(actor);
  refuse(access::resetRequestRefusal(actor.user_id, user_id));
  const auto now = ctx_.clock.nowMs();
  ctx_.db.write([&](db::Tx& tx) {
    requireUser(tx, user_id);
    const auto pending = waiting(tx, user_id, now);
    refuse(access::resetConfirmRefusal(actor.user_id, user_id, pending.requested_by));
    AccountAdminStore::removeSecondFactor(tx, user_id);
    AccountAdminStore::confirmReset(tx, pending.id, actor.user_id, now);
    const auto ended = stores::SessionStore::deleteSessionsOf(tx, user_id);
    audit::appendAudit(tx, {actor.user_id, "user", user_id, "reset_second_factor", "", "",
                            Detail()
                                .number("reset_id", pending.id)
                                .number("requested_by", pending.requested_by)
                                .number("sessions_ended", ended)
                                .json(),
                            now});
    tx.commit();
  });
}

void SecondFactorResetService::cancel(const usecases::Actor& actor, std::int64_t user_id) {
  requireUserAdmin(actor);
  refuse(access::resetRequestRefusal(actor.user_id, user_id));
  const auto now = ctx_.clock.nowMs();
  ctx_.db.write([&](db::Tx& tx) {
    requireUser(tx, user_id);
    const auto pending = waiting(tx, user_id, now);
    AccountAdminStore::cancelReset(tx, pending.id, actor.user_id, now);
    audit::appendAudit(tx, {actor.user_id, "user", user_id, "cancel_second_factor_reset", "", "",
                            Detail().number("reset_id", pending.id).json(), now});
    tx.commit();
  });
}

}  // namespace citygrants::auth
