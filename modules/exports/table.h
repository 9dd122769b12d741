#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The tables the lists are exported as (DESIGN §11): which lists and formats there are, and what
// a column and a cell hold. Every file format writes the same cells.
namespace citygrants::exports {

// The lists a file can be made of, in the order of kListNames.
enum class ListKind { kProposals, kReviews, kGrants, kTranches, kReports, kAudit };
inline constexpr std::string_view kListNames[] = {"proposals", "reviews", "grants",
                                                  "tranches",  "reports", "audit"};

enum class FileFormat { kCsv, kXlsx };
inline constexpr std::string_view kFormatNames[] = {"csv", "xlsx"};

std::string_view listName(ListKind list);
std::string_view formatName(FileFormat format);

// The list and format a file name asks for ("proposals.csv", "audit.xlsx"); nothing for any
// other name.
struct FileKind {
  ListKind list;
  FileFormat format;
};
std::optional<FileKind> parseFileName(std::string_view name);

// What a column holds, and so how each file format writes its cells.
enum class CellKind {
  kText,      // words and codes; neutralised against formula injection (csv.h)
  kInteger,   // a count, a sequence number, an id, months
  kMoney,     // minor units, written in major units with the row's currency's digits
  kDateTime,  // epoch milliseconds, written as UTC to the second: 2026-03-01T12:00:00Z
  kDate,      // epoch milliseconds, written as the UTC day: 2026-03-01
};

// One column: its header (stable snake_case English, not translated) and what it holds.
struct Column {
  std::string_view name;
  CellKind kind;
};

// One value of a row. `empty` for a NULL (an award not yet made, a date not yet reached).
struct Cell {
  CellKind kind = CellKind::kText;
  bool empty = true;
  std::string text;         // kText
  std::int64_t number = 0;  // the others: the integer, minor units, or epoch milliseconds
  int exponent = 2;         // kMoney: digits after the decimal point (core::Currency::exponent)
};

// "2026-03-01T12:00:00Z" and "2026-03-01" of epoch milliseconds (UTC; milliseconds dropped,
// times before 1970 rounded down to the second).
std::string isoDateTime(std::int64_t epoch_ms);
std::string isoDate(std::int64_t epoch_ms);

// The civil UTC date and time of epoch milliseconds, for formats that store real dates.
struct CivilTime {
  int year, month, day, hour, minute, second;
};
CivilTime civilTime(std::int64_t epoch_ms);

}  // namespace citygrants::exports
