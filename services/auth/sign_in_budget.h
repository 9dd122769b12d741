#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace citygrants::auth {

// How many sign-ins one client address may attempt: a token bucket. With the defaults an
// address makes 10 attempts at once, then one every 3 seconds; a failed attempt costs two, so a
// guesser gets 5 wrong passwords at once and then one every 6 seconds, while a person who
// mistypes once still has attempts left.
struct SignInBudgetPolicy {
  int burst = 10;                      // attempts an address may make at once
  std::int64_t refill_ms = 3000;       // one attempt more every this long, up to `burst`
  int failure_cost = 2;                // what a failed attempt costs in all, in attempts (>= 1)
  std::size_t max_addresses = 10'000;  // addresses remembered; the least recent is forgotten first
};

// The sign-in attempts each client address has left (DESIGN §14). In memory, per server
// instance: each instance counts its own (behind a balancer with N instances an address gets up
// to N times the budget) and a restart forgets them. At most `max_addresses` buckets are kept
// (about 150 bytes each); an address whose bucket is full again is dropped, since it is the same
// as one never seen. Thread-safe.
class SignInBudget {
 public:
  explicit SignInBudget(SignInBudgetPolicy policy = {}) : policy_(policy) {}
  SignInBudget(const SignInBudget&) = delete;
  SignInBudget& operator=(const SignInBudget&) = delete;

  // Takes one attempt from the budget of `client` (an address, see keyOf): nullopt when it had
  // one, else the whole seconds (>= 1) until it will have one, and nothing is taken.
  std::optional<int> take(const std::string& client, std::int64_t now_ms);
  // Charges `client` the rest of a failed attempt (failure_cost - 1); the budget may go below
  // zero (down to -burst), which lengthens the wait.
  void chargeFailure(const std::string& client, std::int64_t now_ms);

  // How many addresses are remembered.
  std::size_t addresses() const;
  const SignInBudgetPolicy& policy() const { return policy_; }

  // The key an address is counted under: an IPv4 address (also one written as IPv4-mapped
  // IPv6) itself; an IPv6 address its /64 network, which one subscriber usually holds whole, so
  // that changing the interface part of an address buys no new budget; anything else as given.
  static std::string keyOf(const std::string& address);

 private:
  // What an address has left, in milliseconds of refill (an attempt is worth refill_ms): whole
  // numbers, so that Retry-After is exact.
  struct Bucket {
    std::int64_t credit_ms = 0;
    std::int64_t at_ms = 0;  // when `credit_ms` was right
    std::list<std::string>::iterator recency;
  };
  // The bucket of `key` refilled to `now_ms`, made (full) when new. REQUIRES: mutex_ held.
  Bucket& bucketOf(const std::string& key, std::int64_t now_ms);
  // Drops the least recent buckets that are full again. REQUIRES: mutex_ held.
  void forgetIdle(std::int64_t now_ms);
  std::int64_t refilled(const Bucket& b, std::int64_t now_ms) const;
  std::int64_t fullMs() const { return policy_.burst * policy_.refill_ms; }

  const SignInBudgetPolicy policy_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::list<std::string> recency_;  // most recent first
};

}  // namespace citygrants::auth
