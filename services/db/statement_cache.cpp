#include "services/db/statement_cache.h"

#include <soci/postgresql/soci-postgresql.h>

namespace citygrants::db {

StatementCache::StatementCache(soci::session& session, Dialect dialect)
    : session_(session), postgres_(dialect == Dialect::kPostgres) {}

std::unique_ptr<soci::statement> StatementCache::fresh(const std::string& query, bool keep) {
  auto st = std::make_unique<soci::statement>(session_);
  st->alloc();
  st->prepare(query, keep ? soci::details::st_repeatable_query : soci::details::st_one_time_query);
  return st;
}

Prepared StatementCache::prepared(const std::string& query) {
  auto& slot = kept_[query];
  if (slot.in_use)
    return Prepared(nullptr, nullptr, fresh(query, false), !postgres_);  // nested use of one query
  if (!slot.statement) slot.statement = fresh(query, true);
  return Prepared(slot.statement.get(), &slot.in_use, nullptr, !postgres_);
}

void StatementCache::forget() noexcept {
  if (postgres_) {
    for (auto& [query, slot] : kept_) {
      if (!slot.statement) continue;
      auto* backend = static_cast<soci::postgresql_statement_backend*>(slot.statement->get_backend());
      if (backend != nullptr) backend->statementName_.clear();  // no DEALLOCATE on the way out
    }
  }
  kept_.clear();
}

}  // namespace citygrants::db
