#include "web/http/api_router.h"

#include <algorithm>
#include <array>

#include <Poco/Net/HTTPServerRequest.h>

#include "web/http/api_pipeline.h"
#include "web/http/console_handler.h"

namespace citygrants::http {
namespace {

// The segments of an absolute path ("/a/b" -> "a", "b"), as views into it.
std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// Whether `pattern` matches the path's segments; its {name} values go to `params` when it does.
// Walks the pattern in place: matching allocates only for a route that matches (a request tries
// every route that may match its path, to answer 405 with the methods allowed).
bool matches(std::string_view pattern, const std::vector<std::string_view>& path,
             std::map<std::string, std::string>& params) {
  constexpr std::size_t kMaxParams = 8;  // no route has more than a few {names}
  std::array<std::pair<std::string_view, std::string_view>, kMaxParams> found;
  std::size_t found_count = 0;
  std::size_t start = 1;
  for (const auto& segment : path) {
    if (start > pattern.size()) return false;  // the path is longer
    auto end = pattern.find('/', start);
    if (end == std::string_view::npos) end = pattern.size();
    const auto p = pattern.substr(start, end - start);
    start = end + 1;
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (segment.empty() || found_count == kMaxParams) return false;
      found[found_count++] = {p.substr(1, p.size() - 2), segment};
    } else if (p != segment) {
      return false;
    }
  }
  if (start <= pattern.size()) return false;  // the pattern is longer
  params.clear();
  for (std::size_t i = 0; i < found_count; ++i) {
    params[std::string(found[i].first)] = std::string(found[i].second);
  }
  return true;
}

// The number of segments of an absolute path or pattern: its slashes.
std::size_t depth(std::string_view pattern) {
  return static_cast<std::size_t>(std::count(pattern.begin(), pattern.end(), '/'));
}

// The segment of a pattern that tells its routes apart ("proposals" in /api/v1/proposals/{id}),
// or "" where that segment is a {name} or the pattern is shorter.
constexpr std::size_t kKeySegment = 2;
std::string_view keyOf(std::string_view pattern) {
  std::size_t start = 1;
  for (std::size_t i = 0; i < kKeySegment; ++i) {
    start = pattern.find('/', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  const auto end = std::min(pattern.find('/', start), pattern.size());
  const auto key = pattern.substr(start, end - start);
  return key.starts_with('{') ? std::string_view() : key;
}

// Which routes of a table could match a path, found by its depth and key segment instead of
// trying all of them (the server's table has 131 routes, and trying each cost a cached answer a
// seventh of its instructions). Candidates keep the table's order, which decides between two
// patterns that match one path.
class RouteIndex {
 public:
  explicit RouteIndex(std::span<const ApiRoute> routes) {
    for (std::size_t i = 0; i < routes.size(); ++i) {
      const std::string_view pattern = routes[i].pattern;
      const auto d = depth(pattern);
      if (d >= by_depth_.size()) by_depth_.resize(d + 1);
      auto& buckets = by_depth_[d];
      const auto key = keyOf(pattern);
      auto it =
          std::find_if(buckets.begin(), buckets.end(), [&](const auto& b) { return b.key == key; });
      if (it == buckets.end()) it = buckets.insert(buckets.end(), {key, {}});
      it->routes.push_back(i);
    }
  }

  // Calls `each(i)` for every route that may match `parts`, in table order.
  template <class Each>
  void candidates(const std::vector<std::string_view>& parts, Each&& each) const {
    if (parts.size() >= by_depth_.size()) return;
    const auto& buckets = by_depth_[parts.size()];
    static const std::vector<std::size_t> kNone;
    const auto bucket = [&](std::string_view key) -> const std::vector<std::size_t>& {
      for (const auto& b : buckets) {
        if (b.key == key) return b.routes;
      }
      return kNone;
    };
    const auto& keyed = parts.size() > kKeySegment && !parts[kKeySegment].empty()
                            ? bucket(parts[kKeySegment])
                            : kNone;
    const auto& open = bucket({});  // patterns with no key segment: they may match any
    auto a = keyed.begin();
    auto b = open.begin();
    while (a != keyed.end() || b != open.end()) {
      if (b == open.end() || (a != keyed.end() && *a < *b)) {
        each(*a++);
      } else {
        each(*b++);
      }
    }
  }

 private:
  struct Bucket {
    std::string_view key;
    std::vector<std::size_t> routes;  // indexes into the table, ascending
  };
  std::vector<std::vector<Bucket>> by_depth_;  // by number of segments
};

}  // namespace

RouteMatch matchRoute(std::span<const ApiRoute> routes, const std::string& method,
                      const std::string& path) {
  RouteMatch out;
  if (path.empty() || path[0] != '/') return out;
  const auto parts = segments(path);
  std::map<std::string, std::string> params;
  const auto tryRoute = [&](std::size_t i) {
    const auto& route = routes[i];
    if (!matches(route.pattern, parts, params)) return;
    out.path_known = true;
    out.allowed += (out.allowed.empty() ? "" : ", ") + std::string(route.method);
    if (out.route == nullptr && method == route.method) {
      out.route = &route;
      out.params = std::move(params);
    }
  };
  // The server's own table is tried by every request: it is indexed once.
  static const RouteIndex kIndex(routeTable());
  if (routes.data() == routeTable().data() && routes.size() == routeTable().size()) {
    kIndex.candidates(parts, tryRoute);
  } else {
    for (std::size_t i = 0; i < routes.size(); ++i) {
      if (depth(routes[i].pattern) == parts.size()) tryRoute(i);
    }
  }
  return out;
}

Poco::Net::HTTPRequestHandler* ApiRouter::createRequestHandler(
    const Poco::Net::HTTPServerRequest& request) {
  if (auto refusal = framingRefusal(request)) return new ApiPipeline(ctx_, std::move(refusal));
  if (ctx_.console != nullptr) {
    const auto& uri = request.getURI();
    const auto path = uri.substr(0, uri.find_first_of("?#"));
    if (isConsolePath(path)) return new ConsoleHandler(ctx_);
  }
  return new ApiPipeline(ctx_);
}

}  // namespace citygrants::http
