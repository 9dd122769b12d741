#include "services/usecases/audit_service.h"

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"

namespace citygrants::usecases {

void AuditService::requireReader(const Actor& actor) const {
  if (!access::may(actor, access::Action::kReadAudit)) {
    throw core::Problem::forbidden("only auditors and fund managers read the audit chain");
  }
}

AuditService::Page AuditService::list(const Actor& actor, const std::optional<std::string>& entity,
                                      const std::optional<std::int64_t>& entity_id,
                                      const std::optional<std::int64_t>& before_seq, int limit) {
  requireReader(actor);
  auto tx = ctx_.db.read();
  Page out{audit::listAudit(tx, entity, entity_id, before_seq, limit), audit::countAudit(tx, entity, entity_id)};
  tx.commit();
  return out;
}

audit::Verification AuditService::verify(const Actor& actor) {
  requireReader(actor);
  return audit::verifyAudit(ctx_.db);
}

}  // namespace citygrants::usecases
