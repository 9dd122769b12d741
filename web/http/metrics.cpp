#include "web/http/metrics.h"

#include <sstream>

namespace citygrants::http {

void Metrics::recordRequest(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  auto& h = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++h.buckets[i];
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::recordTransition(const std::string& machine, const std::string& event) {
  std::lock_guard lock(mutex_);
  ++transitions_[{machine, event}];
}

void Metrics::recordCacheLookup(CacheLookup result) {
  std::lock_guard lock(mutex_);
  ++cache_lookups_[static_cast<std::size_t>(result)];
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  out << "# HELP citygrants_http_requests_total HTTP requests by route and status.\n"
      << "# TYPE citygrants_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    out << "citygrants_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second
        << "\"} " << n << "\n";
  }
  out << "# HELP citygrants_http_request_duration_seconds Request latency by route.\n"
      << "# TYPE citygrants_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out << "citygrants_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
          << kBuckets[i] << "\"} " << h.buckets[i] << "\n";
    }
    out << "citygrants_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} "
        << h.count << "\n"
        << "citygrants_http_request_duration_seconds_sum{route=\"" << route << "\"} " << h.sum << "\n"
        << "citygrants_http_request_duration_seconds_count{route=\"" << route << "\"} " << h.count << "\n";
  }
  out << "# HELP citygrants_transitions_total Workflow transitions by machine and event.\n"
      << "# TYPE citygrants_transitions_total counter\n";
  for (const auto& [key, n] : transitions_) {
    out << "citygrants_transitions_total{machine=\"" << key.first << "\",event=\"" << key.second
        << "\"} " << n << "\n";
  }
  out << "# HELP citygrants_response_cache_lookups_total Signed-in GETs answered from the cache "
         "(hit), computed and kept (miss), or computed and not kept (not_kept: a refusal, a file, "
         "an answer never kept).\n"
      << "# TYPE citygrants_response_cache_lookups_total counter\n";
  constexpr std::array<const char*, 3> kResults{"hit", "miss", "not_kept"};  // by CacheLookup
  static_assert(kResults.size() == std::tuple_size_v<decltype(cache_lookups_)> &&
                static_cast<std::size_t>(CacheLookup::kNotKept) + 1 == kResults.size());
  for (std::size_t i = 0; i < kResults.size(); ++i) {
    out << "citygrants_response_cache_lookups_total{result=\"" << kResults[i] << "\"} "
        << cache_lookups_[i] << "\n";
  }
  return out.str();
}

}  // namespace citygrants::http
