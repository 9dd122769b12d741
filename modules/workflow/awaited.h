#pragma once

#include <algorithm>
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "modules/workflow/amendment_flow.h"
#include "modules/workflow/call_flow.h"
#include "modules/workflow/grant_flow.h"
#include "modules/workflow/machine.h"
#include "modules/workflow/proposal_flow.h"
#include "modules/workflow/report_flow.h"
#include "modules/workflow/review_flow.h"
#include "modules/workflow/tranche_flow.h"

// What a record waits for: of each machine's events, those a record in a state is there for (the
// step that moves it on, a decision), and those that are possible at any time beside it (a
// withdrawal, a cancellation, a suspension). The inbox lists a record for whoever may take an
// awaited step from its state now; who may, when and under which guards is the machine's own
// table, read row by row, never restated here.
namespace citygrants::workflow {

enum class Wait : std::uint8_t {
  kAwaited,  // the record waits for it: whoever may fire it has the record in their inbox
  kAside,    // possible beside the awaited steps, never what the record waits for
};

// One event of a machine and whether records wait for it.
template <class Event>
struct EventWait {
  Event event;
  Wait wait;
};

// Whether `waits` classifies every event of `events` once, in enum order (a new event must be
// classified here, or this fails to compile).
template <class Event, std::size_t E, std::size_t W>
constexpr bool classifiesEvery(const EventName<Event> (&events)[E],
                               const EventWait<Event> (&waits)[W]) {
  if (E != W) return false;
  for (std::size_t i = 0; i < E; ++i) {
    if (waits[i].event != events[i].event) return false;
  }
  return true;
}

// clang-format off
// Calls follow the fund's calendar, not an inbox: no step of theirs is awaited.
inline constexpr EventWait<CallEvent> kCallWaits[] = {
  {CallEvent::kOpen,    Wait::kAside},
  {CallEvent::kClose,   Wait::kAside},
  {CallEvent::kArchive, Wait::kAside},
};
inline constexpr EventWait<ProposalEvent> kProposalWaits[] = {
  {ProposalEvent::kSubmitConcept,   Wait::kAwaited},
  {ProposalEvent::kInvite,          Wait::kAwaited},
  {ProposalEvent::kDeclineConcept,  Wait::kAwaited},
  {ProposalEvent::kSubmit,          Wait::kAwaited},
  {ProposalEvent::kDiscard,         Wait::kAside},
  {ProposalEvent::kScreen,          Wait::kAwaited},
  {ProposalEvent::kReturn,          Wait::kAwaited},
  {ProposalEvent::kScreenOut,       Wait::kAwaited},
  {ProposalEvent::kSendToReview,    Wait::kAwaited},
  {ProposalEvent::kResubmit,        Wait::kAwaited},
  {ProposalEvent::kCloseReview,     Wait::kAwaited},
  {ProposalEvent::kApprove,         Wait::kAwaited},
  {ProposalEvent::kProposeAward,    Wait::kAwaited},
  {ProposalEvent::kWithdrawAward,   Wait::kAside},
  {ProposalEvent::kReject,          Wait::kAwaited},
  {ProposalEvent::kRequestRevision, Wait::kAwaited},
  {ProposalEvent::kWithdraw,        Wait::kAside},
};
inline constexpr EventWait<ReviewEvent> kReviewWaits[] = {
  {ReviewEvent::kAccept,  Wait::kAwaited},
  {ReviewEvent::kDecline, Wait::kAwaited},
  {ReviewEvent::kSubmit,  Wait::kAwaited},
  {ReviewEvent::kReopen,  Wait::kAside},
  {ReviewEvent::kCancel,  Wait::kAside},
};
inline constexpr EventWait<GrantEvent> kGrantWaits[] = {
  {GrantEvent::kSign,      Wait::kAwaited},
  {GrantEvent::kSuspend,   Wait::kAside},
  {GrantEvent::kResume,    Wait::kAside},
  {GrantEvent::kComplete,  Wait::kAwaited},
  {GrantEvent::kClose,     Wait::kAwaited},
  {GrantEvent::kTerminate, Wait::kAside},
};
inline constexpr EventWait<TrancheEvent> kTrancheWaits[] = {
  {TrancheEvent::kRequest,  Wait::kAwaited},
  {TrancheEvent::kVerify,   Wait::kAwaited},
  {TrancheEvent::kSendBack, Wait::kAside},
  {TrancheEvent::kApprove,  Wait::kAwaited},
  {TrancheEvent::kDisburse, Wait::kAwaited},
  {TrancheEvent::kCancel,   Wait::kAside},
};
inline constexpr EventWait<ReportEvent> kReportWaits[] = {
  {ReportEvent::kSubmit,         Wait::kAwaited},
  {ReportEvent::kAccept,         Wait::kAwaited},
  {ReportEvent::kRequestChanges, Wait::kAwaited},
};
// A change to a running grant waits for its proposer to send it, the partner's review when the
// reallocation is large, the fund's decision and its application.
inline constexpr EventWait<AmendmentEvent> kAmendmentWaits[] = {
  {AmendmentEvent::kRequest,  Wait::kAwaited},
  {AmendmentEvent::kReview,   Wait::kAwaited},
  {AmendmentEvent::kApprove,  Wait::kAwaited},
  {AmendmentEvent::kReject,   Wait::kAwaited},
  {AmendmentEvent::kApply,    Wait::kAwaited},
  {AmendmentEvent::kWithdraw, Wait::kAside},
};
// clang-format on
static_assert(classifiesEvery(kCallEvents, kCallWaits));
static_assert(classifiesEvery(kAmendmentEvents, kAmendmentWaits));
static_assert(classifiesEvery(kProposalEvents, kProposalWaits));
static_assert(classifiesEvery(kReviewEvents, kReviewWaits));
static_assert(classifiesEvery(kGrantEvents, kGrantWaits));
static_assert(classifiesEvery(kTrancheEvents, kTrancheWaits));
static_assert(classifiesEvery(kReportEvents, kReportWaits));

// A machine with the classification of its events.
template <class Types>
struct Awaits {
  const Machine<Types>& machine;
  std::span<const EventWait<typename Types::Event>> waits;  // every event, in enum order

