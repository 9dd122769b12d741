#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <vector>

#include "modules/core/problem.h"
#include "services/audit/audit_log.h"
#include "services/usecases/funding_service.h"
#include "tests/services/random_driver.h"

using namespace citygrants;

namespace {

std::int64_t scalar(db::Database& db, const std::string& sql) {
  auto tx = db.read();
  std::int64_t n = 0;
  tx.sql() << sql, soci::into(n);
  tx.commit();
  return n;
}

// Each query counts rows that break a rule; every count must be 0.
constexpr std::pair<const char*, const char*> kInvariants[] = {
    {"the tallies count the proposals of each call, city and state, and add up the amounts of "
     "their current versions and their awards (migrations 0026, 0030)",
     "SELECT COUNT(*) FROM (SELECT p.call_id, p.city_org_id, p.state, COUNT(*) AS n, "
     "COALESCE(SUM(v.amount_minor), 0) AS requested, COALESCE(SUM(p.award_minor), 0) AS awarded "
     "FROM proposals p LEFT JOIN proposal_versions v ON v.proposal_id = p.id AND "
     "v.number = p.current_version GROUP BY p.call_id, p.city_org_id, p.state) c FULL JOIN "
     "(SELECT * FROM proposal_tallies WHERE n <> 0 OR requested_minor <> 0 OR "
     "awarded_minor <> 0) t ON t.call_id = c.call_id AND t.city_org_id = c.city_org_id AND "
     "t.state = c.state "
     "WHERE c.n IS NULL OR t.n IS NULL OR c.n <> t.n OR c.requested <> t.requested_minor OR "
     "c.awarded <> t.awarded_minor"},
    {"a proposal's state_since is its latest audit event into its state, else its creation "
     "(migration 0027)",
     "SELECT COUNT(*) FROM proposals p WHERE p.state_since <> COALESCE((SELECT MAX(e.at) FROM "
     "audit_events e WHERE e.entity = 'proposal' AND e.entity_id = p.id AND e.to_state = p.state "
     "AND e.from_state <> e.to_state), p.created_at)"},
    {"tranches add up to the grant",
     "SELECT COUNT(*) FROM grants g WHERE g.amount_minor <> "
     "(SELECT COALESCE(SUM(t.amount_minor), 0) FROM tranches t WHERE t.grant_id = g.id)"},
    {"disbursed stays within the grant",
     "SELECT COUNT(*) FROM grants g WHERE g.amount_minor < (SELECT COALESCE(SUM(t.amount_minor), 0) "
     "FROM tranches t WHERE t.grant_id = g.id AND t.state = 'disbursed')"},
    {"awards stay within the call budget",
     "SELECT COUNT(*) FROM calls c WHERE c.budget_minor < "
     "(SELECT COALESCE(SUM(g.amount_minor), 0) FROM grants g WHERE g.call_id = c.id)"},
    {"nothing disbursed twice",
     "SELECT COUNT(*) FROM (SELECT entity_id FROM audit_events WHERE entity = 'tranche' AND "
     "event = 'disburse' GROUP BY entity_id HAVING COUNT(*) > 1) twice"},
    {"every disbursement is audited once",
     "SELECT ABS((SELECT COUNT(*) FROM tranches WHERE state = 'disbursed') - (SELECT COUNT(*) FROM "
     "audit_events WHERE entity = 'tranche' AND event = 'disburse'))"},
    {"a disbursement names its payment, key and a second fund manager",
     "SELECT COUNT(*) FROM tranches WHERE state = 'disbursed' AND (payment_reference IS NULL OR "
     "idempotency_key IS NULL OR disbursed_by IS NULL OR disbursed_by = approved_by)"},
    {"the approver is neither requester nor verifier",
     "SELECT COUNT(*) FROM tranches WHERE approved_by IS NOT NULL AND "
     "(approved_by = requested_by OR approved_by = verified_by)"},
    {"every approved proposal has its grant at the award, or at its last amended terms",
     "SELECT COUNT(*) FROM proposals p WHERE p.state = 'approved' AND NOT EXISTS (SELECT 1 FROM "
     "grants g WHERE g.proposal_id = p.id AND g.amount_minor = COALESCE((SELECT t.amount_minor "
     "FROM grant_terms t WHERE t.grant_id = g.id AND t.number = (SELECT MAX(number) FROM "
     "grant_terms m WHERE m.grant_id = g.id)), p.award_minor))"},
    {"the first terms of a grant are its award",
     "SELECT COUNT(*) FROM grant_terms t JOIN grants g ON g.id = t.grant_id JOIN proposals p ON "
     "p.id = g.proposal_id WHERE t.number = 1 AND t.amount_minor <> p.award_minor"},
    {"every applied amendment wrote one terms version, and only they did",
     "SELECT ABS((SELECT COUNT(*) FROM amendments WHERE state = 'applied') - (SELECT COUNT(*) FROM "
     "grant_terms WHERE number > 1)) + (SELECT COUNT(*) FROM grant_terms t WHERE t.number > 1 AND "
     "NOT EXISTS (SELECT 1 FROM amendments a WHERE a.id = t.amendment_id AND a.state = 'applied' "
     "AND a.terms_number = t.number))"},
    {"the terms' tranches add up to the terms' amount",
     "SELECT COUNT(*) FROM grant_terms t WHERE t.amount_minor <> (SELECT COALESCE(SUM("
     "x.amount_minor), 0) FROM grant_term_tranches x WHERE x.terms_id = t.id)"},
    {"an increase was approved and applied by two fund managers",
     "SELECT COUNT(*) FROM amendments a JOIN grant_terms t ON t.amendment_id = a.id JOIN "
     "grant_terms p ON p.grant_id = t.grant_id AND p.number = t.number - 1 WHERE t.amount_minor > "
     "p.amount_minor AND (a.applied_by = a.approved_by OR a.approved_by = a.proposed_by)"},
    {"grants exist only for approved proposals",
     "SELECT COUNT(*) FROM grants g JOIN proposals p ON p.id = g.proposal_id WHERE p.state <> 'approved'"},
    {"a proposal's state is the last one audited",
     "SELECT COUNT(*) FROM proposals p WHERE p.state <> (SELECT a.to_state FROM audit_events a WHERE "
     "a.entity = 'proposal' AND a.entity_id = p.id AND a.to_state <> '' ORDER BY a.seq DESC LIMIT 1)"},
    {"a tranche's state is the last one audited (or scheduled)",
     "SELECT COUNT(*) FROM tranches t WHERE t.state <> COALESCE((SELECT a.to_state FROM audit_events a "
     "WHERE a.entity = 'tranche' AND a.entity_id = t.id AND a.to_state <> '' ORDER BY a.seq DESC "
     "LIMIT 1), 'scheduled')"},
    {"a grant of a call with chapters is allocated to them exactly",
     "SELECT COUNT(*) FROM grants g WHERE EXISTS (SELECT 1 FROM call_chapters cc WHERE cc.call_id = "
     "g.call_id) AND g.amount_minor <> (SELECT COALESCE(SUM(a.amount_minor), 0) FROM "
     "grant_allocations a WHERE a.grant_id = g.id)"},
    {"a chapter gives no more than it committed",
     "SELECT COUNT(*) FROM chapters ch WHERE ch.committed_minor < (SELECT "
     "COALESCE(SUM(a.amount_minor), 0) FROM grant_allocations a WHERE a.chapter_id = ch.id)"},
    {"allocations go only to the call's chapters",
     "SELECT COUNT(*) FROM grant_allocations a JOIN grants g ON g.id = a.grant_id WHERE NOT EXISTS "
     "(SELECT 1 FROM call_chapters cc WHERE cc.call_id = g.call_id AND cc.chapter_id = a.chapter_id)"},
    {"submitted versions stay frozen",
     "SELECT COUNT(*) FROM proposals p JOIN proposal_versions v ON v.proposal_id = p.id WHERE "
     "v.number < p.current_version AND v.frozen = 0"},
};

// What was paid on grants that chapters pay, and the same as the donors' view attributes it.
constexpr const char* kDisbursedAllocated =
    "SELECT COALESCE(SUM(t.amount_minor), 0) FROM tranches t WHERE t.state = 'disbursed' AND "
    "EXISTS (SELECT 1 FROM grant_allocations a WHERE a.grant_id = t.grant_id)";

std::int64_t attributedDisbursed(testing::RandomDriver& driver) {
  std::int64_t sum = 0;
  for (const auto& donor : driver.funding().donors(driver.fundManager())) {
    for (const auto& c : donor.chapters) sum += c.disbursed_minor;
  }
  return sum;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(invariants)

BOOST_AUTO_TEST_CASE(money_invariants_hold_after_every_step_of_a_long_random_sequence) {
  const char* env_seed = std::getenv("CITYGRANTS_SEED");
  const std::uint64_t seed = env_seed != nullptr ? std::strtoull(env_seed, nullptr, 10) : 20261123;
  const char* env_steps = std::getenv("CITYGRANTS_STEPS");
  const int steps = env_steps != nullptr ? std::atoi(env_steps) : 4000;
  BOOST_TEST_MESSAGE("random sequence: seed " << seed << ", " << steps << " steps (CITYGRANTS_SEED, CITYGRANTS_STEPS)");

  testing::RandomDriver driver("invariants_random", seed);
  for (int i = 0; i < steps; ++i) {
    const auto before = testing::auditHead(driver.db());
    const auto outcome = driver.step();
    BOOST_TEST_CONTEXT("step " << i << " (" << outcome.what << ")") {
      BOOST_REQUIRE_MESSAGE(!outcome.fault, outcome.fault_message);
      if (outcome.refused) BOOST_REQUIRE_EQUAL(testing::auditHead(driver.db()), before);
      for (const auto& [name, sql] : kInvariants) {
        BOOST_REQUIRE_MESSAGE(scalar(driver.db(), sql) == 0, "invariant broken: " << name);
      }
      BOOST_REQUIRE_MESSAGE(attributedDisbursed(driver) == scalar(driver.db(), kDisbursedAllocated),
                            "invariant broken: the chapters' attributed disbursements add up to "
                            "what was paid");
    }
    if (i % 500 == 499) BOOST_REQUIRE(audit::verifyAudit(driver.db()).ok);
  }
  const auto& stats = driver.stats();
  BOOST_TEST_MESSAGE("done: " << stats.done << " steps done, " << stats.refused << " refused; "
                     << scalar(driver.db(), "SELECT COUNT(*) FROM grants") << " grants, "
                     << scalar(driver.db(), "SELECT COUNT(*) FROM tranches WHERE state = 'disbursed'")
                     << " tranches disbursed");
  for (const char* state : {"draft", "submitted", "screening", "in_review", "reviewed",
                            "award_proposed", "approved", "rejected", "withdrawn"}) {
    BOOST_TEST_MESSAGE("  proposals " << state << ": "
                       << scalar(driver.db(), std::string("SELECT COUNT(*) FROM proposals WHERE state = '") + state + "'"));
  }
  std::vector<std::pair<int, std::string>> common;
  for (const auto& [why, n] : stats.refusals) common.emplace_back(n, why);
  std::sort(common.rbegin(), common.rend());
  for (std::size_t i = 0; i < common.size() && i < 8; ++i) {
    BOOST_TEST_MESSAGE("  refused " << common[i].first << "x: " << common[i].second);
  }
  // The sequence must reach the money: grants made and tranches paid, not only refusals.
  BOOST_TEST(scalar(driver.db(), "SELECT COUNT(*) FROM grants") >= 2);
  BOOST_TEST(scalar(driver.db(), "SELECT COUNT(*) FROM tranches WHERE state = 'disbursed'") >= 1);
  // ... and amendments applied, among them a change of amount and a tranche re-planned.
  BOOST_TEST_MESSAGE("  amendments applied: "
                     << scalar(driver.db(), "SELECT COUNT(*) FROM amendments WHERE state = 'applied'")
                     << ", tranches re-planned: "
                     << scalar(driver.db(), "SELECT COUNT(*) FROM audit_events WHERE event = 'replan'"));
  BOOST_TEST(scalar(driver.db(), "SELECT COUNT(*) FROM amendments WHERE state = 'applied'") >= 2);
  BOOST_TEST(scalar(driver.db(), "SELECT COUNT(*) FROM grant_terms t WHERE t.amount_minor <> "
                                 "(SELECT p.amount_minor FROM grant_terms p WHERE p.grant_id = "
                                 "t.grant_id AND p.number = t.number - 1)") >= 1);
  BOOST_TEST(stats.done > steps / 5);
  BOOST_TEST(audit::verifyAudit(driver.db()).ok);
}

BOOST_AUTO_TEST_SUITE_END()
