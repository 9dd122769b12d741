#pragma once

#include "modules/workflow/machine.h"

namespace citygrants::workflow {

// What the call machine's guards look at.
struct CallFacts {
  access::Scope scope;          // fund-wide: no city, no partner
  bool ready_to_open = false;   // criteria weigh 100 %, budget, award range and tranche plan set
  bool closes_in_future = false;
};

inline constexpr std::string_view kCallStates[] = {"draft", "open", "closed", "archived"};

inline constexpr Guard<CallFacts> kCallReady{
    "call_set_up", +[](const CallFacts& f, const Actor&) { return f.ready_to_open; },
    core::ProblemKind::kConflict,
    "the call needs criteria weighing 100%, a budget, an award range and a tranche plan"};
inline constexpr Guard<CallFacts> kClosesInFuture{
    "closes_in_future", +[](const CallFacts& f, const Actor&) { return f.closes_in_future; },
    core::ProblemKind::kConflict, "the call's closing date has passed"};

// clang-format off
inline constexpr Transition<CallFacts> kCallRows[] = {
  // from       event      to          who                                 guards                             needs
  {"draft",    "open",    "open",     Role::kFundManager,                 {&kCallReady, &kClosesInFuture}},
  {"open",     "close",   "closed",   Role::kFundManager},
  {"closed",   "archive", "archived", Role::kFundManager | Role::kAdmin},
};
// clang-format on
static_assert(wellFormed(kCallStates, kCallRows));

inline constexpr Machine<CallFacts> kCallFlow{"call", "call", kCallStates, kCallRows};

}  // namespace citygrants::workflow
