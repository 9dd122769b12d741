#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "services/db/database.h"
#include "services/stores/visibility.h"

namespace citygrants::stores {

// The report kinds of a grant's schedule.
inline constexpr std::string_view kReportKinds[] = {"progress", "financial", "final"};

// Which reports a list or an export covers: those of the grants the visibility covers (as the
// grant list sees them: a city its own, a partner those it supports), narrowed by a grant, a set
// of states, a set of kinds, a call and a city.
struct ReportQuery {
  Visibility visibility;
  std::optional<std::int64_t> grant_id;
  std::vector<std::string> states;  // empty: any state
  std::vector<std::string> kinds;   // empty: any kind
  std::optional<std::int64_t> call_id;
  std::optional<std::int64_t> city_org_id;
};

// The visibility and the filters present of `query` over reports aliased `r` of grants aliased
// `g` (joined on r.grant_id), as " WHERE ..." (or ""), their values exchanged into `st` by
// name. Call once per statement. REQUIRES: at most 3 states and 3 kinds.
std::string reportWhere(const ReportQuery& query, soci::statement& st);

}  // namespace citygrants::stores
