#pragma once

#include "modules/records/call.h"
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
    core::ProblemKind::kConflict, "guard.call.call_set_up"};
inline constexpr Guard<CallFacts> kClosesInFuture{
    "closes_in_future", +[](const CallFacts& f, const Actor&) { return f.closes_in_future; },
    core::ProblemKind::kConflict, "guard.call.closes_in_future"};

// The call machine's events; clients name them as kCallEvents says.
enum class CallEvent { kOpen, kClose, kArchive };

struct CallTypes {
  using Facts = CallFacts;
  using Event = CallEvent;
  using Record = records::Call;
};

inline constexpr EventName<CallEvent> kCallEvents[] = {
    {CallEvent::kOpen, "open"}, {CallEvent::kClose, "close"}, {CallEvent::kArchive, "archive"}};

// What each step records on the call beside its state.
namespace call_effects {
using R = records::Call;
inline constexpr Effect<R> kRecordOpening{
    "records_opening", +[](R& c, const Actor&, const Input&, std::int64_t now) { c.opens_at = now; }};
}  // namespace call_effects

// clang-format off
inline constexpr Transition<CallTypes> kCallRows[] = {
  // from       event                to          who                                 guards                             needs  effect
  {"draft",    CallEvent::kOpen,    "open",     Role::kFundManager,                 {&kCallReady, &kClosesInFuture},  kNone, &call_effects::kRecordOpening},
  {"open",     CallEvent::kClose,   "closed",   Role::kFundManager},
  {"closed",   CallEvent::kArchive, "archived", Role::kFundManager | Role::kAdmin},
};
// clang-format on
static_assert(wellFormed(kCallStates, kCallEvents, kCallRows));

inline constexpr Machine<CallTypes> kCallFlow{"call", "call", kCallStates, kCallEvents, kCallRows};

// The name clients send for `event`.
constexpr std::string_view nameOf(CallEvent event) { return eventName(kCallFlow, event); }

}  // namespace citygrants::workflow
