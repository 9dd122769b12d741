#include <string>
#include <vector>

#include <Poco/JSON/Parser.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/export_files.h"
#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

// The rules around an export: the list's filters narrow it and are refused as the list refuses
// them, each file is one audit event with its filters, and a user gets ten files a minute, on
// any instance of the server.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

constexpr const char* kExport = "/api/v1/exports/{file}";

std::int64_t totalOf(Client& c, const std::string& path) {
  return read(c, path).json->getValue<std::int64_t>("total");
}

std::size_t exportedRows(Client& c, const std::string& path) {
  const auto r = c.get(path);
  BOOST_REQUIRE_MESSAGE(r.status == 200, path << ": " << r.body.substr(0, 300));
  return parseCsv(r.body).rows.size();
}

// The user's export events, newest first, as the auditor reads them.
Poco::JSON::Array::Ptr exportEvents(Server& server, std::int64_t user_id) {
  Client auditor = server.signedIn("auditor@mmc.demo");
  return itemsOf(read(auditor, "/api/v1/audit?entity=export&entity_id=" + std::to_string(user_id)));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(export_rules, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(filters_narrow_the_rows_exactly_as_they_narrow_the_list) {
  auto& server = SeededServer::get();
  Client fund = freshUser(server, "Mayors Migration Council", "fund_manager");
  const std::string grant = std::to_string(
      itemsOf(read(fund, "/api/v1/grants"))->getObject(0)->getValue<std::int64_t>("id"));
  struct Case {
    std::string list_path, export_path;
  };
  const Case cases[] = {
      {"/api/v1/proposals?state=in_review", "/api/v1/exports/proposals.csv?state=in_review"},
      {"/api/v1/assignments?state=submitted", "/api/v1/exports/reviews.csv?state=submitted"},
      {"/api/v1/grants?state=suspended,terminated",
       "/api/v1/exports/grants.csv?state=suspended,terminated"},
      {"/api/v1/tranches?state=disbursed&grant=" + grant,
       "/api/v1/exports/tranches.csv?state=disbursed&grant=" + grant},
      {"/api/v1/audit?entity=proposal&event=submit",
       "/api/v1/exports/audit.csv?entity=proposal&event=submit"},
  };
  for (const auto& c : cases) {
    const auto everything =
        totalOf(fund, c.list_path.substr(0, c.list_path.find('?')) + "?limit=1");
    const auto total = totalOf(fund, c.list_path);
    BOOST_TEST(static_cast<std::int64_t>(exportedRows(fund, c.export_path)) == total,
               c.export_path);
    BOOST_TEST(total < everything, c.export_path << " filtered nothing out");
  }
}

BOOST_AUTO_TEST_CASE(the_order_and_the_report_filters_are_applied) {
  auto& server = SeededServer::get();
  Client fund = freshUser(server, "Mayors Migration Council", "fund_manager");
  const auto newest = parseCsv(fund.get("/api/v1/exports/proposals.csv?sort=-updated_at").body);
  const auto page = itemsOf(read(fund, "/api/v1/proposals?sort=-updated_at&limit=200"));
  BOOST_REQUIRE(newest.rows.size() == page->size());
  for (unsigned i = 0; i < page->size(); ++i) {
    BOOST_TEST(newest.rows[i][0] == page->getObject(i)->getValue<std::string>("reference"));
  }
  const auto all = parseCsv(fund.get("/api/v1/exports/reports.csv").body);
  const auto progress =
      parseCsv(fund.get("/api/v1/exports/reports.csv?kind=progress&state=draft,submitted").body);
  std::size_t expected = 0;
  for (const auto& row : all.rows) {
    const auto& state = row[all.column("state")];
    expected += row[all.column("kind")] == "progress" && (state == "draft" || state == "submitted");
  }
  BOOST_TEST(progress.rows.size() == expected);
  BOOST_TEST(expected >= 1u);
  BOOST_TEST(expected < all.rows.size());
}

BOOST_AUTO_TEST_CASE(bad_filters_and_unknown_files_are_refused_before_anything_is_read) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  std::int64_t user = 0;
  Client fund = freshUser(server, "Mayors Migration Council", "fund_manager", &user);
  // The same refusal as the list route's, naming the same parameter.
  const std::pair<std::string, std::string> same[] = {
      {"/api/v1/grants?state=bogus", "/api/v1/exports/grants.xlsx?state=bogus"},
      {"/api/v1/proposals?call=abc", "/api/v1/exports/proposals.csv?call=abc"},
      {"/api/v1/proposals?sort=title", "/api/v1/exports/proposals.csv?sort=title"},
      {"/api/v1/assignments?state=done", "/api/v1/exports/reviews.csv?state=done"},
      {"/api/v1/tranches?grant=0", "/api/v1/exports/tranches.csv?grant=0"},
      {"/api/v1/audit?entity_id=-1", "/api/v1/exports/audit.csv?entity_id=-1"},
  };
  for (const auto& [list, file] : same) {
    const auto l = fund.get(list);
    const auto e = fund.get(file);
    expectProblem(spec, e, 400, "GET", kExport, file);
    BOOST_TEST(l.status == 400, list);
    BOOST_REQUIRE(l.json && e.json);
    BOOST_TEST(e.json->getValue<std::string>("type") == l.json->getValue<std::string>("type"),
               file);
    BOOST_TEST(e.json->getArray("errors")->getObject(0)->getValue<std::string>("field") ==
                   l.json->getArray("errors")->getObject(0)->getValue<std::string>("field"),
               file);
  }
  expectProblem(spec, fund.get("/api/v1/exports/reports.csv?kind=weekly"), 400, "GET", kExport,
                "kind");
  for (const char* file :
       {"calls.csv", "proposals.json", "proposals", "proposals.CSV", "audit.xlsx.csv"}) {
    expectProblem(spec, fund.get(std::string("/api/v1/exports/") + file), 404, "GET", kExport,
                  file);
  }
  expectProblem(spec, server.client().get("/api/v1/exports/proposals.csv"), 401, "GET", kExport,
                "no session");
  Client admin = server.signedIn("admin@mmc.demo");
  expectProblem(spec, admin.get("/api/v1/exports/audit.csv"), 403, "GET", kExport, "an admin");
  BOOST_TEST(exportEvents(server, user)->size() == 0u);
}

BOOST_AUTO_TEST_CASE(every_export_is_one_audit_event_with_its_filters_and_its_rows) {
  auto& server = SeededServer::get();
  std::int64_t user = 0;
  Client fund = freshUser(server, "Mayors Migration Council", "fund_manager", &user);
  const auto r = fund.get("/api/v1/exports/proposals.xlsx?state=in_review&sort=-id&limit=5");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  const auto csv = fund.get("/api/v1/exports/tranches.csv");
  BOOST_REQUIRE_EQUAL(csv.status, 200);
  const auto events = exportEvents(server, user);
  BOOST_REQUIRE_EQUAL(events->size(), 2u);
  const auto xlsx_event = events->getObject(1);
  BOOST_TEST(xlsx_event->getValue<std::string>("event") == "export");
  BOOST_TEST(xlsx_event->getObject("actor")->getValue<std::int64_t>("id") == user);
  const auto detail = Poco::JSON::Parser()
                          .parse(xlsx_event->getValue<std::string>("detail"))
                          .extract<Poco::JSON::Object::Ptr>();
  BOOST_TEST(detail->getValue<std::string>("file") == "proposals.xlsx");
  const auto filters = detail->getObject("filters");
  BOOST_TEST(filters->size() == 2u);  // limit is not a filter of an export
  BOOST_TEST(filters->getValue<std::string>("state") == "in_review");
  BOOST_TEST(filters->getValue<std::string>("sort") == "-id");
  BOOST_TEST(std::to_string(detail->getValue<std::int64_t>("rows")) == r.header("X-Export-Rows"));
  const auto csv_detail = events->getObject(0)->getValue<std::string>("detail");
  BOOST_TEST(csv_detail ==
             R"({"file":"tranches.csv","filters":{},"rows":)" + csv.header("X-Export-Rows") + "}");
  Client auditor = server.signedIn("auditor@mmc.demo");
  BOOST_TEST(read(auditor, "/api/v1/audit/verify").json->getValue<bool>("ok"));
}

BOOST_AUTO_TEST_CASE(the_eleventh_export_within_a_minute_is_refused_on_any_instance) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  std::int64_t user = 0;
  Client fund = freshUser(server, "Mayors Migration Council", "fund_manager", &user);
  for (int i = 0; i < 10; ++i) {
    const auto r = fund.get(i % 2 == 0 ? "/api/v1/exports/grants.csv"
                                       : "/api/v1/exports/audit.xlsx?entity=grant");
    BOOST_REQUIRE_MESSAGE(r.status == 200, i << ": " << r.body);
  }
  const auto refused = fund.get("/api/v1/exports/grants.csv");
  expectProblem(spec, refused, 429, "GET", kExport, "the eleventh");
  const auto retry = std::stoi(refused.header("Retry-After"));
  BOOST_TEST((retry >= 1 && retry <= 60), retry);
  // The count is the database's: another instance refuses the same user too.
  auto second = Server::anotherInstance(server);
  Client there = second->client();
  there.cookies = fund.cookies;
  there.csrf_token = fund.csrf_token;
  BOOST_TEST(there.get("/api/v1/me").status == 200);
  const auto elsewhere = there.get("/api/v1/exports/proposals.xlsx");
  BOOST_TEST(elsewhere.status == 429);
  BOOST_TEST(!elsewhere.header("Retry-After").empty());
  // The refusals wrote nothing; others are not held back.
  BOOST_TEST(exportEvents(server, user)->size() == 10u);
  Client other = freshUser(server, "Mayors Migration Council", "fund_manager");
  BOOST_TEST(other.get("/api/v1/exports/grants.csv").status == 200);
  // The lists themselves are not rate-limited.
  BOOST_TEST(fund.get("/api/v1/grants").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
