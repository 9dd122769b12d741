#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/results/rollup.h"
#include "services/stores/grant_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// One indicator of one grant: what was promised and what was achieved, over all periods (by the
// indicator's aggregation) and period by period.
struct GrantIndicatorResults {
  results::Indicator indicator;
  bool required = false;
  std::int64_t baseline = 0;
  results::Measure target;  // over the periods
  results::Measure actual;  // over the periods, accepted (verified) reports only
  struct Period {
    int period = 0;
    std::optional<results::Measure> target;
    std::optional<results::Measure> actual;   // from the accepted report
    std::optional<results::Measure> pending;  // stated in a submitted report not yet accepted
  };
  std::vector<Period> periods;
};

struct GrantResultsView {
  std::int64_t grant_id = 0;
  std::string currency;  // of money indicators (the grant's)
  int periods = 1;
  std::vector<GrantIndicatorResults> indicators;  // in the call's order
};

// How a roll-up groups the grants.
enum class GroupBy { kCall, kChapter, kDonor, kCity, kCountry };
std::string_view groupByName(GroupBy by);
std::optional<GroupBy> groupByNamed(std::string_view name);

// GET /results: the grouping and the filters present.
struct ResultsQuery {
  GroupBy group_by = GroupBy::kCall;
  std::optional<std::int64_t> call_id;
  std::optional<std::int64_t> chapter_id;  // only that chapter's share of each grant
  std::optional<std::int64_t> donor_id;    // only that donor's share of each grant
  std::optional<std::int64_t> city_org_id;
  std::optional<std::string> country;
  std::optional<std::string> indicator;  // a code
  std::optional<int> period;
};

// A group of a roll-up with its name for people ("GCF-2026", "Kampala", "UG").
struct LabelledGroup {
  results::Group figures;
  std::string label;
};

struct ResultsRollUp {
  GroupBy group_by = GroupBy::kCall;
  std::vector<results::Indicator> indicators;  // the catalog entries the figures name
  std::vector<LabelledGroup> groups;
  results::Group total;
  std::int64_t grants = 0;  // grants counted
  // The currency of money indicators when every grant counted shares one; none when they mix
  // currencies (their money indicators' sums then add different currencies: show none of them).
  std::optional<std::string> currency;
};

// What grants achieved against their targets, per grant and rolled up.
class ResultsService {
 public:
  explicit ResultsService(Context ctx) : ctx_(ctx) {}

  // The grant's results framework with targets and actuals; kNotFound when the actor may not
  // see the grant.
  GrantResultsView ofGrant(const Actor& actor, std::int64_t grant_id);

  // Targets and actuals of the grants the actor may see, added up per group (results::rollUp):
  // fund managers and auditors the whole fund, applicants their city's grants, partners those
  // they support. kInvalid for an unknown indicator code (field "indicator").
  ResultsRollUp rollUp(const Actor& actor, const ResultsQuery& query);

 private:
  Context ctx_;
};

// A grant's results framework inside a caller's transaction (the open-data files reuse it).
// REQUIRES: g was loaded with its id, proposal, call and currency.
GrantResultsView grantResultsIn(db::Tx& tx, const stores::Grant& g);

// The roll-up itself inside a caller's transaction (the donors' summary reuses it).
ResultsRollUp rollUpIn(db::Tx& tx, const stores::Visibility& visibility, const ResultsQuery& query);

}  // namespace citygrants::usecases
