#pragma once

#include <cstdint>
#include <vector>

#include "modules/results/framework.h"
#include "services/seed/demo_pipeline.h"

// The demo fund's results framework: the GCF-shaped catalog, three donors' chapters, and the
// targets and results of the demo proposals and grants.
namespace citygrants::seed {

// The ids of the demo chapters, in the order the 2026 call draws on them.
struct DemoChapters {
  std::vector<std::int64_t> ids;
};

// Adds the catalog (results::gcfIndicators), the donors and their chapters.
DemoChapters addFunding(usecases::Context ctx, DemoPeople& people);

// What the demo calls choose: people reached (required), households, services, follow-on
// funding, institutionalisation and children enrolled.
std::vector<stores::CallIndicator> demoCallIndicators();

// Targets over two periods for a programme that plans to reach `beneficiaries` people, mostly
// displaced people when `displaced`, else migrants and refugees.
std::vector<results::IndicatorPlan> demoPlans(std::int64_t beneficiaries, bool displaced);

// A report's results for `period`: each target of that period times `percent` / 100, with the
// breakdowns scaled alike (their cells still adding up to the total).
std::vector<results::IndicatorResult> demoResults(const std::vector<results::IndicatorPlan>& plans,
                                                  int period, int percent);

}  // namespace citygrants::seed
