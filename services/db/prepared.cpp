#include "services/db/prepared.h"

#include <soci/sqlite3/soci-sqlite3.h>

namespace citygrants::db {

Prepared::Prepared(soci::statement* kept, bool* in_use, std::unique_ptr<soci::statement> owned,
                   bool sqlite)
    : st_(kept != nullptr ? kept : owned.get()),
      in_use_(in_use),
      owned_(std::move(owned)),
      sqlite_(sqlite) {
  if (in_use_ != nullptr) *in_use_ = true;
}

Prepared::Prepared(Prepared&& other) noexcept
    : st_(other.st_),
      in_use_(other.in_use_),
      owned_(std::move(other.owned_)),
      sqlite_(other.sqlite_) {
  other.st_ = nullptr;
  other.in_use_ = nullptr;
}

Prepared::~Prepared() {
  if (st_ == nullptr || owned_) return;
  if (sqlite_) {
    // soci-sqlite3.h wraps sqlite3.h in namespace sqlite_api.
    auto* backend = static_cast<soci::sqlite3_statement_backend*>(st_->get_backend());
    if (backend != nullptr && backend->stmt_ != nullptr) sqlite_api::sqlite3_reset(backend->stmt_);
  }
  st_->bind_clean_up();
  if (in_use_ != nullptr) *in_use_ = false;
}

bool Prepared::execute() {
  st_->define_and_bind();
  return st_->execute(true);
}

}  // namespace citygrants::db
