#include "modules/exports/csv.h"

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/core/money.h"

namespace citygrants::exports {
namespace {

Cell text(std::string s) { return {CellKind::kText, false, std::move(s), 0, 2}; }
Cell number(CellKind kind, std::int64_t n, int exponent = 2) {
  return {kind, false, "", n, exponent};
}
Cell empty(CellKind kind) { return {kind, true, "", 0, 2}; }

std::string field(std::string_view s) {
  std::string out;
  appendField(out, s);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(csv_encoding)

BOOST_AUTO_TEST_CASE(plain_fields_are_written_as_they_are) {
  BOOST_TEST(field("Kampala") == "Kampala");
  BOOST_TEST(field("") == "");
  BOOST_TEST(field("São Paulo · 2026") == "São Paulo · 2026");
  BOOST_TEST(field("it's fine") == "it's fine");
}

BOOST_AUTO_TEST_CASE(fields_with_quotes_commas_or_line_breaks_are_quoted_with_quotes_doubled) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"\"", "\"\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"two\r\nlines", "\"two\r\nlines\""},
      {"carriage\rreturn", "\"carriage\rreturn\""},
  };
  for (const auto& c : cases) BOOST_TEST(field(c.in) == c.out, c.in);
}

BOOST_AUTO_TEST_CASE(each_formula_prefix_of_a_text_cell_is_neutralised) {
  for (const char* prefix : {"=", "+", "-", "@", "\t", "\r"}) {
    const std::string in = std::string(prefix) + "HYPERLINK(\"http://x\",\"y\")";
    BOOST_TEST(startsLikeFormula(in), in);
    BOOST_TEST(neutralised(in) == "'" + in, in);
    BOOST_TEST(cellText(text(in)) == "'" + in, in);
  }
  // The row quotes what needs quoting after the quote mark is added.
  const Cell row[] = {text("=HYPERLINK(\"http://x\",\"y\")")};
  BOOST_TEST(csvRow(row) == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
  const Cell cr[] = {text("\rSUM(A1)")};
  BOOST_TEST(csvRow(cr) == "\"'\rSUM(A1)\"\r\n");
}

BOOST_AUTO_TEST_CASE(text_that_only_contains_a_formula_sign_later_is_left_alone) {
  for (const char* in :
       {"Kampala = Uganda", "1+1", " =SUM(A1)", "e-mail", "a@b.org", "'quoted", ""}) {
    BOOST_TEST(!startsLikeFormula(in), in);
    BOOST_TEST(neutralised(in) == in, in);
  }
}

BOOST_AUTO_TEST_CASE(numbers_money_and_dates_are_never_neutralised) {
  BOOST_TEST(cellText(number(CellKind::kInteger, -42)) == "-42");
  BOOST_TEST(cellText(number(CellKind::kMoney, -1250)) == "-12.50");
  BOOST_TEST(cellText(number(CellKind::kMoney, 25'000'000)) == "250000.00");
  BOOST_TEST(cellText(number(CellKind::kMoney, 5)) == "0.05");
  BOOST_TEST(cellText(number(CellKind::kMoney, 1200, 0)) == "1200");             // JPY
  BOOST_TEST(cellText(number(CellKind::kMoney, -1'234'567, 3)) == "-1234.567");  // KWD
  BOOST_TEST(cellText(number(CellKind::kDateTime, 1'772'366'400'123)) == "2026-03-01T12:00:00Z");
  BOOST_TEST(cellText(number(CellKind::kDate, 1'772'366'400'123)) == "2026-03-01");
  BOOST_TEST(cellText(number(CellKind::kDateTime, 0)) == "1970-01-01T00:00:00Z");
  BOOST_TEST(cellText(number(CellKind::kDateTime, -1)) == "1969-12-31T23:59:59Z");
  const Cell row[] = {number(CellKind::kMoney, -1250), text("-1250")};
  BOOST_TEST(csvRow(row) == "-12.50,'-1250\r\n");
}

BOOST_AUTO_TEST_CASE(empty_cells_are_empty_fields_of_any_kind) {
  const Cell row[] = {empty(CellKind::kText), empty(CellKind::kMoney), empty(CellKind::kDateTime),
                      text("x"), empty(CellKind::kInteger)};
  BOOST_TEST(csvRow(row) == ",,,x,\r\n");
}

BOOST_AUTO_TEST_CASE(rows_and_the_header_end_with_crlf_and_the_file_starts_with_the_bom) {
  const Column columns[] = {{"reference", CellKind::kText}, {"amount", CellKind::kMoney}};
  BOOST_TEST(csvHeader(columns) == "reference,amount\r\n");
  const Cell row[] = {text("GCF-2026-0001"), number(CellKind::kMoney, 25'000'000)};
  BOOST_TEST(csvRow(row) == "GCF-2026-0001,250000.00\r\n");
  BOOST_TEST(kUtf8Bom == "\xEF\xBB\xBF");
}

BOOST_AUTO_TEST_CASE(the_decimal_amount_keeps_every_minor_digit_of_any_int64) {
  BOOST_TEST(core::decimalAmount(0, 2) == "0.00");
  BOOST_TEST(core::decimalAmount(INT64_MAX, 2) == "92233720368547758.07");
  BOOST_TEST(core::decimalAmount(INT64_MIN, 2) == "-92233720368547758.08");
  BOOST_TEST(core::decimalAmount(-7, 0) == "-7");
}

BOOST_AUTO_TEST_CASE(file_names_name_one_list_and_one_format) {
  const auto p = parseFileName("proposals.csv");
  BOOST_REQUIRE(p.has_value());
  BOOST_TEST((p->list == ListKind::kProposals && p->format == FileFormat::kCsv));
  const auto a = parseFileName("audit.xlsx");
  BOOST_REQUIRE(a.has_value());
  BOOST_TEST((a->list == ListKind::kAudit && a->format == FileFormat::kXlsx));
  for (const char* bad : {"proposals", "proposals.", ".csv", "proposals.json", "calls.csv",
                          "proposals.csv.csv", "Proposals.csv", "360giving.json", "iati.xml", ""}) {
    BOOST_TEST(!parseFileName(bad).has_value(), bad);
  }
  for (int l = 0; l < 6; ++l) {
    for (int f = 0; f < 2; ++f) {
      const auto name =
          std::string(listName(ListKind(l))) + "." + std::string(formatName(FileFormat(f)));
      const auto back = parseFileName(name);
      BOOST_TEST((back && back->list == ListKind(l) && back->format == FileFormat(f)), name);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::exports
