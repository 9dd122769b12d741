#pragma once

#include <memory>

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
    st_->exchange(soci::use(value));
    return *this;
  }
  template <class T>
  Prepared& into(T& target) {
    st_->exchange(soci::into(target));
    return *this;
  }
  // Runs the statement; fetches the first row into the targets. Whether there was one.
  bool execute();
  // The next row; false past the last.
  bool fetch() { return st_->fetch(); }
  long long affectedRows() { return st_->get_affected_rows(); }
  // The statement itself, for values exchanged by name (stores::Where) rather than in order.
  soci::statement& statement() { return *st_; }

 private:
  soci::statement* st_;
  bool* in_use_;
  std::unique_ptr<soci::statement> owned_;
  bool sqlite_;
};

}  // namespace citygrants::db
