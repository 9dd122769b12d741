#include "services/usecases/audit_service.h"

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"

namespace citygrants::usecases {

void requireAuditReader(const Actor& actor) {
  if (!access::may(actor, access::Action::kReadAudit)) {
    throw core::Problem::forbidden("forbidden.read_audit");
  }
}

AuditService::Page AuditService::list(const Actor& actor, const audit::AuditFilter& filter,
                                      const std::optional<std::int64_t>& before_seq, int limit) {
  requireAuditReader(actor);
  auto tx = ctx_.db.read();
  Page out{audit::listAudit(tx, filter, before_seq, limit), audit::countAudit(tx, filter)};
  tx.commit();
  return out;
}

audit::Verification AuditService::verify(const Actor& actor) {
  requireAuditReader(actor);
  return audit::verifyAudit(ctx_.db);
}

}  // namespace citygrants::usecases
