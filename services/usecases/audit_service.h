#pragma once

#include <optional>
#include <string>
#include <vector>

#include "modules/access/actor_disclosure.h"
#include "services/audit/audit_query.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// Throws Problem(kForbidden) unless `actor` may read the audit chain (auditors and fund managers).
void requireAuditReader(const Actor& actor);

// Refuses a filter that can match nothing for a reason the reader should be told: kInvalid naming
// `to` when it is not after `from`, naming `reference` when no record has that reference.
void checkAuditFilter(db::Tx& tx, const audit::AuditFilter& filter);

// Reading and verifying the audit chain (auditors and fund managers).
class AuditService {
 public:
  explicit AuditService(Context ctx) : ctx_(ctx) {}

  struct Page {
    std::vector<audit::AuditRow> rows;  // each with its actor as the reader may know them
    std::int64_t total = 0;             // every event matching the filter, on every page
  };
  // Events matching `filter`, newest first, before `before_seq`, read in one snapshot with their
  // total. REQUIRES: the actor may read the audit (else kForbidden); 1 <= limit <= 501.
  // checkAuditFilter's refusals.
  Page list(const Actor& actor, const audit::AuditFilter& filter,
            const std::optional<std::int64_t>& before_seq, int limit);

  // Every person who may appear in the chain, by organisation and name, as the reader may know
  // them: what the audit page's filter by person offers. REQUIRES: the actor may read the audit.
  std::vector<access::ActorView> people(const Actor& actor);

  audit::Verification verify(const Actor& actor);

 private:
  Context ctx_;
};

// Sets each row's `actor`: its person as `reader` may know them on a record of `parties`.
void discloseActors(const Actor& reader, const access::Parties& parties,
                    std::vector<audit::AuditRow>& rows);

}  // namespace citygrants::usecases
