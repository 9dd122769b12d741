#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/db/database.h"
#include "services/stores/page.h"
#include "services/stores/review_store.h"

namespace citygrants::stores {

// Which review assignments a list shows: every one, or those of a partner organisation
// (-1: none), narrowed by state, newest first, from a keyset cursor on.
struct AssignmentQuery {
  bool see_all = false;
  std::int64_t own_partner_org_id = -1;
  std::optional<std::string> state;
  std::optional<std::int64_t> before_id;  // the cursor: the last id of the previous page
  int limit = 50;
};

// What an assignment list shows of the proposal under review: only what a reviewer may see
// before declaring no conflict of interest (its reference, title, city and amount requested).
struct ReviewedProposal {
  std::int64_t id = 0;
  std::string reference;
  std::string title;  // of the current version
  std::int64_t city_org_id = 0;
  std::string city_name;
  std::optional<std::int64_t> supporting_org_id;  // not shown: names people as the rules allow
  std::int64_t amount_minor = 0;  // requested, in the current version
  std::string currency;           // the call's
  std::string state;
};

// One row of the list, with the counts the review machine's all_scored guard reads.
struct AssignmentListItem {
  Assignment assignment;
  ReviewedProposal proposal;
  std::int64_t criteria = 0;         // criteria of the proposal's call
  std::int64_t scored_criteria = 0;  // of them, those the assignment has a score for
  std::int64_t scores = 0;           // scores of the assignment, on any criterion
};

using AssignmentPage = Page<AssignmentListItem>;

// One query for the page (joined with its proposal, version, city and call) and one for the
// total. REQUIRES: 1 <= limit <= 200.
AssignmentPage listAssignments(db::Tx& tx, const AssignmentQuery& query);

// The visibility and the filters present of `query` over assignments aliased `a`, as
// " WHERE ..." (or ""), their values exchanged into `st` by name; the cursor (a.id < before_id)
// only when `with_cursor`. Call once per statement. Exports of the list use it too.
std::string assignmentWhere(const AssignmentQuery& query, soci::statement& st, bool with_cursor);

}  // namespace citygrants::stores
