#include <regex>
#include <set>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "web/http/api_router.h"

using namespace citygrants::http;

BOOST_AUTO_TEST_SUITE(router)

BOOST_AUTO_TEST_CASE(patterns_bind_their_parameters) {
  const auto m = matchRoute(routeTable(), "POST", "/api/v1/proposals/42/transitions");
  BOOST_REQUIRE(m.route != nullptr);
  BOOST_TEST(std::string(m.route->pattern) == "/api/v1/proposals/{id}/transitions");
  BOOST_TEST(m.params.at("id") == "42");
}

BOOST_AUTO_TEST_CASE(a_known_path_with_another_method_lists_what_is_allowed) {
  const auto m = matchRoute(routeTable(), "PATCH", "/api/v1/proposals");
  BOOST_TEST(m.route == nullptr);
  BOOST_TEST(m.path_known);
  BOOST_TEST(m.allowed.find("GET") != std::string::npos);
  BOOST_TEST(m.allowed.find("POST") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_and_malformed_paths_match_nothing) {
  for (const char* path : {"/api/v1/nope", "/api/v1/proposals/", "/api/v1//transitions", "", "api/v1/me",
                           "/api/v1/proposals/1/transitions/extra"}) {
    const auto m = matchRoute(routeTable(), "GET", path);
    BOOST_TEST(m.route == nullptr, path);
  }
}

BOOST_AUTO_TEST_CASE(every_route_is_unique_and_documented) {
  std::set<std::string> seen;
  for (const auto& r : routeTable()) {
    BOOST_TEST(seen.insert(std::string(r.method) + " " + r.pattern).second, r.pattern);
    BOOST_TEST(std::string(r.summary).size() > 3);
    BOOST_TEST(std::string(r.tag).size() > 2);
  }
}

// The server's table is matched through an index (by depth and third segment); a copy of it is
// matched by trying every route. Both must answer every path alike: each pattern with its
// {names} filled in, asked with every method, and paths that no route has.
BOOST_AUTO_TEST_CASE(the_indexed_table_matches_as_trying_every_route_does) {
  const std::vector<ApiRoute> copy(routeTable().begin(), routeTable().end());
  std::vector<std::string> paths = {"/healthz",
                                    "/api/v1/nope",
                                    "/api/v1/proposals/",
                                    "/api/v1",
                                    "/api/v1//transitions",
                                    "/api/v1/proposals/1/transitions/extra",
                                    "/",
                                    "//",
                                    "/api/v1/proposals/board/x"};
  for (const auto& r : routeTable()) {
    paths.push_back(std::regex_replace(r.pattern, std::regex("\\{[^}]+\\}"), "7"));
    paths.push_back(std::regex_replace(r.pattern, std::regex("\\{[^}]+\\}"), "board"));
  }
  for (const auto& path : paths) {
    for (const char* method : {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
      const auto indexed = matchRoute(routeTable(), method, path);
      const auto tried = matchRoute(copy, method, path);
      BOOST_TEST_CONTEXT(method << " " << path) {
        BOOST_REQUIRE_EQUAL(indexed.route == nullptr, tried.route == nullptr);
        if (indexed.route != nullptr) {
          BOOST_TEST(indexed.route ==
                     &routeTable()[static_cast<std::size_t>(tried.route - copy.data())]);
        }
        BOOST_TEST(indexed.params == tried.params);
        BOOST_TEST(indexed.path_known == tried.path_known);
        BOOST_TEST(indexed.allowed == tried.allowed);
      }
    }
  }
  // And the index finds each route's own path for its own method (the first route of the table
  // that matches it, which may be a literal one such as /proposals/board before /proposals/{id}).
  for (const auto& r : routeTable()) {
    const auto path = std::regex_replace(r.pattern, std::regex("\\{[^}]+\\}"), "7");
    const auto m = matchRoute(routeTable(), r.method, path);
    BOOST_TEST_REQUIRE(m.route != nullptr, r.method << " " << path);
    BOOST_TEST(std::string(m.route->method) == r.method);
  }
}

BOOST_AUTO_TEST_SUITE_END()
