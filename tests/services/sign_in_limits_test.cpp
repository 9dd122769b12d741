#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "services/auth/hash_gate.h"
#include "services/auth/sign_in_budget.h"

using namespace citygrants;
using auth::HashGate;
using auth::SignInBudget;

namespace {

constexpr std::int64_t kStart = 1'780'000'000'000;

// Attempts `client` may make at `now` before the budget refuses one.
int attemptsLeft(SignInBudget& budget, const std::string& client, std::int64_t now) {
  int n = 0;
  while (!budget.take(client, now)) ++n;
  return n;
}

// The kind and Retry-After of what `fn` throws; kNotFound and 0 when it throws nothing.
std::pair<core::ProblemKind, int> refusal(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const core::Problem& p) {
    return {p.kind(), p.retryAfterSeconds()};
  }
  return {core::ProblemKind::kNotFound, 0};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sign_in_budget)

BOOST_AUTO_TEST_CASE(an_address_gets_its_burst_then_one_attempt_per_refill) {
  SignInBudget budget;  // the serve defaults: 10 at once, then one every 3 s
  BOOST_TEST(attemptsLeft(budget, "198.51.100.7", kStart) == 10);
  BOOST_TEST(budget.take("198.51.100.7", kStart + 2999).has_value());
  BOOST_TEST(!budget.take("198.51.100.7", kStart + 3000).has_value());
  BOOST_TEST(budget.take("198.51.100.7", kStart + 3000).has_value());
  BOOST_TEST(attemptsLeft(budget, "198.51.100.7", kStart + 3000 + 30'000) == 10);  // never more
  BOOST_TEST(attemptsLeft(budget, "198.51.100.8", kStart) == 10);  // another address: its own
}

BOOST_AUTO_TEST_CASE(a_failed_attempt_costs_two_and_a_success_one) {
  SignInBudget budget;
  int failures = 0;
  while (!budget.take("198.51.100.7", kStart)) {
    budget.chargeFailure("198.51.100.7", kStart);
    ++failures;
  }
  BOOST_TEST(failures == 5);
  // Nothing left: the next attempt in one refill; after one more failure, in two.
  const auto wait = budget.take("198.51.100.7", kStart);
  BOOST_REQUIRE(wait.has_value());
  BOOST_TEST(*wait == 3);
  BOOST_TEST(!budget.take("198.51.100.7", kStart + 3000).has_value());
  budget.chargeFailure("198.51.100.7", kStart + 3000);
  BOOST_TEST(*budget.take("198.51.100.7", kStart + 3000) == 6);
}

BOOST_AUTO_TEST_CASE(retry_after_is_the_whole_seconds_until_the_next_attempt) {
  SignInBudget budget({.burst = 1, .refill_ms = 2500, .failure_cost = 1});
  BOOST_TEST(!budget.take("a", kStart).has_value());
  for (const auto& [after, seconds] : std::vector<std::pair<int, int>>{
           {0, 3}, {1, 3}, {499, 3}, {500, 2}, {1499, 2}, {1500, 1}, {2499, 1}}) {
    const auto wait = budget.take("a", kStart + after);
    BOOST_REQUIRE_MESSAGE(wait.has_value(), "after " << after);
    BOOST_TEST(*wait == seconds, "after " << after);
  }
  BOOST_TEST(!budget.take("a", kStart + 2500).has_value());
}

BOOST_AUTO_TEST_CASE(a_clock_that_steps_back_refills_nothing) {
  SignInBudget budget({.burst = 1, .refill_ms = 1000, .failure_cost = 1});
  BOOST_TEST(!budget.take("a", kStart).has_value());
  BOOST_TEST(budget.take("a", kStart - 60'000).has_value());
  BOOST_TEST(budget.take("a", kStart + 999).has_value());
  BOOST_TEST(!budget.take("a", kStart + 1000).has_value());
}

BOOST_AUTO_TEST_CASE(the_table_of_addresses_stays_within_its_bound_forgetting_the_least_recent) {
  SignInBudget budget({.burst = 2, .refill_ms = 60'000, .failure_cost = 1, .max_addresses = 100});
  for (int i = 0; i < 1000; ++i) {
    const std::string ip = "10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256);
    BOOST_TEST(!budget.take(ip, kStart + i).has_value());
    BOOST_TEST(!budget.take(ip, kStart + i).has_value());
    BOOST_TEST(budget.addresses() <= 100u);
  }
  BOOST_TEST(budget.addresses() == 100u);
  BOOST_TEST(budget.take("10.0.3.231", kStart + 1000).has_value());  // the last one: remembered
  BOOST_TEST(!budget.take("10.0.0.0", kStart + 1000).has_value());   // the first: forgotten
}

BOOST_AUTO_TEST_CASE(an_address_whose_budget_is_full_again_is_forgotten) {
  SignInBudget budget({.burst = 2, .refill_ms = 1000, .failure_cost = 1});
  BOOST_TEST(!budget.take("10.0.0.1", kStart).has_value());
  BOOST_TEST(!budget.take("10.0.0.2", kStart + 500).has_value());
  BOOST_TEST(budget.addresses() == 2u);
  BOOST_TEST(!budget.take("10.0.0.3", kStart + 1000).has_value());  // 10.0.0.1 is full again
  BOOST_TEST(budget.addresses() == 2u);
  BOOST_TEST(!budget.take("10.0.0.4", kStart + 5000).has_value());  // so are 10.0.0.2 and .3
  BOOST_TEST(budget.addresses() == 1u);
}

BOOST_AUTO_TEST_CASE(ipv6_addresses_count_by_their_64_network_and_mapped_ipv4_as_ipv4) {
  BOOST_TEST(SignInBudget::keyOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd") == "2001:db8:1:2::/64");
  BOOST_TEST(SignInBudget::keyOf("2001:db8:1:2::1") == SignInBudget::keyOf("2001:db8:1:2:ffff::9"));
  BOOST_TEST(SignInBudget::keyOf("2001:db8:1:3::1") != SignInBudget::keyOf("2001:db8:1:2::1"));
  BOOST_TEST(SignInBudget::keyOf("::ffff:198.51.100.7") == "198.51.100.7");
  BOOST_TEST(SignInBudget::keyOf("198.51.100.7") == "198.51.100.7");
  BOOST_TEST(SignInBudget::keyOf("") == "");

  SignInBudget budget({.burst = 1, .refill_ms = 60'000, .failure_cost = 1});
  BOOST_TEST(!budget.take("2001:db8::1", kStart).has_value());
  BOOST_TEST(budget.take("2001:db8::2", kStart).has_value());  // same /64: same budget
  BOOST_TEST(!budget.take("2001:db8:0:1::1", kStart).has_value());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(hash_gate)

BOOST_AUTO_TEST_CASE(at_most_max_active_hold_a_turn_and_the_next_waits_for_one) {
  HashGate gate({.max_active = 2, .max_waiting = 8, .max_wait = std::chrono::seconds(10)});
  std::atomic<int> inside{0};
  std::atomic<int> most{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      const auto turn = gate.enter();
      const int now = ++inside;
      for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      --inside;
    });
  }
  for (auto& t : threads) t.join();
  BOOST_TEST(most.load() == 2);
  BOOST_TEST(gate.active() == 0);
  BOOST_TEST(gate.waiting() == 0);
}

BOOST_AUTO_TEST_CASE(a_full_queue_is_refused_at_once_as_unavailable_with_retry_after_1) {
  HashGate gate({.max_active = 1, .max_waiting = 2, .max_wait = std::chrono::seconds(10)});
  std::optional<HashGate::Turn> held(gate.enter());
  std::vector<std::thread> waiters;
  for (int i = 0; i < 2; ++i) waiters.emplace_back([&] { const auto turn = gate.enter(); });
  while (gate.waiting() < 2) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  const auto started = std::chrono::steady_clock::now();
  const auto [kind, retry] = refusal([&] { gate.enter(); });
  BOOST_TEST((kind == core::ProblemKind::kUnavailable));
  BOOST_TEST(retry == 1);
  BOOST_TEST((std::chrono::steady_clock::now() - started < std::chrono::seconds(1)));

  held.reset();  // the waiters take their turns one after the other
  for (auto& t : waiters) t.join();
  BOOST_TEST(gate.active() == 0);
  BOOST_CHECK_NO_THROW(gate.enter());
}

BOOST_AUTO_TEST_CASE(a_wait_past_max_wait_is_refused_and_leaves_the_queue) {
  HashGate gate({.max_active = 1, .max_waiting = 8, .max_wait = std::chrono::milliseconds(100)});
  const auto held = gate.enter();
  const auto started = std::chrono::steady_clock::now();
  const auto [kind, retry] = refusal([&] { gate.enter(); });
  const auto waited = std::chrono::steady_clock::now() - started;
  BOOST_TEST((kind == core::ProblemKind::kUnavailable));
  BOOST_TEST(retry == 1);
  BOOST_TEST((waited >= std::chrono::milliseconds(100)));
  BOOST_TEST(gate.waiting() == 0);
  BOOST_TEST(gate.active() == 1);
}

BOOST_AUTO_TEST_CASE(the_default_lets_as_many_hash_as_there_are_hardware_threads) {
  const HashGate gate;
  BOOST_TEST(gate.limits().max_active == auth::HashGateLimits::hardwareThreads());
  BOOST_TEST(gate.limits().max_active >= 1);
  BOOST_TEST(gate.limits().max_waiting == 8);
}

BOOST_AUTO_TEST_SUITE_END()
