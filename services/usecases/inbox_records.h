#pragma once

#include <cstdint>
#include <vector>

#include "modules/inbox/inbox.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// Appends to `out` the items about records of the workflow machines that wait for `actor` at
// `now` (see inboxItems): proposals, review assignments, grants, tranches and reports, one
// statement per machine (two for proposals) whatever the number of records.
void addRecordItems(db::Tx& tx, const Actor& actor, std::int64_t now,
                    std::vector<inbox::Item>& out);

}  // namespace citygrants::usecases
