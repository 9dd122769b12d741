#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/export_files.h"
#include "tests/web/list_pages.h"
#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

// GET /api/v1/exports/{list}.{csv,xlsx} over the demo fund, held against the JSON list routes
// read by the same person: the same rows, the same money, only what the list shows them, and
// text that no spreadsheet takes for a formula.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

using Poco::JSON::Object;

constexpr const char* kExport = "/api/v1/exports/{file}";

// GET /api/v1/exports/`file` (with `query`) as `c`: documented, and parsed as CSV.
Table exportCsv(const Spec& spec, Client& c, const std::string& file,
                const std::string& query = "") {
  const auto r = c.get("/api/v1/exports/" + file + query);
  expectSuccess(spec, r, "GET", kExport, file + query);
  BOOST_TEST(r.header("Content-Type") == "text/csv; charset=utf-8");
  const auto list = file.substr(0, file.find('.'));
  BOOST_TEST(r.header("Content-Disposition").starts_with("attachment; filename=\"" + list + "-20"),
             r.header("Content-Disposition"));
  auto t = parseCsv(r.body);
  BOOST_TEST(r.header("X-Export-Rows") == std::to_string(t.rows.size()));
  return t;
}

std::int64_t sumMinor(const std::vector<std::string>& decimals) {
  std::int64_t sum = 0;
  for (const auto& d : decimals) sum += d.empty() ? 0 : minorOf(d);
  return sum;
}

std::int64_t sumItems(const std::vector<Object::Ptr>& items, const std::string& member,
                      const std::string& inner = "") {
  std::int64_t sum = 0;
  for (const auto& item : items) {
    const auto o = inner.empty() ? item : item->getObject(inner);
    if (!o->isNull(member)) sum += minorOf(o, member);
  }
  return sum;
}

std::vector<std::string> textsOf(const std::vector<Object::Ptr>& items, const std::string& member,
                                 const std::string& inner = "") {
  std::vector<std::string> out;
  for (const auto& item : items) {
    out.push_back((inner.empty() ? item : item->getObject(inner))->getValue<std::string>(member));
  }
  return out;
}

