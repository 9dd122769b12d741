#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/results/allocation.h"
#include "services/db/database.h"

namespace citygrants::stores {

// A donor's funding chapter: money it committed to the fund for a theme.
struct Chapter {
  std::int64_t id = 0;
  std::int64_t donor_org_id = 0;
  std::string code;  // "CHILD-2026"
  std::string name;
  std::string theme;
  std::string currency = "USD";
  std::int64_t committed_minor = 0;
  std::int64_t version = 1;
};

// A chapter with what grants hold of it and what has been paid from it.
struct ChapterMoney {
  Chapter chapter;
  std::string donor_name;
  std::int64_t allocated_minor = 0;
  std::int64_t disbursed_minor = 0;  // attributed pro rata, see results::attribute
  std::int64_t grants = 0;
};

// One grant's allocation with its chapter and donor.
struct AllocationRow {
  std::int64_t grant_id = 0;
  std::int64_t chapter_id = 0;
  std::string chapter_name;
  std::int64_t donor_org_id = 0;
  std::string donor_name;
  std::int64_t amount_minor = 0;
};

// One disbursed tranche, for attributing money to chapters.
struct Disbursement {
  std::int64_t grant_id = 0;
  std::int64_t amount_minor = 0;
};

// Donors' chapters, the calls they fund, and the grants' allocations among them.
class ChapterStore {
 public:
  static std::int64_t insert(db::Tx& tx, const Chapter& chapter, std::int64_t now);
  // Name, theme and commitment; REQUIRES chapter.version is the version read.
  static void update(db::Tx& tx, const Chapter& chapter, std::int64_t now);
  static std::optional<Chapter> load(db::Tx& tx, std::int64_t id);
  static bool codeTaken(db::Tx& tx, const std::string& code);
  static std::vector<Chapter> all(db::Tx& tx);

  // The chapters funding a call, in its order, and the list replaced whole.
  static std::vector<std::int64_t> ofCall(db::Tx& tx, std::int64_t call_id);
  static void replaceForCall(db::Tx& tx, std::int64_t call_id, const std::vector<std::int64_t>& ids);
  // The call's chapters with their commitments and what grants other than `except_grant` hold.
  static std::vector<results::ChapterRoom> roomsForCall(db::Tx& tx, std::int64_t call_id,
                                                        std::int64_t except_grant);
  // Whether the chapter pays any grant of the call.
  static bool holdsGrantsOfCall(db::Tx& tx, std::int64_t chapter_id, std::int64_t call_id);
  // Σ allocations of a chapter.
  static std::int64_t allocatedOf(db::Tx& tx, std::int64_t chapter_id);

  // A grant's allocations in order, and replaced whole.
  static std::vector<results::Allocation> allocationsOf(db::Tx& tx, std::int64_t grant_id);
  static void replaceAllocations(db::Tx& tx, std::int64_t grant_id,
                                 const std::vector<results::Allocation>& allocations);

  // Every allocation (or only grant `grant_id`'s) with chapter and donor names, by grant then order.
  static std::vector<AllocationRow> allocationRows(db::Tx& tx,
                                                   std::optional<std::int64_t> grant_id = std::nullopt);
  // Every disbursed tranche (or only grant `grant_id`'s).
  static std::vector<Disbursement> disbursements(db::Tx& tx,
                                                 std::optional<std::int64_t> grant_id = std::nullopt);
};

}  // namespace citygrants::stores
