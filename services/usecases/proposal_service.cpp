#include "services/usecases/proposal_service.h"

#include <algorithm>
#include <ctime>

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"
#include "modules/core/reference.h"
#include "modules/core/text.h"
#include "modules/opendata/dac_sector.h"
#include "modules/workflow/proposal_flow.h"
#include "services/audit/audit_log.h"
#include "services/mail/notifications.h"
#include "services/stores/call_store.h"
#include "services/stores/directory_store.h"
#include "services/stores/review_store.h"
#include "services/stores/search_store.h"
#include "services/usecases/call_service.h"
#include "services/usecases/grant_schedule.h"
#include "services/usecases/list_scope.h"
#include "services/usecases/proposal_facts.h"
#include "services/usecases/transition.h"

namespace citygrants::usecases {
namespace {

using core::Problem;
using core::ProblemKind;

int yearOf(std::int64_t epoch_ms) {
  std::time_t t = static_cast<std::time_t>(epoch_ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm.tm_year + 1900;
}

// The proposal's row of the search index, from its current version as written so far.
void reindexProposal(db::Tx& tx, std::int64_t id) {
  stores::SearchIndex::reindex(tx, stores::SearchIndex::Kind::kProposal, id);
}

struct Loaded {
  stores::Proposal proposal;
  stores::Call call;  // its terms only: no criteria or plan
  stores::ProposalVersion current;
  std::vector<stores::Assignment> assignments;  // every one, read once for scope and facts
};

// Loads a proposal the actor may see, with its call and current version; kNotFound otherwise.
Loaded loadVisible(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto found = stores::ProposalStore::loadCurrent(tx, id);
  if (!found) throw Problem::notFound("proposal");
  auto assignments = stores::ReviewStore::forProposal(tx, id);
  if (!access::canSee(actor, proposalScope(found->proposal, assignments))) {
    throw Problem::notFound("proposal");
  }
  return Loaded{std::move(found->proposal), std::move(found->call), std::move(found->current),
                std::move(assignments)};
}

// Field errors of `content` as a draft of a proposal to `call_id`.
std::vector<core::FieldError> draftErrors(db::Tx& tx, std::int64_t call_id,
                                          const proposals::ProposalContent& content) {
  auto errors = proposals::validateDraft(content);
  auto framework = frameworkErrors(tx, call_id, content, false);
  errors.insert(errors.end(), framework.begin(), framework.end());
  return errors;
}

// Starts version n+1 as a copy of version n (unfrozen), e.g. the full proposal after a concept
// note is invited, or a revision after a revision request.
stores::ProposalVersion startNextVersion(db::Tx& tx, stores::Proposal& p,
                                         const stores::ProposalVersion& from, const std::string& stage,
                                         std::int64_t by, std::int64_t now) {
  stores::ProposalVersion next = from;
  next.number = from.number + 1;
  next.stage = stage;
  next.frozen = false;
  next.translation_en.reset();
  next.created_by = by;
  stores::ProposalStore::insertVersion(tx, next, now, from.id);
  p.current_version = next.number;
  return next;
}

// The view of `p` at `now` with its call, current version and assignments, except the proposal
// and the version themselves, which the callers copy or move in.
ProposalView viewWithout(db::Tx& tx, const Actor& actor, const stores::Proposal& p,
                         const stores::Call& call, const stores::ProposalVersion& current,
                         const std::vector<stores::Assignment>& assignments, std::int64_t now) {
  auto facts = proposalFacts(tx, p, call, current, assignments, std::nullopt, now);
  ProposalView out{
      {},
      {},
      toStrings(workflow::allowedEvents(workflow::kProposalFlow, p.state, actor, facts)),
      workflow::waitingFor(workflow::kProposalAwaits, p.state, actor, facts).held,
      true,
      call.currency};
  out.full_access = seesFullProposal(actor, p, assignments);
  if (now < call.closes_at) out.changes_at = call.closes_at;  // proposalFacts: call_open
  return out;
}

// The view of `p` as a use case just wrote it: its call, version and assignments loaded here.
ProposalView viewOf(db::Tx& tx, const Actor& actor, const stores::Proposal& p, std::int64_t now) {
  const auto call = stores::CallStore::loadTerms(tx, p.call_id);
  auto current = stores::ProposalStore::loadVersion(tx, p.id, p.current_version);
  auto out = viewWithout(tx, actor, p, call.value(), current.value(),
                         stores::ReviewStore::forProposal(tx, p.id), now);
  out.proposal = p;
  out.current = std::move(*current);
  return out;
}

// The view of a loaded proposal, which it takes (a version is its targets too: not copied).
ProposalView viewOf(db::Tx& tx, const Actor& actor, Loaded&& l, std::int64_t now) {
  auto out = viewWithout(tx, actor, l.proposal, l.call, l.current, l.assignments, now);
  out.proposal = std::move(l.proposal);
  out.current = std::move(l.current);
  return out;
}

// The proposal machine for fireTransition (transition.h).
struct ProposalFlow {
  using Types = workflow::ProposalTypes;
  using View = ProposalView;
  struct Loaded : usecases::Loaded {
    std::optional<stores::Grant> grant;  // the grant an approval created
  };
  using Row = workflow::Transition<Types>;
  static constexpr std::string_view kEntity = "proposal";
  static const auto& machine() { return workflow::kProposalFlow; }

  Loaded load(db::Tx& tx, const Actor& actor, std::int64_t id) {
    return {loadVisible(tx, actor, id), std::nullopt};
  }
  workflow::ProposalRecord record(Loaded& l) { return {l.proposal, l.current}; }
  std::string& state(Loaded& l) { return l.proposal.state; }
  std::int64_t version(const Loaded& l) { return l.proposal.version; }
  workflow::ProposalFacts facts(db::Tx& tx, const Loaded& l, const TransitionRequest& req,
                                std::int64_t now) {
    return proposalFacts(tx, l.proposal, l.call, l.current, l.assignments, req.input.amount_minor,
                         now);
  }
  std::vector<core::FieldError> missing(db::Tx& tx, const Loaded& l) {
    if (l.current.stage == "concept") {
      return proposals::validateConcept(l.current.content, termsOf(l.call));
    }
    auto errors = proposals::validateForSubmission(l.current.content, termsOf(l.call));
    auto framework = frameworkErrors(tx, l.call.id, l.current.content, true);
    errors.insert(errors.end(), framework.begin(), framework.end());
    return errors;
  }
  // What was submitted never changes; an invited concept note continues as a full proposal.
  void before(db::Tx& tx, const Actor& actor, Loaded& l, const Row& row, std::int64_t now) {
    if (row.has(workflow::kFreezesVersion)) {
      stores::ProposalStore::freeze(tx, l.current.id);
      l.current.frozen = true;
    }
    if (row.has(workflow::kStartsNextVersion)) {
      l.current = startNextVersion(tx, l.proposal, l.current, "full", actor.user_id, now);
    }
  }
  void save(db::Tx& tx, const Actor& actor, Loaded& l, const Row& row,
            const TransitionRequest& req, std::int64_t now) {
    if (const auto& sector = req.input.sector_code) {
      if (!row.has(workflow::kCreatesGrant)) {
        throw Problem::invalidField("sector_code", "proposal.sector_not_here");
      }
      if (!opendata::isDacSector(*sector)) {
        throw Problem::invalidField("sector_code", "opendata.sector");
      }
    }
    auto& p = l.proposal;
    if (row.has(workflow::kWritesTerms)) {
      stores::ProposalStore::update(tx, p, now);
    } else {
      stores::ProposalStore::updateState(tx, p, now);
    }
    // A new version carries the text over without the English translation of the old one.
    if (row.has(workflow::kStartsNextVersion)) reindexProposal(tx, p.id);
    if (row.has(workflow::kCreatesGrant)) {
      l.grant = createGrant(tx, p, *stores::CallStore::load(tx, l.call.id) /* with its plan */,
                            l.current, p.award_minor.value_or(0), req.input.sector_code.value_or(""),
                            actor.user_id, now);
    }
    if (row.has(workflow::kRecordsDecision)) {
      stores::ProposalStore::insertDecision(
          tx, {p.id, std::string(workflow::nameOf(row.event)), decidedAmount(l, row),
               req.input.reason.value_or(""), actor.user_id},
          now);
    }
  }
  static std::optional<std::int64_t> decidedAmount(const Loaded& l, const Row& row) {
    if (!row.has(workflow::kDecidesAward)) return std::nullopt;
    return l.proposal.award_minor;
  }
  Detail detail(const Loaded& l, const Row& row, const TransitionRequest& req) {
    auto d = transitionDetail(req);
    if (row.has(workflow::kFlagsFutureRound)) d.flag("eligible_future", req.input.eligible_future);
    if (auto amount = decidedAmount(l, row)) d.number("award_minor", amount);
    return d;
  }
  void after(db::Tx& tx, const Actor&, Loaded& l, const Row& row, const TransitionRequest& req,
             std::int64_t now) {
    mail::mailProposalEvent(tx, row.notice, l.proposal, l.current, l.call, req.input.reason,
                            l.grant ? &*l.grant : nullptr, now);
  }
  // p and current as just written; no proposal event touches the assignments. The last use of
  // `l` (fireTransition), so the view takes what it loaded.
  View view(db::Tx& tx, const Actor& actor, Loaded& l, std::int64_t now) {
    return viewOf(tx, actor, std::move(l), now);
  }
};

}  // namespace

ProposalView ProposalService::create(const Actor& actor, std::int64_t call_id,
                                     const proposals::ProposalContent& content) {
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto org = stores::DirectoryStore::findOrganisation(tx, actor.org_id);
    access::Scope own{actor.org_id, {}};
    if (!org || org->kind != access::OrgKind::kCity ||
        !access::may(actor, access::Action::kCreateProposal, own)) {
      throw Problem::forbidden("forbidden.start_proposal");
    }
    auto call = stores::CallStore::load(tx, call_id);
    if (!call) throw Problem::notFound("call");
    if (call->state != "open" || now >= call->closes_at) {
      throw Problem(ProblemKind::kConflict, "proposal.call_not_open");
    }
    if (auto errors = draftErrors(tx, call_id, content); !errors.empty()) {
      throw Problem::invalid(errors);
    }

    stores::Proposal p;
    p.call_id = call_id;
    p.city_org_id = actor.org_id;
    const int year = yearOf(now);
    p.reference =
        core::proposalReference(year, stores::ProposalStore::claimReferenceNumber(tx, year));
    p.state = call->two_stage ? "concept_draft" : "draft";
    p.created_by = actor.user_id;
    p.id = stores::ProposalStore::insert(tx, p, now);

    stores::ProposalVersion v;
    v.proposal_id = p.id;
    v.number = 1;
    v.stage = call->two_stage ? "concept" : "full";
    v.created_by = actor.user_id;
    v.content = content;
    stores::ProposalStore::insertVersion(tx, v, now);
    reindexProposal(tx, p.id);
    audit::appendAudit(tx, {actor.user_id, "proposal", p.id, "create", "", p.state,
                            Detail().text("reference", p.reference).json(), now});
    auto out = viewOf(tx, actor, *stores::ProposalStore::load(tx, p.id), now);
    tx.commit();
    return out;
  });
}

