#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "modules/results/indicator.h"
#include "modules/results/measure.h"

// What the results domain tests share: catalog indicators by code, and the fields and
// messages of a list of field errors.
namespace citygrants::results::testing {

using Fields = std::vector<std::string>;

// A count of `total` people broken down by sex.
inline Measure people(std::int64_t total, std::int64_t female, std::int64_t male) {
  return {total, {{"sex", "female", female}, {"sex", "male", male}}};
}

// A total without a breakdown.
inline Measure value(std::int64_t total) { return {total, {}}; }

// The GCF catalog's indicator `code` (fails the test when there is none).
inline Indicator catalogIndicator(const std::string& code) {
  for (auto& i : gcfIndicators()) {
    if (i.code == code) return i;
  }
  BOOST_FAIL("no catalog indicator " << code);
  return {};
}

inline Fields fieldsOf(const std::vector<core::FieldError>& errors) {
  Fields out;
  for (const auto& e : errors) out.push_back(e.field);
  return out;
}

// The message of the error at `field` as its key and the values of its placeholders,
// "results.cells_sum(sum=90, total=100)" (whatever the language it is written in), or a text
// saying there is none.
inline std::string messageAt(const std::vector<core::FieldError>& errors, const std::string& field) {
  for (const auto& e : errors) {
    if (e.field != field) continue;
    std::string out(e.message.key.name());
    for (std::size_t i = 0; i < e.message.args.size(); ++i) {
      out += (i == 0 ? "(" : ", ") + e.message.args[i].name + "=" + e.message.args[i].value;
    }
    return e.message.args.empty() ? out : out + ")";
  }
  return "<no error at " + field + ">";
}

}  // namespace citygrants::results::testing
