// Two instances on one database (DESIGN §8), each with its own sessions, caches and port: 200
// concurrent conflicting requests spread over both — decisions on proposals in review and
// payments of approved tranches, all sent with the version read before the race and each
// payment with an idempotency key of its own. Each record changes once, nothing is lost, the
// money invariants hold and the audit chain verifies. In the PostgreSQL run the database is the
// cluster's; in the SQLite run both instances share one file.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "services/audit/audit_log.h"
#include "tests/web/pipeline_steps.h"

using namespace citygrants;
using namespace citygrants::webtest;

namespace {

constexpr std::int64_t kSmallAward = 20'000'000;  // one fund manager decides
constexpr int kRecords = 10;                      // of each kind
constexpr int kAttemptsPerRecord = 10;            // 2 × 10 × 10 = 200 requests
constexpr int kThreads = 40;

// One request of the race: who sends it, to which instance, what.
struct Attempt {
  Client client;
  std::string path;
  std::string body;
  Headers headers;
  std::size_t record = 0;  // index into the records of its kind
  bool payment = false;
};

std::int64_t count(Server& server, const std::string& sql, std::int64_t id) {
  return queryInt(server.db(), sql, id).value_or(-1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(two_instances)

BOOST_AUTO_TEST_CASE(two_hundred_conflicting_changes_over_two_instances_each_happen_once) {
  Server first(true);
  auto second = Server::anotherInstance(first);
  Cast cast(first, "applicant@dhakanorth.demo");

  // Ten proposals in review and ten tranches approved for payment, made through the first.
  std::vector<std::int64_t> proposals, tranches;
  for (int i = 0; i < kRecords; ++i) {
    proposals.push_back(
        proposalInReview(cast, kSmallAward + i, "Dhaka North: decision " + std::to_string(i)));
    tranches.push_back(
        approvedTranche(cast, kSmallAward, "Dhaka North: payment " + std::to_string(i)));
  }

  // Every attempt carries the version read before the race; they alternate between instances
  // and, for decisions, between the two fund managers and three conflicting events.
  const char* decisions[] = {R"({"event":"approve","reason":"Within the threshold."})",
                             R"({"event":"reject","reason":"Outside the call's focus."})",
                             R"({"event":"request_revision","reason":"Detail the budget."})"};
  std::vector<Attempt> attempts;
  for (int r = 0; r < kRecords; ++r) {
    const auto p = proposalPath(proposals[r]);
    const auto t = tranchePath(tranches[r]);
    const auto p_etag = read(cast.fm1, p).header("ETag");
    const auto t_etag = read(cast.fm2, t).header("ETag");
    for (int a = 0; a < kAttemptsPerRecord; ++a) {
      Client decider = a % 2 == 0 ? cast.fm1 : cast.fm2;
      Client payer = cast.fm2;  // fm1 approved the payments: four eyes leave fm2 to pay
      decider.port = payer.port = (a % 2 == 0 ? first.port() : second->port());
      attempts.push_back({decider,
                          p + "/transitions",
                          decisions[a % 3],
                          {{"If-Match", p_etag}},
                          static_cast<std::size_t>(r),
                          false});
      const std::string key = "pay-" + std::to_string(tranches[r]) + "-" + std::to_string(a);
      attempts.push_back({payer,
                          t + "/transitions",
                          R"({"event":"disburse","payment_reference":"MMC-PAY-)" + key + R"("})",
                          {{"If-Match", t_etag}, {"Idempotency-Key", key}},
                          static_cast<std::size_t>(r),
                          true});
    }
  }
  BOOST_REQUIRE_EQUAL(attempts.size(), 200u);

  std::vector<Response> answers(attempts.size());
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      for (auto n = next.fetch_add(1); n < attempts.size(); n = next.fetch_add(1)) {
        auto& at = attempts[n];
        answers[n] = at.client.post(at.path, at.body, at.headers);
      }
    });
  }
  for (auto& t : threads) t.join();

  // Exactly one winner a record; every loser told why (409 or 412, as problem+json), no 5xx.
  std::vector<int> decided(kRecords, 0), paid(kRecords, 0);
  for (std::size_t n = 0; n < answers.size(); ++n) {
    const auto& a = answers[n];
    if (a.status == 200) {
      ++(attempts[n].payment ? paid : decided)[attempts[n].record];
    } else {
      BOOST_TEST((a.status == 409 || a.status == 412),
                 "attempt " << n << ": " << a.status << " " << a.body);
      BOOST_TEST(a.isProblem(), a.body);
    }
  }
  for (int r = 0; r < kRecords; ++r) {
    BOOST_TEST_CONTEXT("record " << r) {
      BOOST_TEST(decided[r] == 1);
      BOOST_TEST(paid[r] == 1);
      const auto p = proposals[r];
      BOOST_TEST(count(first,
                       "SELECT COUNT(*) FROM decisions WHERE proposal_id = :p AND event IN "
                       "('approve', 'reject', 'request_revision')",
                       p) == 1);
      BOOST_TEST(
          count(first,
                "SELECT COUNT(*) FROM audit_events WHERE entity = 'proposal' AND entity_id = :p "
                "AND event IN ('approve', 'reject', 'request_revision')",
                p) == 1);
      BOOST_TEST(
          count(first, "SELECT COUNT(*) FROM grants WHERE proposal_id = :p", p) ==
          count(first, "SELECT COUNT(*) FROM proposals WHERE id = :p AND state = 'approved'", p));
      const auto t = tranches[r];
      BOOST_TEST(count(first, "SELECT COUNT(*) FROM tranches WHERE id = :p AND state = 'disbursed'",
                       t) == 1);
      BOOST_TEST(
          count(first,
                "SELECT COUNT(*) FROM audit_events WHERE entity = 'tranche' AND entity_id = :p "
                "AND event = 'disburse'",
                t) == 1);
    }
  }

  // Both instances show the same now (their caches are keyed by the shared generation).
  for (int r = 0; r < kRecords; ++r) {
    Client on_second = cast.fm1;
    on_second.port = second->port();
    BOOST_TEST(read(on_second, proposalPath(proposals[r])).body ==
               read(cast.fm1, proposalPath(proposals[r])).body);
  }

  // The money invariants over the whole database, and the chain.
  BOOST_TEST(
      count(first,
            "SELECT COUNT(*) FROM grants g WHERE g.amount_minor <> "
            "(SELECT SUM(t.amount_minor) FROM tranches t WHERE t.grant_id = g.id) OR g.id = :p",
            0) == 0);
  BOOST_TEST(
      count(first,
            "SELECT COUNT(*) FROM grants g WHERE g.amount_minor < (SELECT "
            "COALESCE(SUM(t.amount_minor), 0) "
            "FROM tranches t WHERE t.grant_id = g.id AND t.state = 'disbursed') OR g.id = :p",
            0) == 0);
  BOOST_TEST(count(first,
                   "SELECT COUNT(*) FROM calls c WHERE c.budget_minor < (SELECT "
                   "COALESCE(SUM(g.amount_minor), 0) "
                   "FROM grants g WHERE g.call_id = c.id) OR c.id = :p",
                   0) == 0);
  BOOST_TEST(
      count(
          first,
          "SELECT COUNT(*) FROM tranches WHERE state = 'disbursed' AND approved_by = disbursed_by "
          "OR id = :p",
          0) == 0);
  const auto verdict = audit::verifyAudit(first.db());
  BOOST_TEST(verdict.ok, verdict.reason);
}

BOOST_AUTO_TEST_SUITE_END()
