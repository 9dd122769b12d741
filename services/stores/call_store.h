#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/records/call.h"
#include "modules/review/rubric.h"
#include "services/db/database.h"

namespace citygrants::stores {

using records::Call;
using records::TranchePlanItem;
using records::CallIndicator;

class CallStore {
 public:
  // Inserts the call with its criteria, plan and translations; returns its id.
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
