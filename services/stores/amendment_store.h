#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/records/amendment.h"
#include "services/db/database.h"

namespace citygrants::stores {

using records::Amendment;
using records::GrantTerms;

// Amendments of grants with their reallocations and re-plans, and the versions of a grant's
// terms. The one place their SQL is written.
class AmendmentStore {
 public:
  // Writes `a` with its budget lines and tranches; answers its id.
  static std::int64_t insert(db::Tx& tx, const Amendment& a, std::int64_t now);
  static std::optional<Amendment> load(db::Tx& tx, std::int64_t id);
  // The amendments of a grant, newest first.
  static std::vector<Amendment> ofGrant(db::Tx& tx, std::int64_t grant_id);
  // The ids of the amendments of a grant, oldest first (one statement).
  static std::vector<std::int64_t> idsOfGrant(db::Tx& tx, std::int64_t grant_id);
  // Writes the steps of `a` (state, who and when, the terms number).
  // REQUIRES a.version is the version read (else kStaleVersion).
  static void update(db::Tx& tx, const Amendment& a, std::int64_t now);

  // Every version of the grant's terms, oldest first (empty before its first amendment).
  static std::vector<GrantTerms> termsOf(db::Tx& tx, std::int64_t grant_id);
  static void insertTerms(db::Tx& tx, std::int64_t grant_id, const GrantTerms& t,
                          std::int64_t now);

  // The grant's end date as an extension set it (none: as awarded).
  static std::optional<std::int64_t> grantEndsAt(db::Tx& tx, std::int64_t grant_id);
  // Writes the grant's amount and end date. REQUIRES `version` is the grant's version read.
  static void updateGrantTerms(db::Tx& tx, std::int64_t grant_id, std::int64_t version,
                               std::int64_t amount_minor, std::int64_t ends_at, std::int64_t now);
  // Writes a tranche's amount and state. REQUIRES `version` is the tranche's version read.
  static void replanTranche(db::Tx& tx, std::int64_t tranche_id, std::int64_t version,
                            std::int64_t amount_minor, const std::string& state,
                            std::int64_t now);
  // Moves a report's due date. REQUIRES `version` is the report's version read.
  static void moveReportDue(db::Tx& tx, std::int64_t report_id, std::int64_t version,
                            std::int64_t due_at, std::int64_t now);
  // The call's reallocation share above which the supporting partner reviews (basis points).
  static int reallocationReviewBp(db::Tx& tx, std::int64_t call_id);
};

// The kinds an amendment's terms carry, in a fixed order: extension, amount, reallocation, replan.
std::vector<std::string> kindsOf(const records::AmendmentTerms& terms);
// The same, comma-separated (the amendments.kinds column, audit details).
std::string joinKinds(const records::AmendmentTerms& terms);

}  // namespace citygrants::stores
