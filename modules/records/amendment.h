#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// An amendment of a running grant, as the machine and the stores see it: plain data.
namespace citygrants::records {

// A budget line's new amount in a reallocation (the line of the grant's frozen proposal version).
struct LineChange {
  std::int64_t budget_line_id = 0;
  std::int64_t amount_minor = 0;
};

// A tranche's new plan in a re-plan: by its seq; an amount of 0 cancels the tranche on apply.
struct TranchePlan {
  int seq = 0;
  std::int64_t amount_minor = 0;
  std::string milestone;
  std::optional<std::int64_t> planned_at;  // epoch ms
};

// What an amendment changes; each kind is present or not, one or several in one amendment.
struct AmendmentTerms {
  std::optional<std::int64_t> ends_at;       // extension: the new end date (epoch ms)
  std::optional<std::int64_t> amount_minor;  // amount change: the new grant amount
  std::vector<LineChange> budget_lines;      // reallocation (empty: none)
  std::vector<TranchePlan> tranches;         // re-plan (empty: none)
};

// One tranche as a version of the grant's terms plans it (state: as it stood when written).
struct TermTranche {
  int seq = 0;
  std::int64_t amount_minor = 0;
  std::string milestone;
  std::optional<std::int64_t> planned_at;
  std::string state;
};

// One version of a grant's terms: number 1 as awarded, each applied amendment the next.
struct GrantTerms {
  int number = 1;
  std::optional<std::int64_t> amendment_id;  // none for the terms as awarded
  std::int64_t amount_minor = 0;
  std::int64_t ends_at = 0;
  std::vector<LineChange> budget_lines;  // every line of the grant with its amount
  std::vector<TermTranche> tranches;     // every tranche of the grant
  std::int64_t created_at = 0;
};

// One amendment: its terms, whose side proposed it, and who did each step.
struct Amendment {
  std::int64_t id = 0;
  std::int64_t grant_id = 0;
  std::string state = "draft";
  std::string reason;                 // why the change is asked
  bool proposed_by_city = true;       // requested by the city (else proposed by a fund manager)
  std::int64_t proposed_by = 0;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> requested_at;
  std::optional<std::int64_t> reviewed_by;
  std::optional<std::string> review_note;
  std::optional<std::int64_t> approved_by;
  std::optional<std::int64_t> approved_at;
  std::optional<std::int64_t> applied_by;
  std::optional<std::int64_t> applied_at;
  std::optional<int> terms_version;  // the grant_terms version apply wrote
  std::int64_t version = 1;
  AmendmentTerms terms;
};

}  // namespace citygrants::records
