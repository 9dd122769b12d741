#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/db/database.h"
#include "services/stores/grant_store.h"
#include "services/stores/page.h"
#include "services/stores/visibility.h"

namespace citygrants::stores {

// Which grants a list shows: those the visibility covers, narrowed by a set of states and a
// call, in id order (oldest first), from a cursor on.
struct GrantQuery {
  Visibility visibility;
  std::vector<std::string> states;  // empty: any state
  std::optional<std::int64_t> call_id;
  std::optional<std::int64_t> after_id;  // the cursor: the last id of the previous page
  int limit = 50;
};

// One row of the list, with what the grant machine's guards read about its tranches and reports.
struct GrantListItem {
  Grant grant;
  bool tranches_settled = false;       // every tranche disbursed or cancelled
  bool final_report_accepted = false;  // a final report of the grant is accepted
};

using GrantPage = Page<GrantListItem>;

// One query for the page and one for the total. REQUIRES: 1 <= limit <= 200; at most 6 states.
GrantPage listGrants(db::Tx& tx, const GrantQuery& query);

// The visibility and the filters present of `query` over grants aliased `g`, as " WHERE ..." (or
// ""), their values exchanged into `st` by name; the cursor (g.id > after_id) only when
// `with_cursor`. Call once per statement. Exports of the list use it too.
std::string grantWhere(const GrantQuery& query, soci::statement& st, bool with_cursor);

}  // namespace citygrants::stores
