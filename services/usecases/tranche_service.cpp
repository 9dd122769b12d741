#include "services/usecases/tranche_service.h"

#include <algorithm>

#include "modules/core/money.h"
#include "modules/core/problem.h"
#include "modules/workflow/tranche_flow.h"
#include "services/audit/audit_log.h"
#include "services/mail/notifications.h"
#include "services/usecases/grant_service.h"
#include "services/usecases/transition.h"
#include "services/usecases/workflow_facts.h"

namespace citygrants::usecases {
namespace {

using core::Problem;
using core::ProblemKind;

struct Loaded {
  stores::Tranche tranche;
  stores::Grant grant;
};

// Loads a tranche whose grant the actor may see; kNotFound("tranche") otherwise.
Loaded loadVisible(db::Tx& tx, const Actor& actor, std::int64_t tranche_id) {
  auto t = stores::GrantStore::loadTranche(tx, tranche_id);
  if (!t) throw Problem::notFound("tranche");
  return Loaded{*t, loadVisibleGrant(tx, actor, t->grant_id, "tranche")};
}

bool settled(const std::optional<std::string>& state) {
  return state && (*state == "disbursed" || *state == "cancelled");
}

// The tranche machine's facts of `t` from what surrounds it: its grant (scope, state), the
// tranche before it in the schedule, the report it waits for, and any overdue report. The one
// place these facts are derived, whether read one tranche at a time or for a whole list.
workflow::TrancheFacts factsFrom(const stores::Tranche& t, access::Scope scope, bool grant_active,
                                 const std::optional<std::string>& previous_state,
                                 const std::optional<std::string>& report_state,
                                 bool report_overdue) {
  workflow::TrancheFacts f;
  f.scope = std::move(scope);
  f.grant_active = grant_active;
  f.previous_disbursed = t.seq <= 1 || settled(previous_state);
  f.milestone_report_accepted = !t.report_id || report_state == "accepted";
  f.no_overdue_report = !report_overdue;
  f.requested_by = t.requested_by.value_or(0);
  f.verified_by = t.verified_by.value_or(0);
  f.approved_by = t.approved_by.value_or(0);
  return f;
}

workflow::TrancheFacts trancheFacts(db::Tx& tx, const stores::Grant& g, const stores::Tranche& t,
                                    std::int64_t now) {
  std::optional<std::string> previous_state;
  for (const auto& other : stores::GrantStore::tranchesOf(tx, g.id)) {
    if (other.seq == t.seq - 1) previous_state = other.state;
  }
  std::optional<std::string> report_state;
  if (t.report_id) {
    if (auto r = stores::GrantStore::loadReport(tx, *t.report_id)) report_state = r->state;
  }
  const auto reports = stores::GrantStore::reportsOf(tx, g.id);
  const bool overdue = std::any_of(reports.begin(), reports.end(), [&](const auto& r) {
    return r.state == "draft" && r.due_at < now;
  });
  return factsFrom(t, grantScope(g), g.state == "active", previous_state, report_state, overdue);
}

// Σ disbursed of the grant, `t` included, stays within the award (defence in depth: the
// schedule already adds up to the award, so this never fires unless the data is corrupt).
void requireWithinAward(db::Tx& tx, const stores::Grant& g, const stores::Tranche& t) {
  std::int64_t disbursed = t.amount_minor;
  for (const auto& other : stores::GrantStore::tranchesOf(tx, g.id)) {
    if (other.id != t.id && other.state == "disbursed") {
      disbursed = core::checkedAdd(disbursed, other.amount_minor);
    }
  }
  if (disbursed > g.amount_minor) {
    throw Problem(ProblemKind::kConflict, "tranche.exceeds_grant");
  }
}

// Queues who did each step of `t` (a tranche of a grant of `parties`) to be named into `into`.
void nameSteps(ActorNaming& naming, Actors& into, const stores::Tranche& t,
               const access::Parties& parties) {
  naming.add(into, "requested_by", t.requested_by, parties);
  naming.add(into, "verified_by", t.verified_by, parties);
  naming.add(into, "approved_by", t.approved_by, parties);
  naming.add(into, "disbursed_by", t.disbursed_by, parties);
}

// The tranche as the actor sees it, its steps not yet named.
TrancheView unnamedViewOf(db::Tx& tx, const Actor& actor, const stores::Tranche& t,
                          const stores::Grant& g, std::int64_t now) {
  const auto facts = trancheFacts(tx, g, t, now);
  TrancheView out{t, g.currency,
                  toStrings(workflow::allowedEvents(workflow::kTrancheFlow, t.state, actor, facts))};
  out.proposal_id = g.proposal_id;
  return out;
}

// The tranche as the actor sees it, with who did each step.
TrancheView viewOf(db::Tx& tx, const Actor& actor, const stores::Tranche& t, const stores::Grant& g,
                   std::int64_t now) {
  auto out = unnamedViewOf(tx, actor, t, g, now);
  ActorNaming naming(actor);
  nameSteps(naming, out.actors, out, grantParties(g));
  naming.resolve(tx);
  return out;
}

// The tranche machine for fireTransition (transition.h).
struct TrancheFlow {
  using Types = workflow::TrancheTypes;
  using View = TrancheView;
  using Loaded = usecases::Loaded;
  using Row = workflow::Transition<Types>;
  static constexpr std::string_view kEntity = "tranche";
  static const auto& machine() { return workflow::kTrancheFlow; }

  Loaded load(db::Tx& tx, const Actor& actor, std::int64_t id) {
    return loadVisible(tx, actor, id);
  }
  stores::Tranche& record(Loaded& l) { return l.tranche; }
  std::string& state(Loaded& l) { return l.tranche.state; }
  std::int64_t version(const Loaded& l) { return l.tranche.version; }

