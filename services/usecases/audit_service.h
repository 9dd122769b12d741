#pragma once

#include <optional>
#include <string>
#include <vector>

#include "services/audit/audit_log.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// Reading and verifying the audit chain (auditors and fund managers).
class AuditService {
 public:
  explicit AuditService(Context ctx) : ctx_(ctx) {}

  struct Page {
    std::vector<audit::AuditRow> rows;
    std::int64_t total = 0;  // every event matching entity and entity_id, on every page
  };
  // Events newest first, optionally of one record, before `before_seq`, read in one snapshot
  // with their total. REQUIRES: the actor may read the audit (else kForbidden); 1 <= limit <= 501.
  Page list(const Actor& actor, const std::optional<std::string>& entity,
            const std::optional<std::int64_t>& entity_id, const std::optional<std::int64_t>& before_seq,
            int limit);
  audit::Verification verify(const Actor& actor);

 private:
  void requireReader(const Actor& actor) const;
  Context ctx_;
};

}  // namespace citygrants::usecases
