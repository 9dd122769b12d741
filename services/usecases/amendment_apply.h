#pragma once

#include <cstdint>
#include <vector>

#include "modules/access/role.h"
#include "modules/records/amendment.h"
#include "services/db/database.h"
#include "services/stores/grant_store.h"

namespace citygrants::usecases {

// Writes what an approved amendment changes, in the caller's transaction: the next version of
// the grant's terms, the grant's amount and end date (audited "grant amend"), each re-planned
// tranche (audited "tranche replan"; a tranche re-planned to 0 is cancelled), the due dates of
// the reports not yet submitted when the end date moves ("report move_due_date"), and the
// grant's chapter allocations when the amount changes. Answers the terms written.
// REQUIRES: the amendment's terms apply to the grant as it is (grants::termErrors is empty).
records::GrantTerms applyAmendment(db::Tx& tx, const access::Actor& actor,
                                   const records::Amendment& a, const stores::Grant& g,
                                   std::int64_t now);

// What follows when reports' due dates move: the clock's reminders already written for the old
// dates are forgotten, so the reports are reminded against their new ones.
void onDueDatesMoved(db::Tx& tx, const std::vector<std::int64_t>& report_ids);

}  // namespace citygrants::usecases
