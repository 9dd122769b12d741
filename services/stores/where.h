#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <soci/soci.h>

#include "services/db/prepared.h"

namespace citygrants::stores {

// Where the values of a clause go, each by name: a SOCI statement; a kept statement
// (db::Prepared, which binds them itself on SQLite); or nowhere, when only the text is wanted.
class Binds {
 public:
  Binds() = default;                           // the text only: values are dropped
  Binds(soci::statement& st) : st_(&st) {}     // NOLINT(google-explicit-constructor)
  Binds(db::Prepared& st) : prepared_(&st) {}  // NOLINT(google-explicit-constructor)

  template <class T>
  void use(const T& value, const std::string& name) const {
    if (prepared_ != nullptr) {
      prepared_->use(value, name);
    } else if (st_ != nullptr) {
      st_->exchange(soci::use(value, name));
    }
  }

 private:
  soci::statement* st_ = nullptr;
  db::Prepared* prepared_ = nullptr;
};

// The WHERE clause of a list query, built from the filters present only (a catch-all
// "(:x IS NULL OR col = :x)" would make SQLite scan every row), each value exchanged by name
// into the one statement the clause is for (Binds). soci binds by reference: every value must
// outlive the statement's execution (the query's own fields do).
class Where {
 public:
  explicit Where(Binds st) : st_(st) {}

  // Adds `condition` as it is; its values, if any, are the caller's to exchange.
  Where& add(std::string_view condition);
  // Adds `condition` with its one value `value` named `name` ("t.grant_id = :grant").
  template <class T>
  Where& add(std::string_view condition, const T& value, const char* name) {
    add(condition);
    st_.use(value, name);
    return *this;
  }
  // Adds "`column` IN (:in0, :in1, ...)" for `values`; nothing when `values` is empty.
  // REQUIRES: at most kMaxIn values.
  Where& in(std::string_view column, const std::vector<std::string>& values);
  static constexpr std::size_t kMaxIn = 8;

  // " WHERE a AND b", or "" when no condition was added.
  const std::string& sql() const { return sql_; }

 private:
  Binds st_;
  std::string sql_;
};

}  // namespace citygrants::stores