  constexpr bool awaited(typename Types::Event event) const {
    return waits[static_cast<std::size_t>(event)].wait == Wait::kAwaited;
  }
};
inline constexpr Awaits<CallTypes> kCallAwaits{kCallFlow, kCallWaits};
inline constexpr Awaits<ProposalTypes> kProposalAwaits{kProposalFlow, kProposalWaits};
inline constexpr Awaits<ReviewTypes> kReviewAwaits{kReviewFlow, kReviewWaits};
inline constexpr Awaits<GrantTypes> kGrantAwaits{kGrantFlow, kGrantWaits};
inline constexpr Awaits<TrancheTypes> kTrancheAwaits{kTrancheFlow, kTrancheWaits};
inline constexpr Awaits<ReportTypes> kReportAwaits{kReportFlow, kReportWaits};
inline constexpr Awaits<AmendmentTypes> kAmendmentAwaits{kAmendmentFlow, kAmendmentWaits};

// An awaited step the reader holds the role for, held back by a guard.
struct HeldStep {
  std::string_view event;
  std::string_view guard;
  core::MessageKey message;
  core::ProblemKind kind;  // kForbidden: another person must take it (four eyes)
};

// What a record in one state waits for from one reader.
struct Waiting {
  std::vector<std::string_view> expected;  // awaited events the reader may take now
  std::vector<HeldStep> held;              // awaited events of the reader's roles a guard holds
  // Whether the record is in the reader's inbox: a step is expected of them, or one is held
  // only because another person must take it (four eyes: "approved by X, needs another").
  bool listed = false;
};

// Whether `g` may hold an awaited step back in the inbox: a guard of kind kInvalid checks the
// record's own content, which is the reader's work to finish, so it never does (waitingFor).
template <class Facts>
constexpr bool holdsBackInInbox(const Guard<Facts>* g) {
  return g != nullptr && g->kind != core::ProblemKind::kInvalid;
}

// Which awaited steps from `state` `actor` may take on a record with `facts`: the rows' roles,
// scope and guards decide, as for the record's own `actions`, with one difference: a guard of
// kind kInvalid checks the record's own content (a concept note's required fields, a review's
// scores, a report's narrative), which is the reader's work to finish, so it does not hold the
// step back here; the record's page says what is missing. `allows(event)` is a machine's extra
// gate beside its table (a review's proposal must still be in review, workflow::proposalAllows).
template <class Types, class Allows>
Waiting waitingFor(const Awaits<Types>& a, std::string_view state, const Actor& actor,
                   const typename Types::Facts& facts, Allows allows) {
  Waiting out;
  for (const auto& row : a.machine.transitions) {
    if (row.from != state || !a.awaited(row.event) || !actorMayFire(row, facts, actor)) continue;
    if (!allows(row.event)) continue;
    const Guard<typename Types::Facts>* first = nullptr;
    bool only_people = true;  // every failing guard asks for another person
    for (const auto* g : row.guards) {
      if (!holdsBackInInbox(g) || g->check(facts, actor)) continue;
      if (first == nullptr) first = g;
      only_people = only_people && g->kind == core::ProblemKind::kForbidden;
    }
    const auto name = eventName(a.machine, row.event);
    if (first == nullptr) {
      if (std::find(out.expected.begin(), out.expected.end(), name) == out.expected.end()) {
        out.expected.push_back(name);
      }
      out.listed = true;
      continue;
    }
    out.held.push_back({name, first->name, first->message, first->kind});
    out.listed = out.listed || only_people;
  }
  return out;
}

// waitingFor() of a machine without a gate beside its table.
template <class Types>
Waiting waitingFor(const Awaits<Types>& a, std::string_view state, const Actor& actor,
                   const typename Types::Facts& facts) {
  return waitingFor(a, state, actor, facts, [](typename Types::Event) { return true; });
}

// Whether a record in `state` waits for `actor` whatever its facts, wherever it is: an awaited
// row from the state names a role the actor acts in for any record (access::actsAs with no scope:
// a fund manager's), and none of its guards can hold it back in waitingFor (a guard of kind
// kInvalid checks the record's own content, which does not). The inbox counts such records
// instead of reading each one's facts. For a machine without a gate beside its table.
template <class Types>
bool awaitedWhateverTheFacts(const Awaits<Types>& a, std::string_view state, const Actor& actor) {
  for (const auto& row : a.machine.transitions) {
    if (row.from != state || !a.awaited(row.event)) continue;
    bool anywhere = false;
    for (Role r : row.who.roles()) anywhere = anywhere || access::actsAs(actor, r, {});
    bool unguarded = true;
    for (const auto* g : row.guards) unguarded = unguarded && !holdsBackInInbox(g);
    if (anywhere && unguarded) return true;
  }
  return false;
}

// The states of the machine from which an awaited row names one of `roles`: the only states in
// which a record can wait for a holder of those roles (what the inbox reads from the database).
template <class Types>
std::vector<std::string_view> statesAwaitingAny(const Awaits<Types>& a, RoleSet roles) {
  std::vector<std::string_view> out;
  for (auto state : a.machine.states) {
    for (const auto& row : a.machine.transitions) {
      if (row.from != state || !a.awaited(row.event)) continue;
      bool named = false;
      for (Role r : row.who.roles()) named = named || roles.has(r);
      if (named) {
        out.push_back(state);
        break;
      }
    }
  }
  return out;
}

// The roles of the awaited rows from `state`, in role order: whom a record in it waits for.
template <class Types>
std::vector<Role> rolesAwaitedIn(const Awaits<Types>& a, std::string_view state) {
  RoleSet set;
  for (const auto& row : a.machine.transitions) {
    if (row.from != state || !a.awaited(row.event)) continue;
    for (Role r : row.who.roles()) set.add(r);
  }
  return set.roles();
}

// Whether an awaited row from `state` has a guard of kind kForbidden (four eyes: the step must be
// taken by another person than one named on the record), so the inbox names those people.
template <class Types>
constexpr bool fourEyesIn(const Awaits<Types>& a, std::string_view state) {
  for (const auto& row : a.machine.transitions) {
    if (row.from != state || !a.awaited(row.event)) continue;
    for (const auto* g : row.guards) {
      if (g != nullptr && g->kind == core::ProblemKind::kForbidden) return true;
    }
  }
  return false;
}

// Whether no transition of `m` leaves `state`: a record in it is done (the board folds such
// states away; nothing can wait in them).
template <class Types>
constexpr bool isFinal(const Machine<Types>& m, std::string_view state) {
  for (const auto& row : m.transitions) {
    if (row.from == state) return false;
  }
  return true;
}

}  // namespace citygrants::workflow
