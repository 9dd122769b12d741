#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "modules/core/problem.h"
#include "modules/workflow/machine.h"
#include "services/audit/audit_log.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// The one transition use case of every machine. A `Flow` adapts one machine to it (the members
// marked "optional" may be left out):
//   using Types (the machine's Facts, Event, Record), View, Loaded;
//   static machine(); static constexpr kEntity (the audit's entity name);
//   Loaded load(tx, actor, id)              the record the actor may see, else kNotFound;
//   record(Loaded&)                         what the row's effect changes (a Record&, or a Record
//                                           of references); std::string& state(Loaded&);
//   std::int64_t version(const Loaded&);
//   std::optional<View> replay(tx, actor, Loaded&, req, now)   optional
//                                           an earlier identical request's answer, or none;
//   void gate(const Loaded&, Event)         optional: refusals that come before the table's;
//   Facts facts(tx, const Loaded&, req, now);
//   std::vector<FieldError> missing(tx, const Loaded&)   optional
//                                           for rows tagged kNamesMissingFields;
//   void before(tx, actor, Loaded&, row, now)  optional: its own steps before the record is saved;
//   void save(tx, actor, Loaded&, row, req, now);
//   Detail detail(const Loaded&, row, req)  optional: the audit row's detail (else the input
//                                           fields given, transitionDetail);
//   void after(tx, actor, Loaded&, row, req, now)  optional: steps after the audit row (mail by
//                                           the row's notice, follow-on changes);
//   View view(tx, actor, Loaded&, now)      the record as the actor now sees it, with actions.
// Everything runs in the caller's one write transaction `tx`; a throw leaves nothing written.
template <class Flow>
typename Flow::View fireTransition(Flow& flow, db::Tx& tx, const Actor& actor, std::int64_t id,
                                   const TransitionRequest& req, std::int64_t now) {
  const auto& m = Flow::machine();
  auto loaded = flow.load(tx, actor, id);
  if constexpr (requires { flow.replay(tx, actor, loaded, req, now); }) {
    if (auto earlier = flow.replay(tx, actor, loaded, req, now)) return std::move(*earlier);
  }
  requireVersion(req.expected_version, flow.version(loaded), m.entity);
  const auto event = workflow::eventNamed(m, req.event);
  if constexpr (requires { flow.gate(loaded, event); }) flow.gate(loaded, event);
  std::string& state = flow.state(loaded);
  const auto facts = flow.facts(tx, loaded, req, now);
  const workflow::Transition<typename Flow::Types>* row = nullptr;
  try {
    row = &workflow::fire(m, state, event, actor, facts, req.input);
  } catch (const core::Problem& refused) {
    if constexpr (requires { flow.missing(tx, loaded); }) {
      // A guard refused a submission: name every field that is missing, not just "incomplete".
      const auto* candidate = workflow::findRow(m, state, event);
      if (candidate != nullptr && candidate->has(workflow::kNamesMissingFields) &&
          refused.kind() == core::ProblemKind::kInvalid && refused.fields().empty()) {
        if (auto missing = flow.missing(tx, loaded); !missing.empty()) {
          throw core::Problem::invalid(std::move(missing));
        }
      }
    }
    throw;
  }
  const std::string from = state;
  workflow::take(*row, flow.record(loaded), state, actor, req.input, now);
  if constexpr (requires { flow.before(tx, actor, loaded, *row, now); }) {
    flow.before(tx, actor, loaded, *row, now);
  }
  flow.save(tx, actor, loaded, *row, req, now);
  Detail detail = transitionDetail(req);
  if constexpr (requires { flow.detail(loaded, *row, req); })
    detail = flow.detail(loaded, *row, req);
  audit::appendAudit(tx,
                     {actor.user_id, std::string(Flow::kEntity), id,
                      std::string(workflow::eventName(m, event)), from, state, detail.json(), now});
  if constexpr (requires { flow.after(tx, actor, loaded, *row, req, now); }) {
    flow.after(tx, actor, loaded, *row, req, now);
  }
  return flow.view(tx, actor, loaded, now);
}

// Runs fireTransition as one write use case on the database's writer (one transaction, shared
// with the other writes of its group), and answers the view it returned.
template <class Flow>
typename Flow::View runTransition(Context ctx, Flow& flow, const Actor& actor, std::int64_t id,
                                  const TransitionRequest& req) {
  const auto now = ctx.clock.nowMs();
  return runWrite(ctx.db, [&](db::Tx& tx) {
    auto out = fireTransition(flow, tx, actor, id, req, now);
    tx.commit();
    return out;
  });
}

}  // namespace citygrants::usecases
