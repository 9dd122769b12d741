#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tests/web/http_fixture.h"

// Reading export files as a spreadsheet would, for the export tests: CSV by RFC 4180, XLSX by
// unzipping it (Poco::Zip) and reading its worksheet and styles (Poco::XML). Nothing here trusts
// the server's encoder: a malformed file fails the test.
namespace citygrants::webtest {

// A table of text: the header and the rows, each a list of fields.
struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  // The index of the column named `name`. REQUIRES: there is one (checked).
  std::size_t column(const std::string& name) const;
  // Every row's field of column `name`.
  std::vector<std::string> values(const std::string& name) const;
};

// `body` as CSV: it must start with the UTF-8 BOM and end every record with CRLF; quoted
// fields may hold commas, quotes (doubled) and line breaks. Checked with BOOST_REQUIRE.
Table parseCsv(const std::string& body);

// One cell of a worksheet as stored.
struct SheetCell {
  std::string text;     // an inline or shared string's text, or a number's <v>
  bool number = false;  // stored as a number (no t= attribute)
  std::string format;   // its style's number format code ("#,##0.00"), "" for General
  bool bold = false;    // its style's font is bold
};

// The first worksheet of an XLSX file.
struct Sheet {
  std::vector<std::vector<SheetCell>> rows;  // row 1 first; cells by column, blanks as ""
  bool header_frozen = false;                // a frozen pane below row 1
  std::string autofilter;                    // the autoFilter ref ("A1:M4"), "" when none
  std::size_t formulas = 0;                  // <f> elements: cells Excel would compute
  // The rows as text, like parseCsv's.
  Table table() const;
};

// `bytes` as an XLSX file. Checked with BOOST_REQUIRE (a zip holding xl/worksheets/sheet1.xml).
Sheet readXlsx(const std::string& bytes);

// Minor units of a decimal in major units ("250000.00" → 25000000, "-0.05" → -5), for money
// with `digits` after the point. REQUIRES: exactly `digits` digits after the point (checked).
std::int64_t minorOf(const std::string& decimal, int digits = 2);

// A new user of `organisation` (by name) with `role`, added by admin@mmc.demo and signed in:
// each export test has its own exporter, so that the rate limit of one test never reaches
// another. Also answers the user's id.
Client freshUser(Server& server, const std::string& organisation, const std::string& role,
                 std::int64_t* user_id = nullptr);

}  // namespace citygrants::webtest
