#include "services/usecases/thread_record.h"

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"
#include "services/stores/directory_store.h"
#include "services/stores/proposal_store.h"
#include "services/stores/review_store.h"
#include "services/usecases/grant_service.h"
#include "services/usecases/proposal_facts.h"

namespace citygrants::usecases {
namespace {

std::string currentTitle(db::Tx& tx, const stores::Proposal& p) {
  const auto v = stores::ProposalStore::loadVersion(tx, p.id, p.current_version);
  return v ? v->content.title : std::string();
}

std::string organisationName(db::Tx& tx, std::int64_t org_id) {
  const auto org = stores::DirectoryStore::findOrganisation(tx, org_id);
  return org ? org->name : std::string();
}

}  // namespace

LoadedThreadRecord loadThreadRecord(db::Tx& tx, const Actor& actor,
                                    const stores::ThreadRecord& record, std::string_view entity) {
  LoadedThreadRecord out;
  if (record.kind == stores::ThreadRecord::Kind::kProposal) {
    const auto p = stores::ProposalStore::load(tx, record.id);
    const auto assignments =
        p ? stores::ReviewStore::forProposal(tx, record.id) : std::vector<stores::Assignment>{};
    if (!p || !access::canSee(actor, proposalScope(*p, assignments))) {
      throw core::Problem::notFound(entity);
    }
    out.scope = proposalScope(*p, assignments);
    out.sees_full = seesFullProposal(actor, *p, assignments);
    out.parties = {p->reference, currentTitle(tx, *p), organisationName(tx, p->city_org_id),
                   p->city_org_id, p->supporting_org_id.value_or(0)};
    return out;
  }
  const auto g = loadVisibleGrant(tx, actor, record.id, entity);
  out.scope = grantScope(g);
  const auto p = stores::ProposalStore::load(tx, g.proposal_id);
  out.parties = {g.reference, p ? currentTitle(tx, *p) : std::string(),
                 organisationName(tx, g.city_org_id), g.city_org_id, g.supporting_org_id};
  return out;
}

access::ThreadRights threadRightsOn(const Actor& actor, const LoadedThreadRecord& r) {
  return r.sees_full ? access::threadRights(actor, r.scope) : access::ThreadRights{};
}

}  // namespace citygrants::usecases
