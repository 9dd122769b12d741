#pragma once

#include <cstdint>

#include "services/seed/demo_pipeline.h"
#include "services/usecases/use_case.h"

namespace citygrants::seed {

// Kampala's grant, extended: its city asks for three more months at no cost, with its last
// tranche planned for the new end; a fund manager approves and another applies it. The grant then
// has two versions of its terms to compare. REQUIRES: the grant is signed.
void amendDemoGrant(usecases::Context ctx, services::ManualClock& clock, const DemoPeople& people,
                    std::int64_t proposal_id);

}  // namespace citygrants::seed