ProposalView ProposalService::edit(const Actor& actor, std::int64_t proposal_id,
                                   std::optional<std::int64_t> expected_version,
                                   const proposals::ProposalContent& content) {
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto loaded = loadVisible(tx, actor, proposal_id);
    auto& p = loaded.proposal;
    if (!access::may(actor, access::Action::kEditProposal, {p.city_org_id, {}})) {
      throw Problem::forbidden("forbidden.edit_proposal");
    }
    requireVersion(expected_version, p.version, "proposal");
    if (!workflow::editableIn(workflow::kProposalFlow, p.state)) {
      throw Problem(ProblemKind::kInvalidTransition,
                    {"transition.proposal_not_editable",
                     {core::MessageArg::term("state", "state.", p.state)}});
    }
    if (auto errors = draftErrors(tx, p.call_id, content); !errors.empty()) {
      throw Problem::invalid(errors);
    }
    auto current = loaded.current;
    if (current.frozen) {
      current = startNextVersion(tx, p, current, current.stage, actor.user_id, now);
    }
    stores::ProposalStore::replaceContent(tx, current.id, content);
    stores::ProposalStore::update(tx, p, now);
    reindexProposal(tx, p.id);
    audit::appendAudit(tx, {actor.user_id, "proposal", p.id, "edit", p.state, p.state,
                            Detail().number("version_number", current.number).json(), now});
    auto out = viewOf(tx, actor, *stores::ProposalStore::load(tx, p.id), now);
    tx.commit();
    return out;
  });
}

