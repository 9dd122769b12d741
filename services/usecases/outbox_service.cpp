#include "services/usecases/outbox_service.h"

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"
#include "services/audit/audit_log.h"
#include "services/stores/outbox_store.h"

namespace citygrants::usecases {

stores::OutboxPage OutboxService::list(const Actor& actor, const stores::OutboxQuery& query) {
  if (!access::may(actor, access::Action::kReadOutbox)) {
    throw core::Problem::forbidden("forbidden.read_outbox");
  }
  std::vector<core::FieldError> errors;
  if (query.limit < 1 || query.limit > kMaxLimit) errors.push_back({"limit", {"field.whole_number_range", {{"min", 1}, {"max", kMaxLimit}}}});
  if (query.offset < 0 || query.offset > kMaxOffset) {
    errors.push_back({"offset", {"field.whole_number_range", {{"min", 0}, {"max", kMaxOffset}}}});
  }
  if (!errors.empty()) throw core::Problem::invalid(errors);
  auto tx = ctx_.db.read();
  auto page = stores::listOutbox(tx, query);
  tx.commit();
  return page;
}

namespace {

void requireManager(const Actor& actor) {
  if (!access::may(actor, access::Action::kManageOutbox)) {
    throw core::Problem::forbidden("forbidden.manage_outbox");
  }
}

// Runs `change` (the store's requeue or discard) on message `id` and audits it as `event`, in one
// transaction; `refusal` when the change does not apply to the message as it stands.
template <class Change>
stores::OutboxItem changeMail(Context& ctx, const Actor& actor, std::int64_t id,
                              const char* event, core::Message refusal, Change change) {
  requireManager(actor);
  const auto now = ctx.clock.nowMs();
  return runWrite(ctx.db, [&](db::Tx& tx) {
    const auto before = stores::findOutboxItem(tx, id);
    if (!before) throw core::Problem::notFound("outbox_mail");
    if (!change(tx, id, now)) throw core::Problem(core::ProblemKind::kConflict, refusal);
    const std::string detail =
        Detail()
            .text("template", before->template_key)
            .text("to_email", before->to_email)
            .text("from_status", std::string(stores::mailStatusName(before->status)))
            .json();
    audit::appendAudit(tx, {actor.user_id, "outbox_mail", id, event, "", "", detail, now});
    auto after = stores::findOutboxItem(tx, id);
    tx.commit();
    return std::move(*after);
  });
}

}  // namespace

stores::OutboxItem OutboxService::requeue(const Actor& actor, std::int64_t id) {
  return changeMail(ctx_, actor, id, "requeue", "mail.not_dead", stores::OutboxStore::requeue);
}

stores::OutboxItem OutboxService::discard(const Actor& actor, std::int64_t id) {
  return changeMail(ctx_, actor, id, "discard", "mail.not_discardable",
                    stores::OutboxStore::discard);
}

}  // namespace citygrants::usecases
