#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "modules/exports/table.h"

namespace citygrants::exports {

// Writes a table to a file one row at a time, keeping no more than a row in memory: the header,
// then the rows, then finish(). Throws std::runtime_error when the file cannot be written (a
// full disk), Problem(kInvalid) when the format cannot hold the table (XLSX: 1,048,575 rows).
class TableWriter {
 public:
  virtual ~TableWriter() = default;
  // REQUIRES: called once, first.
  virtual void header(std::span<const Column> columns) = 0;
  // REQUIRES: as many cells as header columns, of their kinds.
  virtual void row(std::span<const Cell> cells) = 0;
  // Completes and closes the file. REQUIRES: called once, last.
  virtual void finish() = 0;
};

// CSV (csv.h): UTF-8 with a BOM, RFC 4180, text cells neutralised.
std::unique_ptr<TableWriter> csvWriter(const std::string& path);

// XLSX through libxlsxwriter in constant-memory mode (each row is flushed to a scratch file in
// `tmpdir` when the next begins): one worksheet named `sheet`, the header row bold and frozen,
// an autofilter over the data, money as numbers formatted #,##0.00 (the currency's digits),
// times as real date-times shown as yyyy-mm-ddThh:mm:ssZ, days as yyyy-mm-dd. Text cells are
// neutralised as in CSV, so a sheet saved again as CSV stays safe and both files read alike.
std::unique_ptr<TableWriter> xlsxWriter(const std::string& path, std::string_view sheet,
                                        const std::string& tmpdir);

}  // namespace citygrants::exports