ProposalView ProposalService::fire(const Actor& actor, std::int64_t proposal_id,
                                   const TransitionRequest& req) {
  ProposalFlow flow;
  return runTransition(ctx_, flow, actor, proposal_id, req);
}

ProposalView ProposalService::setSupportingPartner(const Actor& actor, std::int64_t proposal_id,
                                                   std::optional<std::int64_t> expected_version,
                                                   std::int64_t partner_org_id) {
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto loaded = loadVisible(tx, actor, proposal_id);
    auto& p = loaded.proposal;
    if (!access::may(actor, access::Action::kAssignPartner)) {
      throw Problem::forbidden("forbidden.name_supporting_partner");
    }
    requireVersion(expected_version, p.version, "proposal");
    if (p.state != "submitted" && p.state != "screening" && p.state != "in_review" &&
        p.state != "reviewed") {
      throw Problem(ProblemKind::kInvalidTransition,
                    {"transition.supporting_partner_when",
                     {core::MessageArg::term("state", "state.", p.state)}});
    }
    auto org = stores::DirectoryStore::findOrganisation(tx, partner_org_id);
    if (!org || org->kind != access::OrgKind::kPartner) {
      throw Problem::invalidField("partner_org_id", "field.partner_org");
    }
    p.supporting_org_id = partner_org_id;
    stores::ProposalStore::update(tx, p, now);
    audit::appendAudit(tx, {actor.user_id, "proposal", p.id, "set_supporting_partner", p.state,
                            p.state, Detail().number("partner_org_id", partner_org_id).json(), now});
    auto out = viewOf(tx, actor, *stores::ProposalStore::load(tx, p.id), now);
    tx.commit();
    return out;
  });
}

