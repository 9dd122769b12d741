#pragma once

#include <cstdint>

#include "services/db/database.h"
#include "services/stores/call_store.h"
#include "services/stores/grant_store.h"
#include "services/stores/proposal_store.h"

namespace citygrants::usecases {

// Creates the grant of an approved proposal in `tx`, with its report schedule (a progress report
// at mid-term when the plan waits for one; a financial and a final report at the end) and its
// tranches from the call's plan: the award split in integer minor units, the remainder on the
// last tranche, so the tranches add up to the award exactly.
// `sector_code` is the service's own DAC purpose code ("" for none).
// REQUIRES: proposal has a supporting partner; award > 0; call.plan is not empty; sector_code is
// "" or opendata::isDacSector.
stores::Grant createGrant(db::Tx& tx, const stores::Proposal& proposal, const stores::Call& call,
                          const stores::ProposalVersion& version, std::int64_t award,
                          const std::string& sector_code, std::int64_t actor_id, std::int64_t now);

inline constexpr std::int64_t kMonthMs = 30LL * 24 * 60 * 60 * 1000;

}  // namespace citygrants::usecases
