#include "services/usecases/review_service.h"

#include <algorithm>
#include <array>
#include <set>
#include <span>

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"
#include "modules/core/text.h"
#include "modules/workflow/review_flow.h"
#include "services/audit/audit_log.h"
#include "services/mail/notifications.h"
#include "services/stores/call_store.h"
#include "services/stores/directory_store.h"
#include "services/stores/proposal_store.h"
#include "services/usecases/list_scope.h"
#include "services/usecases/proposal_facts.h"
#include "services/usecases/transition.h"
#include "services/usecases/workflow_facts.h"

namespace citygrants::usecases {
namespace {

using core::FieldError;
using core::Problem;
using core::ProblemKind;

constexpr std::string_view kEntity = "review_assignment";
constexpr std::size_t kMaxComment = 20'000;

void requireProposalAllows(const stores::Proposal& p, workflow::ReviewEvent event) {
  if (!workflow::proposalAllows(p.state, event)) {
    throw Problem(ProblemKind::kConflict, "review.proposal_not_in_review");
  }
}

// An assignment belongs to its partner organisation only; the city never sees it.
access::Scope assignmentScope(const stores::Assignment& a) { return {0, {a.partner_org_id}}; }

bool isLive(const stores::Assignment& a) { return a.state != "cancelled" && a.state != "declined"; }

std::vector<review::Score> plainScores(const std::vector<stores::StoredScore>& stored) {
  std::vector<review::Score> out;
  out.reserve(stored.size());
  for (const auto& s : stored) out.push_back(s.score);
  return out;
}

workflow::ReviewFacts factsOf(const stores::Assignment& a, bool all_scored) {
  workflow::ReviewFacts f;
  f.scope = assignmentScope(a);
  f.all_scored = all_scored;
  f.has_comment = !core::isBlank(a.comment);
  return f;
}

workflow::ReviewFacts factsOf(const stores::Assignment& a, const stores::Call& call,
                              const std::vector<stores::StoredScore>& stored) {
  return factsOf(a, review::allScored(call.criteria, plainScores(stored)));
}

// The events the actor may fire now on `a`, whose proposal is in `proposal_state`.
std::vector<std::string> eventsFor(const Actor& actor, const stores::Assignment& a,
                                   std::string_view proposal_state,
                                   const workflow::ReviewFacts& facts) {
  std::vector<std::string> out;
  for (auto name : workflow::allowedEvents(workflow::kReviewFlow, a.state, actor, facts)) {
    if (workflow::proposalAllows(proposal_state,
                                 workflow::eventNamed(workflow::kReviewFlow, name))) {
      out.emplace_back(name);
    }
  }
  return out;
}

// Whether every criterion of the call has its one score, from the counts a list reads (the
// store keeps one score per criterion, each 1-5): review::allScored over the rows.
bool allScored(const stores::AssignmentListItem& item) {
  return item.criteria > 0 && item.scored_criteria == item.criteria && item.scores == item.criteria;
}

struct Loaded {
  stores::Assignment assignment;
  stores::Proposal proposal;
  stores::Call call;
};

// Loads an assignment the actor may see, with its proposal and call; kNotFound otherwise.
Loaded loadVisible(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto a = stores::ReviewStore::load(tx, id);
  if (!a || !access::canSee(actor, assignmentScope(*a))) {
    throw Problem::notFound("review assignment");
  }
  auto p = stores::ProposalStore::load(tx, a->proposal_id);
  auto call = stores::CallStore::load(tx, p->call_id);
  return Loaded{*a, *p, *call};
}

bool textFits(const std::string& text) {
  auto len = core::utf8Length(text);
  return len && *len <= kMaxComment;
}

std::vector<FieldError> validateScores(std::span<const review::Criterion> criteria,
                                       const std::vector<stores::StoredScore>& scores,
                                       const std::string& comment) {
  std::vector<FieldError> e;
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const auto& s = scores[i];
    const std::string at = "scores[" + std::to_string(i) + "]";
    const bool known = std::any_of(criteria.begin(), criteria.end(),
                                   [&](const auto& c) { return c.id == s.score.criterion_id; });
    if (!known) {
      e.push_back({at + ".criterion_id", "review.criterion_unknown"});
    } else if (!seen.insert(s.score.criterion_id).second) {
      e.push_back({at + ".criterion_id", "review.scored_twice"});
    }
    if (s.score.value < review::kMinScore || s.score.value > review::kMaxScore) {
      e.push_back(
          {at + ".value",
           {"field.number_range", {{"min", review::kMinScore}, {"max", review::kMaxScore}}}});
    }
    if (!textFits(s.comment))
      e.push_back({at + ".comment", {"field.too_long", {{"max", kMaxComment}}}});
  }
  if (!textFits(comment)) e.push_back({"comment", {"field.too_long", {{"max", kMaxComment}}}});
  return e;
}

void requirePartnerOrganisation(db::Tx& tx, std::int64_t org_id) {
  auto org = stores::DirectoryStore::findOrganisation(tx, org_id);
  if (!org || org->kind != access::OrgKind::kPartner) {
    throw Problem::invalidField("partner_org_id", "field.partner_org");
  }
}

ReviewSummary::Row rowOf(db::Tx& tx, const stores::Call& call, const stores::Assignment& a) {
  ReviewSummary::Row row{a, std::nullopt, stores::ReviewStore::scores(tx, a.id)};
  row.mean_milli = review::weightedMeanMilli(call.criteria, plainScores(row.scores));
  return row;
}

access::Parties partiesOf(const stores::Proposal& p) {
  return {p.city_org_id, p.supporting_org_id.value_or(0)};
}

// Queues the reviewer and who assigned the review `a`, of a proposal of `parties`, into `into`.
void namePeople(ActorNaming& naming, Actors& into, const stores::Assignment& a,
                const access::Parties& parties) {
  naming.add(into, "reviewer_id", a.reviewer_id, parties);
  naming.add(into, "created_by", a.created_by, parties);
}

AssignmentView unnamedViewOf(db::Tx& tx, const Actor& actor, const stores::Assignment& a,
                             const stores::Proposal& p, const stores::Call& call) {
  const auto facts = factsOf(a, call, stores::ReviewStore::scores(tx, a.id));
  return {a, eventsFor(actor, a, p.state, facts)};
}

AssignmentView viewOf(db::Tx& tx, const Actor& actor, const stores::Assignment& a,
                      const stores::Proposal& p, const stores::Call& call) {
  auto out = unnamedViewOf(tx, actor, a, p, call);
  ActorNaming naming(actor);
  namePeople(naming, out.actors, out, partiesOf(p));
  naming.resolve(tx);
  return out;
}

// The review assignment machine for fireTransition (transition.h).
struct ReviewFlow {
  using Types = workflow::ReviewTypes;
  using View = AssignmentView;
  using Loaded = usecases::Loaded;
  using Row = workflow::Transition<Types>;
  static constexpr std::string_view kEntity = "review_assignment";
  static const auto& machine() { return workflow::kReviewFlow; }

