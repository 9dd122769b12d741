#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/records/review.h"
#include "modules/review/rubric.h"
#include "services/db/database.h"

namespace citygrants::stores {

using records::Assignment;
using records::StoredScore;

class ReviewStore {
 public:
  // Inserts `a`, made at `now` and due clock::kReviewDueMs later; its id.
  static std::int64_t insert(db::Tx& tx, const Assignment& a, std::int64_t now);
  static std::optional<Assignment> load(db::Tx& tx, std::int64_t id);
  static std::vector<Assignment> forProposal(db::Tx& tx, std::int64_t proposal_id);
  // REQUIRES a.version is the version read (else kStaleVersion).
  static void update(db::Tx& tx, const Assignment& a, std::int64_t now);
  static std::vector<StoredScore> scores(db::Tx& tx, std::int64_t assignment_id);
  // Replaces all scores of the assignment.
  static void replaceScores(db::Tx& tx, std::int64_t assignment_id,
                            const std::vector<StoredScore>& scores);
};

}  // namespace citygrants::stores
