#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/audit/audit_log.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// Throws Problem(kForbidden) unless `actor` may read the audit chain (auditors and fund managers).
void requireAuditReader(const Actor& actor);

// Reading and verifying the audit chain (auditors and fund managers).
class AuditService {
 public:
  explicit AuditService(Context ctx) : ctx_(ctx) {}

  struct Page {
    std::vector<audit::AuditRow> rows;
    std::int64_t total = 0;  // every event matching the filter, on every page
  };
  // Events matching `filter`, newest first, before `before_seq`, read in one snapshot with their
  // total. REQUIRES: the actor may read the audit (else kForbidden); 1 <= limit <= 501.
  Page list(const Actor& actor, const audit::AuditFilter& filter,
            const std::optional<std::int64_t>& before_seq, int limit);
  audit::Verification verify(const Actor& actor);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