ProposalView ProposalService::attachTranslation(const Actor& actor, std::int64_t proposal_id,
                                                const std::string& text) {
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto loaded = loadVisible(tx, actor, proposal_id);
    if (!actor.roles.has(access::Role::kFundManager)) {
      throw Problem::forbidden("forbidden.attach_translation");
    }
    auto len = core::utf8Length(text);
    if (!len || core::isBlank(text) || *len > proposals::kMaxSummary) {
      throw Problem::invalidField("translation_en",
                                  {"proposal.translation", {{"max", proposals::kMaxSummary}}});
    }
    stores::ProposalStore::setTranslation(tx, loaded.current.id, text);
    stores::ProposalStore::update(tx, loaded.proposal, now);
    reindexProposal(tx, proposal_id);
    audit::appendAudit(tx, {actor.user_id, "proposal", proposal_id, "attach_translation",
                            loaded.proposal.state, loaded.proposal.state,
                            Detail().number("version_number", loaded.current.number).json(), now});
    auto out = viewOf(tx, actor, *stores::ProposalStore::load(tx, proposal_id), now);
    tx.commit();
    return out;
  });
}

ProposalView ProposalService::get(const Actor& actor, std::int64_t proposal_id) {
  auto tx = ctx_.db.read();
  auto out = viewOf(tx, actor, loadVisible(tx, actor, proposal_id), ctx_.clock.nowMs());
  tx.commit();
  return out;
}

ProposalVersions ProposalService::versions(const Actor& actor, std::int64_t proposal_id) {
  auto tx = ctx_.db.read();
  auto l = loadVisible(tx, actor, proposal_id);
  const auto view =
      viewWithout(tx, actor, l.proposal, l.call, l.current, l.assignments, ctx_.clock.nowMs());
  ProposalVersions out{{}, view.currency};
  for (int n = 1; view.full_access && n <= l.proposal.current_version; ++n) {
    if (auto v = stores::ProposalStore::loadVersion(tx, proposal_id, n)) out.items.push_back(*v);
  }
  tx.commit();
  return out;
}

stores::ProposalPage ProposalService::list(const Actor& actor, stores::ProposalQuery query) {
  scopeQuery(actor, query);
  auto tx = ctx_.db.read();
  auto page = stores::listProposals(tx, query);
  tx.commit();
  return page;
}

}  // namespace citygrants::usecases
