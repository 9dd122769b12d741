#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "modules/access/access_rules.h"
#include "modules/core/problem.h"

namespace citygrants::workflow {

using access::Actor;
using access::Role;
using access::RoleSet;

// Fields an event requires in its input, as a bit mask on the table row.
enum Need : unsigned {
  kNone = 0,
  kReason = 1u << 0,            // a reason, feedback or rationale in words
  kAmount = 1u << 1,            // a positive amount in minor units
  kPaymentReference = 1u << 2,  // the bank's reference of the payment
  kIdempotencyKey = 1u << 3,    // the client's key, so a retried disbursement happens once
  kNoConflict = 1u << 4,        // the reviewer declares no conflict of interest
};
inline constexpr Need kAllNeeds[] = {kReason, kAmount, kPaymentReference, kIdempotencyKey,
                                     kNoConflict};
std::string_view needName(Need need);

// What the actor sends with an event.
struct Input {
  std::optional<std::string> reason;
  std::optional<std::int64_t> amount_minor;
  std::optional<std::string> payment_reference;
  std::optional<std::string> idempotency_key;
  bool no_conflict_declared = false;
};

// The named fields of `needs` that `input` lacks, each as a field error.
std::vector<core::FieldError> missingNeeds(unsigned needs, const Input& input);

// A named, pure check of a record's facts and the actor. On failure the step is refused with
// `kind` and `message`.
template <class Facts>
struct Guard {
  std::string_view name;
  bool (*check)(const Facts&, const Actor&);
  core::ProblemKind kind;
  std::string_view message;
};

// One row of a machine's table.
template <class Facts>
struct Transition {
  std::string_view from;
  std::string_view event;
  std::string_view to;
  RoleSet who;
  std::array<const Guard<Facts>*, 4> guards{};  // unused slots are null
  unsigned needs = kNone;
};

// A machine: its states and its table. `Facts` must have a member `scope` (access::Scope).
template <class Facts>
struct Machine {
  std::string_view name;    // "proposal", "tranche", ...
  std::string_view entity;  // how people call one record: "proposal", "tranche"
  std::span<const std::string_view> states;
  std::span<const Transition<Facts>> transitions;
};

// Whether every row names known states and each (from, event) appears once. Used in
// static_assert next to each table.
template <class Facts, std::size_t S, std::size_t T>
constexpr bool wellFormed(const std::string_view (&states)[S], const Transition<Facts> (&rows)[T]) {
  auto known = [&](std::string_view s) {
    for (auto k : states) {
      if (k == s) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < T; ++i) {
    if (!known(rows[i].from) || !known(rows[i].to) || rows[i].who.empty()) return false;
    for (std::size_t j = i + 1; j < T; ++j) {
      if (rows[i].from == rows[j].from && rows[i].event == rows[j].event) return false;
    }
  }
  return true;
}

// The row for (state, event), or null.
template <class Facts>
const Transition<Facts>* findRow(const Machine<Facts>& m, std::string_view state,
                                 std::string_view event) {
  for (const auto& row : m.transitions) {
    if (row.from == state && row.event == event) return &row;
  }
  return nullptr;
}

template <class Facts>
bool knowsEvent(const Machine<Facts>& m, std::string_view event) {
  return std::any_of(m.transitions.begin(), m.transitions.end(),
                     [&](const auto& row) { return row.event == event; });
}

// Whether the actor holds one of the row's roles and acts for the record in it.
template <class Facts>
bool actorMayFire(const Transition<Facts>& row, const Facts& facts, const Actor& actor) {
  for (Role r : row.who.roles()) {
    if (access::actsAs(actor, r, facts.scope)) return true;
  }
  return false;
}

// The first guard of the row that fails, or null.
template <class Facts>
const Guard<Facts>* failingGuard(const Transition<Facts>& row, const Facts& facts,
                                 const Actor& actor) {
  for (const auto* g : row.guards) {
    if (g != nullptr && !g->check(facts, actor)) return g;
  }
  return nullptr;
}

// Decides one step: returns the row to take, or throws the Problem that refuses it —
// kInvalid for an unknown event or missing input, kInvalidTransition for an event that does not
// apply in `state`, kForbidden for an actor without the row's role, the guard's kind for a
// failed guard.
template <class Facts>
const Transition<Facts>& fire(const Machine<Facts>& m, std::string_view state,
                              std::string_view event, const Actor& actor, const Facts& facts,
                              const Input& input) {
  using core::Problem;
  using core::ProblemKind;
  if (!knowsEvent(m, event)) {
    throw Problem::invalidField("event", "unknown event '" + std::string(event) + "' for a " +
                                             std::string(m.entity));
  }
  const auto* row = findRow(m, state, event);
  if (row == nullptr) {
    throw Problem(ProblemKind::kInvalidTransition,
                  "cannot " + std::string(event) + " a " + std::string(m.entity) +
                      " that is " + std::string(state));
  }
  if (!actorMayFire(*row, facts, actor)) {
    throw Problem::forbidden("you may not " + std::string(event) + " this " +
                             std::string(m.entity));
  }
  if (auto missing = missingNeeds(row->needs, input); !missing.empty()) {
    throw Problem::invalid(std::move(missing));
  }
  if (const auto* g = failingGuard(*row, facts, actor)) {
    throw Problem(g->kind, std::string(g->message));
  }
  return *row;
}

// The events `actor` may fire now on a record in `state` (roles, scope and guards evaluated;
// input is not, it comes with the request).
template <class Facts>
std::vector<std::string_view> allowedEvents(const Machine<Facts>& m, std::string_view state,
                                            const Actor& actor, const Facts& facts) {
  std::vector<std::string_view> out;
  for (const auto& row : m.transitions) {
    if (row.from == state && actorMayFire(row, facts, actor) &&
        failingGuard(row, facts, actor) == nullptr) {
      out.push_back(row.event);
    }
  }
  return out;
}

// Whether any transition out of `state` checks `guard`: facts that only that guard reads need
// not be gathered (queried) for a record in any other state.
template <class Facts>
constexpr bool guardedFrom(const Machine<Facts>& m, std::string_view state, const Guard<Facts>& guard) {
  for (const auto& row : m.transitions) {
    if (row.from != state) continue;
    for (const auto* g : row.guards) {
      if (g == &guard) return true;
    }
  }
  return false;
}

// A machine with its types erased, for printing and drawing.
struct TransitionInfo {
  std::string_view from, event, to;
  std::vector<Role> roles;
  std::vector<std::string_view> guards;
  std::vector<std::string_view> needs;
};
struct MachineInfo {
  std::string_view name;
  std::vector<std::string_view> states;
  std::vector<TransitionInfo> transitions;
};

template <class Facts>
MachineInfo describe(const Machine<Facts>& m) {
  MachineInfo info{m.name, {m.states.begin(), m.states.end()}, {}};
  for (const auto& row : m.transitions) {
    TransitionInfo t{row.from, row.event, row.to, row.who.roles(), {}, {}};
    for (const auto* g : row.guards) {
      if (g != nullptr) t.guards.push_back(g->name);
    }
    for (Need n : kAllNeeds) {
      if (row.needs & n) t.needs.push_back(needName(n));
    }
    info.transitions.push_back(std::move(t));
  }
  return info;
}

}  // namespace citygrants::workflow
