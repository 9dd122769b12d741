#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/review/rubric.h"
#include "services/db/database.h"

namespace citygrants::stores {

// One step of a call's tranche plan: a share of the award and what releases it.
struct TranchePlanItem {
  int seq = 0;
  int share_bp = 0;     // basis points of the award
  std::string trigger;  // signature | progress_report | final_report
};

// A funding round with its budget envelope, award range, criteria and tranche plan.
struct Call {
  std::int64_t id = 0;
  std::string code;  // "GCF-2026"
  std::string title;
  std::string description;
  std::string state = "draft";
  bool two_stage = true;  // concept note first
  std::string currency = "USD";
  std::int64_t budget_minor = 0;
  std::int64_t min_award_minor = 0;
  std::int64_t max_award_minor = 0;
  std::int64_t threshold_minor = 0;  // awards above need a second fund manager
  int max_duration_months = 24;
  std::optional<std::int64_t> opens_at;
  std::int64_t closes_at = 0;
  std::int64_t created_by = 0;
  std::int64_t version = 1;
  std::vector<review::Criterion> criteria;
  std::vector<TranchePlanItem> plan;
};

class CallStore {
 public:
  // Inserts the call with its criteria and plan; returns its id.
  static std::int64_t insert(db::Tx& tx, const Call& call, std::int64_t now);
  static std::optional<Call> load(db::Tx& tx, std::int64_t id);
  // The call's own row (terms, dates, state) without its criteria and plan, which stay empty:
  // for the use cases that read neither (two queries fewer on every proposal read and move).
  static std::optional<Call> loadTerms(db::Tx& tx, std::int64_t id);
  static std::vector<std::int64_t> listIds(db::Tx& tx);
  static bool codeTaken(db::Tx& tx, const std::string& code);
  // Writes state and opens_at; REQUIRES call.version is the version read (else kStaleVersion).
  static void update(db::Tx& tx, const Call& call, std::int64_t now);
  // Σ of the grants awarded in the call.
  static std::int64_t awardedTotal(db::Tx& tx, std::int64_t call_id);
};

}  // namespace citygrants::stores
