#include "services/db/statement_cache.h"

namespace citygrants::db {

StatementCache::StatementCache(soci::session& session, Dialect dialect)
    : session_(session), keep_(dialect == Dialect::kSqlite) {}

std::unique_ptr<soci::statement> StatementCache::fresh(const std::string& query) {
  auto st = std::make_unique<soci::statement>(session_);
  st->alloc();
  st->prepare(query, keep_ ? soci::details::st_repeatable_query : soci::details::st_one_time_query);
  return st;
}

Prepared StatementCache::prepared(const std::string& query) {
  if (!keep_) return Prepared(nullptr, nullptr, fresh(query), false);
  auto& slot = kept_[query];
  if (slot.in_use)
    return Prepared(nullptr, nullptr, fresh(query), true);  // nested use of one query
  if (!slot.statement) slot.statement = fresh(query);
  return Prepared(slot.statement.get(), &slot.in_use, nullptr, true);
}

}  // namespace citygrants::db