// Every list `c` may export, held against the list routes; `city` (non-empty) is the only city
// the reader's rows may name.
void expectExportsMatchLists(const Spec& spec, Client& c, const std::string& who,
                             const std::string& city) {
  BOOST_TEST_CONTEXT(who) {
    const auto proposals = allPages(spec, c, "/api/v1/proposals", "/api/v1/proposals?sort=id", 200);
    const auto p = exportCsv(spec, c, "proposals.csv");
    BOOST_TEST(p.values("reference") == textsOf(proposals, "reference"));
    BOOST_TEST(p.values("title") == textsOf(proposals, "title"));
    BOOST_TEST(sumMinor(p.values("amount_requested")) == sumItems(proposals, "amount"));
    BOOST_TEST(sumMinor(p.values("amount_awarded")) == sumItems(proposals, "award"));

    const auto reviews = allPages(spec, c, "/api/v1/assignments", "/api/v1/assignments?all=1", 200);
    const auto a = exportCsv(spec, c, "reviews.csv");
    BOOST_TEST(a.values("proposal_reference") == textsOf(reviews, "reference", "proposal"));
    BOOST_TEST(sumMinor(a.values("amount_requested")) == sumItems(reviews, "amount", "proposal"));

    const auto grants = allPages(spec, c, "/api/v1/grants", "/api/v1/grants?all=1", 200);
    const auto g = exportCsv(spec, c, "grants.csv");
    BOOST_TEST(g.values("reference") == textsOf(grants, "reference"));
    BOOST_TEST(sumMinor(g.values("amount")) == sumItems(grants, "amount"));

    const auto tranches = allPages(spec, c, "/api/v1/tranches", "/api/v1/tranches?all=1", 200);
    const auto t = exportCsv(spec, c, "tranches.csv");
    BOOST_TEST(t.values("reference") == textsOf(tranches, "reference"));
    BOOST_TEST(sumMinor(t.values("amount")) == sumItems(tranches, "amount"));
    std::int64_t disbursed = 0;
    for (const auto& tr : tranches) {
      if (tr->getValue<std::string>("state") == "disbursed") disbursed += minorOf(tr, "amount");
    }
    BOOST_TEST(sumMinor(g.values("disbursed")) == disbursed);

    // No list route for reports: each visible grant's reports, in grant then schedule order.
    std::vector<std::string> reports;
    std::int64_t spent = 0;
    for (const auto& grant : grants) {
      const auto items = itemsOf(read(
          c, "/api/v1/grants/" + std::to_string(grant->getValue<std::int64_t>("id")) + "/reports"));
      for (unsigned i = 0; i < items->size(); ++i) {
        const auto report = items->getObject(i);
        reports.push_back(grant->getValue<std::string>("reference") + " " +
                          std::to_string(report->getValue<int>("seq")));
        const auto lines = report->getArray("spending");
        for (unsigned l = 0; l < lines->size(); ++l)
          spent += lines->getObject(l)->getValue<std::int64_t>("actual_minor");
      }
    }
    const auto r = exportCsv(spec, c, "reports.csv");
    std::vector<std::string> exported;
    for (const auto& row : r.rows)
      exported.push_back(row[r.column("grant_reference")] + " " + row[r.column("seq")]);
    std::sort(reports.begin(), reports.end());
    std::sort(exported.begin(), exported.end());
    BOOST_TEST(exported == reports);
    BOOST_TEST(sumMinor(r.values("spent")) == spent);

    if (!city.empty()) {
      for (const auto* table : {&p, &g, &t, &r}) {
        for (const auto& name : table->values("city")) BOOST_TEST(name == city);
      }
      BOOST_TEST(p.rows.size() >= 1u);
      BOOST_TEST(r.rows.size() >= 1u);
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(exports_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(every_list_exports_the_rows_and_the_money_its_json_list_shows) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fund = freshUser(server, "Mayors Migration Council", "fund_manager");
  expectExportsMatchLists(spec, fund, "fund manager", "");
  // The audit chain as the list reads it: newest first, every event up to the export's own.
  const auto head = read(fund, "/api/v1/audit?limit=1").json;
  const auto audit = exportCsv(spec, fund, "audit.csv");
  BOOST_TEST(static_cast<std::int64_t>(audit.rows.size()) == head->getValue<std::int64_t>("total"));
  BOOST_TEST(audit.rows.front()[audit.column("seq")] ==
             std::to_string(head->getArray("items")->getObject(0)->getValue<std::int64_t>("seq")));
  BOOST_TEST(audit.rows.back()[audit.column("seq")] == "1");
}

BOOST_AUTO_TEST_CASE(an_applicant_exports_only_their_citys_records) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client kampala = freshUser(server, "Kampala", "applicant");
  expectExportsMatchLists(spec, kampala, "Kampala's applicant", "Kampala");
  BOOST_TEST(exportCsv(spec, kampala, "reviews.csv").rows.empty());
  expectProblem(spec, kampala.get("/api/v1/exports/audit.csv"), 403, "GET", kExport, "the audit");
}

BOOST_AUTO_TEST_CASE(a_partner_exports_what_it_reviews_or_supports) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client iom = freshUser(server, "IOM", "partner");
  expectExportsMatchLists(spec, iom, "IOM's reviewer", "");
  const auto reviews = exportCsv(spec, iom, "reviews.csv");
  BOOST_TEST(!reviews.rows.empty());
  for (const auto& partner : reviews.values("partner")) BOOST_TEST(partner == "IOM");
}

BOOST_AUTO_TEST_CASE(a_title_that_reads_as_a_formula_is_neutralised_in_csv_and_xlsx) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client kampala = freshUser(server, "Kampala", "applicant");
  std::int64_t call = 0;
  const auto calls = itemsOf(read(kampala, "/api/v1/calls"));
  for (unsigned i = 0; i < calls->size(); ++i) {
    if (calls->getObject(i)->getValue<std::string>("state") == "open")
      call = calls->getObject(i)->getValue<std::int64_t>("id");
  }
  BOOST_REQUIRE(call > 0);
  const std::vector<std::string> titles = {R"(=HYPERLINK("http://x","y"))", "@SUM(1+1)", "-2+3",
                                           "+cmd"};
  for (const auto& title : titles) {
    auto content = proposalContent(title, 30'000'000);
    content.insert(1, "\"call_id\":" + std::to_string(call) + ",");
    const auto r = kampala.post("/api/v1/proposals", content);
    BOOST_REQUIRE_MESSAGE(r.status == 201, r.body);
  }
  const auto csv_body = kampala.get("/api/v1/exports/proposals.csv").body;
  const std::string quoted_field = R"x("'=HYPERLINK(""http://x"",""y"")")x";
  BOOST_TEST(csv_body.find(quoted_field) != std::string::npos);
  const auto csv = parseCsv(csv_body);
  const auto r = kampala.get("/api/v1/exports/proposals.xlsx");
  expectSuccess(spec, r, "GET", kExport, "proposals.xlsx");
  const auto sheet = readXlsx(r.body);
  BOOST_TEST(sheet.formulas == 0u);
  const auto xlsx = sheet.table();
  for (const auto& title : titles) {
    const auto shown = "'" + title;
    const auto in_csv = csv.values("title");
    const auto in_xlsx = xlsx.values("title");
    BOOST_TEST(std::count(in_csv.begin(), in_csv.end(), shown) == 1, title);
    BOOST_TEST(std::count(in_xlsx.begin(), in_xlsx.end(), shown) == 1, title);
    BOOST_TEST(std::count(in_csv.begin(), in_csv.end(), title) == 0, title);
  }
  // A negative number is a number: the amounts are not touched.
  for (const auto& amount : csv.values("amount_requested")) BOOST_TEST(amount.front() != '\'');
}

