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

// Which tranches a list shows: those of the grants the visibility covers, narrowed by a set of
// states and a grant, in id order (grant by grant, each in schedule order), from a cursor on.
struct TrancheQuery {
  Visibility visibility;
  std::vector<std::string> states;  // empty: any state
  std::optional<std::int64_t> grant_id;
  std::optional<std::int64_t> after_id;  // the cursor: the last id of the previous page
  int limit = 50;
  std::int64_t now = 0;  // epoch ms: a draft report due before it is overdue
};

// What a tranche list shows of the tranche's grant.
struct TrancheGrant {
  std::int64_t id = 0;
  std::string reference;
  std::string state;
  std::string currency;
  std::int64_t city_org_id = 0;
  std::string city_name;
  std::int64_t supporting_org_id = 0;
};

// One row of the list, with what the tranche machine's guards read about its surroundings.
struct TrancheListItem {
  Tranche tranche;
  TrancheGrant grant;
  std::optional<std::string> previous_state;  // the tranche before it in the schedule
  std::optional<std::string> report_state;    // the report it waits for, if any
  bool report_overdue = false;                // some report of the grant is a draft past due
};

using TranchePage = Page<TrancheListItem>;

// One query for the page (joined with its grant, city, previous tranche and milestone report)
// and one for the total. REQUIRES: 1 <= limit <= 200; at most 6 states.
TranchePage listTranches(db::Tx& tx, const TrancheQuery& query);

// The visibility and the filters present of `query` over tranches `t` of grants `g`, as
// " WHERE ..." (or ""), their values exchanged into `st` by name; the cursor (t.id > after_id)
// only when `with_cursor`. Call once per statement. Exports of the list use it too.
std::string trancheWhere(const TrancheQuery& query, soci::statement& st, bool with_cursor);

}  // namespace citygrants::stores
