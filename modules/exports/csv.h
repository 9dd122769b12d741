#pragma once

#include <span>
#include <string>
#include <string_view>

#include "modules/exports/table.h"

// CSV as RFC 4180 says (comma-separated, CRLF line ends, a field in double quotes when it holds a
// quote, comma, CR or LF, quotes doubled), UTF-8 with a byte order mark so that spreadsheets read
// the accents, and text cells neutralised against formula injection (OWASP, "CSV Injection").
namespace citygrants::exports {

// What a CSV file starts with: the UTF-8 byte order mark.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Whether a spreadsheet may take `text` for a formula: it begins with =, +, -, @, a tab or a CR.
bool startsLikeFormula(std::string_view text);

// `text` as a text cell shows it: with a leading ' when it starts like a formula, as it is
// otherwise. Only text cells: a number such as -12.50 is a number, never a formula.
std::string neutralised(std::string_view text);

// Appends `field` to `out` as one RFC 4180 field: in double quotes, with its quotes doubled,
// when it holds a ", a comma, a CR or an LF; as it is otherwise.
void appendField(std::string& out, std::string_view field);

// The characters of `cell` before quoting: neutralised text, an integer, money in major units
// with the cell's exponent ("250000.00"), an ISO 8601 time or day; "" when empty.
std::string cellText(const Cell& cell);

// One record: the cells as fields, separated by commas, ended by CRLF.
std::string csvRow(std::span<const Cell> cells);

// The header record: the column names as fields.
std::string csvHeader(std::span<const Column> columns);

}  // namespace citygrants::exports