  Loaded load(db::Tx& tx, const Actor& actor, std::int64_t id) {
    return loadVisible(tx, actor, id);
  }
  stores::Assignment& record(Loaded& l) { return l.assignment; }
  std::string& state(Loaded& l) { return l.assignment.state; }
  std::int64_t version(const Loaded& l) { return l.assignment.version; }
  void gate(const Loaded& l, workflow::ReviewEvent event) {
    requireProposalAllows(l.proposal, event);
  }
  workflow::ReviewFacts facts(db::Tx& tx, const Loaded& l, const TransitionRequest&, std::int64_t) {
    return factsOf(l.assignment, l.call, stores::ReviewStore::scores(tx, l.assignment.id));
  }
  void save(db::Tx& tx, const Actor&, Loaded& l, const Row&, const TransitionRequest&,
            std::int64_t now) {
    stores::ReviewStore::update(tx, l.assignment, now);
  }
  View view(db::Tx& tx, const Actor& actor, Loaded& l, std::int64_t) {
    return viewOf(tx, actor, *stores::ReviewStore::load(tx, l.assignment.id), l.proposal, l.call);
  }
};

}  // namespace

workflow::ReviewFacts reviewFactsOf(const stores::Assignment& a, bool all_scored) {
  return factsOf(a, all_scored);
}

