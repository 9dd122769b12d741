#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

namespace citygrants::db {

// Values remembered while the database generation (Database::generations, which moves with
// every committed use case on any instance) is unchanged — or, looked up with findIf, while
// what they were computed from is — and for at most `ttl_ms` in any case
// (what depends on the clock, such as a deadline guard, is at most that stale). Bounded by
// entries and by a cost (bytes) budget: past either, entries of older generations go first,
// then everything. Thread-safe.
template <class V>
class GenerationCache {
 public:
  GenerationCache(std::size_t max_entries, std::size_t max_cost, std::int64_t ttl_ms)
      : max_entries_(max_entries), max_cost_(max_cost), ttl_ms_(ttl_ms) {}

  std::optional<V> find(const std::string& key, std::int64_t generation, std::int64_t now_ms) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    if (it->second.generation != generation || now_ms - it->second.stored_at >= ttl_ms_ ||
        now_ms < it->second.stored_at) {
      cost_ -= it->second.cost;
      entries_.erase(it);
      return std::nullopt;
    }
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
    if (now_ms - it->second.stored_at >= ttl_ms_ || now_ms < it->second.stored_at ||
        !still_valid(it->second.value, it->second.generation)) {
      cost_ -= it->second.cost;
      entries_.erase(it);
      return std::nullopt;
    }
    return it->second.value;
  }

  // `generation` is the one read before the value was computed: a change committed meanwhile
  // makes the entry stale at once rather than wrong.
  void store(const std::string& key, V value, std::int64_t generation, std::int64_t now_ms,
             std::size_t cost = 1) {
    if (cost > max_cost_) return;
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) {
      cost_ -= it->second.cost;
      entries_.erase(it);
    }
    if (entries_.size() + 1 > max_entries_ || cost_ + cost > max_cost_) {
      for (auto it = entries_.begin(); it != entries_.end();) {
        if (it->second.generation != generation || now_ms - it->second.stored_at >= ttl_ms_) {
          cost_ -= it->second.cost;
          it = entries_.erase(it);
        } else {
          ++it;
        }
      }
      if (entries_.size() + 1 > max_entries_ || cost_ + cost > max_cost_) {
        entries_.clear();
        cost_ = 0;
      }
    }
    entries_.emplace(key, Entry{std::move(value), generation, now_ms, cost});
    cost_ += cost;
  }

  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return entries_.size();
  }

 private:
  struct Entry {
    V value;
    std::int64_t generation;
    std::int64_t stored_at;
    std::size_t cost;
  };
  const std::size_t max_entries_;
  const std::size_t max_cost_;
  const std::int64_t ttl_ms_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::size_t cost_ = 0;
};

}  // namespace citygrants::db
