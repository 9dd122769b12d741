#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace citygrants::http {

// Counters for /metrics in the Prometheus text format: requests by route and status, a latency
// histogram by route, and workflow transitions by machine and event, and response-cache lookups. Thread-safe.
class Metrics {
 public:
  void recordRequest(const std::string& route, int status, double seconds);
  void recordTransition(const std::string& machine, const std::string& event);
  // What a response-cache lookup came to: answered from the cache, computed and kept (a miss:
  // a later read may find it), or computed and not kept (a refusal, a file, an answer that must
  // never be kept: ApiResponse::keep), so that the misses count what the cache could have held.
  enum class CacheLookup { kHit, kMiss, kNotKept };
  void recordCacheLookup(CacheLookup result);
  std::string render() const;

 private:
  static constexpr std::array<double, 12> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                   0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::map<std::pair<std::string, std::string>, std::uint64_t> transitions_;
  std::array<std::uint64_t, 3> cache_lookups_{};  // by CacheLookup
};

}  // namespace citygrants::http
