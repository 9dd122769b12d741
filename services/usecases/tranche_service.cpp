#include "services/usecases/tranche_service.h"

#include <algorithm>

#include "modules/core/money.h"
#include "modules/core/problem.h"
#include "modules/workflow/tranche_flow.h"
#include "services/audit/audit_log.h"
#include "services/mail/notifications.h"
#include "services/usecases/grant_service.h"

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

// A disbursement retried with its key by the fund manager who made it answers the tranche it
// disbursed; a key used elsewhere, or by anyone else, is refused. Returns true when `t` is that
// earlier disbursement.
bool isRetriedDisbursement(db::Tx& tx, const Actor& actor, const stores::Tranche& t,
                           const TransitionRequest& req) {
  if (req.event != "disburse" || !req.input.idempotency_key) return false;
  auto holder = stores::GrantStore::trancheIdForKey(tx, *req.input.idempotency_key);
  if (!holder) return false;
  if (!actor.roles.has(access::Role::kFundManager)) {
    throw Problem::forbidden("only fund managers disburse");
  }
  if (*holder == t.id && t.state == "disbursed" && t.disbursed_by == actor.user_id) return true;
  throw Problem(ProblemKind::kConflict, "idempotency key already used");
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
    throw Problem(ProblemKind::kConflict, "this disbursement would exceed the grant amount");
  }
}

// Records who did the step and what it carried.
void applyEffects(stores::Tranche& t, const Actor& actor, const TransitionRequest& req,
                  std::int64_t now) {
  const auto& e = req.event;
  if (e == "request") {
    t.requested_by = actor.user_id;
    t.requested_at = now;
  } else if (e == "verify") {
    t.verified_by = actor.user_id;
  } else if (e == "send_back") {
    t.requested_by.reset();
    t.requested_at.reset();
    t.verified_by.reset();
    t.approved_by.reset();
  } else if (e == "approve") {
    t.approved_by = actor.user_id;
  } else if (e == "disburse") {
    t.disbursed_by = actor.user_id;
    t.disbursed_at = now;
    t.payment_reference = req.input.payment_reference;
    t.idempotency_key = req.input.idempotency_key;
  }
}

}  // namespace

stores::Tranche TrancheService::fire(const Actor& actor, std::int64_t tranche_id,
                                     const TransitionRequest& req) {
  const auto now = ctx_.clock.nowMs();
  auto tx = ctx_.db.write();
  auto [t, g] = loadVisible(tx, actor, tranche_id);
  replayed_ = isRetriedDisbursement(tx, actor, t, req);
  if (replayed_) return t;  // rolls back an empty transaction
  requireVersion(req.expected_version, t.version, "tranche");
  const auto& row = workflow::fire(workflow::kTrancheFlow, t.state, req.event, actor,
                                   trancheFacts(tx, g, t, now), req.input);
  const std::string from = t.state;
  t.state = std::string(row.to);
  applyEffects(t, actor, req, now);
  if (req.event == "disburse") requireWithinAward(tx, g, t);
  stores::GrantStore::updateTranche(tx, t, now);
  audit::appendAudit(tx, {actor.user_id, "tranche", t.id, req.event, from, t.state,
                          transitionDetail(req).json(), now});
  mail::mailTrancheEvent(tx, req.event, t, g, now);
  auto out = *stores::GrantStore::loadTranche(tx, t.id);
  tx.commit();
  return out;
}

stores::Tranche TrancheService::get(const Actor& actor, std::int64_t tranche_id) {
  auto tx = ctx_.db.read();
  auto loaded = loadVisible(tx, actor, tranche_id);
  tx.commit();
  return loaded.tranche;
}

TrancheList TrancheService::list(const Actor& actor, stores::TrancheQuery query) {
  query.visibility = visibilityOf(actor);
  query.now = ctx_.clock.nowMs();
  auto tx = ctx_.db.read();
  auto page = stores::listTranches(tx, query);
  tx.commit();
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
