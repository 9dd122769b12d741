#pragma once

#include <string>
#include <vector>

#include "services/stores/proposal_list.h"
#include "services/stores/proposal_store.h"

namespace citygrants::usecases {

// The change keys (db::ChangeFeed) a read is computed from, for the response cache, beyond what
// every answer depends on (calls, organisations, people's names and roles: global changes) and
// the clock (the cache's age limit). Each names what its read path loads; a read path that
// starts loading more must say so here, or its answers go stale.

// ProposalService::get: the proposal's family (its versions, reviews, grant) and, in a state
// whose transitions check the call's budget (proposalFacts), what the call has awarded.
std::vector<std::string> proposalViewKeys(const stores::Proposal& p);

// TrancheService::get: its grant's family (the grant, its tranches and reports: trancheFacts).
std::vector<std::string> trancheViewKeys(std::int64_t proposal_id);

// ProposalService::list: the proposals in the state it filters on (a change naming that state
// as its from or to, or a change that names no state), or every proposal without that filter;
// with a city filter, of that city only.
std::vector<std::string> proposalListKeys(const stores::ProposalQuery& q);

}  // namespace citygrants::usecases
