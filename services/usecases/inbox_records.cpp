#include "services/usecases/inbox_records.h"

#include <algorithm>

#include "modules/workflow/awaited.h"
#include "services/stores/amendment_store.h"
#include "services/stores/grant_store.h"
#include "services/stores/inbox_store.h"
#include "services/usecases/actor_naming.h"
#include "services/usecases/amendment_service.h"
#include "services/usecases/list_scope.h"
#include "services/usecases/proposal_facts.h"
#include "services/usecases/workflow_facts.h"

namespace citygrants::usecases {
namespace {

using inbox::Item;
using Items = std::vector<Item>;

// The states of `a`'s machine in which a record may wait for one of the actor's roles.
template <class Types>
std::vector<std::string> statesFor(const workflow::Awaits<Types>& a, const Actor& actor) {
  std::vector<std::string> out;
  for (auto s : workflow::statesAwaitingAny(a, actor.roles)) out.emplace_back(s);
  return out;
}

// An item about a record of `a`'s machine in `state`, with what `w` says it waits for.
template <class Types>
Item itemOf(const workflow::Awaits<Types>& a, std::string_view state, const workflow::Waiting& w) {
  Item i;
  i.kind = inbox::kindOf(a.machine.name, state);
  for (auto e : w.expected) i.expected.emplace_back(e);
  for (const auto& h : w.held) {
    i.held.push_back({std::string(h.event), std::string(h.guard), core::Message(h.message, {}),
                      h.kind == core::ProblemKind::kForbidden});
  }
  for (auto r : workflow::rolesAwaitedIn(a, state)) i.awaiting.emplace_back(access::roleName(r));
  return i;
}

// A person a four-eyes step is about (`field`: "requested_by"...), to be named on the item
// `item` of the output as the reader may know them: named all at once by nameMentions().
struct Mention {
  std::size_t item;
  std::string field;
  std::int64_t user_id;
  access::Parties parties;
};
using Mentions = std::vector<Mention>;

void addPerson(Mentions& mentions, std::size_t item, const char* field,
               const std::optional<std::int64_t>& id, const access::Parties& parties) {
  if (id) mentions.push_back({item, field, *id, parties});
}

// Names the mentioned people on their items with one read of the directory (ActorNaming, so
// access::discloseTo decides); a person the reader may know only by organisation or side is
// not listed, the item's held step already says that another person must act.
void nameMentions(db::Tx& tx, const Actor& actor, const Mentions& mentions, Items& out) {
  if (mentions.empty()) return;
  ActorNaming naming(actor);
  std::vector<Actors> named(out.size());
  for (const auto& m : mentions) naming.add(named[m.item], m.field, m.user_id, m.parties);
  naming.resolve(tx);
  for (std::size_t i = 0; i < out.size(); ++i) {
    for (const auto& n : named[i]) {
      if (n.view.disclosure == access::Disclosure::kPerson && n.view.id) {
        out[i].people.push_back({n.field, *n.view.id, n.view.name});
      }
    }
  }
}

// A grant's scope, as grantScope() says: its city and its supporting partner.
access::Scope scopeOf(const stores::WaitingParent& g) {
  return {g.city_org_id, {g.supporting_org_id}};
}

// A waiting proposal before it is made an item: where it is among the rows, its state's index
// in the states read, when it is due, and what it waits for.
struct Candidate {
  std::size_t row;
  std::size_t state;
  std::optional<std::int64_t> due_at;
  workflow::Waiting waiting;
};

// How the proposals that may wait for a reader are read: per state (of statesFor), its kind and
// whether it is due when the call closes; which states the database counts, and what is read.
struct ProposalPlan {
  std::vector<std::string> states;
  std::vector<std::string> kinds;
  std::vector<bool> due;                // a step from the state needs the call open
  std::vector<std::string> counted_in;  // each one waits whatever its facts: counted
  std::vector<std::string> longest_in;  // of those, the query's kind: the longest waiting read
  stores::WaitingProposalQuery read;    // the other states, read whole

