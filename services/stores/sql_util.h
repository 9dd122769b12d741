#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <soci/soci.h>

#include "services/db/optional_soci.h"
#include "services/db/prepared.h"

namespace citygrants::stores {

// Executes an UPDATE guarded by `AND version = :v`; throws Problem(kStaleVersion) naming
// `entity` when it touched no row (someone else changed the record first).
void executeVersioned(soci::statement& st, std::string_view entity);

// Prepares `query` on `st` (its values already exchanged) and runs it without fetching: for
// statements whose WHERE is built from the filters present.
void prepareAndRun(soci::statement& st, const std::string& query);
void executeVersioned(db::Prepared& st, std::string_view entity);

// "`column` IN (:prefix0, :prefix1, ...)" with `values` exchanged into `st` by those names.
// REQUIRES: values is not empty and outlives the statement's execution.
std::string inList(soci::statement& st, const std::string& column,
                   const std::vector<std::string>& values, const std::string& prefix);
std::string inList(soci::statement& st, const std::string& column,
                   const std::vector<std::int64_t>& values, const std::string& prefix);

// " WHERE a AND b" from the list-style `where` (" WHERE ..." or "") and one more condition.
std::string andWhere(const std::string& where, const std::string& condition);

// Joins and splits a list of plain tokens ("migrants,refugees") stored in one TEXT column.
std::string joinList(const std::vector<std::string>& items);
std::vector<std::string> splitList(const std::string& text);

// The ids a query returns, in its order: with no parameter, one bound id, or one bound text.
std::vector<std::int64_t> idList(soci::session& sql, const std::string& query);
std::vector<std::int64_t> idList(soci::session& sql, const std::string& query, std::int64_t param);
std::vector<std::int64_t> idList(soci::session& sql, const std::string& query, const std::string& param);

// The one integer a query with one bound id returns (a COUNT, a SUM with COALESCE).
std::int64_t scalarInt(soci::session& sql, const std::string& query, std::int64_t id);

}  // namespace citygrants::stores
