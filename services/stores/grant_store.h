#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/records/grant.h"
#include "services/db/database.h"

namespace citygrants::stores {

using records::Grant;
using records::Report;
using records::Spending;
using records::Tranche;

class GrantStore {
 public:
  static std::int64_t insert(db::Tx& tx, const Grant& g, std::int64_t now);
  static std::optional<Grant> load(db::Tx& tx, std::int64_t id);
  static std::optional<std::int64_t> idForProposal(db::Tx& tx, std::int64_t proposal_id);
  // REQUIRES g.version is the version read (else kStaleVersion).
  static void update(db::Tx& tx, const Grant& g, std::int64_t now);

  static std::int64_t insertTranche(db::Tx& tx, const Tranche& t, std::int64_t now);
  static std::optional<Tranche> loadTranche(db::Tx& tx, std::int64_t id);
  static std::vector<Tranche> tranchesOf(db::Tx& tx, std::int64_t grant_id);
  static std::optional<std::int64_t> trancheIdForKey(db::Tx& tx, const std::string& key);
  static void updateTranche(db::Tx& tx, const Tranche& t, std::int64_t now);

  static std::int64_t insertReport(db::Tx& tx, const Report& r, std::int64_t now);
  static std::optional<Report> loadReport(db::Tx& tx, std::int64_t id);
  static std::vector<Report> reportsOf(db::Tx& tx, std::int64_t grant_id);
  static void updateReport(db::Tx& tx, const Report& r, std::int64_t now);
  static std::vector<Spending> spendingOf(db::Tx& tx, std::int64_t report_id);
  static void replaceSpending(db::Tx& tx, std::int64_t report_id, const std::vector<Spending>& s);
};

}  // namespace citygrants::stores