BOOST_AUTO_TEST_CASE(
    the_xlsx_is_a_worksheet_with_a_bold_frozen_header_an_autofilter_numbers_and_dates) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fund = freshUser(server, "Mayors Migration Council", "fund_manager");
  const auto csv = exportCsv(spec, fund, "grants.csv");
  const auto r = fund.get("/api/v1/exports/grants.xlsx");
  expectSuccess(spec, r, "GET", kExport, "grants.xlsx");
  BOOST_TEST(r.mediaType() == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  BOOST_TEST(r.header("Content-Disposition").ends_with(".xlsx\""));
  const auto sheet = readXlsx(r.body);
  BOOST_REQUIRE(sheet.rows.size() == csv.rows.size() + 1);
  BOOST_REQUIRE(csv.rows.size() >= 2u);
  BOOST_TEST(sheet.header_frozen);
  const char last_column = static_cast<char>('A' + csv.header.size() - 1);
  BOOST_TEST(sheet.autofilter ==
             std::string("A1:") + last_column + std::to_string(csv.rows.size() + 1));
  BOOST_TEST(sheet.formulas == 0u);
  const auto table = sheet.table();
  BOOST_TEST(table.header == csv.header);
  for (const auto& cell : sheet.rows[0]) BOOST_TEST(cell.bold, cell.text);
  const auto amount = csv.column("amount");
  const auto signed_at = csv.column("signed_at");
  const auto reference = csv.column("reference");
  for (std::size_t i = 0; i < csv.rows.size(); ++i) {
    const auto& row = sheet.rows[i + 1];
    BOOST_TEST(row[reference].text == csv.rows[i][reference]);
    BOOST_TEST(!row[reference].number);
    BOOST_TEST(row[amount].number);
    BOOST_TEST(row[amount].format == "#,##0.00");
    BOOST_TEST(static_cast<std::int64_t>(std::stod(row[amount].text) * 100 + 0.5) ==
               minorOf(csv.rows[i][amount]));
    if (csv.rows[i][signed_at].empty()) {
      BOOST_TEST(row[signed_at].text.empty());
    } else {
      BOOST_TEST(row[signed_at].number);  // a real date: days since 1900
      BOOST_TEST(row[signed_at].format == R"(yyyy-mm-dd"T"hh:mm:ss"Z")");
      BOOST_TEST(std::stod(row[signed_at].text) > 45000.0);  // after 2023
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
