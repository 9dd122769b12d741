#include "services/usecases/read_keys.h"

#include "modules/workflow/proposal_flow.h"
#include "services/db/change_feed.h"

namespace citygrants::usecases {

std::vector<std::string> proposalViewKeys(const stores::Proposal& p) {
  std::vector<std::string> keys{db::change_key::family(p.id)};
  if (workflow::guardedFrom(workflow::kProposalFlow, p.state, workflow::proposal_guards::kWithinBudget)) {
    keys.push_back(db::change_key::callAwards(p.call_id));
  }
  return keys;
}

std::vector<std::string> trancheViewKeys(std::int64_t proposal_id) {
  return {db::change_key::family(proposal_id)};
}

std::vector<std::string> proposalListKeys(const stores::ProposalQuery& q) {
  std::vector<std::string> keys;
  if (q.state) {
    keys = {db::change_key::proposalList(*q.state), db::change_key::kUnknownProposalState};
  } else {
    keys = {db::change_key::kAnyProposalList};
  }
  if (q.city_org_id) {
    for (auto& k : keys) k = db::change_key::inCity(k, *q.city_org_id);
  }
  return keys;
}

}  // namespace citygrants::usecases
