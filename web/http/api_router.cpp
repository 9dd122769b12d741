#include "web/http/api_router.h"

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
// Walks the pattern in place: matching allocates only for a route that matches (every request
// tries every route, to answer 405 with the methods allowed).
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
std::size_t depth(const char* pattern) {
  std::size_t n = 0;
  for (const char* c = pattern; *c != '\0'; ++c) n += *c == '/' ? 1 : 0;
  return n;
}

}  // namespace

RouteMatch matchRoute(std::span<const ApiRoute> routes, const std::string& method,
                      const std::string& path) {
  RouteMatch out;
  if (path.empty() || path[0] != '/') return out;
  const auto parts = segments(path);
  // The server's own table is tried by every request: its routes' depths are counted once.
  static const std::vector<std::size_t> kTableDepths = [] {
    std::vector<std::size_t> depths;
    for (const auto& route : routeTable()) depths.push_back(depth(route.pattern));
    return depths;
  }();
  const bool own_table = routes.data() == routeTable().data() && routes.size() == kTableDepths.size();
  std::map<std::string, std::string> params;
  for (std::size_t i = 0; i < routes.size(); ++i) {
    const auto& route = routes[i];
    const auto route_depth = own_table ? kTableDepths[i] : depth(route.pattern);
    if (route_depth != parts.size() || !matches(route.pattern, parts, params)) continue;
    out.path_known = true;
    out.allowed += (out.allowed.empty() ? "" : ", ") + std::string(route.method);
    if (out.route == nullptr && method == route.method) {
      out.route = &route;
      out.params = std::move(params);
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
