#include "services/usecases/results_service.h"

#include <algorithm>
#include <map>
#include <set>

#include "modules/core/problem.h"
#include "modules/results/allocation.h"
#include "services/stores/chapter_store.h"
#include "services/stores/grant_store.h"
#include "services/stores/indicator_store.h"
#include "services/stores/proposal_store.h"
#include "services/stores/results_facts.h"
#include "services/usecases/grant_service.h"

namespace citygrants::usecases {
namespace {

using core::Problem;

constexpr std::pair<GroupBy, std::string_view> kGroupings[] = {
    {GroupBy::kCall, "call"},   {GroupBy::kChapter, "chapter"}, {GroupBy::kDonor, "donor"},
    {GroupBy::kCity, "city"},   {GroupBy::kCountry, "country"}};

void addRow(std::map<std::string, std::map<int, results::Measure>>& into,
            const stores::ValueRow& r) {
  into[r.indicator][r.period].put(r.dimension, r.value, r.amount);
}

// The allocations of a grant that a chapter or donor filter keeps (all without a filter).
std::vector<stores::AllocationRow> kept(const std::vector<stores::AllocationRow>& of_grant,
                                        const ResultsQuery& q) {
  std::vector<stores::AllocationRow> out;
  for (const auto& a : of_grant) {
    if (q.chapter_id && a.chapter_id != *q.chapter_id) continue;
    if (q.donor_id && a.donor_org_id != *q.donor_id) continue;
    out.push_back(a);
  }
  return out;
}

// The groups a grant counts in, with weights, and their labels.
std::vector<std::pair<std::string, std::int64_t>> sharesOf(
    GroupBy by, const stores::GrantFacts& g, const std::vector<stores::AllocationRow>& allocations,
    std::map<std::string, std::string>& labels) {
  auto one = [&](std::string key, std::string label) {
    labels[key] = std::move(label);
    return std::vector<std::pair<std::string, std::int64_t>>{{std::move(key), 1}};
  };
  switch (by) {
    case GroupBy::kCall: return one(std::to_string(g.call_id), g.call_code);
    case GroupBy::kCity: return one(std::to_string(g.city_org_id), g.city_name);
    case GroupBy::kCountry: return one(g.country, g.country);
    case GroupBy::kChapter:
    case GroupBy::kDonor: break;
  }
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& a : allocations) {
    const bool chapter = by == GroupBy::kChapter;
    const std::string key = std::to_string(chapter ? a.chapter_id : a.donor_org_id);
    labels[key] = chapter ? a.chapter_name : a.donor_name;
    auto it = std::find_if(out.begin(), out.end(), [&](const auto& s) { return s.first == key; });
    if (it == out.end()) {
      out.push_back({key, a.amount_minor});
    } else {
      it->second += a.amount_minor;
    }
  }
  return out;
}

// Keeps only the filtered funders' share of every count and sum of `g` (pro rata, as money).
void scaleToShare(results::GrantResults& g, const std::vector<results::Indicator>& catalog,
                  std::int64_t share, std::int64_t award) {
  if (share >= award) return;
  const std::vector<std::int64_t> weights = {share, award - share};
  for (auto* values : {&g.targets, &g.actuals}) {
    for (auto& [code, periods] : *values) {
      auto it = std::find_if(catalog.begin(), catalog.end(), [&](const auto& i) { return i.code == code; });
      if (it == catalog.end()) continue;
      if (!results::isCount(it->unit) && it->unit != results::Unit::kCurrency) continue;
      for (auto& [period, m] : periods) m = results::attributeMeasure(m, weights)[0];
    }
  }
}

std::vector<results::Indicator> catalogFor(db::Tx& tx, const std::optional<std::string>& code) {
  auto catalog = stores::IndicatorStore::all(tx);
  if (!code) return catalog;
  std::erase_if(catalog, [&](const auto& i) { return i.code != *code; });
  if (catalog.empty()) {
    throw Problem::invalidField("indicator", {"results.indicator_unknown", {{"code", *code}}});
  }
  return catalog;
}

}  // namespace

std::string_view groupByName(GroupBy by) {
  for (const auto& [g, name] : kGroupings) if (g == by) return name;
  return "call";
}

std::optional<GroupBy> groupByNamed(std::string_view name) {
  for (const auto& [g, n] : kGroupings) if (n == name) return g;
  return std::nullopt;
}

