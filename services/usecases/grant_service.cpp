#include "services/usecases/grant_service.h"

#include <algorithm>

#include <soci/soci.h>

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"
#include "modules/workflow/grant_flow.h"
#include "modules/workflow/tranche_flow.h"
#include "services/audit/audit_log.h"
#include "services/mail/notifications.h"

namespace citygrants::usecases {
namespace {

using core::Problem;

bool settled(const stores::Tranche& t) { return t.state == "disbursed" || t.state == "cancelled"; }

workflow::GrantFacts grantFacts(db::Tx& tx, const stores::Grant& g) {
  workflow::GrantFacts f;
  f.scope = grantScope(g);
  const auto tranches = stores::GrantStore::tranchesOf(tx, g.id);
  f.tranches_settled = std::all_of(tranches.begin(), tranches.end(), settled);
  const auto reports = stores::GrantStore::reportsOf(tx, g.id);
  f.final_report_accepted = std::any_of(reports.begin(), reports.end(), [](const auto& r) {
    return r.kind == "final" && r.state == "accepted";
  });
  return f;
}

// Cancels every tranche of the grant the tranche table still lets a fund manager cancel, each
// with its own audit row. REQUIRES: actor may terminate the grant (a fund manager).
void cancelOpenTranches(db::Tx& tx, const Actor& actor, const stores::Grant& g,
                        const std::string& reason, std::int64_t now) {
  workflow::TrancheFacts facts;
  facts.scope = grantScope(g);
  workflow::Input input;
  input.reason = "grant terminated: " + reason;
  for (auto t : stores::GrantStore::tranchesOf(tx, g.id)) {
    if (workflow::findRow(workflow::kTrancheFlow, t.state, "cancel") == nullptr) continue;
    const auto& row =
        workflow::fire(workflow::kTrancheFlow, t.state, "cancel", actor, facts, input);
    const std::string from = t.state;
    t.state = std::string(row.to);
    stores::GrantStore::updateTranche(tx, t, now);
    audit::appendAudit(tx, {actor.user_id, "tranche", t.id, "cancel", from, t.state,
                            Detail().text("reason", input.reason).json(), now});
  }
}

}  // namespace

access::Scope grantScope(const stores::Grant& grant) {
  return access::Scope{grant.city_org_id, {grant.supporting_org_id}};
}

stores::Grant loadVisibleGrant(db::Tx& tx, const Actor& actor, std::int64_t grant_id,
                               std::string_view entity) {
  auto g = stores::GrantStore::load(tx, grant_id);
  if (!g || !access::canSee(actor, grantScope(*g))) throw Problem::notFound(entity);
  return *g;
}

stores::Grant GrantService::fire(const Actor& actor, std::int64_t grant_id,
                                 const TransitionRequest& req) {
  const auto now = ctx_.clock.nowMs();
  auto tx = ctx_.db.write();
  auto g = loadVisibleGrant(tx, actor, grant_id);
  requireVersion(req.expected_version, g.version, "grant");
  const auto& row =
      workflow::fire(workflow::kGrantFlow, g.state, req.event, actor, grantFacts(tx, g), req.input);
  const std::string from = g.state;
  g.state = std::string(row.to);
  if (req.event == "sign") {
    g.signed_by = actor.user_id;
    g.signed_at = now;
  }
  stores::GrantStore::update(tx, g, now);
  audit::appendAudit(tx, {actor.user_id, "grant", g.id, req.event, from, g.state,
                          transitionDetail(req).json(), now});
  if (req.event == "terminate") {
    cancelOpenTranches(tx, actor, g, req.input.reason.value_or(""), now);
  }
  mail::mailGrantEvent(tx, req.event, g, now);
  auto out = *stores::GrantStore::load(tx, g.id);
  tx.commit();
  return out;
}

stores::Grant GrantService::get(const Actor& actor, std::int64_t grant_id) {
  auto tx = ctx_.db.read();
  auto g = loadVisibleGrant(tx, actor, grant_id);
  tx.commit();
  return g;
}

std::vector<stores::Grant> GrantService::list(const Actor& actor) {
  auto tx = ctx_.db.read();
  std::vector<stores::Grant> out;
  for (auto id : stores::GrantStore::listIds(tx)) {
    auto g = stores::GrantStore::load(tx, id);
    if (g && access::canSee(actor, grantScope(*g))) out.push_back(*g);
  }
  tx.commit();
  return out;
}

std::vector<stores::Tranche> GrantService::tranches(const Actor& actor, std::int64_t grant_id) {
  auto tx = ctx_.db.read();
  loadVisibleGrant(tx, actor, grant_id);
  auto out = stores::GrantStore::tranchesOf(tx, grant_id);
  tx.commit();
  return out;
}

std::vector<stores::Report> GrantService::reports(const Actor& actor, std::int64_t grant_id) {
  auto tx = ctx_.db.read();
  loadVisibleGrant(tx, actor, grant_id);
  auto out = stores::GrantStore::reportsOf(tx, grant_id);
  tx.commit();
  return out;
}

std::vector<std::string> GrantService::actions(const Actor& actor, const stores::Grant& grant) {
  auto tx = ctx_.db.read();
  const auto facts = grantFacts(tx, grant);
  tx.commit();
  return toStrings(workflow::allowedEvents(workflow::kGrantFlow, grant.state, actor, facts));
}

}  // namespace citygrants::usecases
