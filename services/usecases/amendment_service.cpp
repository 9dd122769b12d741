#include "services/usecases/amendment_service.h"

#include "modules/core/problem.h"
#include "modules/core/text.h"
#include "modules/grants/amendment_terms.h"
#include "modules/workflow/amendment_flow.h"
#include "services/audit/audit_log.h"
#include "services/mail/amendment_mail.h"
#include "services/stores/amendment_store.h"
#include "services/usecases/amendment_apply.h"
#include "services/usecases/grant_service.h"
#include "services/usecases/grant_terms.h"
#include "services/usecases/transition.h"

namespace citygrants::usecases {
namespace {

using core::Problem;
using core::ProblemKind;

struct Loaded {
  records::Amendment amendment;
  stores::Grant grant;
};

Loaded loadVisible(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto a = stores::AmendmentStore::load(tx, id);
  if (!a) throw Problem::notFound("amendment");
  return {*a, loadVisibleGrant(tx, actor, a->grant_id, "amendment")};
}

bool grantOpen(const stores::Grant& g) { return g.state == "active" || g.state == "suspended"; }

// What the machine's guards and the reader's view look at, from the grant as it is now.
struct Standing {
  records::GrantTerms now;
  grants::TermsContext ctx;
  std::int64_t share_bp = 0;
  int threshold_bp = 1000;
  workflow::AmendmentFacts facts;
};

Standing standingOf(db::Tx& tx, const records::Amendment& a, const stores::Grant& g) {
  Standing s{liveTerms(tx, g), termsContextOf(tx, g)};
  s.share_bp = grants::reallocationShareBp(s.now, a.terms);
  s.threshold_bp = stores::AmendmentStore::reallocationReviewBp(tx, g.call_id);
  auto& f = s.facts;
  f.scope = grantScope(g);
  f.proposed_by_city = a.proposed_by_city;
  f.grant_open = grantOpen(g);
  f.needs_partner_review = s.share_bp > s.threshold_bp;
  f.is_increase = grants::isIncrease(s.now, a.terms);
  f.within_call_budget =
      !f.is_increase || *a.terms.amount_minor - s.now.amount_minor <= s.ctx.call_left_minor;
  f.proposed_by = a.proposed_by;
  f.approved_by = a.approved_by.value_or(0);
  return s;
}

// The version numbered `number` among `versions`, or `fallback`.
records::GrantTerms versionOr(const std::vector<records::GrantTerms>& versions, int number,
                              const records::GrantTerms& fallback) {
  for (const auto& v : versions) {
    if (v.number == number) return v;
  }
  return fallback;
}

AmendmentView viewOf(db::Tx& tx, const Actor& actor, const records::Amendment& a,
                     const stores::Grant& g) {
  const auto s = standingOf(tx, a, g);
  AmendmentView v;
  static_cast<records::Amendment&>(v) = a;
  v.grant_reference = g.reference;
  v.currency = g.currency;
  v.kinds = stores::kindsOf(a.terms);
  if (a.terms_version) {
    const auto versions = stores::AmendmentStore::termsOf(tx, g.id);
    v.before = versionOr(versions, *a.terms_version - 1, s.now);
    v.after = versionOr(versions, *a.terms_version, s.now);
  } else {
    v.before = s.now;
    v.after = grants::applied(s.now, a.terms);
  }
  // What it asks is judged against the terms it changes (once applied: the version it replaced).
  v.reallocation_share_bp = grants::reallocationShareBp(v.before, a.terms);
  v.review_threshold_bp = s.threshold_bp;
  v.needs_partner_review = v.reallocation_share_bp > s.threshold_bp;
  v.is_increase = grants::isIncrease(v.before, a.terms);
  v.actions = toStrings(workflow::allowedEvents(workflow::kAmendmentFlow, a.state, actor, s.facts));
  ActorNaming naming(actor);
  const auto parties = grantParties(g);
  naming.add(v.actors, "proposed_by", a.proposed_by, parties);
  naming.add(v.actors, "reviewed_by", a.reviewed_by, parties);
  naming.add(v.actors, "approved_by", a.approved_by, parties);
  naming.add(v.actors, "applied_by", a.applied_by, parties);
  naming.resolve(tx);
  return v;
}

// Refuses terms that cannot apply to the grant as it is, naming each field.
void requireTermsApply(db::Tx& tx, const records::Amendment& a, const stores::Grant& g) {
  auto errors = grants::termErrors(liveTerms(tx, g), a.terms, termsContextOf(tx, g));
  if (!errors.empty()) throw Problem::invalid(std::move(errors));
}

// Whether the actor drafts as the grant's city (else as the fund); kForbidden for anyone else.
bool draftsAsCity(const Actor& actor, const stores::Grant& g) {
  if (access::may(actor, access::Action::kRequestAmendment, grantScope(g))) return true;
  if (access::may(actor, access::Action::kProposeAmendment, grantScope(g))) return false;
  throw Problem::forbidden("forbidden.draft_amendment");
}

// The amendment machine for fireTransition (transition.h).
struct AmendmentFlow {
  using Types = workflow::AmendmentTypes;
  using View = AmendmentView;
  using Loaded = usecases::Loaded;
  using Row = workflow::Transition<Types>;
  static constexpr std::string_view kEntity = "amendment";
  static const auto& machine() { return workflow::kAmendmentFlow; }

