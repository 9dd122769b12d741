#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include <soci/soci.h>

#include "services/db/optional_soci.h"

namespace citygrants::db {

// One execution of a statement that its session keeps prepared (Tx::prepared): the hot queries
// of every request are parsed once per SQLite connection instead of once per use. Values are
// exchanged for this execution only; when this goes out of scope the statement is reset (its
// read ends) and its bindings are dropped, so the next use starts clean even after a throw.
// The same query asked for again while one is alive on the session gets a one-time statement.
//   auto st = tx.prepared("SELECT name FROM t WHERE id = :id");
//   st.use(id).into(name);
//   if (!st.execute()) ...;            // the first row, if any, is in `name`
//   while (st.fetch()) ...;            // the rest
// On SQLite, values of the common types (int, long, long long, double, std::string, and
// std::optional of each) go straight between SQLite and the variables, with the conversions
// SOCI's SQLite backend makes: SOCI would allocate an exchange object and a backend for each
// value at each execution and free them after (10 % of the CPU of a computed proposal read).
// A value of another type has SOCI exchange them all. Values are bound either all in order or
// all by name (use(value, "name") for ":name"), as SOCI requires.
class Prepared {
 public:
  // `kept`: a session's cached statement (reset after use; `*in_use` is set while this lives);
  // else `owned` is used once.
  Prepared(soci::statement* kept, bool* in_use, std::unique_ptr<soci::statement> owned, bool sqlite);
  Prepared(Prepared&& other) noexcept;
  Prepared& operator=(Prepared&&) = delete;
  Prepared(const Prepared&) = delete;
  ~Prepared();

  template <class T>
  Prepared& use(const T& value) {
    return keep(value, nullptr);
  }
  // `value` for the query's parameter :`name` (every occurrence of it).
  template <class T>
  Prepared& use(const T& value, const std::string& name) {
    return keep(value, &name);
  }
  template <class T>
  Prepared& into(T& target) {
    if (direct_ && kindOf<T>() != Kind::kOther && intos_count_ < intos_.size()) {
      intos_[intos_count_++] = {&target, kindOf<T>()};
    } else {
      bySoci();
      st_->exchange(soci::into(target));
    }
    return *this;
  }
  // Runs the statement; fetches the first row into the targets. Whether there was one.
  bool execute();
  // The next row; false past the last.
  bool fetch();
  long long affectedRows();

  // The types exchanged without SOCI (kOther: any other, which SOCI exchanges).
  enum class Kind : unsigned char {
    kOther,
    kInt,
    kLong,
    kLongLong,
    kDouble,
    kString,
    kOptInt,
    kOptLong,
    kOptLongLong,
    kOptDouble,
    kOptString,
  };
  template <class T>
  static constexpr Kind kindOf() {
    if constexpr (std::is_same_v<T, int>)
      return Kind::kInt;
    else if constexpr (std::is_same_v<T, long>)
      return Kind::kLong;
    else if constexpr (std::is_same_v<T, long long>)
      return Kind::kLongLong;
    else if constexpr (std::is_same_v<T, double>)
      return Kind::kDouble;
    else if constexpr (std::is_same_v<T, std::string>)
      return Kind::kString;
    else if constexpr (std::is_same_v<T, std::optional<int>>)
      return Kind::kOptInt;
    else if constexpr (std::is_same_v<T, std::optional<long>>)
      return Kind::kOptLong;
    else if constexpr (std::is_same_v<T, std::optional<long long>>)
      return Kind::kOptLongLong;
    else if constexpr (std::is_same_v<T, std::optional<double>>)
      return Kind::kOptDouble;
    else if constexpr (std::is_same_v<T, std::optional<std::string>>)
      return Kind::kOptString;
    else
      return Kind::kOther;
  }

 private:
  struct Value {
    void* at = nullptr;  // the variable (a use's is only read)
    Kind kind = Kind::kOther;
    int index = 0;  // a use by name: its parameter's index; 0: by its place in order
  };
  // use(): by the parameter `name`, or by place in order (nullptr).
  template <class T>
  Prepared& keep(const T& value, const std::string* name) {
    if (direct_ && kindOf<T>() != Kind::kOther && uses_count_ < uses_.size()) {
      uses_[uses_count_++] = {const_cast<T*>(&value), kindOf<T>(), name ? indexOf(*name) : 0};
    } else {
      bySoci();
      st_->exchange(soci::use(value, name ? *name : std::string()));
    }
    return *this;
  }
  int indexOf(const std::string& name);  // of :name in the query; throws as SOCI when none
  void bySoci();    // hands the values kept so far to SOCI, which exchanges every value after
  bool stepOnce();  // one sqlite3_step: the row's columns into the targets

  soci::statement* st_;
  bool* in_use_;
  std::unique_ptr<soci::statement> owned_;
  bool sqlite_;
  bool direct_;        // SQLite, and no value handed to SOCI yet
  bool done_ = false;  // direct: the last step found no more rows
  std::array<Value, 16> uses_{};
  std::array<Value, 64> intos_{};
  std::size_t uses_count_ = 0;
  std::size_t intos_count_ = 0;
};

}  // namespace citygrants::db
