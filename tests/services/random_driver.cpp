#include "tests/services/random_driver.h"

#include <algorithm>
#include <stdexcept>

#include "modules/core/problem.h"
#include "modules/workflow/catalog.h"
#include "services/usecases/amendment_service.h"
#include "services/usecases/funding_service.h"
#include "services/usecases/grant_service.h"
#include "services/usecases/proposal_service.h"
#include "services/usecases/report_service.h"
#include "services/usecases/review_service.h"
#include "services/usecases/tranche_service.h"

namespace citygrants::testing {
namespace {

std::vector<std::string> eventsOf(std::string_view machine) {
  std::vector<std::string> out;
  for (const auto& m : workflow::allMachines()) {
    if (m.name != machine) continue;
    for (const auto& t : m.transitions) {
      if (std::find(out.begin(), out.end(), t.event) == out.end()) out.emplace_back(t.event);
    }
  }
  return out;
}

// Relative weights of the kinds of step.
constexpr int kWeights[] = {4, 3, 25, 4, 5, 10, 6, 6, 20, 5, 6, 3, 4, 8, 2};

}  // namespace

RandomDriver::RandomDriver(const std::string& name, std::uint64_t seed) : fund_(name), rng_(seed) {
  actors_ = {fund_.fm1,        fund_.fm2,        fund_.admin,       fund_.auditor,
             fund_.reviewer_a, fund_.reviewer_b, fund_.applicant_a, fund_.applicant_b};
  // A donor's two chapters pay the call's awards; together they hold less than its budget, so
  // some approvals find too little left.
  chapters_ = fund_.fundByChapters("Random Donor", {{"RANDOM-A", 60'000'000}, {"RANDOM-B", 100'000'000}});
}

std::string RandomDriver::allocate() {
  const auto id = anyId("grants");
  if (id == 0) return "no grant";
  const auto& who = chance(80) ? fund_.fm1 : anyActor();
  usecases::FundingService funding(fund_.ctx);
  const auto award = funding.ofGrant(fund_.fm1, id).award_minor;
  // Mostly a split that adds up to the award, sometimes one that does not or names a chapter
  // twice; a chapter may have too little left.
  const std::int64_t first = below(static_cast<int>(std::min<std::int64_t>(award, 2'000'000'000)));
  std::vector<results::Allocation> split;
  if (first > 0) split.push_back({chapters_[0], first});
  split.push_back({chapters_[chance(90) ? 1 : 0], award - first + (chance(90) ? 0 : 1)});
  funding.allocate(who, id, std::nullopt, split);
  return "allocate grant " + std::to_string(id) + " by " + std::to_string(who.user_id);
}

std::vector<std::int64_t> RandomDriver::ids(const std::string& sql) {
  auto tx = fund_.ctx.db.read();
  std::vector<std::int64_t> out;
  std::int64_t id = 0;
  soci::statement st = (tx.sql().prepare << sql, soci::into(id));
  st.execute();
  while (st.fetch()) out.push_back(id);
  tx.commit();
  return out;
}

std::int64_t RandomDriver::anyId(const std::string& table, const std::string& where) {
  // Half the time prefer the records furthest along (highest ids are not; recently changed are).
  const bool recent = chance(50);
  // Ordered either way, so that SQLite and PostgreSQL walk the same sequence from one seed.
  auto all = ids("SELECT id FROM " + table + (where.empty() ? "" : " WHERE " + where) +
                 (recent ? " ORDER BY updated_at DESC, id DESC LIMIT 4" : " ORDER BY id"));
  return all.empty() ? 0 : all[static_cast<std::size_t>(below(static_cast<int>(all.size())))];
}

const access::Actor& RandomDriver::anyActor() {
  return actors_[static_cast<std::size_t>(below(static_cast<int>(actors_.size())))];
}

template <class ActionsOf>
RandomDriver::Choice RandomDriver::choose(std::string_view machine, ActionsOf actions_of) {
  // Events that end or undo a record are picked a tenth as often as those that move it on, so
  // the sequence reaches grants and disbursements instead of withdrawing everything.
  static const std::vector<std::string> kEnding = {
      "withdraw", "discard", "screen_out", "reject", "decline_concept", "cancel",
      "terminate", "send_back", "decline", "return", "request_revision", "withdraw_award",
      "request_changes", "suspend", "reopen"};
  std::vector<Choice> offered;
  std::vector<int> weights;
  if (chance(85)) {
    for (const auto& a : actors_) {
      try {
        for (const auto& e : actions_of(a)) {
          offered.push_back({&a, e});
          weights.push_back(std::find(kEnding.begin(), kEnding.end(), e) != kEnding.end() ? 1 : 10);
        }
      } catch (const core::Problem&) {
        // not visible to this actor
      }
    }
  }
  if (offered.empty()) {
    const auto all = eventsOf(machine);
    return {&anyActor(), all[static_cast<std::size_t>(below(static_cast<int>(all.size())))]};
  }
  // When only ending events are offered, the record is usually waiting for another kind of step
  // (an assignment, a score, a report): mostly leave it alone.
  if (std::all_of(weights.begin(), weights.end(), [](int w) { return w == 1; }) && chance(90)) {
    return {nullptr, ""};
  }
  std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
  return offered[pick(rng_)];
}

usecases::TransitionRequest RandomDriver::request(const std::string& event, std::int64_t version) {
  usecases::TransitionRequest req{.event = event};
  const int v = below(10);
  if (v < 8) req.expected_version = version;
  if (v == 8) req.expected_version = version - 1;
  if (chance(85)) req.input.reason = "reason " + std::to_string(++counter_);
  if (chance(50)) req.input.amount_minor = 15'000'000 + below(40'000'000);
  if (chance(90)) req.input.payment_reference = "PAY-" + std::to_string(++counter_);
  if (!used_keys_.empty() && chance(15)) {
    req.input.idempotency_key = used_keys_[static_cast<std::size_t>(below(static_cast<int>(used_keys_.size())))];
  } else if (chance(90)) {
    req.input.idempotency_key = "key-" + std::to_string(++counter_);
  }
  if (req.input.idempotency_key) used_keys_.push_back(*req.input.idempotency_key);
  req.input.no_conflict_declared = chance(90);
  return req;
}

std::string RandomDriver::proposalEvent() {
  const auto id = anyId("proposals", chance(85) ? "state NOT IN ('approved', 'rejected', "
                                                  "'withdrawn', 'concept_declined')" : "");
  if (id == 0) return "no proposal";
  usecases::ProposalService s(fund_.ctx);
  const auto [actor, event] = choose("proposal", [&](const access::Actor& a) { return s.get(a, id).actions; });
  if (actor == nullptr) return "waiting";
  const auto& who = *actor;
  const auto view = s.get(who, id);
  const auto after = s.fire(who, id, request(event, view.proposal.version));
  // The view fire() answers is built from what it wrote, not read back: it must be what a read shows.
  const auto read = s.get(who, id);
  const auto& a = after.proposal;
  const auto& b = read.proposal;
  if (a.state != b.state || a.version != b.version || a.updated_at != b.updated_at ||
      a.current_version != b.current_version || a.award_minor != b.award_minor ||
      a.award_proposed_by != b.award_proposed_by || a.eligible_future != b.eligible_future ||
      a.supporting_org_id != b.supporting_org_id || after.current.id != read.current.id ||
      after.current.frozen != read.current.frozen || after.current.stage != read.current.stage ||
      after.actions != read.actions || after.full_access != read.full_access) {
    throw std::logic_error("proposal " + std::to_string(id) + " " + event +
                           ": the view fire() answered differs from a fresh read");
  }
  return "proposal " + std::to_string(id) + " " + event + " by " + std::to_string(who.user_id);
}

std::string RandomDriver::assignmentEvent() {
  const auto id = anyId("review_assignments",
                        chance(85) ? "proposal_id IN (SELECT id FROM proposals WHERE state IN "
                                     "('screening', 'in_review')) AND state NOT IN ('cancelled', 'declined')"
                                   : "");
  if (id == 0) return "no assignment";
  usecases::ReviewService s(fund_.ctx);
  const auto [actor, event] = choose("review_assignment", [&](const access::Actor& x) { return s.actions(x, s.get(x, id)); });
  if (actor == nullptr) return "waiting";
  const auto& who = *actor;
  const auto a = s.get(who, id);
  s.fire(who, id, request(event, a.version));
  return "assignment " + std::to_string(id) + " " + event + " by " + std::to_string(who.user_id);
}

std::string RandomDriver::score() {
  const auto id = anyId("review_assignments",
                        chance(85) ? "state = 'in_progress' AND proposal_id IN (SELECT id FROM "
                                     "proposals WHERE state IN ('screening', 'in_review'))"
                                   : "");
  if (id == 0) return "no assignment";
  usecases::ReviewService s(fund_.ctx);
  const auto assigned_org = s.get(fund_.fm1, id).partner_org_id;
  const auto& reviewer = assigned_org == fund_.partner_a ? fund_.reviewer_a : fund_.reviewer_b;
  const auto& who = chance(85) ? reviewer : anyActor();
  const auto a = s.get(who, id);
  std::vector<stores::StoredScore> scores;
  for (const auto& c : fund_.call.criteria) {
    if (chance(90)) scores.push_back({{c.id, chance(95) ? 1 + below(5) : 6}, "ok"});
  }
  s.score(who, id, a.version, scores, chance(90) ? "A sound proposal." : "");
  return "assignment " + std::to_string(id) + " scored by " + std::to_string(who.user_id);
}

std::string RandomDriver::grantEvent() {
  const auto id = anyId("grants");
  if (id == 0) return "no grant";
  usecases::GrantService s(fund_.ctx);
  const auto [actor, event] = choose("grant", [&](const access::Actor& x) { return s.actions(x, s.get(x, id)); });
  if (actor == nullptr) return "waiting";
  const auto& who = *actor;
  const auto g = s.get(who, id);
  s.fire(who, id, request(event, g.version));
  return "grant " + std::to_string(id) + " " + event + " by " + std::to_string(who.user_id);
}

std::string RandomDriver::trancheEvent() {
  const auto id = anyId("tranches", chance(85) ? "state NOT IN ('disbursed', 'cancelled') AND "
                                                 "grant_id IN (SELECT id FROM grants WHERE state = 'active')"
                                               : "");
  if (id == 0) return "no tranche";
  usecases::TrancheService s(fund_.ctx);
  const auto [actor, event] = choose("tranche", [&](const access::Actor& x) { return s.actions(x, s.get(x, id)); });
  if (actor == nullptr) return "waiting";
  const auto& who = *actor;
  const auto t = s.get(who, id);
  s.fire(who, id, request(event, t.version));
  return "tranche " + std::to_string(id) + " " + event + " by " + std::to_string(who.user_id);
}

std::string RandomDriver::reportEvent() {
  const auto id = anyId("reports", chance(85) ? "state <> 'accepted'" : "");
  if (id == 0) return "no report";
  usecases::ReportService s(fund_.ctx);
  const auto [actor, event] = choose("report", [&](const access::Actor& x) { return s.actions(x, s.get(x, id)); });
  if (actor == nullptr) return "waiting";
  const auto& who = *actor;
  const auto r = s.get(who, id);
  s.fire(who, id, request(event, r.version));
  return "report " + std::to_string(id) + " " + event + " by " + std::to_string(who.user_id);
}

std::string RandomDriver::reportEdit() {
  const auto id = anyId("reports", chance(85) ? "state = 'draft'" : "");
  if (id == 0) return "no report";
  const auto& who = chance(85) ? fund_.applicant_a : anyActor();
  usecases::ReportService s(fund_.ctx);
  const auto r = s.get(who, id);
  std::vector<stores::Spending> spending;
  if (r.kind == "financial") {
    for (auto line : ids("SELECT b.id FROM budget_lines b JOIN proposal_versions v ON v.id = b.version_id "
                         "JOIN proposals p ON p.id = v.proposal_id AND v.number = p.current_version "
                         "JOIN grants g ON g.proposal_id = p.id WHERE g.id = " + std::to_string(r.grant_id) +
                         " ORDER BY b.id")) {
      spending.push_back({line, below(10'000'000)});
    }
  }
  s.edit(who, id, r.version, chance(90) ? "Activities on track; see the annex." : "", spending);
  return "report " + std::to_string(id) + " edited by " + std::to_string(who.user_id);
}

std::string RandomDriver::amendmentEvent() {
  const auto id = anyId("amendments", chance(85) ? "state NOT IN ('applied', 'rejected', 'withdrawn')" : "");
  if (id == 0) return "no amendment";
  usecases::AmendmentService s(fund_.ctx);
  const auto [actor, event] = choose("amendment", [&](const access::Actor& x) { return s.get(x, id).actions; });
  if (actor == nullptr) return "waiting";
  const auto& who = *actor;
  const auto a = s.get(who, id);
  s.fire(who, id, request(event, a.version));
  return "amendment " + std::to_string(id) + " " + event + " by " + std::to_string(who.user_id);
}

std::string RandomDriver::run(int kind) {
  usecases::ProposalService proposals(fund_.ctx);
  usecases::ReviewService reviews(fund_.ctx);
  switch (kind) {
    case 0: {
      if (ids("SELECT id FROM proposals WHERE state NOT IN ('approved', 'rejected', 'withdrawn', "
              "'concept_declined')").size() >= 6) {
        return "enough live proposals";
      }
      const auto& who = chance(50) ? fund_.applicant_a : anyActor();
      auto content = Fund::content(20'000'000 + below(30'000'000));
      if (chance(10)) content.title.clear();
      const auto v = proposals.create(who, fund_.call.id, content);
      return "create proposal " + std::to_string(v.proposal.id);
    }
    case 1: {
      const auto id = anyId("proposals");
      const auto& who = anyActor();
      proposals.edit(who, id, std::nullopt, Fund::content(18'000'000 + below(34'000'000)));
      return "edit proposal " + std::to_string(id);
    }
    case 2: return proposalEvent();
    case 3: {
      const auto id = anyId("proposals", "state IN ('screening', 'in_review')");
      proposals.setSupportingPartner(chance(80) ? fund_.fm1 : anyActor(), id, std::nullopt, chance(50) ? fund_.partner_a : fund_.partner_b);
      return "supporting partner of " + std::to_string(id);
    }
    case 4: {
      const auto id = anyId("proposals", "state IN ('screening', 'in_review')");
      reviews.assign(chance(80) ? fund_.fm2 : anyActor(), id, chance(50) ? fund_.partner_a : fund_.partner_b);
      return "assign on " + std::to_string(id);
    }
    case 5: return assignmentEvent();
    case 6: return score();
    case 7: return grantEvent();
    case 8: return trancheEvent();
    case 9: return reportEdit();
    case 10: return reportEvent();
    case 11: return allocate();
    case 12: return amendmentDraft();
    case 13: return amendmentEvent();
    default:
      fund_.clock.advance(below(48) * 60 * 60 * 1000LL);
      return "clock forward";
  }
}

RandomDriver::Outcome RandomDriver::step() {
  std::discrete_distribution<int> kinds(std::begin(kWeights), std::end(kWeights));
  Outcome out;
  const int kind = kinds(rng_);
  try {
    out.what = run(kind);
    ++stats_.done;
  } catch (const core::Problem& p) {
    out.what = "kind " + std::to_string(kind) + " refused: " + p.what();
    out.refused = true;
    ++stats_.refused;
    ++stats_.refusals[std::to_string(kind) + ": " + p.what()];
  } catch (const std::exception& e) {
    out.what = "kind " + std::to_string(kind);
    out.fault = true;
    out.fault_message = e.what();
  }
  return out;
}

}  // namespace citygrants::testing
