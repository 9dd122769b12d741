#include "services/usecases/report_service.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"
#include "modules/core/text.h"
#include "modules/workflow/report_flow.h"
#include "services/audit/audit_log.h"
#include "services/stores/proposal_store.h"
#include "services/usecases/grant_service.h"

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
    e.push_back({"narrative", "valid UTF-8, at most 20,000 characters"});
  }
  if (r.kind != "financial" && !spending.empty()) {
    e.push_back({"spending", "only a financial report states spending"});
    return e;
  }
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < spending.size(); ++i) {
    const std::string at = "spending[" + std::to_string(i) + "]";
    const auto id = spending[i].budget_line_id;
    if (std::find(line_ids.begin(), line_ids.end(), id) == line_ids.end()) {
      e.push_back({at + ".budget_line_id", "not a line of the approved budget"});
    } else if (!seen.insert(id).second) {
      e.push_back({at + ".budget_line_id", "stated twice"});
    }
    if (spending[i].actual_minor < 0) e.push_back({at + ".actual_minor", "must not be negative"});
  }
  return e;
}

// What keeps a report from being submitted; empty when it is complete.
std::vector<FieldError> missingForSubmission(db::Tx& tx, const Loaded& l) {
  std::vector<FieldError> e;
  if (core::isBlank(l.report.narrative)) e.push_back({"narrative", "is required"});
  if (l.report.kind != "financial") return e;
  const auto stated = stores::GrantStore::spendingOf(tx, l.report.id);
  const auto lines = approvedVersion(tx, l.grant).budget_line_ids;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool given = std::any_of(stated.begin(), stated.end(),
                                   [&](const auto& s) { return s.budget_line_id == lines[i]; });
    if (!given) {
      e.push_back({"spending", "no spending stated for budget line " + std::to_string(i + 1)});
    }
  }
  return e;
}

workflow::ReportFacts reportFacts(db::Tx& tx, const Loaded& l) {
  return workflow::ReportFacts{grantScope(l.grant), missingForSubmission(tx, l).empty()};
}

void applyEffects(stores::Report& r, const Actor& actor, const std::string& event,
                  std::int64_t now) {
  if (event == "submit") {
    r.submitted_by = actor.user_id;
    r.submitted_at = now;
  } else if (event == "accept") {
    r.accepted_by = actor.user_id;
    r.accepted_at = now;
  } else if (event == "request_changes") {
    r.submitted_by.reset();
    r.submitted_at.reset();
  }
}

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

stores::Report ReportService::edit(const Actor& actor, std::int64_t report_id,
                                   std::optional<std::int64_t> expected_version,
                                   const std::string& narrative,
                                   const std::vector<stores::Spending>& spending) {
  const auto now = ctx_.clock.nowMs();
  auto tx = ctx_.db.write();
  auto [r, g] = loadVisible(tx, actor, report_id);
  if (!access::may(actor, access::Action::kEditReport, grantScope(g))) {
    throw Problem::forbidden("only the city's applicants write its reports");
  }
  requireVersion(expected_version, r.version, "report");
  if (r.state != "draft") {
    throw Problem(ProblemKind::kInvalidTransition,
                  "a report that is " + r.state + " cannot be edited");
  }
  const auto line_ids =
      r.kind == "financial" ? approvedVersion(tx, g).budget_line_ids : std::vector<std::int64_t>{};
  if (auto errors = editErrors(r, narrative, spending, line_ids); !errors.empty()) {
    throw Problem::invalid(errors);
  }
  r.narrative = narrative;
  stores::GrantStore::updateReport(tx, r, now);
  if (r.kind == "financial") stores::GrantStore::replaceSpending(tx, r.id, spending);
  const auto lines = static_cast<std::int64_t>(spending.size());
  audit::appendAudit(tx, {actor.user_id, "report", r.id, "edit", r.state, r.state,
                          Detail().number("spending_lines", lines).json(), now});
  auto out = *stores::GrantStore::loadReport(tx, r.id);
  tx.commit();
  return out;
}

stores::Report ReportService::fire(const Actor& actor, std::int64_t report_id,
                                   const TransitionRequest& req) {
  const auto now = ctx_.clock.nowMs();
  auto tx = ctx_.db.write();
  auto loaded = loadVisible(tx, actor, report_id);
  auto& r = loaded.report;
  requireVersion(req.expected_version, r.version, "report");
  const workflow::Transition<workflow::ReportFacts>* row = nullptr;
  try {
    row = &workflow::fire(workflow::kReportFlow, r.state, req.event, actor, reportFacts(tx, loaded),
                          req.input);
  } catch (const Problem& refused) {
    // Name what is missing when an incomplete report is submitted.
    if (req.event == "submit" && refused.kind() == ProblemKind::kInvalid &&
        refused.fields().empty()) {
      if (auto missing = missingForSubmission(tx, loaded); !missing.empty()) {
        throw Problem::invalid(missing);
      }
    }
    throw;
  }
  const std::string from = r.state;
  r.state = std::string(row->to);
  applyEffects(r, actor, req.event, now);
  stores::GrantStore::updateReport(tx, r, now);
  audit::appendAudit(tx, {actor.user_id, "report", r.id, req.event, from, r.state,
                          transitionDetail(req).json(), now});
  auto out = *stores::GrantStore::loadReport(tx, r.id);
  tx.commit();
  return out;
}

stores::Report ReportService::get(const Actor& actor, std::int64_t report_id) {
  auto tx = ctx_.db.read();
  auto loaded = loadVisible(tx, actor, report_id);
  tx.commit();
  return loaded.report;
}

std::vector<std::string> ReportService::actions(const Actor& actor, const stores::Report& report) {
  auto tx = ctx_.db.read();
  auto g = stores::GrantStore::load(tx, report.grant_id);
  if (!g) throw Problem::notFound("report");
  const auto facts = reportFacts(tx, Loaded{report, *g});
  tx.commit();
  return toStrings(workflow::allowedEvents(workflow::kReportFlow, report.state, actor, facts));
}

std::vector<ReportService::BudgetVsActual> ReportService::budgetVsActual(const Actor& actor,
                                                                         std::int64_t grant_id) {
  auto tx = ctx_.db.read();
  const auto g = loadVisibleGrant(tx, actor, grant_id);
  const auto version = approvedVersion(tx, g);
  std::vector<stores::Spending> stated;
  if (auto source = latestFinancial(stores::GrantStore::reportsOf(tx, grant_id))) {
    stated = stores::GrantStore::spendingOf(tx, source->id);
  }
  tx.commit();
  std::vector<BudgetVsActual> out;
  for (std::size_t i = 0; i < version.content.budget.size(); ++i) {
    const auto& line = version.content.budget[i];
    BudgetVsActual row{line.category, line.description, line.amount_minor, 0};
    for (const auto& s : stated) {
      if (i < version.budget_line_ids.size() && s.budget_line_id == version.budget_line_ids[i]) {
        row.actual_minor = s.actual_minor;
      }
    }
    out.push_back(row);
  }
  return out;
}

}  // namespace citygrants::usecases
