#include "services/seed/demo_results.h"

#include "modules/results/allocation.h"
#include "services/usecases/directory_service.h"
#include "services/usecases/funding_service.h"
#include "services/usecases/indicator_service.h"

namespace citygrants::seed {
namespace {

using Split = std::vector<std::pair<std::string, std::int64_t>>;  // value, weight

// `total` with each of `dimensions` split by its weights (results::attribute).
results::Measure measure(std::int64_t total, const std::vector<std::pair<std::string, Split>>& dimensions) {
  results::Measure m{total, {}};
  for (const auto& [dimension, split] : dimensions) {
    std::vector<std::int64_t> weights;
    for (const auto& s : split) weights.push_back(s.second);
    const auto parts = results::attribute(total, weights);
    for (std::size_t i = 0; i < split.size(); ++i) m.cells.push_back({dimension, split[i].first, parts[i]});
  }
  return m;
}

results::Measure scaled(const results::Measure& m, int percent) {
  results::Measure out{m.total * percent / 100, {}};
  std::string dimension;
  std::vector<std::int64_t> weights;
  std::vector<std::string> values;
  auto flush = [&] {
    if (weights.empty()) return;
    const auto parts = results::attribute(out.total, weights);
    for (std::size_t i = 0; i < parts.size(); ++i) out.cells.push_back({dimension, values[i], parts[i]});
    weights.clear();
    values.clear();
  };
  for (const auto& c : m.cells) {
    if (c.dimension != dimension) {
      flush();
      dimension = c.dimension;
    }
    weights.push_back(c.amount);  // a cell with no target gets no result
    values.push_back(c.value);
  }
  flush();
  return out;
}

struct DonorSeed {
  const char* name;
  const char* country;
  const char* code;
  const char* chapter;
  const char* theme;
  std::int64_t committed_minor;
};

constexpr DonorSeed kDonors[] = {
    {"Caring Cities Trust", "US", "CHILD-2026", "Children and caregivers",
     "Schooling, care and protection of migrant and displaced children", 150'000'000},
    {"Northbridge Foundation", "NL", "CLIMATE-2026", "Climate and displacement",
     "Cities receiving people displaced by climate change", 200'000'000},
    {"Municipal Futures Fund", "DE", "WORK-2026", "Livelihoods and inclusion",
     "Jobs, skills and access to municipal services", 200'000'000},
};

}  // namespace

DemoChapters addFunding(usecases::Context ctx, DemoPeople& people) {
  usecases::IndicatorService indicators(ctx);
  for (const auto& i : results::gcfIndicators()) indicators.add(std::nullopt, i);
  usecases::DirectoryService directory(ctx);
  usecases::FundingService funding(ctx);
  const auto& admin = people["admin@mmc.demo"];
  DemoChapters out;
  for (const auto& d : kDonors) {
    stores::Organisation org;
    org.name = d.name;
    org.kind = access::OrgKind::kDonor;
    org.country = d.country;
    org.region = "Global";
    const auto id = directory.addOrganisation(std::nullopt, org).id;
    people.org_ids[d.name] = id;
    stores::Chapter c;
    c.donor_org_id = id;
    c.code = d.code;
    c.name = d.chapter;
    c.theme = d.theme;
    c.currency = "USD";
    c.committed_minor = d.committed_minor;
    out.ids.push_back(funding.addChapter(admin, c).id);
  }
  return out;
}

std::vector<stores::CallIndicator> demoCallIndicators() {
  return {{"people_reached", true},       {"households_reached", false},
          {"services_delivered", false},  {"follow_on_funding", false},
          {"programme_institutionalised", false}, {"children_enrolled", false}};
}

std::vector<results::IndicatorPlan> demoPlans(std::int64_t beneficiaries, bool displaced) {
  const Split groups = displaced ? Split{{"migrant", 5}, {"refugee", 10}, {"internally_displaced", 60}, {"host_community", 25}}
                                 : Split{{"migrant", 40}, {"refugee", 40}, {"internally_displaced", 0}, {"host_community", 20}};
  const Split sex = {{"female", 52}, {"male", 46}, {"other_not_stated", 2}};
  const Split age = {{"age_0_17", 35}, {"age_18_59", 55}, {"age_60_plus", 10}};
  const Split reach = {{"direct", 70}, {"indirect", 30}};
  const std::int64_t first = beneficiaries * 2 / 5;
  const std::int64_t second = beneficiaries - first;
  auto people = [&](std::int64_t n) {
    return measure(n, {{"population_group", groups}, {"sex", sex}, {"age_band", age}, {"reach", reach}});
  };
  auto children = [&](std::int64_t n) {
    return measure(n, {{"population_group", groups}, {"sex", {{"female", 50}, {"male", 50}}}});
  };
  return {
      {"people_reached", 0, {people(first), people(second)}},
      {"households_reached", 0, {measure(first / 4, {{"population_group", groups}}),
                                 measure(second / 4, {{"population_group", groups}})}},
      {"services_delivered", 0, {{first * 3, {}}, {second * 3, {}}}},
      {"follow_on_funding", 0, {{5'000'000, {}}, {15'000'000, {}}}},  // USD 50,000 then 150,000
      {"programme_institutionalised", 0, {{0, {}}, {1, {}}}},
      {"children_enrolled", 0, {children(first / 5), children(second / 5)}},
  };
}

std::vector<results::IndicatorResult> demoResults(const std::vector<results::IndicatorPlan>& plans,
                                                  int period, int percent) {
  std::vector<results::IndicatorResult> out;
  for (const auto& p : plans) {
    if (p.targets.size() < static_cast<std::size_t>(period)) continue;
    const auto& target = p.targets[static_cast<std::size_t>(period) - 1];
    results::IndicatorResult r;
    r.indicator = p.indicator;
    r.actual = p.indicator == "programme_institutionalised" ? target : scaled(target, percent);
    r.comment = "Counted from the service centres' registration records.";
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace citygrants::seed