  // A disbursement retried with its key by the fund manager who made it answers the tranche it
  // disbursed, unchanged; a key used elsewhere, or by anyone else, is refused.
  std::optional<View> replay(db::Tx& tx, const Actor& actor, Loaded& l,
                             const TransitionRequest& req, std::int64_t now) {
    const auto event = workflow::findEvent(machine(), req.event);
    if (!event || !(workflow::needsOf(machine(), *event) & workflow::kIdempotencyKey) ||
        !req.input.idempotency_key) {
      return std::nullopt;
    }
    auto holder = stores::GrantStore::trancheIdForKey(tx, *req.input.idempotency_key);
    if (!holder) return std::nullopt;
    if (!actor.roles.has(access::Role::kFundManager)) {
      throw Problem::forbidden("forbidden.disburse");
    }
    const auto& t = l.tranche;
    if (*holder != t.id || t.state != "disbursed" || t.disbursed_by != actor.user_id) {
      throw Problem(ProblemKind::kConflict, "tranche.idempotency_key_used");
    }
    auto out = viewOf(tx, actor, t, l.grant, now);
    out.replayed = true;
    return out;
  }
  workflow::TrancheFacts facts(db::Tx& tx, const Loaded& l, const TransitionRequest&,
                               std::int64_t now) {
    return trancheFacts(tx, l.grant, l.tranche, now);
  }
  void before(db::Tx& tx, const Actor&, Loaded& l, const Row& row, std::int64_t) {
    if (row.has(workflow::kChecksDisbursedSum)) requireWithinAward(tx, l.grant, l.tranche);
  }
  void save(db::Tx& tx, const Actor&, Loaded& l, const Row&, const TransitionRequest&,
            std::int64_t now) {
    stores::GrantStore::updateTranche(tx, l.tranche, now);
  }
  void after(db::Tx& tx, const Actor&, Loaded& l, const Row& row, const TransitionRequest&,
             std::int64_t now) {
    mail::mailTrancheEvent(tx, row.notice, l.tranche, l.grant, now);
  }
  View view(db::Tx& tx, const Actor& actor, Loaded& l, std::int64_t now) {
    return viewOf(tx, actor, *stores::GrantStore::loadTranche(tx, l.tranche.id), l.grant, now);
  }
};

}  // namespace

workflow::TrancheFacts trancheFactsOf(const stores::Tranche& t, access::Scope scope,
                                      bool grant_active,
                                      const std::optional<std::string>& previous_state,
                                      const std::optional<std::string>& report_state,
                                      bool report_overdue) {
  return factsFrom(t, std::move(scope), grant_active, previous_state, report_state, report_overdue);
}

TrancheView TrancheService::fire(const Actor& actor, std::int64_t tranche_id,
                                 const TransitionRequest& req) {
  TrancheFlow flow;
  return runTransition(ctx_, flow, actor, tranche_id, req);
}

TrancheView TrancheService::get(const Actor& actor, std::int64_t tranche_id) {
  const auto now = ctx_.clock.nowMs();
  auto tx = ctx_.db.read();
  auto [t, g] = loadVisible(tx, actor, tranche_id);
  auto out = viewOf(tx, actor, t, g, now);
  tx.commit();
  return out;
}

std::vector<TrancheView> TrancheService::ofGrant(const Actor& actor, std::int64_t grant_id) {
  const auto now = ctx_.clock.nowMs();
  auto tx = ctx_.db.read();
  const auto g = loadVisibleGrant(tx, actor, grant_id);
  std::vector<TrancheView> out;
  for (const auto& t : stores::GrantStore::tranchesOf(tx, grant_id)) {
    out.push_back(unnamedViewOf(tx, actor, t, g, now));
  }
  ActorNaming naming(actor);
  for (auto& view : out) nameSteps(naming, view.actors, view, grantParties(g));
  naming.resolve(tx);
  tx.commit();
  return out;
}

TrancheList TrancheService::list(const Actor& actor, stores::TrancheQuery query) {
  query.visibility = visibilityOf(actor);
  query.now = ctx_.clock.nowMs();
  auto tx = ctx_.db.read();
  auto page = stores::listTranches(tx, query);
  TrancheList out{{}, page.total, page.more};
  for (auto& item : page.items) {
    const auto& g = item.grant;
    const access::Scope scope{g.city_org_id, {g.supporting_org_id}};  // as grantScope says
    const auto facts = factsFrom(item.tranche, scope, g.state == "active", item.previous_state,
                                 item.report_state, item.report_overdue);
    auto actions = toStrings(
        workflow::allowedEvents(workflow::kTrancheFlow, item.tranche.state, actor, facts));
    out.items.push_back({std::move(item.tranche), std::move(item.grant), std::move(actions)});
  }
  ActorNaming naming(actor);
  for (auto& e : out.items) {
    nameSteps(naming, e.actors, e.tranche, {e.grant.city_org_id, e.grant.supporting_org_id});
  }
  naming.resolve(tx);
  tx.commit();
  return out;
}

std::vector<std::string> TrancheService::actions(const Actor& actor,
                                                 const stores::Tranche& tranche) {
  auto tx = ctx_.db.read();
  auto g = stores::GrantStore::load(tx, tranche.grant_id);
  if (!g) throw Problem::notFound("tranche");
  const auto facts = trancheFacts(tx, *g, tranche, ctx_.clock.nowMs());
  tx.commit();
  return toStrings(workflow::allowedEvents(workflow::kTrancheFlow, tranche.state, actor, facts));
}

}  // namespace citygrants::usecases
