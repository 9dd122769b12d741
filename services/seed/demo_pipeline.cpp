#include "services/seed/demo_pipeline.h"

#include <algorithm>
#include <stdexcept>

#include "services/seed/demo_results.h"
#include "services/seed/demo_translations.h"
#include "services/usecases/grant_service.h"
#include "services/usecases/proposal_service.h"
#include "services/usecases/report_service.h"
#include "services/usecases/review_service.h"
#include "services/usecases/tranche_service.h"

namespace citygrants::seed {
namespace {

// The order in which a proposal passes the states the demo stops at.
constexpr const char* kPath[] = {"concept_draft", "concept_submitted", "draft", "submitted",
                                 "screening", "in_review", "reviewed", "award_proposed", "approved"};

int rank(const std::string& state) {
  for (int i = 0; i < static_cast<int>(std::size(kPath)); ++i) {
    if (state == kPath[i]) return i;
  }
  return -1;
}

}  // namespace

void DemoPipeline::review(std::int64_t proposal_id, const DemoProposal& p, bool submit) {
  usecases::ReviewService reviews(ctx_);
  const auto& fm = people_["fm1@mmc.demo"];
  for (std::size_t r = 0; r < p.reviewers.size(); ++r) {
    const auto& reviewer = people_[p.reviewers[r]];
    step();
    auto a = reviews.assign(fm, proposal_id, reviewer.org_id);
    if (!submit && r + 1 == p.reviewers.size()) continue;  // the last one has not declared yet
    step();
    usecases::TransitionRequest accept{.event = "accept"};
    accept.input.no_conflict_declared = true;
    a = reviews.fire(reviewer, a.id, accept);
    std::vector<stores::StoredScore> scores;
    const auto& values = p.scores.at(r);
    const std::size_t scored = submit ? call_.criteria.size() : call_.criteria.size() / 2;
    for (std::size_t c = 0; c < scored; ++c) {
      scores.push_back({{call_.criteria[c].id, values.at(c)}, "See the overall comment."});
    }
    step();
    a = reviews.score(reviewer, a.id, a.version, scores,
                      "Clear problem analysis and a credible partnership with community "
                      "organisations; the monitoring plan should name its indicators.");
    if (submit) reviews.fire(reviewer, a.id, {.event = "submit", .expected_version = a.version});
  }
}

std::int64_t DemoPipeline::drive(const DemoProposal& p) {
  usecases::ProposalService proposals(ctx_);
  const auto& applicant = people_[p.applicant];
  const auto& fm1 = people_["fm1@mmc.demo"];
  const auto& fm2 = people_["fm2@mmc.demo"];
  const std::string& target = p.target_state;
  step();
  auto view = proposals.create(applicant, call_.id, p.content);
  const auto id = view.proposal.id;
  auto go = [&](const access::Actor& who, const std::string& event,
                std::optional<std::string> reason = std::nullopt,
                std::optional<std::int64_t> amount = std::nullopt) {
    step();
    usecases::TransitionRequest req{.event = event};
    req.input.reason = std::move(reason);
    req.input.amount_minor = amount;
    view = proposals.fire(who, id, req);
  };
  const int want = rank(target);
  if (target == "concept_draft") return id;
  go(applicant, "submit_concept");
  if (target == "concept_submitted") return id;
  if (target == "concept_declined") {
    usecases::TransitionRequest req{.event = "decline_concept"};
    req.input.eligible_future = true;
    req.input.reason = "A strong idea that fits the next round's focus on climate displacement.";
    step();
    proposals.fire(fm1, id, req);
    return id;
  }
  if (target == "withdrawn") {
    go(applicant, "withdraw", "Our council reallocated the programme to national funding.");
    return id;
  }
  go(fm1, "invite", "Please develop the full proposal; detail the budget per activity.");
  if (target == "draft") return id;
  go(applicant, "submit");
  if (target == "submitted") return id;
  go(fm1, "screen");
  if (target == "screening") return id;
  if (target == "revision_requested") {
    go(fm1, "return", "The budget lacks a monitoring and evaluation line; please add one.");
    return id;
  }
  step();
  view = proposals.setSupportingPartner(fm1, id, view.proposal.version,
                                        people_.org_ids.at(p.supporting_partner));
  const bool submit_reviews = want >= rank("reviewed") || target == "rejected";
  review(id, p, submit_reviews);
  // The fund reviews in English: a proposal in another language goes with its translation.
  if (p.content.language != "en") {
    step();
    view = proposals.attachTranslation(fm1, id, demoTranslation(p.content.title).value());
  }
  go(fm1, "send_to_review");
  if (target == "in_review") return id;
  go(fm1, "close_review");
  if (target == "reviewed") return id;
  if (target == "rejected") {
    go(fm1, "reject", "Reviewers found the target groups' participation too thin.");
    return id;
  }
  const auto amount = view.current.content.amount_minor;
  if (amount > call_.threshold_minor) {
    go(fm1, "propose_award", "Both reviews rate it highly; full amount recommended.", amount);
    if (target == "award_proposed") return id;
    go(fm2, "approve");
  } else {
    go(fm1, "approve");
  }
  if (view.proposal.state != target) throw std::logic_error("demo proposal stopped at " + view.proposal.state);
  return id;
}

void DemoPipeline::verifyNextTranche(std::int64_t proposal_id, const std::string& applicant_login,
                                     const std::string& reviewer_login) {
  usecases::GrantService grants(ctx_);
  usecases::TrancheService tranches(ctx_);
  const auto& fm1 = people_["fm1@mmc.demo"];
  const auto grant = grants.ofProposal(fm1, proposal_id);
  for (const auto& t : grants.tranches(fm1, grant.id)) {
    if (t.state != "scheduled") continue;
    step();
    tranches.fire(people_[applicant_login], t.id, {.event = "request"});
    step();
    tranches.fire(people_[reviewer_login], t.id, {.event = "verify"});
    return;
  }
  throw std::logic_error("demo grant " + grant.reference + " has no scheduled tranche");
}

void DemoPipeline::runGrant(std::int64_t proposal_id, const std::string& applicant_login,
                            const std::string& reviewer_login, int percent, bool accepted) {
  usecases::GrantService grants(ctx_);
  usecases::TrancheService tranches(ctx_);
  usecases::ReportService reports(ctx_);
  const auto& applicant = people_[applicant_login];
  const auto& reviewer = people_[reviewer_login];
  const auto& fm1 = people_["fm1@mmc.demo"];
  const auto& fm2 = people_["fm2@mmc.demo"];
  const auto grant = grants.ofProposal(fm1, proposal_id);
  step();
  grants.fire(applicant, grant.id, {.event = "sign"});
  auto schedule = grants.tranches(fm1, grant.id);
  const auto first = schedule.front().id;
  step();
  tranches.fire(applicant, first, {.event = "request"});
  step();
  tranches.fire(reviewer, first, {.event = "verify"});
  step();
  tranches.fire(fm1, first, {.event = "approve"});
  step();
  usecases::TransitionRequest pay{.event = "disburse"};
  pay.input.payment_reference = "MMC-PAY-" + grant.reference;
  pay.input.idempotency_key = "demo-disbursement-" + grant.reference + "-T1";
  tranches.fire(fm2, first, pay);
  const auto plans =
      usecases::ProposalService(ctx_).get(fm1, proposal_id).current.content.indicators;
  for (const auto& r : grants.reports(fm1, grant.id)) {
    if (r.kind != "progress") continue;
    step();
    auto report = reports.edit(applicant, r.id, r.version,
                               "First quarter: two service centres opened; 640 people registered, "
                               "41% of them women; a community advisory board of refugees meets "
                               "monthly.",
                               {}, demoResults(plans, 1, percent));
    if (!accepted) continue;
    step();
    report = reports.fire(applicant, r.id, {.event = "submit", .expected_version = report.version});
    step();
    reports.fire(reviewer, r.id, {.event = "accept", .expected_version = report.version});
  }
}

}  // namespace citygrants::seed
