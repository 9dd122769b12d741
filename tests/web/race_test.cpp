#include <latch>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/web/pipeline_steps.h"

using namespace citygrants::webtest;

namespace {

constexpr std::int64_t kSmallAward = 20'000'000;  // USD 200,000.00: one fund manager decides
constexpr const char* kApplicant = "applicant@dhakanorth.demo";

// Runs request(0) ... request(n - 1) on n threads released together by a latch, and returns
// their answers in that order. `request` must not use Boost.Test (it is not thread-safe).
template <class Request>
std::vector<Response> together(std::size_t n, Request request) {
  std::latch start(static_cast<std::ptrdiff_t>(n));
  std::vector<Response> out(n);
  std::vector<std::thread> threads;
  threads.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      out[i] = request(i);
    });
  }
  for (auto& t : threads) t.join();
  return out;
}

// The number of audit rows `entity:event` of one record (read only).
std::int64_t auditRows(Cast& cast, const std::string& entity, const std::string& event,
                       std::int64_t id) {
  // entity and event are this file's constants, never input.
  return queryInt(cast.server.db(),
                  "SELECT COUNT(*) FROM audit_events WHERE entity = '" + entity +
                      "' AND event = '" + event + "' AND entity_id = :p",
                  id)
      .value_or(-1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(races_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(fifty_identical_disbursements_at_once_pay_once_and_all_answer_the_same) {
  Cast cast(SeededServer::get(), kApplicant);
  const auto tranche = approvedTranche(cast, kSmallAward,
                                       "Dhaka North: cash for work for climate-displaced families");
  const auto path = tranchePath(tranche);
  const auto counted = transitionsCounted(cast.fm2, "tranche", "disburse");
  const Event pay{.name = "disburse", .payment_reference = "MMC-PAY-RACE-0001"};
  const Headers headers{{"If-Match", read(cast.fm2, path).header("ETag")},
                        {"Idempotency-Key", "race-disbursement-" + std::to_string(tranche)}};
  const auto answers = together(50, [&](std::size_t) {
    Client mine = cast.fm2;  // the same session cookie and CSRF token, its own connection
    return mine.post(path + "/transitions", pay.json(), headers);
  });

  for (std::size_t i = 0; i < answers.size(); ++i) {
    BOOST_TEST(answers[i].status == 200,
               "answer " << i << ": " << answers[i].status << " " << answers[i].body);
    BOOST_TEST(answers[i].body == answers[0].body, "answer " << i);
    BOOST_TEST(answers[i].header("ETag") == answers[0].header("ETag"), "answer " << i);
  }
  BOOST_REQUIRE_EQUAL(answers[0].status, 200);
  BOOST_TEST(stateOf(answers[0]) == "disbursed");
  const auto now = read(cast.fm2, path);
  BOOST_TEST(now.body == answers[0].body);
  BOOST_TEST(now.json->getValue<std::int64_t>("disbursed_by") == userIdOf(cast.fm2));
  BOOST_TEST(auditRows(cast, "tranche", "disburse", tranche) == 1);
  BOOST_TEST(transitionsCounted(cast.fm2, "tranche", "disburse") == counted + 1);
  const auto grant = now.json->getValue<std::int64_t>("grant_id");
  int disbursed = 0;
  const auto all = tranchesOf(cast.fm2, grant);
  for (unsigned i = 0; i < all->size(); ++i) {
    if (all->getObject(i)->getValue<std::string>("state") == "disbursed") ++disbursed;
  }
  BOOST_TEST(disbursed == 1);
  BOOST_TEST(read(cast.auditor, "/api/v1/audit/verify").json->getValue<bool>("ok"));
}

BOOST_AUTO_TEST_CASE(
    two_fund_managers_approving_one_proposal_at_once_make_one_decision_and_one_grant) {
  Cast cast(SeededServer::get(), kApplicant);
  for (int round = 1; round <= 4; ++round) {
    BOOST_TEST_CONTEXT("round " << round) {
      const std::int64_t award = kSmallAward + round;
      const auto proposal =
          proposalInReview(cast, award, "Dhaka North: round " + std::to_string(round));
      const auto path = proposalPath(proposal);
      const auto etag = read(cast.fm1, path).header("ETag");
      BOOST_TEST(offers(read(cast.fm1, path), "approve"));
      BOOST_TEST(offers(read(cast.fm2, path), "approve"));
      Client* deciders[] = {&cast.fm1, &cast.fm2};
      const auto answers = together(2, [&](std::size_t i) {
        Client mine = *deciders[(i + static_cast<std::size_t>(round)) % 2];
        return mine.post(path + "/transitions",
                         R"({"event":"approve","reason":"Within the threshold."})",
                         {{"If-Match", etag}});
      });

      int won = 0;
      int lost = 0;
      for (const auto& a : answers) {
        if (a.status == 200) {
          ++won;
          BOOST_TEST(stateOf(a) == "approved");
          BOOST_TEST(minorOf(a.json, "award") == award);
        } else {
          lost += a.status == 412 || a.status == 409 ? 1 : 0;
          BOOST_TEST(a.isProblem(), a.body);
        }
      }
      BOOST_TEST(won == 1, answers[0].status << " / " << answers[1].status);
      BOOST_TEST(lost == 1, answers[0].body << " / " << answers[1].body);
      BOOST_TEST(
          queryInt(cast.server.db(),
                   "SELECT COUNT(*) FROM decisions WHERE event = 'approve' AND proposal_id = :p",
                   proposal)
              .value_or(-1) == 1);
      BOOST_TEST(
          queryInt(cast.server.db(), "SELECT COUNT(*) FROM grants WHERE proposal_id = :p", proposal)
              .value_or(-1) == 1);
      BOOST_TEST(auditRows(cast, "proposal", "approve", proposal) == 1);
      const auto grant = grantOf(cast.fm2, proposal);
      BOOST_REQUIRE(grant.has_value());
      std::int64_t sum = 0;
      const auto list = tranchesOf(cast.fm2, *grant);
      for (std::size_t i = 0; i < list->size(); ++i)
        sum += minorOf(list->getObject(static_cast<unsigned>(i)), "amount");
      BOOST_TEST(sum == award);
    }
  }
}

// Regression (issue 3): a disbursement key replayed by anyone but the fund manager who paid with
// it must be refused without touching the database or the transition metrics.
BOOST_AUTO_TEST_CASE(issue_3_replaying_a_used_disbursement_key_as_another_user_changes_nothing) {
  Cast cast(SeededServer::get(), kApplicant);
  const auto tranche =
      approvedTranche(cast, kSmallAward, "Dhaka North: flood shelters for displaced families");
  const auto path = tranchePath(tranche);
  const auto before_payment = read(cast.fm2, path).header("ETag");
  const Event pay{.name = "disburse", .payment_reference = "MMC-PAY-REPLAY-0001"};
  const Headers key{{"Idempotency-Key", "replayed-key-" + std::to_string(tranche)}};
  fire(cast.fm2, path, pay, "disbursed", key);
  const auto paid = read(cast.fm2, path);
  const auto counted = transitionsCounted(cast.fm2, "tranche", "disburse");
  const auto digest = databaseDigest(cast.server.db());

  struct Replay {
    const char* who;
    Client* client;
    int status;
  };
  const Replay replays[] = {{"auditor", &cast.auditor, 403},
                            {"fm1 (the approver)", &cast.fm1, 409},
                            {"the applicant", &cast.applicant, 403}};
  for (const auto& replay : replays) {
    for (const auto& etag : {before_payment, paid.header("ETag")}) {
      Headers headers = key;
      headers.emplace_back("If-Match", etag);
      const auto r = replay.client->post(path + "/transitions", pay.json(), headers);
      BOOST_TEST(r.status == replay.status,
                 replay.who << " with " << etag << ": " << r.status << " " << r.body);
      BOOST_TEST(r.isProblem(), replay.who << ": " << r.body);
      BOOST_TEST(transitionsCounted(cast.fm2, "tranche", "disburse") == counted,
                 replay.who << " bumped the metric");
    }
  }
  BOOST_TEST(databaseDigest(cast.server.db()) == digest);
  BOOST_TEST(auditRows(cast, "tranche", "disburse", tranche) == 1);
  BOOST_TEST(read(cast.fm2, path).body == paid.body);

  // The fund manager who paid may retry: the same answer, still no second payment or count.
  const auto retried =
      cast.fm2.post(path + "/transitions", pay.json(), {key[0], {"If-Match", before_payment}});
  BOOST_TEST(retried.status == 200, retried.body);
  BOOST_TEST(retried.body == paid.body);
  BOOST_TEST(transitionsCounted(cast.fm2, "tranche", "disburse") == counted);
  BOOST_TEST(databaseDigest(cast.server.db()) == digest);
}

BOOST_AUTO_TEST_SUITE_END()
