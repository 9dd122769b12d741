#include "web/http/api_router.h"

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
// Walks the pattern in place: matching allocates only for a route that matches.
bool matches(std::string_view pattern, const std::vector<std::string_view>& path,
             std::map<std::string, std::string>& params) {
  std::vector<std::pair<std::string_view, std::string_view>> found;
  std::size_t start = 1;
  for (const auto& segment : path) {
    if (start > pattern.size()) return false;  // the path is longer
    auto end = pattern.find('/', start);
    if (end == std::string_view::npos) end = pattern.size();
    const auto p = pattern.substr(start, end - start);
    start = end + 1;
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (segment.empty()) return false;
      found.emplace_back(p.substr(1, p.size() - 2), segment);
    } else if (p != segment) {
      return false;
    }
  }
  if (start <= pattern.size()) return false;  // the pattern is longer
  params.clear();
  for (const auto& [name, value] : found) params[std::string(name)] = std::string(value);
  return true;
}

}  // namespace

RouteMatch matchRoute(std::span<const ApiRoute> routes, const std::string& method,
                      const std::string& path) {
  RouteMatch out;
  if (path.empty() || path[0] != '/') return out;
  const auto parts = segments(path);
  for (const auto& route : routes) {
    std::map<std::string, std::string> params;
    if (!matches(route.pattern, parts, params)) continue;
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
