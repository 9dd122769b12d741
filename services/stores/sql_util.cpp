#include "services/stores/sql_util.h"

#include <stdexcept>

#include "modules/core/problem.h"

namespace citygrants::stores {

void executeVersioned(soci::statement& st, std::string_view entity) {
  st.execute(true);
  if (st.get_affected_rows() != 1) {
    throw core::Problem(core::ProblemKind::kStaleVersion,
                        {"problem.changed", {core::entityTerm("entity", entity)}});
  }
}

void prepareAndRun(soci::statement& st, const std::string& query) {
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute(false);
}

void executeVersioned(db::Prepared& st, std::string_view entity) {
  st.execute();
  if (st.affectedRows() != 1) {
    throw core::Problem(core::ProblemKind::kStaleVersion,
                        {"problem.changed", {core::entityTerm("entity", entity)}});
  }
}

namespace {

template <class T>
std::string inListOf(soci::statement& st, const std::string& column, const std::vector<T>& values,
                     const std::string& prefix) {
  if (values.empty()) throw std::invalid_argument("an empty IN list");
  std::string out = column + " IN (";
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string name = prefix + std::to_string(i);
    out += (i == 0 ? ":" : ", :") + name;
    st.exchange(soci::use(values[i], name));
  }
  return out + ")";
}

}  // namespace

std::string inList(soci::statement& st, const std::string& column,
                   const std::vector<std::string>& values, const std::string& prefix) {
  return inListOf(st, column, values, prefix);
}

std::string inList(soci::statement& st, const std::string& column,
                   const std::vector<std::int64_t>& values, const std::string& prefix) {
  return inListOf(st, column, values, prefix);
}

std::string andWhere(const std::string& where, const std::string& condition) {
  return (where.empty() ? " WHERE " : where + " AND ") + condition;
}

std::string joinList(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) {
    if (!out.empty()) out += ',';
    out += i;
  }
  return out;
}

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

namespace {

std::vector<std::int64_t> collect(soci::statement& st, const std::int64_t& id) {
  std::vector<std::int64_t> out;
  st.execute();
  while (st.fetch()) out.push_back(id);
  return out;
}

}  // namespace

std::vector<std::int64_t> idList(soci::session& sql, const std::string& query) {
  std::int64_t id = 0;
  soci::statement st = (sql.prepare << query, soci::into(id));
  return collect(st, id);
}

std::vector<std::int64_t> idList(soci::session& sql, const std::string& query, std::int64_t param) {
  std::int64_t id = 0;
  soci::statement st = (sql.prepare << query, soci::use(param), soci::into(id));
  return collect(st, id);
}

std::vector<std::int64_t> idList(soci::session& sql, const std::string& query, const std::string& param) {
  std::int64_t id = 0;
  soci::statement st = (sql.prepare << query, soci::use(param), soci::into(id));
  return collect(st, id);
}

std::int64_t scalarInt(soci::session& sql, const std::string& query, std::int64_t id) {
  std::int64_t n = 0;
  sql << query, soci::use(id), soci::into(n);
  return n;
}

}  // namespace citygrants::stores
