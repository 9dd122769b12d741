#include "services/usecases/report_service.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"
#include "modules/core/text.h"
#include "modules/workflow/report_flow.h"
#include "services/audit/audit_log.h"
#include "services/stores/attachment_store.h"
#include "services/stores/indicator_store.h"
#include "services/stores/proposal_store.h"
#include "services/usecases/grant_service.h"
#include "services/usecases/transition.h"

namespace citygrants::usecases {
namespace {

using core::FieldError;
using core::Problem;
using core::ProblemKind;

struct Loaded {
  stores::Report report;
  stores::Grant grant;
};

// Loads a report whose grant the actor may see; kNotFound("report") otherwise.
Loaded loadVisible(db::Tx& tx, const Actor& actor, std::int64_t report_id) {
  auto r = stores::GrantStore::loadReport(tx, report_id);
  if (!r) throw Problem::notFound("report");
  return Loaded{*r, loadVisibleGrant(tx, actor, r->grant_id, "report")};
}

// The version of the grant's proposal that was approved (its current version).
stores::ProposalVersion approvedVersion(db::Tx& tx, const stores::Grant& g) {
  auto p = stores::ProposalStore::load(tx, g.proposal_id);
  if (!p) throw std::logic_error("a grant without its proposal");
  auto v = stores::ProposalStore::loadVersion(tx, p->id, p->current_version);
  if (!v) throw std::logic_error("a proposal without its current version");
  return *v;
}

std::vector<FieldError> editErrors(const stores::Report& r, const std::string& narrative,
                                   const std::vector<stores::Spending>& spending,
                                   const std::vector<std::int64_t>& line_ids) {
  std::vector<FieldError> e;
  auto len = core::utf8Length(narrative);
  if (!len || *len > ReportService::kMaxNarrative) {
    e.push_back({"narrative", {"field.too_long", {{"max", ReportService::kMaxNarrative}}}});
  }
  if (r.kind != "financial" && !spending.empty()) {
    e.push_back({"spending", "report.spending_financial_only"});
    return e;
  }
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < spending.size(); ++i) {
    const std::string at = "spending[" + std::to_string(i) + "]";
    const auto id = spending[i].budget_line_id;
    if (std::find(line_ids.begin(), line_ids.end(), id) == line_ids.end()) {
      e.push_back({at + ".budget_line_id", "report.budget_line_unknown"});
    } else if (!seen.insert(id).second) {
      e.push_back({at + ".budget_line_id", "report.budget_line_twice"});
    }
    if (spending[i].actual_minor < 0) e.push_back({at + ".actual_minor", "field.not_negative"});
  }
  return e;
}

// The reporting period whose results `r` states; none for a financial report.
std::optional<int> periodOf(db::Tx& tx, const stores::Report& r, const stores::Grant& g) {
  return results::periodOfReport(r.kind, stores::IndicatorStore::periodsOfCall(tx, g.call_id));
}

std::vector<std::int64_t> attachmentIds(db::Tx& tx, std::int64_t report_id) {
  std::vector<std::int64_t> out;
  for (const auto& a : stores::AttachmentStore::ofReport(tx, report_id)) out.push_back(a.id);
  return out;
}

// Field errors of `results` for report `r` of `g`: draft checks, or complete for submission.
std::vector<FieldError> resultErrors(db::Tx& tx, const stores::Report& r, const stores::Grant& g,
                                     const std::vector<results::IndicatorResult>& stated,
                                     bool submitting) {
  if (!periodOf(tx, r, g)) {
    if (stated.empty()) return {};
    return {{"results", "report.results_not_here"}};
  }
  return results::validateResults(stores::IndicatorStore::chosenForCall(tx, g.call_id), stated,
                                  attachmentIds(tx, r.id), submitting);
}

// What keeps a report from being submitted; empty when it is complete.
std::vector<FieldError> missingForSubmission(db::Tx& tx, const Loaded& l) {
  std::vector<FieldError> e;
  if (core::isBlank(l.report.narrative)) e.push_back({"narrative", "field.required"});
  if (l.report.kind != "financial") {
    auto stated = stores::IndicatorStore::resultsOf(tx, l.report.id);
    auto more = resultErrors(tx, l.report, l.grant, stated, true);
    e.insert(e.end(), more.begin(), more.end());
    return e;
  }
  const auto stated = stores::GrantStore::spendingOf(tx, l.report.id);
  const auto lines = approvedVersion(tx, l.grant).budget_line_ids;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool given = std::any_of(stated.begin(), stated.end(),
                                   [&](const auto& s) { return s.budget_line_id == lines[i]; });
    if (!given) {
      e.push_back({"spending", {"report.spending_missing", {{"line", i + 1}}}});
    }
  }
  return e;
}

