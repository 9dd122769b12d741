#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/proposals/validation.h"

namespace citygrants::records {

// A city's application to a call, from concept note to decision.
struct Proposal {
  std::int64_t id = 0;
  std::int64_t call_id = 0;
  std::int64_t city_org_id = 0;
  std::string reference;
  std::string state;
  int current_version = 1;
  std::optional<std::int64_t> supporting_org_id;
  std::optional<std::int64_t> award_minor;
  std::optional<std::int64_t> award_proposed_by;
  bool eligible_future = false;
  std::int64_t created_by = 0;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::int64_t version = 1;
};

// One version of a proposal's content; all but a draft's current version are frozen.
struct ProposalVersion {
  std::int64_t id = 0;
  std::int64_t proposal_id = 0;
  int number = 1;
  std::string stage = "full";  // concept | full
  bool frozen = false;
  std::optional<std::string> translation_en;
  std::int64_t created_by = 0;
  std::int64_t created_at = 0;
  proposals::ProposalContent content;
  std::vector<std::int64_t> budget_line_ids;  // parallel to content.budget
};

// A fund manager's decision on a proposal, kept beside the audit trail.
struct Decision {
  std::int64_t proposal_id = 0;
  std::string event;
  std::optional<std::int64_t> amount_minor;
  std::string rationale;
  std::int64_t decided_by = 0;
};

}  // namespace citygrants::records