ResultsRollUp rollUpIn(db::Tx& tx, const stores::Visibility& visibility, const ResultsQuery& q) {
  ResultsRollUp out;
  out.group_by = q.group_by;
  out.indicators = catalogFor(tx, q.indicator);
  std::map<std::int64_t, std::vector<stores::AllocationRow>> allocations;
  for (auto& a : stores::ChapterStore::allocationRows(tx)) allocations[a.grant_id].push_back(a);
  std::map<std::int64_t, results::GrantResults> grants;
  std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> shares;  // grant -> (kept, award)
  std::map<std::string, std::string> labels;
  const bool by_funder = q.chapter_id || q.donor_id;
  std::set<std::string> currencies;
  for (const auto& g : stores::ResultsFacts::grants(tx, visibility)) {
    if ((q.call_id && g.call_id != *q.call_id) || (q.city_org_id && g.city_org_id != *q.city_org_id) ||
        (q.country && g.country != *q.country)) {
      continue;
    }
    const auto funders = kept(allocations[g.grant_id], q);
    if (by_funder && funders.empty()) continue;
    std::int64_t share = 0;
    for (const auto& a : funders) share += a.amount_minor;
    shares[g.grant_id] = {by_funder ? share : g.amount_minor, g.amount_minor};
    currencies.insert(g.currency);
    grants[g.grant_id] = {g.grant_id, sharesOf(q.group_by, g, funders, labels), {}, {}};
  }
  for (const auto& r : stores::ResultsFacts::targets(tx, visibility)) {
    if (auto it = grants.find(r.grant_id); it != grants.end()) addRow(it->second.targets, r);
  }
  for (const auto& r : stores::ResultsFacts::actuals(tx, visibility, true)) {
    if (auto it = grants.find(r.grant_id); it != grants.end()) addRow(it->second.actuals, r);
  }
  std::vector<results::GrantResults> list;
  for (auto& [id, g] : grants) {
    scaleToShare(g, out.indicators, shares[id].first, shares[id].second);
    list.push_back(std::move(g));
  }
  const auto figures = results::rollUp(out.indicators, list, q.period);
  for (const auto& group : figures.groups) out.groups.push_back({group, labels[group.key]});
  out.total = figures.total;
  out.grants = static_cast<std::int64_t>(list.size());
  if (currencies.size() == 1) out.currency = *currencies.begin();
  return out;
}

ResultsRollUp ResultsService::rollUp(const Actor& actor, const ResultsQuery& query) {
  auto tx = ctx_.db.read();
  auto out = rollUpIn(tx, visibilityOf(actor), query);
  tx.commit();
  return out;
}

GrantResultsView ResultsService::ofGrant(const Actor& actor, std::int64_t grant_id) {
  auto tx = ctx_.db.read();
  const auto g = loadVisibleGrant(tx, actor, grant_id);
  auto out = grantResultsIn(tx, g);
  tx.commit();
  return out;
}

GrantResultsView grantResultsIn(db::Tx& tx, const stores::Grant& g) {
  GrantResultsView out;
  out.grant_id = g.id;
  out.currency = g.currency;
  out.periods = stores::IndicatorStore::periodsOfCall(tx, g.call_id);
  const auto proposal = stores::ProposalStore::load(tx, g.proposal_id);
  const auto version = stores::ProposalStore::loadVersion(tx, g.proposal_id, proposal->current_version);
  // period -> results of the accepted report, and of a submitted one
  std::map<int, std::vector<results::IndicatorResult>> accepted, pending;
  for (const auto& r : stores::GrantStore::reportsOf(tx, g.id)) {
    const auto period = results::periodOfReport(r.kind, out.periods);
    if (!period || (r.state != "accepted" && r.state != "submitted")) continue;
    (r.state == "accepted" ? accepted : pending)[*period] = stores::IndicatorStore::resultsOf(tx, r.id);
  }
  auto find = [](const std::vector<results::IndicatorResult>& list, const std::string& code)
      -> std::optional<results::Measure> {
    for (const auto& r : list) if (r.indicator == code) return r.actual;
    return std::nullopt;
  };
  for (const auto& chosen : stores::IndicatorStore::chosenForCall(tx, g.call_id)) {
    GrantIndicatorResults row{chosen.indicator, chosen.required, 0, {}, {}, {}};
    std::map<int, results::Measure> targets, actuals;
    for (const auto& plan : version->content.indicators) {
      if (plan.indicator != chosen.indicator.code) continue;
      row.baseline = plan.baseline;
      for (std::size_t p = 0; p < plan.targets.size(); ++p) targets[static_cast<int>(p) + 1] = plan.targets[p];
    }
    for (int p = 1; p <= out.periods; ++p) {
      GrantIndicatorResults::Period period{p, std::nullopt, find(accepted[p], chosen.indicator.code),
                                           find(pending[p], chosen.indicator.code)};
      if (targets.contains(p)) period.target = targets[p];
      if (period.actual) actuals[p] = *period.actual;
      row.periods.push_back(period);
    }
    row.target = results::acrossPeriods(chosen.indicator.aggregation, targets);
    row.actual = results::acrossPeriods(chosen.indicator.aggregation, actuals);
    out.indicators.push_back(std::move(row));
  }
  return out;
}

}  // namespace citygrants::usecases
