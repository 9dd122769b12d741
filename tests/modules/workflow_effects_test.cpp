// The effect column of every machine, tested from the tables: each row's effect runs on a record
// whose fields all hold values of their own, and must change exactly the fields this file says
// it records (written here by hand, independently of the tables), stamping the actor's id and
// the step's time, copying what the input carried, and nothing else.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/modules/workflow_fixtures.h"

namespace citygrants::workflow::testing {
namespace {

constexpr std::int64_t kNow = 1'800'000'000'123;
using Fields = std::map<std::string, std::string>;

template <class T>
std::string show(const std::optional<T>& v) {
  if (!v) return "-";
  if constexpr (std::is_same_v<T, std::string>) {
    return "'" + *v + "'";
  } else {
    return std::to_string(*v);
  }
}

// Every field an effect may write, by name, as text.
Fields fieldsOf(const records::Tranche& t) {
  return {{"state", t.state},
          {"requested_by", show(t.requested_by)},
          {"requested_at", show(t.requested_at)},
          {"verified_by", show(t.verified_by)},
          {"approved_by", show(t.approved_by)},
          {"disbursed_by", show(t.disbursed_by)},
          {"disbursed_at", show(t.disbursed_at)},
          {"payment_reference", show(t.payment_reference)},
          {"idempotency_key", show(t.idempotency_key)},
          {"amount_minor", std::to_string(t.amount_minor)}};
}
Fields fieldsOf(const records::Grant& g) {
  return {{"state", g.state},
          {"signed_by", show(g.signed_by)},
          {"signed_at", show(g.signed_at)},
          {"amount_minor", std::to_string(g.amount_minor)}};
}
Fields fieldsOf(const records::Report& r) {
  return {{"state", r.state},
          {"submitted_by", show(r.submitted_by)},
          {"submitted_at", show(r.submitted_at)},
          {"accepted_by", show(r.accepted_by)},
          {"accepted_at", show(r.accepted_at)},
          {"narrative", r.narrative}};
}
Fields fieldsOf(const records::Assignment& a) {
  return {{"state", a.state},
          {"reviewer_id", show(a.reviewer_id)},
          {"declared_at", show(a.declared_at)},
          {"reason", show(a.reason)},
          {"submitted_at", show(a.submitted_at)},
          {"comment", a.comment}};
}
Fields fieldsOf(const records::Call& c) {
  return {{"state", c.state}, {"opens_at", show(c.opens_at)}, {"closes_at", std::to_string(c.closes_at)}};
}
Fields fieldsOf(const records::Proposal& p) {
  return {{"state", p.state},
          {"award_minor", show(p.award_minor)},
          {"award_proposed_by", show(p.award_proposed_by)},
          {"eligible_future", p.eligible_future ? "true" : "false"},
          {"current_version", std::to_string(p.current_version)}};
}
Fields fieldsOf(const records::Amendment& a) {
  return {{"state", a.state},
          {"requested_at", show(a.requested_at)},
          {"reviewed_by", show(a.reviewed_by)},
          {"review_note", show(a.review_note)},
          {"approved_by", show(a.approved_by)},
          {"approved_at", show(a.approved_at)},
          {"applied_by", show(a.applied_by)},
          {"applied_at", show(a.applied_at)},
          {"proposed_by", std::to_string(a.proposed_by)}};
}

// Records whose every field an effect may write holds a value no effect writes.
records::Tranche sampleTranche() {
  records::Tranche t;
  t.requested_by = 7;
  t.requested_at = 8;
  t.verified_by = 9;
  t.approved_by = 10;
  t.amount_minor = 1'000;
  return t;
}
records::Grant sampleGrant() { return {}; }
records::Report sampleReport() {
  records::Report r;
  r.submitted_by = 7;
  r.submitted_at = 8;
  r.narrative = "what happened";
  return r;
}
records::Assignment sampleAssignment() {
  records::Assignment a;
  a.reason = "an older reason";
  a.submitted_at = 8;
  a.comment = "good";
  return a;
}
records::Amendment sampleAmendment() {
  records::Amendment a;
  a.proposed_by = 7;
  a.review_note = "an older note";
  return a;
}
records::Call sampleCall() {
  records::Call c;
  c.closes_at = 9;
  return c;
}
records::Proposal sampleProposal() {
  records::Proposal p;
  p.state = "reviewed";
  p.award_minor = 30'000'000;
  p.award_proposed_by = 7;
  return p;
}

// What each effect records, by its name: the fields it must change, written out by hand.
const std::map<std::string_view, std::set<std::string>>& expectedChanges() {
  static const std::map<std::string_view, std::set<std::string>> m{
      {"records_requester", {"requested_by", "requested_at"}},
      {"records_verifier", {"verified_by"}},
      {"clears_request", {"requested_by", "requested_at", "verified_by", "approved_by"}},
      {"records_approver", {"approved_by"}},
      {"records_payment", {"disbursed_by", "disbursed_at", "payment_reference", "idempotency_key"}},
      {"records_signature", {"signed_by", "signed_at"}},
      {"records_opening", {"opens_at"}},
      {"records_submission", {"submitted_by", "submitted_at"}},
      {"records_acceptance", {"accepted_by", "accepted_at"}},
      {"clears_submission", {"submitted_by", "submitted_at"}},
      {"records_declaration", {"reviewer_id", "declared_at"}},
      {"records_reason", {"reason"}},
      {"reopens_with_reason", {"reason", "submitted_at"}},
      {"records_future_round", {"eligible_future"}},
      {"records_proposed_award", {"award_minor", "award_proposed_by"}},
      {"clears_proposed_award", {"award_minor", "award_proposed_by"}},
      {"records_award", {"award_minor"}},
      {"records_request", {"requested_at"}},
      {"records_review", {"reviewed_by", "review_note"}},
      {"records_approval", {"approved_by", "approved_at"}},
      {"records_application", {"applied_by", "applied_at"}},
  };
  return m;
}

// The review's submission stamps only its time: the assignment keeps the reviewer from accept.
std::set<std::string> expectedFor(std::string_view machine, std::string_view effect) {
  if (machine == "review_assignment" && effect == "records_submission") return {"submitted_at"};
  auto it = expectedChanges().find(effect);
  return it == expectedChanges().end() ? std::set<std::string>{} : it->second;
}

// Runs `row`'s effect on a copy of the machine's sample record; the fields before and after.
template <class Row>
std::pair<Fields, Fields> runEffect(const Row& row, const Actor& actor, const Input& in) {
  using Record = typename Row::Record;
  if constexpr (std::is_same_v<Record, ProposalRecord>) {
    auto p = sampleProposal();
    records::ProposalVersion current;
    current.content.amount_minor = 40'000'000;
    const auto before = fieldsOf(p);
    ProposalRecord r{p, current};
    row.effect->apply(r, actor, in, kNow);
    return {before, fieldsOf(p)};
  } else {
    Record r;
    if constexpr (std::is_same_v<Record, records::Tranche>) r = sampleTranche();
    if constexpr (std::is_same_v<Record, records::Grant>) r = sampleGrant();
    if constexpr (std::is_same_v<Record, records::Report>) r = sampleReport();
    if constexpr (std::is_same_v<Record, records::Assignment>) r = sampleAssignment();
    if constexpr (std::is_same_v<Record, records::Call>) r = sampleCall();
    if constexpr (std::is_same_v<Record, records::Amendment>) r = sampleAmendment();
    const auto before = fieldsOf(r);
    row.effect->apply(r, actor, in, kNow);
    return {before, fieldsOf(r)};
  }
}

// The value a changed field must hold: the actor for *_by and reviewer_id, the step's time for
// *_at, the input for what the input carries; nullopt when it must be cleared or is free.
std::optional<std::string> stampFor(const std::string& field, const Actor& actor, const Input& in,
                                    bool clears) {
  if (clears) return "-";
  const auto ends = [&](std::string_view suffix) {
    return field.size() > suffix.size() && field.ends_with(suffix);
  };
  if (ends("_by") || field == "reviewer_id") return std::to_string(actor.user_id);
  if (ends("_at")) return std::to_string(kNow);
  if (field == "payment_reference") return show(in.payment_reference);
  if (field == "idempotency_key") return show(in.idempotency_key);
  if (field == "reason" || field == "review_note") return show(in.reason);
  if (field == "eligible_future") return in.eligible_future ? "true" : "false";
  return std::nullopt;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workflow_effects)

BOOST_AUTO_TEST_CASE_TEMPLATE(every_rows_effect_records_exactly_what_it_names, Spec, AllSpecs) {
  const auto& m = Spec::machine();
  Input in = fullInput();
  in.eligible_future = true;
  std::size_t exercised = 0;
  for (const auto& row : m.transitions) {
    if (row.effect == nullptr) continue;
    const Actor actor = actorFor(row.who.roles().front());
    BOOST_TEST_CONTEXT(m.name << ": " << nameOf(row.event) << " from " << row.from << " ("
                              << row.effect->name << ")") {
      const auto [before, after] = runEffect(row, actor, in);
      std::set<std::string> changed;
      for (const auto& [field, value] : after) {
        if (before.at(field) != value) changed.insert(field);
      }
      const auto expected = expectedFor(m.name, row.effect->name);
      BOOST_TEST(!expected.empty(), "an effect this test does not know: say what it records");
      BOOST_TEST(changed == expected, boost::test_tools::per_element());
      const bool clears = row.effect->name.starts_with("clears_");
      for (const auto& field : changed) {
        if (field == "submitted_at" && row.effect->name == "reopens_with_reason") {
          BOOST_TEST(after.at(field) == "-");
        } else if (auto want = stampFor(field, actor, in, clears)) {
          BOOST_TEST(after.at(field) == *want, field);
        }
      }
      BOOST_TEST(after.at("state") == before.at("state"), "the engine moves the state, not the effect");
      const auto again = runEffect(row, actor, in);
      BOOST_TEST((again.second == after), "an effect is a pure function of its arguments");
      ++exercised;
    }
  }
  BOOST_TEST_MESSAGE(m.name << ": " << exercised << " rows with an effect");
  BOOST_TEST(exercised > 0u);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(rows_of_one_event_share_one_effect_notice_and_tags, Spec, AllSpecs) {
  const auto& m = Spec::machine();
  for (const auto& a : m.transitions) {
    for (const auto& b : m.transitions) {
      if (&a == &b || a.event != b.event) continue;
      BOOST_TEST_CONTEXT(m.name << ": " << nameOf(a.event) << " from " << a.from << " and "
                                << b.from) {
        BOOST_TEST((a.effect == b.effect));
        BOOST_TEST((a.notice == b.notice));
        BOOST_TEST(a.tags == b.tags);
        BOOST_TEST(a.needs == b.needs);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_award_is_the_proposed_one_else_the_amount_given_else_the_request) {
  records::Proposal p;
  records::ProposalVersion current;
  current.content.amount_minor = 40'000'000;
  p.state = "reviewed";
  BOOST_TEST(awardFor(p, current, std::nullopt) == 40'000'000);
  BOOST_TEST(awardFor(p, current, 35'000'000) == 35'000'000);
  BOOST_TEST(awardFor(p, current, 0) == 40'000'000);
  p.award_minor = 45'000'000;
  BOOST_TEST(awardFor(p, current, 35'000'000) == 35'000'000);  // only an award_proposed keeps it
  p.state = "award_proposed";
  BOOST_TEST(awardFor(p, current, 35'000'000) == 45'000'000);
}

BOOST_AUTO_TEST_CASE(take_applies_the_effect_then_moves_the_state) {
  auto t = sampleTranche();
  const auto* row = findRow(kTrancheFlow, "approved", TrancheEvent::kDisburse);
  BOOST_TEST_REQUIRE(row != nullptr);
  t.state = "approved";
  take(*row, t, t.state, actorFor(Role::kFundManager), fullInput(), kNow);
  BOOST_TEST(t.state == "disbursed");
  BOOST_TEST(t.disbursed_at.value_or(0) == kNow);
  BOOST_TEST(t.payment_reference.value_or("") == "BANK-2026-000123");
}

BOOST_AUTO_TEST_CASE(an_unknown_event_name_is_refused_as_invalid_and_names_map_back) {
  BOOST_TEST(!findEvent(kProposalFlow, "aprove").has_value());
  BOOST_TEST((findEvent(kProposalFlow, "approve") == ProposalEvent::kApprove));
  for (const auto& e : kTrancheEvents) BOOST_TEST((eventNamed(kTrancheFlow, e.name) == e.event));
  try {
    eventNamed(kGrantFlow, "sgin");
    BOOST_FAIL("an unknown event was taken");
  } catch (const core::Problem& p) {
    BOOST_TEST((p.kind() == core::ProblemKind::kInvalid));
    BOOST_TEST_REQUIRE(p.fields().size() == 1u);
    BOOST_TEST(p.fields()[0].field == "event");
  }
}

BOOST_AUTO_TEST_CASE(editable_states_come_from_the_tables) {
  BOOST_TEST(editableIn(kProposalFlow, "draft"));
  BOOST_TEST(editableIn(kProposalFlow, "revision_requested"));
  BOOST_TEST(!editableIn(kProposalFlow, "submitted"));
  BOOST_TEST(editableIn(kReportFlow, "draft"));
  BOOST_TEST(!editableIn(kReportFlow, "submitted"));
  BOOST_TEST(!editableIn(kTrancheFlow, "scheduled"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::workflow::testing
