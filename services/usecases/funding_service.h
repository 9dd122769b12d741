#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/results/allocation.h"
#include "services/stores/chapter_store.h"
#include "services/stores/directory_store.h"
#include "services/usecases/results_service.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// Money per currency: committed by chapters, allocated to grants, disbursed.
struct DonorTotals {
  std::string currency;
  std::int64_t committed_minor = 0;
  std::int64_t allocated_minor = 0;
  std::int64_t disbursed_minor = 0;
};

// A donor organisation with its chapters and what the reader's grants hold of them.
struct DonorView {
  stores::Organisation donor;
  std::vector<stores::ChapterMoney> chapters;
  std::vector<DonorTotals> totals;
};

// A donor's summary: its money and the results of the grants it pays, its share of each.
struct DonorSummary {
  DonorView donor;
  std::int64_t grants = 0;
  ResultsRollUp results;  // the donor's share, one group per chapter
};

// A grant's allocation among chapters, with names and what was paid from each.
struct GrantFunding {
  std::int64_t grant_id = 0;
  std::string currency;
  std::int64_t award_minor = 0;
  std::int64_t version = 1;  // the grant's
  struct Line {
    stores::AllocationRow allocation;
    std::int64_t disbursed_minor = 0;
  };
  std::vector<Line> lines;
  std::vector<std::string> actions;  // "allocate" when the reader may change it now
};

// Donors, their chapters, and whose money each grant is.
class FundingService {
 public:
  explicit FundingService(Context ctx) : ctx_(ctx) {}

  // Every donor with its chapters. Committed amounts are the fund's; allocated and disbursed
  // count only the grants the actor may see.
  std::vector<DonorView> donors(const Actor& actor);
  // kNotFound when there is no donor organisation `donor_id`.
  DonorSummary donorSummary(const Actor& actor, std::int64_t donor_id);

  // REQUIRES: actor may manage funding (admin, fund manager). kInvalid names each bad field:
  // donor_id (a donor organisation), code (unique, 3-32 capitals, digits, dashes), name, theme,
  // currency (ISO 4217), committed_minor (>= 0).
  stores::Chapter addChapter(const Actor& actor, stores::Chapter chapter);
  // Name, theme and commitment; a commitment below what grants hold is kConflict.
  stores::Chapter editChapter(const Actor& actor, std::int64_t chapter_id,
                              std::optional<std::int64_t> expected_version,
                              const stores::Chapter& edited);

  // kNotFound when the actor may not see the grant.
  GrantFunding ofGrant(const Actor& actor, std::int64_t grant_id);
  // Replaces a grant's allocations (results::validateAllocations: 422 naming each). REQUIRES: a
  // fund manager; nothing disbursed yet (else kConflict: disbursements were attributed).
  GrantFunding allocate(const Actor& actor, std::int64_t grant_id,
                        std::optional<std::int64_t> expected_version,
                        const std::vector<results::Allocation>& allocations);

 private:
  Context ctx_;
};

// Allocates a new grant's award among its call's chapters (results::fillAllocations), in the
// caller's transaction. Nothing when the call has no chapters; kInvalid on "amount_minor" when
// they have too little left.
void allocateNewGrant(db::Tx& tx, std::int64_t grant_id, std::int64_t call_id,
                      std::int64_t award_minor);

}  // namespace citygrants::usecases
