#include "services/usecases/stats_service.h"

#include <algorithm>

#include "modules/core/problem.h"
#include "modules/workflow/proposal_flow.h"
#include "services/stores/call_store.h"

namespace citygrants::usecases {
namespace {

// Every proposal state in the machine's order, with nothing counted yet.
PipelineInCurrency emptyPipeline(const std::string& currency) {
  PipelineInCurrency out{currency, {}};
  for (auto state : workflow::kProposalStates) out.states.push_back({std::string(state)});
  return out;
}

// The group of `currency` in `groups`, added (in code order) when missing.
template <class Group>
Group& groupOf(std::vector<Group>& groups, const std::string& currency, const Group& fresh) {
  auto it = std::lower_bound(groups.begin(), groups.end(), currency,
                             [](const Group& g, const std::string& c) { return g.currency < c; });
  if (it == groups.end() || it->currency != currency) it = groups.insert(it, fresh);
  return *it;
}

}  // namespace

std::vector<PipelineInCurrency> StatsService::pipeline(const Actor& actor,
                                                       std::optional<std::int64_t> call_id) {
  const auto visible = visibilityOf(actor);
  stores::ProposalQuery query;
  query.see_all = visible.see_all;
  query.own_city_org_id = visible.own_city_org_id;
  query.own_partner_org_id = visible.own_partner_org_id;
  query.call_id = call_id;
  auto tx = ctx_.db.read();
  std::string fallback = kDefaultCurrency;
  if (call_id) {
    auto call = stores::CallStore::load(tx, *call_id);
    if (!call) throw core::Problem::notFound("call");
    fallback = call->currency;
  }
  const auto rows = stores::pipelineTotals(tx, query);
  tx.commit();
  std::vector<PipelineInCurrency> out;
  for (const auto& row : rows) {
    auto& group = groupOf(out, row.currency, emptyPipeline(row.currency));
    for (auto& s : group.states) {
      if (s.state == row.state) s = {row.state, row.count, row.requested_minor, row.awarded_minor};
    }
  }
  if (out.empty()) out.push_back(emptyPipeline(fallback));
  return out;
}

std::vector<MoneyInCurrency> StatsService::money(const Actor& actor, stores::MoneyKey key) {
  auto tx = ctx_.db.read();
  const auto rows = stores::moneyTotals(tx, visibilityOf(actor), key);
  tx.commit();
  std::vector<MoneyInCurrency> out;
  for (const auto& row : rows) {  // by name: each group's items stay in that order
    groupOf(out, row.currency, MoneyInCurrency{row.currency, {}})
        .items.push_back({row.id, row.name, row.grants, row.planned_minor, row.disbursed_minor});
  }
  if (out.empty()) out.push_back({kDefaultCurrency, {}});
  return out;
}

}  // namespace citygrants::usecases
