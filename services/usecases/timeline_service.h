#pragma once

#include <cstdint>
#include <vector>

#include "services/audit/audit_query.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// The history of one record as anyone who may see the record reads it: its audit events,
// oldest first, with those of the messages of its thread that the reader reads (entity "message",
// the body in the detail; a city reads the shared ones only). Unlike the audit chain (auditors and
// fund managers), a timeline is open to every reader of the record. Each event's actor is named
// as the reader may know them on that record (access::discloseTo: a city never learns which
// reviewer or which partner person acted).
class TimelineService {
 public:
  explicit TimelineService(Context ctx) : ctx_(ctx) {}

  // The proposal's own events (not its review assignments'). kNotFound when the actor may not
  // see the proposal. A partner reviewer who has not yet declared no conflict of interest (no
  // full access) reads the events without their details ("{}"), which may carry feedback.
  std::vector<audit::AuditRow> forProposal(const Actor& actor, std::int64_t proposal_id);

  // The grant's events with those of its tranches, reports and amendments, merged in sequence
  // order.
  // kNotFound when the actor may not see the grant.
  std::vector<audit::AuditRow> forGrant(const Actor& actor, std::int64_t grant_id);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
