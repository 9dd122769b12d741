#pragma once

#include "modules/records/grant.h"
#include "modules/workflow/machine.h"

namespace citygrants::workflow {

// What the report machine's guards look at.
struct ReportFacts {
  access::Scope scope;     // the city; the supporting partner
  bool complete = false;   // narrative written; a financial report states spending per budget line
};

inline constexpr std::string_view kReportStates[] = {"draft", "submitted", "accepted"};

inline constexpr Guard<ReportFacts> kReportComplete{
    "report_complete", +[](const ReportFacts& f, const Actor&) { return f.complete; },
    core::ProblemKind::kInvalid, "guard.report.report_complete"};

// The report machine's events; clients name them as kReportEvents says.
enum class ReportEvent { kSubmit, kAccept, kRequestChanges };

struct ReportTypes {
  using Facts = ReportFacts;
  using Event = ReportEvent;
  using Record = records::Report;
};

inline constexpr EventName<ReportEvent> kReportEvents[] = {
    {ReportEvent::kSubmit, "submit"},
    {ReportEvent::kAccept, "accept"},
    {ReportEvent::kRequestChanges, "request_changes"}};

// The city writes a report while it is a draft (and again after changes are requested).
inline constexpr std::string_view kReportEditable[] = {"draft"};

// What each step records on the report beside its state.
namespace report_effects {
using R = records::Report;
inline constexpr Effect<R> kRecordSubmission{
    "records_submission", +[](R& r, const Actor& a, const Input&, std::int64_t now) {
      r.submitted_by = a.user_id;
      r.submitted_at = now;
    }};
inline constexpr Effect<R> kRecordAcceptance{
    "records_acceptance", +[](R& r, const Actor& a, const Input&, std::int64_t now) {
      r.accepted_by = a.user_id;
      r.accepted_at = now;
    }};
inline constexpr Effect<R> kClearSubmission{
    "clears_submission", +[](R& r, const Actor&, const Input&, std::int64_t) {
      r.submitted_by.reset();
      r.submitted_at.reset();
    }};
}  // namespace report_effects

// clang-format off
inline constexpr Transition<ReportTypes> kReportRows[] = {
  // from        event                         to           who               guards              needs    effect                                tags
  {"draft",     ReportEvent::kSubmit,         "submitted", Role::kApplicant, {&kReportComplete}, kNone,   &report_effects::kRecordSubmission,  kNamesMissingFields},
  {"submitted", ReportEvent::kAccept,         "accepted",  Role::kPartner,   {},                 kNone,   &report_effects::kRecordAcceptance},
  {"submitted", ReportEvent::kRequestChanges, "draft",     Role::kPartner,   {},                 kReason, &report_effects::kClearSubmission},
};
// clang-format on
static_assert(wellFormed(kReportStates, kReportEvents, kReportRows, kReportEditable));

inline constexpr Machine<ReportTypes> kReportFlow{"report", "report", kReportStates,
                                                  kReportEvents, kReportRows, kReportEditable};

// The name clients send for `event`.
constexpr std::string_view nameOf(ReportEvent event) { return eventName(kReportFlow, event); }

}  // namespace citygrants::workflow
