#include "services/usecases/timeline_service.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"
#include "services/stores/amendment_store.h"
#include "services/stores/proposal_store.h"
#include "services/stores/review_store.h"
#include "services/usecases/audit_service.h"
#include "services/usecases/grant_service.h"
#include "services/usecases/message_service.h"
#include "services/usecases/proposal_facts.h"

namespace citygrants::usecases {
namespace {

constexpr int kPage = 500;  // audit rows read per query

// Every audit event of one record, newest first, read page by page.
void appendEventsOf(db::Tx& tx, const std::string& entity, std::int64_t entity_id,
                    std::vector<audit::AuditRow>& out) {
  std::optional<std::int64_t> before;
  for (;;) {
    auto rows = audit::listAudit(tx, {entity, entity_id, {}, {}}, before, kPage);
    if (rows.empty()) return;
    before = rows.back().seq;
    const bool more = static_cast<int>(rows.size()) == kPage;
    for (auto& r : rows) out.push_back(std::move(r));
    if (!more) return;
  }
}

void oldestFirst(std::vector<audit::AuditRow>& rows) {
  std::sort(rows.begin(), rows.end(),
            [](const audit::AuditRow& a, const audit::AuditRow& b) { return a.seq < b.seq; });
}

}  // namespace

std::vector<audit::AuditRow> TimelineService::forProposal(const Actor& actor,
                                                          std::int64_t proposal_id) {
  auto tx = ctx_.db.read();
  const auto p = stores::ProposalStore::load(tx, proposal_id);
  const auto assignments = p ? stores::ReviewStore::forProposal(tx, proposal_id)
                             : std::vector<stores::Assignment>{};
  if (!p || !access::canSee(actor, proposalScope(*p, assignments))) {
    throw core::Problem::notFound("proposal");
  }
  std::vector<audit::AuditRow> out;
  appendEventsOf(tx, "proposal", proposal_id, out);
  const bool full = seesFullProposal(actor, *p, assignments);
  for (auto& r : threadEventsFor(tx, actor, {stores::ThreadRecord::Kind::kProposal, proposal_id},
                                 proposalScope(*p, assignments), full)) {
    out.push_back(std::move(r));
  }
  tx.commit();
  if (!full) {
    for (auto& r : out) r.entry.detail = "{}";
  }
  discloseActors(actor, {p->city_org_id, p->supporting_org_id.value_or(0)}, out);
  oldestFirst(out);
  return out;
}

std::vector<audit::AuditRow> TimelineService::forGrant(const Actor& actor, std::int64_t grant_id) {
  auto tx = ctx_.db.read();
  const auto g = loadVisibleGrant(tx, actor, grant_id);  // kNotFound when not visible
  std::vector<audit::AuditRow> out;
  appendEventsOf(tx, "grant", grant_id, out);
  for (auto& r : threadEventsFor(tx, actor, {stores::ThreadRecord::Kind::kGrant, grant_id},
                                 grantScope(g), true)) {
    out.push_back(std::move(r));
  }
  for (const auto& t : stores::GrantStore::tranchesOf(tx, grant_id)) {
    appendEventsOf(tx, "tranche", t.id, out);
  }
  for (const auto& r : stores::GrantStore::reportsOf(tx, grant_id)) {
    appendEventsOf(tx, "report", r.id, out);
  }
  for (const auto id : stores::AmendmentStore::idsOfGrant(tx, grant_id)) {
    appendEventsOf(tx, "amendment", id, out);
  }
  tx.commit();
  discloseActors(actor, {g.city_org_id, g.supporting_org_id}, out);
  oldestFirst(out);
  return out;
}

}  // namespace citygrants::usecases
