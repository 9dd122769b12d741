#pragma once

#include <cstdint>
#include <string_view>

#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// Every file a user exports (the tables of the lists, the open-data files) is one audit event,
// and the rate limit is read back from those events: it holds across the server instances that
// share the database, and it survives restarts.
class ExportLog {
 public:
  // At most kMaxPerWindow files per user in any kWindowMs. A person exporting by hand never
  // needs more; a script that pulls the fund through exports is held to a pace the list routes
  // would allow anyway.
  static constexpr int kMaxPerWindow = 10;
  static constexpr std::int64_t kWindowMs = 60'000;

  // Throws Problem(kTooManyRequests), with the whole seconds until the oldest of them leaves the
  // window as its retry-after, when the actor exported kMaxPerWindow files in the kWindowMs up
  // to `now` (epoch ms). Reads one index range; any transaction.
  static void check(db::Tx& tx, const Actor& actor, std::int64_t now);

  // check(), then appends the export's audit event: the actor, entity "export" with the actor's
  // user id as entity_id (so the (entity, entity_id) index finds a user's exports), event
  // "export", detail {"file": what, "filters": filters_json, "rows": rows}, at `now`. Returns
  // the event's sequence number. `what` names the file ("proposals.csv", "360giving.json").
  // REQUIRES: `tx` is a write use case's (Database::write); `filters_json` is a JSON object.
  static std::int64_t record(db::Tx& tx, const Actor& actor, std::string_view what,
                             std::string_view filters_json, std::int64_t rows, std::int64_t now);
};

}  // namespace citygrants::usecases
