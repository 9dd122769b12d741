#include "services/auth/sign_in_budget.h"

#include <algorithm>
#include <cstring>

#include <Poco/Net/IPAddress.h>

namespace citygrants::auth {

std::string SignInBudget::keyOf(const std::string& address) {
  Poco::Net::IPAddress ip;
  if (!Poco::Net::IPAddress::tryParse(address, ip)) return address;
  if (ip.family() == Poco::Net::IPAddress::IPv4) return ip.toString();
  unsigned char bytes[16];
  std::memcpy(bytes, ip.addr(), sizeof bytes);
  if (ip.isIPv4Mapped()) return Poco::Net::IPAddress(bytes + 12, 4).toString();
  std::fill(bytes + 8, bytes + 16, static_cast<unsigned char>(0));
  return Poco::Net::IPAddress(bytes, 16).toString() + "/64";
}

std::int64_t SignInBudget::refilled(const Bucket& b, std::int64_t now_ms) const {
  const auto elapsed = std::max<std::int64_t>(0, now_ms - b.at_ms);  // the clock may step back
  return std::min(fullMs(), b.credit_ms + elapsed);
}

void SignInBudget::forgetIdle(std::int64_t now_ms) {
  while (!recency_.empty()) {
    const auto it = buckets_.find(recency_.back());
    if (refilled(it->second, now_ms) < fullMs()) return;
    buckets_.erase(it);
    recency_.pop_back();
  }
}

SignInBudget::Bucket& SignInBudget::bucketOf(const std::string& key, std::int64_t now_ms) {
  forgetIdle(now_ms);
  auto it = buckets_.find(key);
  if (it == buckets_.end()) {
    while (!recency_.empty() &&
           buckets_.size() >= std::max<std::size_t>(1, policy_.max_addresses)) {
      buckets_.erase(recency_.back());
      recency_.pop_back();
    }
    recency_.push_front(key);
    it = buckets_.emplace(key, Bucket{fullMs(), now_ms, recency_.begin()}).first;
  } else {
    recency_.splice(recency_.begin(), recency_, it->second.recency);
  }
  auto& b = it->second;
  b.credit_ms = refilled(b, now_ms);
  b.at_ms = std::max(b.at_ms, now_ms);
  return b;
}

std::optional<int> SignInBudget::take(const std::string& client, std::int64_t now_ms) {
  const std::lock_guard lock(mutex_);
  auto& b = bucketOf(keyOf(client), now_ms);
  if (b.credit_ms >= policy_.refill_ms) {
    b.credit_ms -= policy_.refill_ms;
    return std::nullopt;
  }
  return static_cast<int>((policy_.refill_ms - b.credit_ms + 999) / 1000);
}

void SignInBudget::chargeFailure(const std::string& client, std::int64_t now_ms) {
  const std::lock_guard lock(mutex_);
  auto& b = bucketOf(keyOf(client), now_ms);
  b.credit_ms = std::max(-fullMs(), b.credit_ms - (policy_.failure_cost - 1) * policy_.refill_ms);
}

std::size_t SignInBudget::addresses() const {
  const std::lock_guard lock(mutex_);
  return buckets_.size();
}

}  // namespace citygrants::auth
