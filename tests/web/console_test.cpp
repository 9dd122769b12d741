#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/web/http_fixture.h"
#include "web/http/console_assets.h"
#include "web/http/console_handler.h"

// The console's files as the server serves them: compiled in, revalidated by ETag, never a path
// outside web/console, always with the security headers; the API and operations routes untouched.
namespace citygrants::webtest {
namespace {

BOOST_AUTO_TEST_SUITE(console)

BOOST_AUTO_TEST_CASE(every_console_file_is_compiled_into_the_binary) {
  const auto assets = http::ConsoleAssets::embedded();
  const std::filesystem::path dir = std::filesystem::path(CITYGRANTS_SOURCE_DIR) / "web/console";
  std::size_t on_disk = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    ++on_disk;
    const auto rel = std::filesystem::relative(entry.path(), dir).generic_string();
    const auto asset = assets.find(rel);
    BOOST_REQUIRE_MESSAGE(asset.has_value(), rel + " is not embedded");
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    BOOST_CHECK_MESSAGE(asset->body == content, rel + " differs from the embedded copy: rebuild");
  }
  BOOST_TEST(assets.fileCount() == on_disk);
  BOOST_TEST(assets.find("")->content_type == "text/html; charset=utf-8");
  BOOST_TEST(assets.find("js/app.js")->content_type == "text/javascript; charset=utf-8");
  BOOST_TEST(assets.find("i18n/fr/core.json")->content_type == "application/json; charset=utf-8");
}

BOOST_AUTO_TEST_CASE(no_path_outside_the_console_folder_is_ever_read) {
  const auto assets = http::ConsoleAssets::fromDirectory(std::filesystem::path(CITYGRANTS_SOURCE_DIR) / "web/console");
  BOOST_TEST(assets.find("index.html").has_value());
  for (const char* bad : {"../CMakeLists.txt", "js/../../CMakeLists.txt", "/etc/passwd", "js/%2e%2e/x",
                          "js\\app.js", "js/app.js\n", ".."}) {
    BOOST_TEST_INFO(bad);
    BOOST_TEST(!assets.find(bad).has_value());
  }
}

BOOST_AUTO_TEST_CASE(the_console_is_served_with_etag_revalidation_and_security_headers) {
  Server server(false);
  auto c = server.client();
  const auto page = c.get("/");
  BOOST_TEST(page.status == 200);
  BOOST_TEST(page.mediaType() == "text/html");
  BOOST_TEST(page.body.find("js/app.js") != std::string::npos);
  BOOST_TEST(page.header("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
  BOOST_TEST(page.header("X-Content-Type-Options") == "nosniff");
  BOOST_TEST(page.header("Cache-Control") == "no-cache");
  const auto etag = page.header("ETag");
  BOOST_TEST(!etag.empty());
  const auto again = c.get("/", {{"If-None-Match", etag}});
  BOOST_TEST(again.status == 304);
  BOOST_TEST(again.body.empty());
  const auto changed = c.get("/", {{"If-None-Match", "\"c-0000\""}});
  BOOST_TEST(changed.status == 200);
  const auto script = c.get("/js/app.js");
  BOOST_TEST(script.status == 200);
  BOOST_TEST(script.mediaType() == "text/javascript");
}

BOOST_AUTO_TEST_CASE(a_missing_file_or_another_method_is_refused_as_problem_json) {
  Server server(false);
  auto c = server.client();
  const auto missing = c.get("/js/not-there.js");
  BOOST_TEST(missing.status == 404);
  BOOST_TEST(missing.isProblem());
  const auto traversal = c.get("/js/../../CMakeLists.txt");
  BOOST_TEST(traversal.status == 404);
  const auto post = c.send("POST", "/index.html", "x", "text/plain");
  BOOST_TEST(post.status == 405);
  BOOST_TEST(post.isProblem());
  BOOST_TEST(post.header("Allow") == "GET, HEAD");
}

BOOST_AUTO_TEST_CASE(the_api_and_operations_routes_are_not_the_console) {
  BOOST_TEST(!http::isConsolePath("/api/v1/proposals"));
  BOOST_TEST(!http::isConsolePath("/api"));
  BOOST_TEST(!http::isConsolePath("/healthz"));
  BOOST_TEST(!http::isConsolePath("/metrics"));
  BOOST_TEST(http::isConsolePath("/"));
  BOOST_TEST(http::isConsolePath("/css/base.css"));
  Server server(false);
  auto c = server.client();
  const auto unknown_api = c.get("/api/v1/nothing");
  BOOST_TEST(unknown_api.status == 404);
  BOOST_TEST(unknown_api.isProblem());
  BOOST_TEST(c.get("/healthz").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace citygrants::webtest
