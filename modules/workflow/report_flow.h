#pragma once

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
    core::ProblemKind::kInvalid,
    "the report needs its narrative, and a financial report its spending per budget line"};

// clang-format off
inline constexpr Transition<ReportFacts> kReportRows[] = {
  // from        event              to           who               guards              needs
  {"draft",     "submit",          "submitted", Role::kApplicant, {&kReportComplete}},
  {"submitted", "accept",          "accepted",  Role::kPartner},
  {"submitted", "request_changes", "draft",     Role::kPartner,   {},                 kReason},
};
// clang-format on
static_assert(wellFormed(kReportStates, kReportRows));

inline constexpr Machine<ReportFacts> kReportFlow{"report", "report", kReportStates, kReportRows};

}  // namespace citygrants::workflow
