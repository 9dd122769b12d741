#include "web/http/api_router.h"

#include "web/http/api_pipeline.h"

namespace citygrants::http {
namespace {

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool matches(const std::string& pattern, const std::vector<std::string>& path,
             std::map<std::string, std::string>& params) {
  const auto parts = segments(pattern);
  if (parts.size() != path.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& p = parts[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (path[i].empty()) return false;
      found[p.substr(1, p.size() - 2)] = path[i];
    } else if (p != path[i]) {
      return false;
    }
  }
  params = std::move(found);
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

Poco::Net::HTTPRequestHandler* ApiRouter::createRequestHandler(const Poco::Net::HTTPServerRequest&) {
  return new ApiPipeline(ctx_);
}

}  // namespace citygrants::http
