#include <array>
#include <stdexcept>
#include <vector>

#include <xlsxwriter.h>

#include "modules/core/problem.h"
#include "modules/exports/csv.h"
#include "services/exports/table_writer.h"

namespace citygrants::exports {
namespace {

constexpr lxw_row_t kMaxDataRows = LXW_ROW_MAX - 1;  // row 0 is the header
constexpr std::size_t kMaxCellChars = 32'767;        // Excel's limit for one cell's text
constexpr int kMaxExponent = 4;                      // ISO 4217 minor units go up to 4 (CLF)

void check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("xlsx: ") + what + ": " + lxw_strerror(error));
  }
}

// `text` cut to at most `max` bytes on a UTF-8 character boundary.
std::string cutUtf8(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

double columnWidth(const Column& c) {
  if (c.name == "title" || c.name.ends_with("_title") || c.name == "detail") return 48;
  switch (c.kind) {
    case CellKind::kText: return 22;
    case CellKind::kInteger: return 10;
    case CellKind::kMoney: return 16;
    case CellKind::kDateTime: return 21;
    case CellKind::kDate: return 12;
  }
  return 16;
}

class XlsxFile : public TableWriter {
 public:
  XlsxFile(const std::string& path, std::string_view sheet, const std::string& tmpdir)
      : tmpdir_(tmpdir.begin(), tmpdir.end()) {
    tmpdir_.push_back('\0');
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = tmpdir_.data();
    options.use_zip64 = LXW_FALSE;
    book_ = workbook_new_opt(path.c_str(), &options);
    if (book_ == nullptr) throw std::runtime_error("xlsx: cannot create " + path);
    const std::string name(sheet);
    sheet_ = workbook_add_worksheet(book_, name.c_str());
    if (sheet_ == nullptr) {
      workbook_close(book_);
      throw std::runtime_error("xlsx: cannot add the worksheet " + name);
    }
    bold_ = workbook_add_format(book_);
    format_set_bold(bold_);
    date_time_ = numberFormat("yyyy-mm-dd\"T\"hh:mm:ss\"Z\"");
    date_ = numberFormat("yyyy-mm-dd");
    for (int e = 0; e <= kMaxExponent; ++e) {
      money_[static_cast<std::size_t>(e)] =
          numberFormat(e == 0 ? "#,##0" : "#,##0." + std::string(static_cast<std::size_t>(e), '0'));
    }
  }

  ~XlsxFile() override {
    if (book_ != nullptr) workbook_close(book_);  // a file left unfinished: its owner removes it
  }

  void header(std::span<const Column> columns) override {
    columns_ = static_cast<lxw_col_t>(columns.size());
    for (lxw_col_t c = 0; c < columns_; ++c) {
      const auto& column = columns[c];
      lxw_format* format = column.kind == CellKind::kMoney ? money_[2] : nullptr;
      check(worksheet_set_column(sheet_, c, c, columnWidth(column), format), "column");
      const std::string name(column.name);
      check(worksheet_write_string(sheet_, 0, c, name.c_str(), bold_), "header");
    }
    worksheet_freeze_panes(sheet_, 1, 0);
  }

  void row(std::span<const Cell> cells) override {
    if (rows_ == kMaxDataRows) {
      throw core::Problem::invalidField("file", {"export.xlsx_rows", {{"max", kMaxDataRows}}});
    }
    ++rows_;
    for (lxw_col_t c = 0; c < cells.size(); ++c) write(c, cells[c]);
  }

  void finish() override {
    if (columns_ > 0) check(worksheet_autofilter(sheet_, 0, 0, rows_, columns_ - 1), "autofilter");
    const auto error = workbook_close(book_);
    book_ = nullptr;
    check(error, "close");
  }

 private:
  lxw_format* numberFormat(const std::string& pattern) {
    lxw_format* f = workbook_add_format(book_);
    format_set_num_format(f, pattern.c_str());
    return f;
  }

  void write(lxw_col_t c, const Cell& cell) {
    if (cell.empty) return;  // no cell at all: the autofilter sees a blank
    switch (cell.kind) {
      case CellKind::kText: {
        const auto text = cutUtf8(neutralised(cell.text), kMaxCellChars);
        check(worksheet_write_string(sheet_, rows_, c, text.c_str(), nullptr), "text");
        return;
      }
      case CellKind::kInteger:
        check(worksheet_write_number(sheet_, rows_, c, static_cast<double>(cell.number), nullptr),
              "number");
        return;
      case CellKind::kMoney: {
        const int e = cell.exponent < 0 || cell.exponent > kMaxExponent ? 2 : cell.exponent;
        double scale = 1;
        for (int i = 0; i < e; ++i) scale *= 10;
        check(worksheet_write_number(sheet_, rows_, c, static_cast<double>(cell.number) / scale,
                                     money_[static_cast<std::size_t>(e)]),
              "money");
        return;
      }
      case CellKind::kDateTime:
      case CellKind::kDate: {
        const std::int64_t seconds =
            cell.number >= 0 ? cell.number / 1000 : (cell.number - 999) / 1000;
        check(worksheet_write_unixtime(sheet_, rows_, c, seconds,
                                       cell.kind == CellKind::kDate ? date_ : date_time_),
              "date");
        return;
      }
    }
  }

  std::vector<char> tmpdir_;  // options.tmpdir points into it
  lxw_workbook* book_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* date_time_ = nullptr;
  lxw_format* date_ = nullptr;
  std::array<lxw_format*, kMaxExponent + 1> money_{};
  lxw_col_t columns_ = 0;
  lxw_row_t rows_ = 0;  // data rows written; the last one's index
};

}  // namespace

std::unique_ptr<TableWriter> xlsxWriter(const std::string& path, std::string_view sheet,
                                        const std::string& tmpdir) {
  return std::make_unique<XlsxFile>(path, sheet, tmpdir);
}

}  // namespace citygrants::exports
