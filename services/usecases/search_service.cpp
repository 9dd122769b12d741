#include "services/usecases/search_service.h"

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"
#include "modules/search/search_terms.h"
#include "services/stores/proposal_store.h"
#include "services/stores/review_store.h"
#include "services/usecases/list_scope.h"
#include "services/usecases/proposal_facts.h"

namespace citygrants::usecases {
namespace {

using core::Problem;

// The proposals `actor` may see of which they see only the reference, title and city: decided
// by the rules every proposal read uses (proposalScope, seesFullProposal), over the proposals
// their organisation reviews, the only ones where the two can differ.
std::vector<std::int64_t> titleOnlyProposals(db::Tx& tx, const Actor& actor) {
  std::vector<std::int64_t> out;
  if (!actor.roles.has(access::Role::kPartner) || access::may(actor, access::Action::kReadAll)) {
    return out;
  }
  for (const auto id : stores::reviewedProposals(tx, actor.org_id)) {
    const auto p = stores::ProposalStore::load(tx, id);
    if (!p) continue;
    const auto assignments = stores::ReviewStore::forProposal(tx, id);
    if (access::canSee(actor, proposalScope(*p, assignments)) &&
        !seesFullProposal(actor, *p, assignments)) {
      out.push_back(id);
    }
  }
  return out;
}

}  // namespace

stores::SearchPage SearchService::search(const Actor& actor, const std::string& q, int limit,
                                         int offset) {
  std::vector<core::FieldError> errors;
  if (auto problem = search::queryProblem(q)) errors.push_back({"q", *problem});
  if (limit < 1 || limit > kMaxLimit) errors.push_back({"limit", "from 1 to 50"});
  if (offset < 0 || offset > kMaxOffset) errors.push_back({"offset", "from 0 to 10,000"});
  if (!errors.empty()) throw Problem::invalid(errors);

  stores::SearchQuery query;
  query.words = search::wordsOf(q);
  query.limit = limit;
  query.offset = offset;
  if (query.words.empty()) return {};  // only separators ("***", "\"\""): nothing to look for
  scopeQuery(actor, query.proposals);
  query.grants.visibility = visibilityOf(actor);
  auto tx = ctx_.db.read();
  query.title_only = titleOnlyProposals(tx, actor);
  auto page = stores::searchRecords(tx, query);
  tx.commit();
  return page;
}

}  // namespace citygrants::usecases
