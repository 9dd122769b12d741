#include <boost/test/unit_test.hpp>

#include <set>

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

BOOST_AUTO_TEST_SUITE_END()