AssignmentView ReviewService::assign(const Actor& actor, std::int64_t proposal_id,
                                     std::int64_t partner_org_id) {
  if (!access::may(actor, access::Action::kAssignPartner)) {
    throw Problem::forbidden("forbidden.assign_reviews");
  }
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto p = stores::ProposalStore::load(tx, proposal_id);
    if (!p || !access::canSee(actor, proposalScope(tx, *p))) throw Problem::notFound("proposal");
    if (p->state != "screening" && p->state != "in_review") {
      throw Problem(
          ProblemKind::kInvalidTransition,
          {"transition.review_when", {core::MessageArg::term("state", "state.", p->state)}});
    }
    requirePartnerOrganisation(tx, partner_org_id);
    const auto existing = stores::ReviewStore::forProposal(tx, proposal_id);
    if (std::any_of(existing.begin(), existing.end(), [&](const auto& a) {
          return a.partner_org_id == partner_org_id && a.version_number == p->current_version &&
                 isLive(a);
        })) {
      throw Problem(ProblemKind::kConflict, "review.already_assigned");
    }
    stores::Assignment a;
    a.proposal_id = proposal_id;
    a.version_number = p->current_version;
    a.partner_org_id = partner_org_id;
    a.state = "assigned";
    a.created_by = actor.user_id;
    a.id = stores::ReviewStore::insert(tx, a, now);
    audit::appendAudit(tx, {actor.user_id, std::string(kEntity), a.id, "assign", "", a.state,
                            Detail()
                                .number("proposal_id", proposal_id)
                                .number("partner_org_id", partner_org_id)
                                .json(),
                            now});
    mail::mailReviewAssigned(tx, a, now);
    auto out = viewOf(tx, actor, *stores::ReviewStore::load(tx, a.id), *p,
                      *stores::CallStore::load(tx, p->call_id));
    tx.commit();
    return out;
  });
}

AssignmentView ReviewService::fire(const Actor& actor, std::int64_t assignment_id,
                                   const TransitionRequest& req) {
  ReviewFlow flow;
  return runTransition(ctx_, flow, actor, assignment_id, req);
}

AssignmentView ReviewService::score(const Actor& actor, std::int64_t assignment_id,
                                    std::optional<std::int64_t> expected_version,
                                    const std::vector<stores::StoredScore>& scores,
                                    const std::string& comment) {
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto [a, p, call] = loadVisible(tx, actor, assignment_id);
    if (!access::may(actor, access::Action::kScoreReview, assignmentScope(a))) {
      throw Problem::forbidden("forbidden.score_review");
    }
    requireVersion(expected_version, a.version, "review assignment");
    if (a.state != "in_progress") {
      throw Problem(
          ProblemKind::kInvalidTransition,
          {"transition.score_when", {core::MessageArg::term("state", "state.", a.state)}});
    }
    if (!std::count(std::begin(workflow::kScoringProposalStates),
                    std::end(workflow::kScoringProposalStates), p.state)) {
      throw Problem(ProblemKind::kConflict, "review.proposal_not_in_review");
    }
    if (auto errors = validateScores(call.criteria, scores, comment); !errors.empty()) {
      throw Problem::invalid(std::move(errors));
    }
    stores::ReviewStore::replaceScores(tx, a.id, scores);
    a.comment = comment;
    stores::ReviewStore::update(tx, a, now);
    const bool complete = review::allScored(call.criteria, plainScores(scores));
    audit::appendAudit(tx, {actor.user_id, std::string(kEntity), a.id, "score", a.state, a.state,
                            Detail()
                                .number("scored", static_cast<std::int64_t>(scores.size()))
                                .flag("all_scored", complete)
                                .json(),
                            now});
    auto out = viewOf(tx, actor, *stores::ReviewStore::load(tx, a.id), p, call);
    tx.commit();
    return out;
  });
}

AssignmentView ReviewService::get(const Actor& actor, std::int64_t assignment_id) {
  auto tx = ctx_.db.read();
  auto l = loadVisible(tx, actor, assignment_id);
  auto out = viewOf(tx, actor, l.assignment, l.proposal, l.call);
  tx.commit();
  return out;
}

