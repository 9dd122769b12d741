#pragma once

#include <cstdint>
#include <vector>

#include "modules/inbox/inbox.h"
#include "services/usecases/inbox_service.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// Appends to `out` the items about records of the workflow machines that wait for `actor` at
// `now` (see inboxView): proposals, review assignments, grants, tranches and reports, one
// statement per machine (up to four for proposals) whatever the number of records. Of the
// proposals, which a fund has by the ten thousand, only the `query.limit` most urgent of the
// query's kind become items; the others waiting are counted by kind into `uncounted`.
void addRecordItems(db::Tx& tx, const Actor& actor, std::int64_t now, const InboxQuery& query,
                    std::vector<inbox::Item>& out, inbox::Uncounted& uncounted);

}  // namespace citygrants::usecases