  bool partner_reviews = false;

  Loaded load(db::Tx& tx, const Actor& actor, std::int64_t id) { return loadVisible(tx, actor, id); }
  records::Amendment& record(Loaded& l) { return l.amendment; }
  std::string& state(Loaded& l) { return l.amendment.state; }
  std::int64_t version(const Loaded& l) { return l.amendment.version; }
  workflow::AmendmentFacts facts(db::Tx& tx, const Loaded& l, const TransitionRequest&,
                                 std::int64_t) {
    auto s = standingOf(tx, l.amendment, l.grant);
    partner_reviews = s.facts.needs_partner_review;
    return s.facts;
  }
  void before(db::Tx& tx, const Actor&, Loaded& l, const Row& row, std::int64_t) {
    if (row.has(workflow::kChecksTerms)) requireTermsApply(tx, l.amendment, l.grant);
    if (row.has(workflow::kWritesTerms)) l.amendment.terms_version = liveTerms(tx, l.grant).number + 1;
  }
  void save(db::Tx& tx, const Actor&, Loaded& l, const Row&, const TransitionRequest&,
            std::int64_t now) {
    stores::AmendmentStore::update(tx, l.amendment, now);
  }
  void after(db::Tx& tx, const Actor& actor, Loaded& l, const Row& row,
             const TransitionRequest& req, std::int64_t now) {
    if (row.has(workflow::kWritesTerms)) {
      applyAmendment(tx, actor, l.amendment, l.grant, now);
      l.grant = *stores::GrantStore::load(tx, l.grant.id);
    }
    mail::mailAmendmentEvent(tx, row.notice, l.amendment, l.grant, partner_reviews,
                             req.input.reason, liveTerms(tx, l.grant).ends_at, now);
  }
  View view(db::Tx& tx, const Actor& actor, Loaded& l, std::int64_t) {
    return viewOf(tx, actor, *stores::AmendmentStore::load(tx, l.amendment.id), l.grant);
  }
};

}  // namespace

workflow::AmendmentFacts amendmentFacts(db::Tx& tx, const records::Amendment& a,
                                        const stores::Grant& g) {
  return standingOf(tx, a, g).facts;
}

AmendmentView AmendmentService::create(const Actor& actor, std::int64_t grant_id,
                                       const AmendmentDraft& draft) {
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    const auto g = loadVisibleGrant(tx, actor, grant_id);
    records::Amendment a;
    a.grant_id = g.id;
    a.proposed_by_city = draftsAsCity(actor, g);
    a.proposed_by = actor.user_id;
    a.reason = draft.reason;
    a.terms = draft.terms;
    if (!grantOpen(g)) throw Problem(ProblemKind::kConflict, "guard.amendment.grant_open");
    auto errors = grants::termErrors(liveTerms(tx, g), a.terms, termsContextOf(tx, g));
    if (core::isBlank(a.reason)) errors.insert(errors.begin(), {"reason", "field.required"});
    if (!errors.empty()) throw Problem::invalid(std::move(errors));
    ensureTermsVersions(tx, g, now);
    a.id = stores::AmendmentStore::insert(tx, a, now);
    audit::appendAudit(tx, {actor.user_id, "amendment", a.id, "create", "", a.state,
                            Detail()
                                .number("grant_id", g.id)
                                .text("kinds", stores::joinKinds(a.terms))
                                .text("reason", a.reason)
                                .json(),
                            now});
    auto out = viewOf(tx, actor, *stores::AmendmentStore::load(tx, a.id), g);
    tx.commit();
    return out;
  });
}

AmendmentView AmendmentService::get(const Actor& actor, std::int64_t amendment_id) {
  auto tx = ctx_.db.read();
  const auto l = loadVisible(tx, actor, amendment_id);
  auto out = viewOf(tx, actor, l.amendment, l.grant);
  tx.commit();
  return out;
}

std::vector<AmendmentView> AmendmentService::ofGrant(const Actor& actor, std::int64_t grant_id) {
  auto tx = ctx_.db.read();
  const auto g = loadVisibleGrant(tx, actor, grant_id);
  std::vector<AmendmentView> out;
  for (const auto& a : stores::AmendmentStore::ofGrant(tx, g.id)) {
    out.push_back(viewOf(tx, actor, a, g));
  }
  tx.commit();
  return out;
}

GrantTermsList AmendmentService::terms(const Actor& actor, std::int64_t grant_id) {
  auto tx = ctx_.db.read();
  const auto g = loadVisibleGrant(tx, actor, grant_id);
  GrantTermsList out{g.currency, stores::AmendmentStore::termsOf(tx, g.id)};
  if (out.versions.empty()) out.versions.push_back(liveTerms(tx, g));
  tx.commit();
  return out;
}

AmendmentView AmendmentService::fire(const Actor& actor, std::int64_t amendment_id,
                                     const TransitionRequest& req) {
  AmendmentFlow flow;
  return runTransition(ctx_, flow, actor, amendment_id, req);
}

}  // namespace citygrants::usecases