  bool counted(std::size_t s) const {
    return std::find(counted_in.begin(), counted_in.end(), states[s]) != counted_in.end();
  }
};

ProposalPlan planProposals(const Actor& actor, const stores::ProposalQuery& scope,
                           const InboxQuery& query) {
  namespace g = workflow::proposal_guards;
  const auto& awaits = workflow::kProposalAwaits;
  ProposalPlan plan;
  plan.states = statesFor(awaits, actor);
  for (const auto& s : plan.states) {
    plan.kinds.push_back(inbox::kindOf(awaits.machine.name, s));
    plan.due.push_back(workflow::guardedFrom(awaits.machine, s, g::kCallOpen));
    if (workflow::guardedFrom(awaits.machine, s, g::kEnglishAvailable)) {
      plan.read.translation_read_in.push_back(s);
    }
    // A state with a due date is read whole: the longest waiting are not the most urgent.
    if (scope.see_all && !plan.due.back() && workflow::awaitedWhateverTheFacts(awaits, s, actor)) {
      plan.counted_in.push_back(s);
      if (!query.kind || *query.kind == plan.kinds.back()) plan.longest_in.push_back(s);
    } else {
      plan.read.states.push_back(s);
    }
  }
  return plan;
}

// The rows listed for `actor`, of the query's kind; every one listed in a state the database does
// not count adds to `waiting_in`.
std::vector<Candidate> listedProposals(stores::WaitingProposals& read, const ProposalPlan& plan,
                                       const Actor& actor, std::int64_t now,
                                       const InboxQuery& query,
                                       std::vector<std::int64_t>& waiting_in) {
  std::vector<Candidate> out;
  for (std::size_t k = 0; k < read.rows.size(); ++k) {
    auto& w = read.rows[k];
    const auto& p = w.proposal;
    const auto& c = read.calls.at(p.call_id);
    stores::ProposalVersion current;  // what awardFor reads of it: the amount requested
    current.content.amount_minor = w.requested_minor;
    const auto award = workflow::awardFor(p, current, std::nullopt);
    const auto facts =
        proposalStandingFacts(p, c.call, std::move(w.assignments), award, w.requested_minor,
                              c.awarded_total, w.language, w.translated != 0, now);
    auto waiting = workflow::waitingFor(workflow::kProposalAwaits, p.state, actor, facts);
    if (!waiting.listed) continue;
    const auto s = static_cast<std::size_t>(
        std::find(plan.states.begin(), plan.states.end(), p.state) - plan.states.begin());
    if (!plan.counted(s)) ++waiting_in[s];
    if (query.kind && *query.kind != plan.kinds[s]) continue;
    out.push_back(
        {k, s, plan.due[s] ? std::optional(c.call.closes_at) : std::nullopt, std::move(waiting)});
  }
  return out;
}

// Keeps the `limit` most urgent of `shown` (inbox::moreUrgent), in no order.
void keepMostUrgent(std::vector<Candidate>& shown, const stores::WaitingProposals& read,
                    const ProposalPlan& plan, int limit, std::int64_t now) {
  const auto urgency = [&](const Candidate& c) {
    const auto& w = read.rows[c.row];
    return inbox::Urgency{c.due_at, w.since, plan.kinds[c.state], w.proposal.id};
  };
  const auto keep = std::min(shown.size(), static_cast<std::size_t>(limit));
  std::nth_element(shown.begin(), shown.begin() + static_cast<std::ptrdiff_t>(keep), shown.end(),
                   [&](const Candidate& a, const Candidate& b) {
                     return inbox::moreUrgent(urgency(a), urgency(b), now);
                   });
  shown.resize(keep);
}

// A fund can have tens of thousands of proposals waiting, and the inbox shows a hundred: only
// the `query.limit` most urgent of the query's kind are made items, and the others are counted
// into `uncounted`. In a state where each waits for the reader whatever its facts (a fund
// manager's screening, workflow::awaitedWhateverTheFacts), they are counted by the database and
// only the longest waiting are read; in the others, each is read and its facts decide.
void addProposals(db::Tx& tx, const Actor& actor, std::int64_t now, const InboxQuery& query,
                  Items& out, Mentions& mentions, inbox::Uncounted& uncounted) {
  stores::ProposalQuery scope;
  scopeQuery(actor, scope);
  auto plan = planProposals(actor, scope, query);
  if (plan.states.empty()) return;
  std::vector<std::int64_t> waiting_in(plan.states.size(), 0);  // per state, every one listed
  if (!plan.counted_in.empty()) {
    const auto counts = stores::InboxStore::proposalCounts(tx, plan.counted_in);
    for (std::size_t s = 0; s < plan.states.size(); ++s) {
      if (auto it = counts.find(plan.states[s]); it != counts.end()) waiting_in[s] = it->second;
    }
  }
  if (!plan.longest_in.empty()) {
    plan.read.ids = stores::InboxStore::longestWaiting(tx, plan.longest_in, query.limit);
  }
  auto read = stores::InboxStore::proposals(tx, scope, plan.read);
  auto shown = listedProposals(read, plan, actor, now, query, waiting_in);
  keepMostUrgent(shown, read, plan, query.limit, now);
  const auto& awaits = workflow::kProposalAwaits;
  for (const auto& c : shown) {
    const auto& w = read.rows[c.row];
    const auto& p = w.proposal;
    auto item = itemOf(awaits, p.state, c.waiting);
    item.record = {"proposal", p.id, p.reference, w.title, p.city_org_id, w.city_name, p.state, {}};
    item.since = w.since;
    item.due_at = c.due_at;
    if (workflow::fourEyesIn(awaits, p.state))
      addPerson(mentions, out.size(), "proposed_by", p.award_proposed_by,
                {p.city_org_id, p.supporting_org_id.value_or(0)});
    out.push_back(std::move(item));
    --waiting_in[c.state];
  }
  for (std::size_t s = 0; s < plan.states.size(); ++s) {
    if (waiting_in[s] > 0) uncounted[plan.kinds[s]] += waiting_in[s];
  }
}

void addAssignments(db::Tx& tx, const Actor& actor, Items& out) {
  const auto& awaits = workflow::kReviewAwaits;
  const auto states = statesFor(awaits, actor);
  if (states.empty()) return;
  stores::AssignmentQuery scope;
  scopeQuery(actor, scope);
  for (const auto& w : stores::InboxStore::assignments(tx, scope, states)) {
    const auto& a = w.assignment;
    // The scores and comment are content the reviewer completes: the inbox reads no guard of
    // theirs (workflow::waitingFor), so they are not gathered here.
    const auto facts = reviewFactsOf(a, false);
    const auto waiting = workflow::waitingFor(
        awaits, a.state, actor, facts,
        [&](workflow::ReviewEvent e) { return workflow::proposalAllows(w.proposal_state, e); });
    if (!waiting.listed) continue;
    auto item = itemOf(awaits, a.state, waiting);
    item.record = {"review_assignment",
                   a.id,
                   w.proposal_reference,
                   w.title,
                   w.city_org_id,
                   w.city_name,
                   a.state,
                   {}};
    item.since = w.since;
    out.push_back(std::move(item));
  }
}

void addGrants(db::Tx& tx, const Actor& actor, Items& out) {
  const auto& awaits = workflow::kGrantAwaits;
  const auto states = statesFor(awaits, actor);
  if (states.empty()) return;
  for (const auto& w : stores::InboxStore::grants(tx, visibilityOf(actor), states)) {
    const auto& g = w.grant;
    const auto facts = grantFactsOf(g, w.tranches_settled, w.final_report_accepted);
    const auto waiting = workflow::waitingFor(awaits, g.state, actor, facts);
    if (!waiting.listed) continue;
    auto item = itemOf(awaits, g.state, waiting);
    item.record = {"grant", g.id, g.reference, w.title, g.city_org_id, w.city_name, g.state, g.id};
    item.since = w.since;
    out.push_back(std::move(item));
  }
}

void addTranches(db::Tx& tx, const Actor& actor, std::int64_t now, Items& out,
                 Mentions& mentions) {
  const auto& awaits = workflow::kTrancheAwaits;
  const auto states = statesFor(awaits, actor);
  if (states.empty()) return;
  for (const auto& w : stores::InboxStore::tranches(tx, visibilityOf(actor), states, now)) {
    const auto& t = w.tranche;
    const auto& g = w.grant;
    const auto facts = trancheFactsOf(t, scopeOf(g), g.state == "active", w.previous_state,
                                      w.report_state, w.report_overdue);
    const auto waiting = workflow::waitingFor(awaits, t.state, actor, facts);
    if (!waiting.listed) continue;
    auto item = itemOf(awaits, t.state, waiting);
    item.record = {"tranche",     t.id,        t.reference, g.title,
                   g.city_org_id, g.city_name, t.state,     g.id};
    item.since = w.since;
    if (workflow::fourEyesIn(awaits, t.state)) {
      const access::Parties parties{g.city_org_id, g.supporting_org_id};
      addPerson(mentions, out.size(), "requested_by", t.requested_by, parties);
      addPerson(mentions, out.size(), "verified_by", t.verified_by, parties);
      addPerson(mentions, out.size(), "approved_by", t.approved_by, parties);
    }
    out.push_back(std::move(item));
  }
}

// Reports: the steps of the reader's roles (a due draft for its city, a submitted report for its
// supporting partner), and for fund managers every overdue draft of a running grant, which waits
// for its city and which the fund follows up (report.overdue).
void addReports(db::Tx& tx, const Actor& actor, std::int64_t now, Items& out) {
  const auto& awaits = workflow::kReportAwaits;
  const auto states = statesFor(awaits, actor);
  const bool follows_up = actor.roles.has(access::Role::kFundManager);
  if (states.empty() && !follows_up) return;
  for (const auto& w :
       stores::InboxStore::reports(tx, visibilityOf(actor), states, follows_up, now)) {
    const auto& r = w.report;
    const auto& g = w.grant;
    // Whether the report is complete is content its city finishes: not read here.
    const workflow::ReportFacts facts{scopeOf(g), false};
    const auto waiting = workflow::waitingFor(awaits, r.state, actor, facts);
    Item item;
    if (waiting.listed) {
      item = itemOf(awaits, r.state, waiting);
    } else if (follows_up && r.state == "draft" && r.due_at < now) {
      item = itemOf(awaits, r.state, waiting);
      item.kind = std::string(inbox::kReportOverdue);
    } else {
      continue;  // a due draft of another city, not overdue: nothing for this reader
    }
    item.record = {"report", r.id, g.reference, g.title, g.city_org_id, g.city_name, r.state, g.id};
    item.detail.report_kind = r.kind;
    item.since = w.since;
    if (r.state == "draft") item.due_at = r.due_at;
    out.push_back(std::move(item));
  }
}

// Changes to running grants: drafts for their proposing side to send, requests for the partner's
// review or the fund's decision, approved ones to apply (four eyes named on an increase). The
// guards' facts are the amendment's own (amendmentFacts): a few statements for each amendment
// waiting, which are few at a time, beside the one that finds them.
void addAmendments(db::Tx& tx, const Actor& actor, Items& out, Mentions& mentions) {
  const auto& awaits = workflow::kAmendmentAwaits;
  const auto states = statesFor(awaits, actor);
  if (states.empty()) return;
  for (const auto& w : stores::InboxStore::amendments(tx, visibilityOf(actor), states)) {
    const auto a = stores::AmendmentStore::load(tx, w.id);
    const auto g = stores::GrantStore::load(tx, w.grant.id);
    if (!a || !g) continue;
    const auto waiting = workflow::waitingFor(awaits, a->state, actor, amendmentFacts(tx, *a, *g));
    // A draft is its proposer's own work: it waits for nobody else, even where the guard that
    // keeps others from sending it is a rule about persons.
    const bool draft = a->state == workflow::kAmendmentEditable[0];
    if (!waiting.listed || (draft && waiting.expected.empty())) continue;
    auto item = itemOf(awaits, a->state, waiting);
    item.record = {"amendment",          a->id,           w.grant.reference, w.grant.title,
                   w.grant.city_org_id, w.grant.city_name, a->state,          w.grant.id};
    item.since = w.since;
    if (workflow::fourEyesIn(awaits, a->state)) {
      const access::Parties parties{g->city_org_id, g->supporting_org_id};
      addPerson(mentions, out.size(), "proposed_by", std::optional<std::int64_t>(a->proposed_by),
                parties);
      addPerson(mentions, out.size(), "approved_by", a->approved_by, parties);
    }
    out.push_back(std::move(item));
  }
}

}  // namespace

void addRecordItems(db::Tx& tx, const Actor& actor, std::int64_t now, const InboxQuery& query,
                    std::vector<inbox::Item>& out, inbox::Uncounted& uncounted) {
  Mentions mentions;
  addProposals(tx, actor, now, query, out, mentions, uncounted);
  addAssignments(tx, actor, out);
  addGrants(tx, actor, out);
  addTranches(tx, actor, now, out, mentions);
  addReports(tx, actor, now, out);
  addAmendments(tx, actor, out, mentions);
  nameMentions(tx, actor, mentions, out);
}

}  // namespace citygrants::usecases