workflow::ReportFacts reportFacts(db::Tx& tx, const Loaded& l) {
  return workflow::ReportFacts{grantScope(l.grant), missingForSubmission(tx, l).empty()};
}

// What the approved proposal promised for `period` on each indicator the call chose.
std::vector<PeriodTarget> targetsFor(db::Tx& tx, const stores::Grant& g, int period) {
  const auto plans = approvedVersion(tx, g).content.indicators;
  std::vector<PeriodTarget> out;
  for (const auto& c : stores::IndicatorStore::ofCall(tx, g.call_id)) {
    PeriodTarget t{c.code, c.required, std::nullopt};
    for (const auto& p : plans) {
      if (p.indicator == c.code && p.targets.size() >= static_cast<std::size_t>(period)) {
        t.target = p.targets[period - 1];
      }
    }
    out.push_back(std::move(t));
  }
  return out;
}

// Queues who submitted and who accepted the report to be named into `view`.
void nameSteps(ActorNaming& naming, ReportView& view, const stores::Grant& g) {
  naming.add(view.actors, "submitted_by", view.submitted_by, grantParties(g));
  naming.add(view.actors, "accepted_by", view.accepted_by, grantParties(g));
}

// The report as the actor sees it, its people not yet named.
ReportView unnamedViewOf(db::Tx& tx, const Actor& actor, const Loaded& l) {
  const auto facts = reportFacts(tx, l);
  ReportView out;
  static_cast<stores::Report&>(out) = l.report;
  out.actions = toStrings(workflow::allowedEvents(workflow::kReportFlow, l.report.state, actor, facts));
  out.period = periodOf(tx, l.report, l.grant);
  if (out.period) {
    out.results = stores::IndicatorStore::resultsOf(tx, l.report.id);
    out.targets = targetsFor(tx, l.grant, *out.period);
  }
  return out;
}

// The report as the actor sees it, with who submitted and accepted it.
ReportView viewOf(db::Tx& tx, const Actor& actor, const Loaded& l) {
  auto out = unnamedViewOf(tx, actor, l);
  ActorNaming naming(actor);
  nameSteps(naming, out, l.grant);
  naming.resolve(tx);
  return out;
}

// The report machine for fireTransition (transition.h).
struct ReportFlow {
  using Types = workflow::ReportTypes;
  using View = ReportView;
  using Loaded = usecases::Loaded;
  using Row = workflow::Transition<Types>;
  static constexpr std::string_view kEntity = "report";
  static const auto& machine() { return workflow::kReportFlow; }

  Loaded load(db::Tx& tx, const Actor& actor, std::int64_t id) {
    return loadVisible(tx, actor, id);
  }
  stores::Report& record(Loaded& l) { return l.report; }
  std::string& state(Loaded& l) { return l.report.state; }
  std::int64_t version(const Loaded& l) { return l.report.version; }
  workflow::ReportFacts facts(db::Tx& tx, const Loaded& l, const TransitionRequest&, std::int64_t) {
    return reportFacts(tx, l);
  }
  std::vector<FieldError> missing(db::Tx& tx, const Loaded& l) {
    return missingForSubmission(tx, l);
  }
  void save(db::Tx& tx, const Actor&, Loaded& l, const Row&, const TransitionRequest&,
            std::int64_t now) {
    stores::GrantStore::updateReport(tx, l.report, now);
  }
  View view(db::Tx& tx, const Actor& actor, Loaded& l, std::int64_t) {
    return viewOf(tx, actor, {*stores::GrantStore::loadReport(tx, l.report.id), l.grant});
  }
};

// The financial report budget vs actual reads from: latest accepted, else latest submitted.
std::optional<stores::Report> latestFinancial(const std::vector<stores::Report>& reports) {
  for (const char* state : {"accepted", "submitted"}) {
    std::optional<stores::Report> best;
    for (const auto& r : reports) {
      if (r.kind != "financial" || r.state != state) continue;
      if (!best || r.seq > best->seq) best = r;
    }
    if (best) return best;
  }
  return std::nullopt;
}

}  // namespace

