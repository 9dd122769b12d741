#include "services/seed/demo_amendment.h"

#include "services/usecases/amendment_service.h"
#include "services/usecases/grant_service.h"

namespace citygrants::seed {

void amendDemoGrant(usecases::Context ctx, services::ManualClock& clock, const DemoPeople& people,
                    std::int64_t proposal_id) {
  const auto& applicant = people["applicant@kampala.demo"];
  const auto& fm1 = people["fm1@mmc.demo"];
  const auto& fm2 = people["fm2@mmc.demo"];
  const auto grant = usecases::GrantService(ctx).ofProposal(fm1, proposal_id);
  usecases::AmendmentService amendments(ctx);
  const auto terms = amendments.terms(fm1, grant.id).versions.back();
  usecases::AmendmentDraft draft;
  draft.reason =
      "The second service centre opened two months late: the landlord delayed the works. We ask "
      "for three more months, at no cost, to serve the families on the waiting list.";
  draft.terms.ends_at = terms.ends_at + 90 * services::kDayMs;
  const auto& last = terms.tranches.back();
  draft.terms.tranches = {{last.seq, last.amount_minor, "Final report accepted",
                           *draft.terms.ends_at + 30 * services::kDayMs}};
  clock.advance(services::kDayMs);
  const auto a = amendments.create(applicant, grant.id, draft);
  clock.advance(60 * 60 * 1000);
  amendments.fire(applicant, a.id, {.event = "request"});
  clock.advance(services::kDayMs);
  amendments.fire(fm1, a.id, {.event = "approve"});
  clock.advance(60 * 60 * 1000);
  amendments.fire(fm2, a.id, {.event = "apply"});
}

}  // namespace citygrants::seed
