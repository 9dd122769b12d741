#include "services/stores/where.h"

#include <stdexcept>

namespace citygrants::stores {
namespace {

constexpr const char* kInNames[Where::kMaxIn] = {"in0", "in1", "in2", "in3",
                                                 "in4", "in5", "in6", "in7"};

}  // namespace

Where& Where::add(std::string_view condition) {
  sql_ += sql_.empty() ? " WHERE " : " AND ";
  sql_ += condition;
  return *this;
}

Where& Where::in(std::string_view column, const std::vector<std::string>& values) {
  if (values.empty()) return *this;
  if (values.size() > kMaxIn) throw std::invalid_argument("too many values for IN");
  std::string list;
  for (std::size_t i = 0; i < values.size(); ++i) {
    list += std::string(i == 0 ? ":" : ", :") + kInNames[i];
    st_.use(values[i], kInNames[i]);
  }
  return add(std::string(column) + " IN (" + list + ")");
}

}  // namespace citygrants::stores
