#pragma once

#include <ostream>

#include "modules/opendata/open_grant.h"

namespace citygrants::exports {

// Writes `pub` as a 360Giving 1.4 data package ({"version", "title", "grants": [...]}): one grant
// per awarded grant with the standard's required fields (id, title, description, currency,
// amountAwarded, awardDate, recipientOrganization, fundingOrganization) and the useful ones
// (amountAppliedFor, amountDisbursed, plannedDates, actualDates, beneficiaryLocation,
// grantProgramme, classifications, disbursementTransaction, dateModified). The fund is the first
// funding organisation, then each donor whose chapter pays part of the grant (department: the
// chapter). Amounts are numbers in major units; dates full ISO 8601 date-times in UTC.
// REQUIRES: pub.giving_prefix is a 360Giving prefix.
void writeGivingPackage(std::ostream& out, const opendata::Publication& pub);

}  // namespace citygrants::exports