ReportView ReportService::edit(const Actor& actor, std::int64_t report_id,
                               std::optional<std::int64_t> expected_version,
                               const std::string& narrative,
                               const std::vector<stores::Spending>& spending,
                               const std::optional<std::vector<results::IndicatorResult>>& stated) {
  const auto now = ctx_.clock.nowMs();
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    auto [r, g] = loadVisible(tx, actor, report_id);
    if (!access::may(actor, access::Action::kEditReport, grantScope(g))) {
      throw Problem::forbidden("forbidden.write_report");
    }
    requireVersion(expected_version, r.version, "report");
    if (!workflow::editableIn(workflow::kReportFlow, r.state)) {
      throw Problem(
          ProblemKind::kInvalidTransition,
          {"transition.report_not_editable", {core::MessageArg::term("state", "state.", r.state)}});
    }
    const auto line_ids = r.kind == "financial" ? approvedVersion(tx, g).budget_line_ids
                                                : std::vector<std::int64_t>{};
    auto errors = editErrors(r, narrative, spending, line_ids);
    if (stated) {
      auto more = resultErrors(tx, r, g, *stated, false);
      errors.insert(errors.end(), more.begin(), more.end());
    }
    if (!errors.empty()) throw Problem::invalid(errors);
    r.narrative = narrative;
    stores::GrantStore::updateReport(tx, r, now);
    if (r.kind == "financial") stores::GrantStore::replaceSpending(tx, r.id, spending);
    if (stated) {  // a financial report's list is empty (checked above)
      stores::IndicatorStore::replaceResults(tx, r.id, periodOf(tx, r, g).value_or(1), *stated);
    }
    const auto lines = static_cast<std::int64_t>(spending.size());
    auto detail = Detail().number("spending_lines", lines);
    if (stated) detail.number("results", static_cast<std::int64_t>(stated->size()));
    audit::appendAudit(tx, {actor.user_id, "report", r.id, "edit", r.state, r.state,
                            detail.json(), now});
    auto out = viewOf(tx, actor, {*stores::GrantStore::loadReport(tx, r.id), g});
    tx.commit();
    return out;
  });
}

ReportView ReportService::fire(const Actor& actor, std::int64_t report_id,
                               const TransitionRequest& req) {
  ReportFlow flow;
  return runTransition(ctx_, flow, actor, report_id, req);
}

ReportView ReportService::get(const Actor& actor, std::int64_t report_id) {
  auto tx = ctx_.db.read();
  auto out = viewOf(tx, actor, loadVisible(tx, actor, report_id));
  tx.commit();
  return out;
}

std::vector<ReportView> ReportService::ofGrant(const Actor& actor, std::int64_t grant_id) {
  auto tx = ctx_.db.read();
  const auto g = loadVisibleGrant(tx, actor, grant_id);
  std::vector<ReportView> out;
  for (auto& r : stores::GrantStore::reportsOf(tx, grant_id))
    out.push_back(unnamedViewOf(tx, actor, {r, g}));
  ActorNaming naming(actor);
  for (auto& view : out) nameSteps(naming, view, g);
  naming.resolve(tx);
  tx.commit();
  return out;
}

std::vector<std::string> ReportService::actions(const Actor& actor, const stores::Report& report) {
  auto tx = ctx_.db.read();
  auto g = stores::GrantStore::load(tx, report.grant_id);
  if (!g) throw Problem::notFound("report");
  const auto facts = reportFacts(tx, Loaded{report, *g});
  tx.commit();
  return toStrings(workflow::allowedEvents(workflow::kReportFlow, report.state, actor, facts));
}

ReportService::Budget ReportService::budgetVsActual(const Actor& actor, std::int64_t grant_id) {
  auto tx = ctx_.db.read();
  const auto g = loadVisibleGrant(tx, actor, grant_id);
  const auto version = approvedVersion(tx, g);
  std::vector<stores::Spending> stated;
  if (auto source = latestFinancial(stores::GrantStore::reportsOf(tx, grant_id))) {
    stated = stores::GrantStore::spendingOf(tx, source->id);
  }
  tx.commit();
  Budget out{g.currency, {}};
  for (std::size_t i = 0; i < version.content.budget.size(); ++i) {
    const auto& line = version.content.budget[i];
    BudgetVsActual row{line.category, line.description, line.amount_minor, 0};
    for (const auto& s : stated) {
      if (i < version.budget_line_ids.size() && s.budget_line_id == version.budget_line_ids[i]) {
        row.actual_minor = s.actual_minor;
      }
    }
    out.lines.push_back(row);
  }
  return out;
}

}  // namespace citygrants::usecases
