#include "services/usecases/export_log.h"

#include <string>
#include <vector>

#include "modules/core/problem.h"
#include "services/audit/audit_log.h"

namespace citygrants::usecases {

void ExportLog::check(db::Tx& tx, const Actor& actor, std::int64_t now) {
  // The user's newest exports, newest first: the index (entity, entity_id) holds them in id
  // order, so SQLite reads kMaxPerWindow entries of it and nothing else.
  auto st = tx.prepared(
      "SELECT at FROM audit_events WHERE entity = 'export' AND entity_id = :user "
      "ORDER BY id DESC LIMIT 10");
  static_assert(kMaxPerWindow == 10, "the LIMIT above");
  long long at = 0;
  st.use(actor.user_id).into(at);
  std::vector<std::int64_t> recent;
  for (bool row = st.execute(); row; row = st.fetch()) {
    if (at > now - kWindowMs) recent.push_back(at);
  }
  if (static_cast<int>(recent.size()) < kMaxPerWindow) return;
  const std::int64_t oldest = recent.back();
  const std::int64_t wait_ms = oldest + kWindowMs - now;
  const int seconds = static_cast<int>((wait_ms + 999) / 1000);
  throw core::Problem::tooManyRequests(
      {"export.too_many", {{"max", kMaxPerWindow}, {"seconds", seconds < 1 ? 1 : seconds}}},
      seconds);
}

std::int64_t ExportLog::record(db::Tx& tx, const Actor& actor, std::string_view what,
                               std::string_view filters_json, std::int64_t rows, std::int64_t now) {
  check(tx, actor, now);
  const auto detail = Detail()
                          .text("file", std::string(what))
                          .raw("filters", std::string(filters_json))
                          .number("rows", rows)
                          .json();
  return audit::appendAudit(
      tx, {actor.user_id, "export", actor.user_id, "export", "", "", detail, now});
}

}  // namespace citygrants::usecases
