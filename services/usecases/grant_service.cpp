#include "services/usecases/grant_service.h"

#include <algorithm>

#include <soci/soci.h>

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"
#include "modules/workflow/grant_flow.h"
#include "modules/workflow/tranche_flow.h"
#include "services/audit/audit_log.h"
#include "services/mail/notifications.h"
#include "services/usecases/transition.h"
#include "services/usecases/workflow_facts.h"

namespace citygrants::usecases {
namespace {

using core::Problem;

bool settled(const stores::Tranche& t) { return t.state == "disbursed" || t.state == "cancelled"; }

// The grant machine's facts of `g`: the one place they are derived, whether read one grant at a
// time or for a whole list.
workflow::GrantFacts factsFrom(const stores::Grant& g, bool tranches_settled,
                               bool final_report_accepted) {
  workflow::GrantFacts f;
  f.scope = grantScope(g);
  f.tranches_settled = tranches_settled;
  f.final_report_accepted = final_report_accepted;
  return f;
}

workflow::GrantFacts grantFacts(db::Tx& tx, const stores::Grant& g) {
  const auto tranches = stores::GrantStore::tranchesOf(tx, g.id);
  const auto reports = stores::GrantStore::reportsOf(tx, g.id);
  return factsFrom(g, std::all_of(tranches.begin(), tranches.end(), settled),
                   std::any_of(reports.begin(), reports.end(), [](const auto& r) {
                     return r.kind == "final" && r.state == "accepted";
                   }));
}

GrantView viewWith(const Actor& actor, const stores::Grant& g, const workflow::GrantFacts& facts) {
  return {g, toStrings(workflow::allowedEvents(workflow::kGrantFlow, g.state, actor, facts))};
}

// Cancels every tranche of the grant the tranche table still lets a fund manager cancel, each
// with its own audit row. REQUIRES: actor may terminate the grant (a fund manager).
void cancelOpenTranches(db::Tx& tx, const Actor& actor, const stores::Grant& g,
                        const std::string& reason, std::int64_t now) {
  using workflow::TrancheEvent;
  workflow::TrancheFacts facts;
  facts.scope = grantScope(g);
  workflow::Input input;
  input.reason = "grant terminated: " + reason;
  for (auto t : stores::GrantStore::tranchesOf(tx, g.id)) {
    if (workflow::findRow(workflow::kTrancheFlow, t.state, TrancheEvent::kCancel) == nullptr) {
      continue;
    }
    const auto& row =
        workflow::fire(workflow::kTrancheFlow, t.state, TrancheEvent::kCancel, actor, facts, input);
    const std::string from = t.state;
    workflow::take(row, t, t.state, actor, input, now);
    stores::GrantStore::updateTranche(tx, t, now);
    audit::appendAudit(
        tx, {actor.user_id, "tranche", t.id, std::string(workflow::nameOf(TrancheEvent::kCancel)),
             from, t.state, Detail().text("reason", input.reason).json(), now});
  }
}

// The grant machine for fireTransition (transition.h).
struct GrantFlow {
  using Types = workflow::GrantTypes;
  using View = GrantView;
  using Loaded = stores::Grant;
  using Row = workflow::Transition<Types>;
  static constexpr std::string_view kEntity = "grant";
  static const auto& machine() { return workflow::kGrantFlow; }

  Loaded load(db::Tx& tx, const Actor& actor, std::int64_t id) {
    return loadVisibleGrant(tx, actor, id);
  }
  stores::Grant& record(Loaded& g) { return g; }
  std::string& state(Loaded& g) { return g.state; }
  std::int64_t version(const Loaded& g) { return g.version; }
  workflow::GrantFacts facts(db::Tx& tx, const Loaded& g, const TransitionRequest&, std::int64_t) {
    return grantFacts(tx, g);
  }
  void save(db::Tx& tx, const Actor&, Loaded& g, const Row&, const TransitionRequest&,
            std::int64_t now) {
    stores::GrantStore::update(tx, g, now);
  }
  void after(db::Tx& tx, const Actor& actor, Loaded& g, const Row& row,
             const TransitionRequest& req, std::int64_t now) {
    if (row.has(workflow::kCancelsOpenTranches)) {
      cancelOpenTranches(tx, actor, g, req.input.reason.value_or(""), now);
    }
    mail::mailGrantEvent(tx, row.notice, g, now);
  }
  View view(db::Tx& tx, const Actor& actor, Loaded& g, std::int64_t) {
    return grantViewOf(tx, actor, *stores::GrantStore::load(tx, g.id));
  }
};

}  // namespace

workflow::GrantFacts grantFactsOf(const stores::Grant& g, bool tranches_settled,
                                  bool final_report_accepted) {
  return factsFrom(g, tranches_settled, final_report_accepted);
}

GrantView grantViewOf(db::Tx& tx, const Actor& actor, const stores::Grant& g) {
  auto out = viewWith(actor, g, grantFacts(tx, g));
  ActorNaming naming(actor);
  naming.add(out.actors, "signed_by", out.signed_by, grantParties(g));
  naming.resolve(tx);
  return out;
}

access::Scope grantScope(const stores::Grant& grant) {
  return access::Scope{grant.city_org_id, {grant.supporting_org_id}};
}

access::Parties grantParties(const stores::Grant& grant) {
  return access::Parties{grant.city_org_id, grant.supporting_org_id};
}

stores::Grant loadVisibleGrant(db::Tx& tx, const Actor& actor, std::int64_t grant_id,
                               std::string_view entity) {
  auto g = stores::GrantStore::load(tx, grant_id);
  if (!g || !access::canSee(actor, grantScope(*g))) throw Problem::notFound(entity);
  return *g;
}

GrantView GrantService::fire(const Actor& actor, std::int64_t grant_id,
                             const TransitionRequest& req) {
  GrantFlow flow;
  return runTransition(ctx_, flow, actor, grant_id, req);
}

GrantView GrantService::get(const Actor& actor, std::int64_t grant_id) {
  auto tx = ctx_.db.read();
  auto out = grantViewOf(tx, actor, loadVisibleGrant(tx, actor, grant_id));
  tx.commit();
  return out;
}

GrantList GrantService::list(const Actor& actor, stores::GrantQuery query) {
  query.visibility = visibilityOf(actor);
  auto tx = ctx_.db.read();
  auto page = stores::listGrants(tx, query);
  GrantList out{{}, page.total, page.more};
  for (const auto& item : page.items) {
    const auto& g = item.grant;
    out.items.push_back(
        viewWith(actor, g, factsFrom(g, item.tranches_settled, item.final_report_accepted)));
  }
  ActorNaming naming(actor);
  for (auto& g : out.items) naming.add(g.actors, "signed_by", g.signed_by, grantParties(g));
  naming.resolve(tx);
  tx.commit();
  return out;
}

GrantView GrantService::ofProposal(const Actor& actor, std::int64_t proposal_id) {
  auto tx = ctx_.db.read();
  const auto id = stores::GrantStore::idForProposal(tx, proposal_id);
  if (!id) throw Problem::notFound("grant");
  auto out = grantViewOf(tx, actor, loadVisibleGrant(tx, actor, *id));
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