std::vector<stores::StoredScore> ReviewService::scores(const Actor& actor,
                                                       std::int64_t assignment_id) {
  auto tx = ctx_.db.read();
  auto loaded = loadVisible(tx, actor, assignment_id);
  auto out = stores::ReviewStore::scores(tx, loaded.assignment.id);
  tx.commit();
  return out;
}

std::vector<AssignmentView> ReviewService::forProposal(const Actor& actor,
                                                       std::int64_t proposal_id) {
  auto tx = ctx_.db.read();
  auto p = stores::ProposalStore::load(tx, proposal_id);
  if (!p || !access::canSee(actor, proposalScope(tx, *p))) throw Problem::notFound("proposal");
  const auto call = *stores::CallStore::load(tx, p->call_id);
  std::vector<AssignmentView> out;
  for (auto& a : stores::ReviewStore::forProposal(tx, proposal_id)) {
    if (access::canSee(actor, assignmentScope(a))) {
      out.push_back(unnamedViewOf(tx, actor, a, *p, call));
    }
  }
  ActorNaming naming(actor);
  for (auto& view : out) namePeople(naming, view.actors, view, partiesOf(*p));
  naming.resolve(tx);
  tx.commit();
  return out;
}

std::vector<std::string> ReviewService::actions(const Actor& actor,
                                                const stores::Assignment& assignment) {
  auto tx = ctx_.db.read();
  auto p = stores::ProposalStore::load(tx, assignment.proposal_id);
  if (!p) throw Problem::notFound("proposal");
  auto call = stores::CallStore::load(tx, p->call_id);
  const auto facts = factsOf(assignment, *call, stores::ReviewStore::scores(tx, assignment.id));
  tx.commit();
  return eventsFor(actor, assignment, p->state, facts);
}

AssignmentList ReviewService::list(const Actor& actor, stores::AssignmentQuery query) {
  scopeQuery(actor, query);
  auto tx = ctx_.db.read();
  auto page = stores::listAssignments(tx, query);
  AssignmentList out{{}, page.total, page.more};
  for (auto& item : page.items) {
    const auto facts = factsOf(item.assignment, allScored(item));
    auto actions = eventsFor(actor, item.assignment, item.proposal.state, facts);
    out.items.push_back({std::move(item.assignment), std::move(item.proposal), std::move(actions)});
  }
  ActorNaming naming(actor);
  for (auto& e : out.items) {
    const access::Parties parties{e.proposal.city_org_id, e.proposal.supporting_org_id.value_or(0)};
    namePeople(naming, e.actors, e.assignment, parties);
  }
  naming.resolve(tx);
  tx.commit();
  return out;
}

ReviewSummary ReviewService::compare(const Actor& actor, std::int64_t proposal_id) {
  auto tx = ctx_.db.read();
  const bool fund_wide = access::may(actor, access::Action::kReadAll);
  auto p = stores::ProposalStore::load(tx, proposal_id);
  if (!p || (!fund_wide && !actor.roles.has(access::Role::kPartner)) ||
      !access::canSee(actor, proposalScope(tx, *p))) {
    throw Problem::notFound("proposal");
  }
  const auto call = *stores::CallStore::load(tx, p->call_id);
  const auto all = stores::ReviewStore::forProposal(tx, proposal_id);
  auto own = [&](const stores::Assignment& a) {
    return !fund_wide && a.partner_org_id == actor.org_id && a.state != "cancelled";
  };
  const bool unlocked = fund_wide || std::any_of(all.begin(), all.end(), [&](const auto& a) {
                          return own(a) && a.state == "submitted";
                        });
  ReviewSummary out;
  std::vector<int> means;
  for (const auto& a : all) {
    const bool submitted = a.state == "submitted";
    if (!(unlocked && submitted) && !own(a)) continue;
    auto row = rowOf(tx, call, a);
    if (submitted && row.mean_milli) means.push_back(*row.mean_milli);
    out.reviews.push_back(std::move(row));
  }
  out.summary = review::summarise(means);
  ActorNaming naming(actor);
  for (auto& row : out.reviews) {
    naming.add(row.actors, "reviewer_id", row.assignment.reviewer_id, partiesOf(*p));
  }
  naming.resolve(tx);
  tx.commit();
  return out;
}

}  // namespace citygrants::usecases
