#include "services/stores/export_rows.h"

#include "modules/core/money.h"
#include "services/stores/sql_util.h"

namespace citygrants::stores {
namespace {

using exports::Cell;
using exports::CellKind;

// Where each column's value lands when a row is fetched: text columns in `texts`, the others in
// `numbers`, NULLs flagged in `nulls`. Sized once: soci keeps the addresses.
struct RowBuffer {
  explicit RowBuffer(std::size_t n) : texts(n), numbers(n), nulls(n), cells(n) {}
  std::vector<std::string> texts;
  std::vector<long long> numbers;
  std::vector<soci::indicator> nulls;
  std::vector<Cell> cells;
};

int currencyColumn(const ExportSource& s) {
  for (std::size_t i = 0; i < s.columns.size(); ++i) {
    if (s.columns[i].column.name == "currency") return static_cast<int>(i);
  }
  return -1;
}

void fillCells(const ExportSource& s, RowBuffer& b, int currency) {
  int exponent = 2;
  if (currency >= 0 && b.nulls[static_cast<std::size_t>(currency)] == soci::i_ok) {
    if (const auto c = core::findCurrency(b.texts[static_cast<std::size_t>(currency)]))
      exponent = c->exponent;
  }
  for (std::size_t i = 0; i < s.columns.size(); ++i) {
    Cell& cell = b.cells[i];
    cell.kind = s.columns[i].column.kind;
    cell.empty = b.nulls[i] == soci::i_null;
    if (cell.kind == CellKind::kText) {
      cell.text = cell.empty ? std::string() : b.texts[i];
    } else {
      cell.number = cell.empty ? 0 : static_cast<std::int64_t>(b.numbers[i]);
      cell.exponent = exponent;
    }
  }
}

}  // namespace

std::int64_t streamRows(db::Tx& tx, const ExportSource& s,
                        const std::function<void(std::span<const exports::Cell>)>& each) {
  RowBuffer b(s.columns.size());
  const int currency = currencyColumn(s);
  const bool by_id = s.key == s.id;
  const std::string dir = s.descending ? " DESC" : "";
  const std::string cmp = s.descending ? " < " : " > ";
  std::string select = "SELECT " + s.key + ", " + s.id;
  for (const auto& c : s.columns) select += std::string(", ") + c.sql;
  const std::string order = " ORDER BY " + (by_id ? s.id + dir : s.key + dir + ", " + s.id + dir) +
                            " LIMIT " + std::to_string(kExportPage);
  const std::string cursor = by_id ? s.id + cmp + ":x_id"
                                   : "(" + s.key + cmp + ":x_key1 OR (" + s.key +
                                         " = :x_key2 AND " + s.id + cmp + ":x_id))";
  long long last_key = 0;
  long long last_id = 0;
  std::int64_t rows = 0;
  for (bool first = true;; first = false) {
    soci::statement st(tx.sql());
    std::string where = s.where(st);
    if (!first) {
      where += (where.empty() ? " WHERE " : " AND ") + cursor;
      if (!by_id) {
        st.exchange(soci::use(last_key, "x_key1"));
        st.exchange(soci::use(last_key, "x_key2"));
      }
      st.exchange(soci::use(last_id, "x_id"));
    }
    long long key = 0;
    long long id = 0;
    st.exchange(soci::into(key));
    st.exchange(soci::into(id));
    for (std::size_t i = 0; i < s.columns.size(); ++i) {
      if (s.columns[i].column.kind == CellKind::kText) {
        st.exchange(soci::into(b.texts[i], b.nulls[i]));
      } else {
        st.exchange(soci::into(b.numbers[i], b.nulls[i]));
      }
    }
    prepareAndRun(st, select + s.from + where + order);
    int fetched = 0;
    while (st.fetch()) {
      fillCells(s, b, currency);
      each(b.cells);
      ++fetched;
      last_key = key;
      last_id = id;
    }
    rows += fetched;
    if (fetched < kExportPage) return rows;
  }
}

}  // namespace citygrants::stores
