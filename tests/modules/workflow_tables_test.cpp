// Every workflow machine, tested from its own table: every row fires for each of its roles, every
// (role, state, event) combination outside the table is refused, every guard and every need
// refuses with its declared kind. Nothing here lists transitions by hand.

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/access/role.h"
#include "modules/workflow/catalog.h"
#include "tests/modules/workflow_fixtures.h"

namespace citygrants::workflow::testing {
namespace {

using access::kAllRoles;
using access::roleName;

}  // namespace

BOOST_AUTO_TEST_SUITE(workflow_tables)

BOOST_AUTO_TEST_CASE_TEMPLATE(every_row_fires_for_each_of_its_roles, Spec, AllSpecs) {
  const auto& m = Spec::machine();
  std::size_t fired = 0;
  for (const auto& row : m.transitions) {
    for (Role role : kAllRoles) {
      if (!row.who.has(role)) continue;
      BOOST_TEST_CONTEXT(m.name << ": " << row.from << " --" << nameOf(row.event) << "--> as "
                                << roleName(role)) {
        const Actor actor = actorFor(role);
        const auto facts = passingFacts<Spec>(row, actor);
        BOOST_TEST_REQUIRE(facts.has_value());
        const auto& taken = fire(m, row.from, nameOf(row.event), actor, *facts, fullInput());
        BOOST_TEST(taken.to == row.to);
        BOOST_TEST(&taken == &row);
        ++fired;
      }
    }
  }
  BOOST_TEST(fired >= m.transitions.size());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(every_combination_outside_the_table_is_refused, Spec, AllSpecs) {
  const auto& m = Spec::machine();
  const auto events = distinctEvents(m);
  std::size_t checked = 0;
  std::size_t refused = 0;
  for (Role role : kAllRoles) {
    const Actor actor = actorFor(role);
    for (std::string_view state : m.states) {
      for (std::string_view event : events) {
        ++checked;
        BOOST_TEST_CONTEXT(m.name << ": " << event << " in " << state << " as " << roleName(role)) {
          const auto* row = rowOf(m, state, event);
          const auto facts = row ? passingFacts<Spec>(*row, actor) : Spec::passing().front();
          BOOST_TEST_REQUIRE(facts.has_value());
          const auto got = outcome([&] { fire(m, state, event, actor, *facts, fullInput()); });
          if (row == nullptr) {
            BOOST_TEST(got == "invalid_transition");
            ++refused;
          } else if (!row->who.has(role)) {
            BOOST_TEST(got == "forbidden");
            ++refused;
          } else {
            BOOST_TEST(got == "ok");
          }
        }
      }
    }
  }
  BOOST_TEST_MESSAGE(m.name << ": " << checked << " combinations checked, " << refused
                            << " refused");
  BOOST_TEST(checked > 0u);
  BOOST_TEST(refused > 0u);
  BOOST_TEST(checked == m.states.size() * events.size() * std::size(kAllRoles));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(each_guard_refuses_with_its_declared_kind, Spec, AllSpecs) {
  const auto& m = Spec::machine();
  const auto breakers = Spec::breakers();
  std::size_t guards_seen = 0;
  for (const auto& row : m.transitions) {
    for (const auto* guard : row.guards) {
      if (guard == nullptr) continue;
      ++guards_seen;
      std::size_t broken = 0;
      for (const auto& breaker : breakers) {
        if (breaker.guard != guard->name) continue;
        for (Role role : kAllRoles) {
          if (!row.who.has(role)) continue;
          BOOST_TEST_CONTEXT(m.name << ": " << row.from << " --" << nameOf(row.event) << "--> as "
                                    << roleName(role) << ", guard " << guard->name) {
            Actor actor = actorFor(role);
            auto facts = passingFacts<Spec>(row, actor);
            BOOST_TEST_REQUIRE(facts.has_value());
            breaker.apply(*facts, actor);
            BOOST_TEST(!guard->check(*facts, actor));
            const auto p =
                refusal([&] { fire(m, row.from, nameOf(row.event), actor, *facts, fullInput()); });
            BOOST_TEST_REQUIRE(p.has_value());
            BOOST_TEST(core::problemKindName(p->kind()) == core::problemKindName(guard->kind));
            BOOST_TEST(p->message().key.name() == guard->message.name());
            ++broken;
          }
        }
      }
      BOOST_TEST_CONTEXT(m.name << ": guard " << guard->name << " has a way to fail it") {
        BOOST_TEST(broken > 0u);
      }
    }
  }
  BOOST_TEST_MESSAGE(m.name << ": " << guards_seen << " guard uses checked");
}

BOOST_AUTO_TEST_CASE_TEMPLATE(missing_needs_are_refused_as_invalid_naming_the_field, Spec,
                              AllSpecs) {
  const auto& m = Spec::machine();
  for (const auto& row : m.transitions) {
    for (Role role : kAllRoles) {
      if (!row.who.has(role)) continue;
      const Actor actor = actorFor(role);
      const auto facts = passingFacts<Spec>(row, actor);
      BOOST_TEST_REQUIRE(facts.has_value());
      auto fireWith = [&](const Input& in) {
        return refusal([&] { fire(m, row.from, nameOf(row.event), actor, *facts, in); });
      };
      if (row.needs == kNone) {
        BOOST_TEST_CONTEXT(m.name << ": " << nameOf(row.event) << " from " << row.from) {
          BOOST_TEST(!fireWith(Input{}).has_value(), "a row without needs fires on no input");
        }
        continue;
      }
      std::vector<std::string_view> all_missing;
      for (const auto& nf : kNeedFields) {
        if ((row.needs & nf.need) == 0) continue;
        all_missing.push_back(nf.field);
        BOOST_TEST_CONTEXT(m.name << ": " << nameOf(row.event) << " from " << row.from << " as "
                                  << roleName(role) << " without " << nf.field) {
          const auto p = fireWith(withoutNeed(fullInput(), nf.need));
          BOOST_TEST_REQUIRE(p.has_value());
          BOOST_TEST(core::problemKindName(p->kind()) == "invalid");
          BOOST_TEST_REQUIRE(p->fields().size() == 1u);
          BOOST_TEST(p->fields().front().field == nf.field);
        }
      }
      // With nothing supplied, every needed field is named, in kNeedFields order.
      const auto p = fireWith(Input{});
      BOOST_TEST_REQUIRE(p.has_value());
      std::vector<std::string_view> named;
      for (const auto& f : p->fields()) named.push_back(f.field);
      BOOST_TEST(named == all_missing, boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(blank_reasons_and_non_positive_amounts_count_as_missing, Spec,
                              AllSpecs) {
  const auto& m = Spec::machine();
  for (const auto& row : m.transitions) {
    const Role role = row.who.roles().front();
    const Actor actor = actorFor(role);
    const auto facts = passingFacts<Spec>(row, actor);
    BOOST_TEST_REQUIRE(facts.has_value());
    std::vector<std::pair<Input, std::string_view>> bad;
    if (row.needs & kReason) {
      for (const char* blank : {"", "   ", " \t\r\n"}) {
        Input in = fullInput();
        in.reason = blank;
        bad.emplace_back(in, "reason");
      }
    }
    if (row.needs & kAmount) {
      for (std::int64_t amount : {std::int64_t{0}, std::int64_t{-1}, INT64_MIN}) {
        Input in = fullInput();
        in.amount_minor = amount;
        bad.emplace_back(in, "amount_minor");
      }
    }
    if (row.needs & kPaymentReference) {
      Input in = fullInput();
      in.payment_reference = "  ";
      bad.emplace_back(in, "payment_reference");
    }
    if (row.needs & kIdempotencyKey) {
      Input in = fullInput();
      in.idempotency_key = "";
      bad.emplace_back(in, "idempotency_key");
    }
    for (const auto& [in, field] : bad) {
      BOOST_TEST_CONTEXT(m.name << ": " << nameOf(row.event) << " from " << row.from << ", bad " << field) {
        const auto p = refusal([&] { fire(m, row.from, nameOf(row.event), actor, *facts, in); });
        BOOST_TEST_REQUIRE(p.has_value());
        BOOST_TEST(core::problemKindName(p->kind()) == "invalid");
        BOOST_TEST_REQUIRE(p->fields().size() == 1u);
        BOOST_TEST(p->fields().front().field == field);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(actors_outside_the_records_scope_are_forbidden, Spec, AllSpecs) {
  const auto& m = Spec::machine();
  for (const auto& row : m.transitions) {
    std::vector<Actor> outsiders;
    // An auditor of any organisation, even the record's own city or partner, fires nothing.
    for (std::int64_t org : {kAuditOrg, kCityOrg, kPartnerOrg, kFundOrg}) {
      outsiders.push_back(Actor{kActorUser, org, RoleSet(Role::kAuditor)});
    }
    if (row.who.has(Role::kApplicant)) {
      outsiders.push_back(Actor{kActorUser, kOtherCityOrg, RoleSet(Role::kApplicant)});
      outsiders.push_back(Actor{kActorUser, kPartnerOrg, RoleSet(Role::kApplicant)});
    }
    if (row.who.has(Role::kPartner)) {
      outsiders.push_back(Actor{kActorUser, kOtherPartnerOrg, RoleSet(Role::kPartner)});
      outsiders.push_back(Actor{kActorUser, kCityOrg, RoleSet(Role::kPartner)});
    }
    for (const auto& actor : outsiders) {
      BOOST_TEST_CONTEXT(m.name << ": " << nameOf(row.event) << " from " << row.from << " by "
                                << roleName(actor.roles.roles().front()) << " of org "
                                << actor.org_id) {
        const auto facts = passingFacts<Spec>(row, actorFor(row.who.roles().front()));
        BOOST_TEST_REQUIRE(facts.has_value());
        const auto got = outcome([&] { fire(m, row.from, nameOf(row.event), actor, *facts, fullInput()); });
        BOOST_TEST(got == "forbidden");
        const auto allowed = allowedEvents(m, row.from, actor, *facts);
        BOOST_TEST(std::count(allowed.begin(), allowed.end(), nameOf(row.event)) == 0);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(an_unknown_event_is_invalid_naming_the_event_field, Spec, AllSpecs) {
  const auto& m = Spec::machine();
  const auto facts = Spec::passing().front();
  std::vector<std::string_view> states(m.states.begin(), m.states.end());
  states.push_back("no_such_state");
  for (std::string_view state : states) {
    for (std::string_view event : {"fly", "", "SUBMIT", "submit "}) {
      BOOST_TEST_CONTEXT(m.name << ": event '" << event << "' in " << state) {
        const auto p = refusal(
            [&] { fire(m, state, event, actorFor(Role::kFundManager), facts, fullInput()); });
        BOOST_TEST_REQUIRE(p.has_value());
        BOOST_TEST(core::problemKindName(p->kind()) == "invalid");
        BOOST_TEST_REQUIRE(p->fields().size() == 1u);
        BOOST_TEST(p->fields().front().field == "event");
      }
    }
  }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(allowed_events_are_the_rows_whose_guards_pass, Spec, AllSpecs) {
  const auto& m = Spec::machine();
  for (Role role : kAllRoles) {
    const Actor actor = actorFor(role);
    for (std::string_view state : m.states) {
      std::vector<std::string_view> table;  // every row from `state` the role may fire
      for (const auto& row : m.transitions) {
        if (row.from == state && row.who.has(role)) table.push_back(nameOf(row.event));
      }
      std::vector<std::string_view> seen;  // union over the passing fact sets
      for (const auto& facts : Spec::passing()) {
        BOOST_TEST_CONTEXT(m.name << ": in " << state << " as " << roleName(role)) {
          std::vector<std::string_view> expected;
          for (const auto& row : m.transitions) {
            if (row.from == state && row.who.has(role) && guardsPass(row, facts, actor)) {
              expected.push_back(nameOf(row.event));
            }
          }
          const auto got = allowedEvents(m, state, actor, facts);
          BOOST_TEST(got == expected, boost::test_tools::per_element());
          for (auto e : got) {
            BOOST_TEST(outcome([&] { fire(m, state, e, actor, facts, fullInput()); }) == "ok");
            if (std::find(seen.begin(), seen.end(), e) == seen.end()) seen.push_back(e);
          }
        }
      }
      std::sort(seen.begin(), seen.end());
      std::sort(table.begin(), table.end());
      BOOST_TEST_CONTEXT(m.name << ": every event from " << state << " for " << roleName(role)) {
        BOOST_TEST(seen == table, boost::test_tools::per_element());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(allowed_events_drop_an_event_whose_guard_fails, Spec, AllSpecs) {
  const auto& m = Spec::machine();
  for (const auto& row : m.transitions) {
    for (const auto* guard : row.guards) {
      if (guard == nullptr) continue;
      for (const auto& breaker : Spec::breakers()) {
        if (breaker.guard != guard->name) continue;
        Actor actor = actorFor(row.who.roles().front());
        auto facts = passingFacts<Spec>(row, actor);
        BOOST_TEST_REQUIRE(facts.has_value());
        BOOST_TEST_CONTEXT(m.name << ": " << nameOf(row.event) << " from " << row.from << ", "
                                  << guard->name << " failing") {
          const auto before = allowedEvents(m, row.from, actor, *facts);
          BOOST_TEST(std::count(before.begin(), before.end(), nameOf(row.event)) == 1);
          breaker.apply(*facts, actor);
          const auto after = allowedEvents(m, row.from, actor, *facts);
          BOOST_TEST(std::count(after.begin(), after.end(), nameOf(row.event)) == 0);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(workflow_catalog)

BOOST_AUTO_TEST_CASE(all_machines_lists_seven_machines_and_every_row) {
  const auto machines = allMachines();
  BOOST_TEST_REQUIRE(machines.size() == 7u);
  std::vector<std::string_view> names;
  std::size_t rows = 0;
  for (const auto& info : machines) {
    names.push_back(info.name);
    rows += info.transitions.size();
  }
  const std::vector<std::string_view> expected_names{"call",  "proposal", "review_assignment",
                                                     "grant", "tranche",  "report",
                                                     "amendment"};
  BOOST_TEST(names == expected_names, boost::test_tools::per_element());
  const std::size_t table_rows = std::size(kCallRows) + std::size(kProposalRows) +
                                 std::size(kReviewRows) + std::size(kGrantRows) +
                                 std::size(kTrancheRows) + std::size(kReportRows) +
                                 std::size(kAmendmentRows);
  BOOST_TEST_MESSAGE("transition rows: " << rows);
  BOOST_TEST(rows == table_rows);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(describe_mirrors_the_table_row_by_row, Spec, AllSpecs) {
  const auto& m = Spec::machine();
  const MachineInfo info = describe(m);
  BOOST_TEST(info.name == m.name);
  BOOST_TEST(info.states.size() == m.states.size());
  BOOST_TEST_REQUIRE(info.transitions.size() == m.transitions.size());
  for (std::size_t i = 0; i < m.transitions.size(); ++i) {
    const auto& row = m.transitions[i];
    const auto& t = info.transitions[i];
    BOOST_TEST_CONTEXT(m.name << " row " << i) {
      BOOST_TEST(t.from == row.from);
      BOOST_TEST(t.event == nameOf(row.event));
      BOOST_TEST(t.to == row.to);
      BOOST_TEST((t.roles == row.who.roles()));
      std::vector<std::string_view> guards;
      for (const auto* g : row.guards) {
        if (g != nullptr) guards.push_back(g->name);
      }
      BOOST_TEST(t.guards == guards, boost::test_tools::per_element());
      std::vector<std::string_view> needs;
      for (const auto& nf : kNeedFields) {
        if (row.needs & nf.need) needs.push_back(needName(nf.need));
      }
      BOOST_TEST(t.needs == needs, boost::test_tools::per_element());
      BOOST_TEST(t.effect == (row.effect != nullptr ? row.effect->name : std::string_view()));
      std::vector<std::string_view> tags;
      for (Tag tag : kAllTags) {
        if (row.tags & tag) tags.push_back(tagName(tag));
      }
      BOOST_TEST(t.tags == tags, boost::test_tools::per_element());
      BOOST_TEST(t.notice == noticeName(row.notice));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::workflow::testing
