#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "modules/review/rubric.h"

namespace citygrants::records {

// One strategic partner organisation reviewing one version of a proposal.
struct Assignment {
  std::int64_t id = 0;
  std::int64_t proposal_id = 0;
  int version_number = 1;
  std::int64_t partner_org_id = 0;
  std::string state = "assigned";
  std::optional<std::int64_t> reviewer_id;  // who declared and scores
  std::optional<std::int64_t> declared_at;  // when the reviewer declared no conflict
  std::optional<std::string> reason;        // decline or reopen reason
  std::string comment;
  std::optional<std::int64_t> submitted_at;
  std::optional<std::int64_t> due_at;  // when the review is due (made + 21 days, clock::kReviewDueMs)
  std::int64_t created_by = 0;
  std::int64_t version = 1;
};

// A score with its comment, as stored.
struct StoredScore {
  review::Score score;
  std::string comment;
};

}  // namespace citygrants::records
