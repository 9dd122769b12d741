#pragma once

#include <cstdint>
#include <vector>

#include "modules/inbox/inbox.h"
#include "services/db/database.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// The threads waiting for `actor`'s answer, into `out`: for a fund manager every proposal and
// grant whose latest shared message the city wrote (message.from_city); for a city's applicant
// their city's records whose latest shared message the fund or a partner wrote
// (message.from_fund). Internal messages never count: they are no answer to the city and the
// city does not see them. Each waits since that message was written; "reply" is expected. One
// statement per role that has such items.
void addMessageItems(db::Tx& tx, const Actor& actor, std::vector<inbox::Item>& out);

}  // namespace citygrants::usecases
