#include "modules/exports/csv.h"

#include "modules/core/money.h"

namespace citygrants::exports {

bool startsLikeFormula(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

std::string neutralised(std::string_view text) {
  return startsLikeFormula(text) ? "'" + std::string(text) : std::string(text);
}

void appendField(std::string& out, std::string_view field) {
  if (field.find_first_of("\",\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string cellText(const Cell& cell) {
  if (cell.empty) return "";
  switch (cell.kind) {
    case CellKind::kText: return neutralised(cell.text);
    case CellKind::kInteger: return std::to_string(cell.number);
    case CellKind::kMoney: return core::decimalAmount(cell.number, cell.exponent);
    case CellKind::kDateTime: return isoDateTime(cell.number);
    case CellKind::kDate: return isoDate(cell.number);
  }
  return "";
}

std::string csvRow(std::span<const Cell> cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    appendField(out, cellText(cells[i]));
  }
  out += "\r\n";
  return out;
}

std::string csvHeader(std::span<const Column> columns) {
  std::string out;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += ',';
    appendField(out, columns[i].name);
  }
  out += "\r\n";
  return out;
}

}  // namespace citygrants::exports
