#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace citygrants::db {

// Values remembered while the database generation (Database::generations, which moves with
// every committed use case on any instance) is unchanged — or, looked up with findIf, while
// what they were computed from is — and for at most `ttl_ms` in any case
// (what depends on the clock, such as a deadline guard, is at most that stale). Bounded by
// entries and by a cost (bytes) budget: past either, expired entries go first, then the least
// recently used (stored or answered), a tenth at a time, so that what is read often stays when
// many are read once. Thread-safe.
template <class V>
class GenerationCache {
 public:
  GenerationCache(std::size_t max_entries, std::size_t max_cost, std::int64_t ttl_ms)
      : max_entries_(max_entries), max_cost_(max_cost), ttl_ms_(ttl_ms) {}

  std::optional<V> find(const std::string& key, std::int64_t generation, std::int64_t now_ms) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    if (it->second.generation != generation || now_ms >= it->second.expires_at ||
        now_ms < it->second.stored_at) {
      cost_ -= it->second.cost;
      entries_.erase(it);
      return std::nullopt;
    }
    it->second.used = ++uses_;
    return it->second.value;
  }

  // The entry of `key` if `still_valid(value, generation it was stored under)` says so, within
  // ttl: for values valid across generations while what they were computed from is unchanged
  // (ChangeFeed::unchangedSince).
  template <class Valid>
  std::optional<V> findIf(const std::string& key, std::int64_t now_ms, Valid&& still_valid) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    if (now_ms >= it->second.expires_at || now_ms < it->second.stored_at ||
        !still_valid(it->second.value, it->second.generation)) {
      cost_ -= it->second.cost;
      entries_.erase(it);
      return std::nullopt;
    }
    it->second.used = ++uses_;
    return it->second.value;
  }

  // `generation` is the one read before the value was computed: a change committed meanwhile
  // makes the entry stale at once rather than wrong.
  // `expires_at` (epoch ms), when given: until when the value may be kept, for a value that
  // knows when what it shows stops being true with the clock (ApiResponse::valid_until), at
  // most kLongestKeep from now; otherwise the cache's time to live. Past either budget, expired
  // entries go first, then the least recently used tenth, again until the value fits.
  void store(const std::string& key, V value, std::int64_t generation, std::int64_t now_ms,
             std::size_t cost = 1, std::int64_t expires_at = 0) {
    if (cost > max_cost_) return;
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) {
      cost_ -= it->second.cost;
      entries_.erase(it);
    }
    auto full = [&] { return entries_.size() + 1 > max_entries_ || cost_ + cost > max_cost_; };
    auto dropIf = [&](auto&& stale) {
      for (auto it = entries_.begin(); it != entries_.end();) {
        if (stale(it->second)) {
          cost_ -= it->second.cost;
          it = entries_.erase(it);
        } else {
          ++it;
        }
      }
    };
    if (full()) dropIf([&](const Entry& e) { return now_ms >= e.expires_at; });
    while (full() && !entries_.empty()) {
      // The use below which a tenth of the entries (at least one) were last used.
      std::vector<std::uint64_t> uses;
      uses.reserve(entries_.size());
      for (const auto& [name, e] : entries_) uses.push_back(e.used);
      const auto tenth = uses.begin() + static_cast<std::ptrdiff_t>((uses.size() - 1) / 10);
      std::nth_element(uses.begin(), tenth, uses.end());
      dropIf([&, cutoff = *tenth](const Entry& e) { return e.used <= cutoff; });
    }
    const std::int64_t until = expires_at > 0 ? std::min(expires_at, now_ms + kLongestKeep) : now_ms + ttl_ms_;
    entries_.emplace(key, Entry{std::move(value), generation, now_ms, until, cost, ++uses_});
    cost_ += cost;
  }

  // The longest a value is kept, whatever it says of itself: a minute.
  static constexpr std::int64_t kLongestKeep = 60'000;

  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
  }

 private:
  struct Entry {
    V value;
    std::int64_t generation;
    std::int64_t stored_at;
    std::int64_t expires_at;
    std::size_t cost;
    std::uint64_t used;  // the cache's use count when it was last stored or answered
  };
  const std::size_t max_entries_;
  const std::size_t max_cost_;
  const std::int64_t ttl_ms_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::size_t cost_ = 0;
  std::uint64_t uses_ = 0;  // stores and answers so far
};

}  // namespace citygrants::db
