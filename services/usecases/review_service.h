#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/review/rubric.h"
#include "services/stores/assignment_list.h"
#include "services/stores/review_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// The reviews of one proposal side by side, as far as the actor may compare them.
struct ReviewSummary {
  struct Row {
    stores::Assignment assignment;
    std::optional<int> mean_milli;  // the weighted mean; nothing until every criterion is scored
    std::vector<stores::StoredScore> scores;
    Actors actors;  // reviewer_id, as the reader may know them
  };
  std::vector<Row> reviews;  // in assignment order
  review::Summary summary;   // over the submitted reviews among `reviews`
};

// One assignment of a list, with what it shows of its proposal and the events the reader may
// fire now.
// An assignment as a reader sees it, with the events they may fire now.
using AssignmentView = WithActions<stores::Assignment>;

struct AssignmentListEntry {
  stores::Assignment assignment;
  stores::ReviewedProposal proposal;
  std::vector<std::string> actions;
  Actors actors;  // reviewer_id and created_by, as the reader may know them
};

struct AssignmentList {
  std::vector<AssignmentListEntry> items;
  std::int64_t total = 0;  // all assignments matching, on every page
  bool more = false;       // another page follows the last item
};

// Partner reviews of proposals: assigning partner organisations, the reviewer's declaration,
// scoring against the call's weighted criteria, submitting and comparing reviews. Every view
// names the reviewer and who assigned the review as the reader may know them (a partner knows
// another partner's reviewer only by organisation; applicants never see reviews).
class ReviewService {
 public:
  explicit ReviewService(Context ctx) : ctx_(ctx) {}

  // Assigns a strategic partner organisation to review the proposal's current version.
  // REQUIRES: actor is a fund manager (else kForbidden). kNotFound for a proposal the actor
  // cannot see; kInvalidTransition unless it is in screening or in_review; kInvalid
  // (partner_org_id) unless the organisation is a partner; kConflict when that organisation
  // already holds a live (not cancelled or declined) assignment on the proposal.
  AssignmentView assign(const Actor& actor, std::int64_t proposal_id,
                            std::int64_t partner_org_id);

  // Fires accept | decline | submit | reopen | cancel. accept records the reviewer and the time
  // of their no-conflict declaration; decline and reopen record the reason; submit stamps the
  // time. kNotFound unless the actor is fund staff or a partner of the assigned organisation;
  // kConflict while the proposal is not in screening or in_review (reopen: not in_review).
  AssignmentView fire(const Actor& actor, std::int64_t assignment_id,
                          const TransitionRequest& req);

  // Saves the scores (all or some: a draft) and the overall comment of an assignment in
  // progress, replacing those saved before. REQUIRES: actor is a partner of the assigned
  // organisation. Every criterion must belong to the proposal's call and appear once, each value
  // 1..5 (field errors "scores[i].criterion_id", "scores[i].value"); the comment valid UTF-8 of
  // at most 20,000 characters.
  AssignmentView score(const Actor& actor, std::int64_t assignment_id,
                           std::optional<std::int64_t> expected_version,
                           const std::vector<stores::StoredScore>& scores,
                           const std::string& comment);

  // One assignment; kNotFound when the actor may not see it (applicants never do).
  AssignmentView get(const Actor& actor, std::int64_t assignment_id);

  // The assignments of a proposal the actor may see: fund staff all, a partner their
  // organisation's. kNotFound when the actor cannot see the proposal.
  std::vector<AssignmentView> forProposal(const Actor& actor, std::int64_t proposal_id);

  // A page of the assignments the actor may see, newest first (query.before_id: the last id of
  // the previous page): fund managers and auditors every one, a partner their organisation's,
  // anyone else none (an empty list, as the other lists answer). The query's visibility is set
  // here. REQUIRES: 1 <= query.limit <= 200.
  AssignmentList list(const Actor& actor, stores::AssignmentQuery query);

  // The saved scores of an assignment the actor may see (kNotFound otherwise).
  std::vector<stores::StoredScore> scores(const Actor& actor, std::int64_t assignment_id);

  // The events the actor may fire now on `assignment` (its proposal's state included).
  std::vector<std::string> actions(const Actor& actor, const stores::Assignment& assignment);

  // The proposal's reviews for comparison: fund managers and auditors see every submitted
  // review; a partner sees only their own organisation's until it has submitted, then every
  // submitted review as well. kNotFound for applicants and for a proposal the actor cannot see.
  ReviewSummary compare(const Actor& actor, std::int64_t proposal_id);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
