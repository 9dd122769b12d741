#pragma once

#include <cstdint>

#include "modules/records/amendment.h"
#include "modules/workflow/row.h"
#include "services/db/database.h"
#include "services/stores/grant_store.h"

namespace citygrants::mail {

// After an amendment step whose row names `notice` (a as written, g its grant after the step):
//   kAmendmentRequested -> every fund manager, and the supporting partner's partners when
//                          `partner_reviews` ("amendment_requested");
//   kAmendmentReviewed  -> every fund manager, with the partner's note ("amendment_reviewed");
//   kAmendmentDecided   -> the city's applicants: "amendment_approved" or, with the reason,
//                          "amendment_rejected" (by the amendment's state);
//   kAmendmentApplied   -> the city's applicants: the new amount and end ("amendment_applied").
// Any other notice writes nothing. `reason`: the reason given with the step, else the
// amendment's own. `ends_at`: the grant's end date after the step.
void mailAmendmentEvent(db::Tx& tx, workflow::Notice notice, const records::Amendment& a,
                        const stores::Grant& g, bool partner_reviews,
                        const std::optional<std::string>& reason, std::int64_t ends_at,
                        std::int64_t now);

}  // namespace citygrants::mail
