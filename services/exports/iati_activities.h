#pragma once

#include <ostream>

#include "modules/opendata/open_grant.h"

namespace citygrants::exports {

// Writes `pub` as an IATI 2.03 activity file: one iati-activity per grant, in the element order
// of iati-activities-schema.xsd, with every code from the codelist mapping.xml names for its
// place (modules/opendata/iati_codes.h): identifier and reporting org, titles and descriptions
// in the proposal's languages, participating organisations (donors funding, the fund extending,
// the city implementing), status, planned and actual dates, recipient country, DAC sectors,
// default aid and finance types, budgets per year of the grant, a planned disbursement per
// tranche, the commitment at signature and a disbursement per paid tranche, and the results
// framework with baselines, targets and verified actuals per period and their breakdowns.
// REQUIRES: pub.iati_ref is an org-id identifier.
void writeIatiActivities(std::ostream& out, const opendata::Publication& pub);

}  // namespace citygrants::exports
