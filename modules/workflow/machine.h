#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/workflow/describe.h"
#include "modules/workflow/row.h"

namespace citygrants::workflow {

// Whether every row names known states and events, each (from, event) appears once, every event
// is named once in enum order and appears in some row, and every editable state is a state.
// Used in static_assert next to each table.
template <class Types, std::size_t S, std::size_t E, std::size_t T, std::size_t D = 0>
constexpr bool wellFormed(const std::string_view (&states)[S],
                          const EventName<typename Types::Event> (&events)[E],
                          const Transition<Types> (&rows)[T],
                          std::span<const std::string_view> editable = {}) {
  auto known = [&](std::string_view s) {
    for (auto k : states) {
      if (k == s) return true;
    }
    return false;
  };
  for (std::size_t e = 0; e < E; ++e) {
    if (static_cast<std::size_t>(events[e].event) != e || events[e].name.empty()) return false;
    bool used = false;
    for (const auto& row : rows) used = used || row.event == events[e].event;
    if (!used) return false;
  }
  for (std::size_t i = 0; i < T; ++i) {
    if (!known(rows[i].from) || !known(rows[i].to) || rows[i].who.empty()) return false;
    if (static_cast<std::size_t>(rows[i].event) >= E) return false;
    for (std::size_t j = i + 1; j < T; ++j) {
      if (rows[i].from == rows[j].from && rows[i].event == rows[j].event) return false;
    }
  }
  for (auto s : editable) {
    if (!known(s)) return false;
  }
  return true;
}

// The name clients send for `event`.
template <class Types>
constexpr std::string_view eventName(const Machine<Types>& m, typename Types::Event event) {
  return m.events[static_cast<std::size_t>(event)].name;
}

// The event named `name`, or none: the one place a client's word becomes an event.
template <class Types>
std::optional<typename Types::Event> findEvent(const Machine<Types>& m, std::string_view name) {
  for (const auto& e : m.events) {
    if (e.name == name) return e.event;
  }
  return std::nullopt;
}

// The event named `name`; kInvalid (field "event") when the machine has none of that name.
template <class Types>
typename Types::Event eventNamed(const Machine<Types>& m, std::string_view name) {
  if (auto e = findEvent(m, name)) return *e;
  throw core::Problem::invalidField(
      "event", {"workflow.unknown_event", {{"event", name}, core::entityTerm("entity", m.entity)}});
}

// The row for (state, event), or null.
template <class Types>
const Transition<Types>* findRow(const Machine<Types>& m, std::string_view state,
                                 typename Types::Event event) {
  for (const auto& row : m.transitions) {
    if (row.from == state && row.event == event) return &row;
  }
  return nullptr;
}

// The needs of `event` in any row (an event needs the same fields wherever it fires).
template <class Types>
unsigned needsOf(const Machine<Types>& m, typename Types::Event event) {
  unsigned out = kNone;
  for (const auto& row : m.transitions) {
    if (row.event == event) out |= row.needs;
  }
  return out;
}

// Whether `state` is one in which the record's owner may edit its content.
template <class Types>
bool editableIn(const Machine<Types>& m, std::string_view state) {
  return std::find(m.editable.begin(), m.editable.end(), state) != m.editable.end();
}

// Whether the actor holds one of the row's roles and acts for the record in it.
template <class Types>
bool actorMayFire(const Transition<Types>& row, const typename Types::Facts& facts,
                  const Actor& actor) {
  for (Role r : row.who.roles()) {
    if (access::actsAs(actor, r, facts.scope)) return true;
  }
  return false;
}

// The first guard of the row that fails, or null.
template <class Types>
const Guard<typename Types::Facts>* failingGuard(const Transition<Types>& row,
                                                 const typename Types::Facts& facts,
                                                 const Actor& actor) {
  for (const auto* g : row.guards) {
    if (g != nullptr && !g->check(facts, actor)) return g;
  }
  return nullptr;
}

// Decides one step: returns the row to take, or throws the Problem that refuses it —
// kInvalidTransition for an event that does not apply in `state`, kForbidden for an actor
// without the row's role, kInvalid for missing input, the guard's kind for a failed guard, and
// for a row that moves money (kMovesMoney) an actor without payments clearance: kStepUpRequired
// for a session (it may prove its second factor and retry), kForbidden for a bearer token
// without the payments scope (it cannot).
template <class Types>
const Transition<Types>& fire(const Machine<Types>& m, std::string_view state,
                              typename Types::Event event, const Actor& actor,
                              const typename Types::Facts& facts, const Input& input) {
  using core::Problem;
  using core::ProblemKind;
  const auto name = eventName(m, event);
  const auto* row = findRow(m, state, event);
  if (row == nullptr) {
    throw Problem(
        ProblemKind::kInvalidTransition,
        {"workflow.not_in_state",
         {core::MessageArg::term("event", "event.", name), core::entityTerm("entity", m.entity),
          core::MessageArg::term("state", "state.", state)}});
  }
  if (!actorMayFire(*row, facts, actor)) {
    throw Problem::forbidden(
        {"workflow.forbidden",
         {core::MessageArg::term("event", "event.", name), core::entityTerm("entity", m.entity)}});
  }
  if (auto missing = missingNeeds(row->needs, input); !missing.empty()) {
    throw Problem::invalid(std::move(missing));
  }
  if (const auto* g = failingGuard(*row, facts, actor)) {
    throw Problem(g->kind, core::Message(g->message, {}));
  }
  if (row->has(kMovesMoney) && !actor.payments_cleared) {
    // Last, so that nobody is asked for a code for a step that would be refused anyway.
    if (actor.via_token) throw Problem::forbidden({"auth.token_scope_payments", {}});
    throw Problem(ProblemKind::kStepUpRequired,
                  {"auth.step_up_required", {core::MessageArg::term("event", "event.", name)}});
  }
  return *row;
}

// fire() for an event a client named: kInvalid for a name the machine does not know.
template <class Types>
const Transition<Types>& fire(const Machine<Types>& m, std::string_view state,
                              std::string_view event, const Actor& actor,
                              const typename Types::Facts& facts, const Input& input) {
  return fire(m, state, eventNamed(m, event), actor, facts, input);
}

// Takes `row` on `record`: applies the row's effect, then moves the record to the row's state.
// REQUIRES: row was returned by fire() for this record.
template <class Types, class Record>
void take(const Transition<Types>& row, Record&& record, std::string& state, const Actor& actor,
          const Input& input, std::int64_t now) {
  if (row.effect != nullptr) row.effect->apply(record, actor, input, now);
  state = std::string(row.to);
}

// The names of the events `actor` may fire now on a record in `state` (roles, scope and guards
// evaluated; input is not, it comes with the request).
template <class Types>
std::vector<std::string_view> allowedEvents(const Machine<Types>& m, std::string_view state,
                                            const Actor& actor,
                                            const typename Types::Facts& facts) {
  std::vector<std::string_view> out;
  for (const auto& row : m.transitions) {
    if (row.from == state && actorMayFire(row, facts, actor) &&
        failingGuard(row, facts, actor) == nullptr) {
      out.push_back(eventName(m, row.event));
    }
  }
  return out;
}

// Whether any transition out of `state` checks `guard`: facts that only that guard reads need
// not be gathered (queried) for a record in any other state.
template <class Types>
constexpr bool guardedFrom(const Machine<Types>& m, std::string_view state,
                           const Guard<typename Types::Facts>& guard) {
  for (const auto& row : m.transitions) {
    if (row.from != state) continue;
    for (const auto* g : row.guards) {
      if (g == &guard) return true;
    }
  }
  return false;
}

template <class Types>
MachineInfo describe(const Machine<Types>& m) {
  MachineInfo info{
      m.name, {m.states.begin(), m.states.end()}, {}, {m.editable.begin(), m.editable.end()}};
  for (const auto& row : m.transitions) {
    TransitionInfo t{row.from, eventName(m, row.event), row.to, row.who.roles(), {}, {}, {},
                     {},       noticeName(row.notice)};
    for (const auto* g : row.guards) {
      if (g != nullptr) t.guards.push_back(g->name);
    }
    for (Need n : kAllNeeds) {
      if (row.needs & n) t.needs.push_back(needName(n));
    }
    if (row.effect != nullptr) t.effect = row.effect->name;
    for (Tag tag : kAllTags) {
      if (row.has(tag)) t.tags.push_back(tagName(tag));
    }
    info.transitions.push_back(std::move(t));
  }
  return info;
}

}  // namespace citygrants::workflow
