#pragma once

#include <cstdint>
#include <vector>

#include "modules/grants/amendment_terms.h"
#include "services/db/database.h"
#include "services/stores/grant_store.h"

namespace citygrants::usecases {

// The grant's end date as awarded: its creation plus its duration (as the schedule counts).
std::int64_t awardedEndOf(const stores::Grant& g);

// The grant's start, against which an end date is checked: its signature, else its award.
std::int64_t startOf(const stores::Grant& g);

// The grant's terms now, numbered as the next version would follow: its amount and end date, its
// budget lines (as the last version left them, else as the approved proposal had them) and its
// tranches as they stand, with the milestones and dates the last version planned.
records::GrantTerms liveTerms(db::Tx& tx, const stores::Grant& g);

// Writes version 1 of the grant's terms (as they stand) when the grant has none yet; the
// versions of the grant, oldest first.
std::vector<records::GrantTerms> ensureTermsVersions(db::Tx& tx, const stores::Grant& g,
                                                     std::int64_t now);

// What an amendment of `g` is checked against beside its terms: its start and the call's
// budget left.
grants::TermsContext termsContextOf(db::Tx& tx, const stores::Grant& g);

}  // namespace citygrants::usecases
