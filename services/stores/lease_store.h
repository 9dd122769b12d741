#pragma once

#include <cstdint>
#include <string>

#include "services/db/database.h"

namespace citygrants::stores {

// The scheduler_lease table (migration 0014): one leader per periodic job among the instances.
class LeaseStore {
 public:
  // Takes or renews lease `name` for `holder` until `until`: succeeds when the lease is free
  // (no row, or expired at `now`) or already `holder`'s, and only then changes it. Run it in the
  // job's own write transaction, so that the job's work and the lease it ran under commit
  // together (writes are serialised: SQLite's one writer, PostgreSQL's writer lock).
  static bool take(db::Tx& tx, const std::string& name, const std::string& holder, std::int64_t now,
                   std::int64_t until);
  // Gives lease `name` up when `holder` holds it (expires it at once), so another instance
  // takes over at its next turn instead of waiting for the expiry.
  static void release(db::Tx& tx, const std::string& name, const std::string& holder);
  // Who holds lease `name` at `now`; empty when nobody does.
  static std::string holder(db::Tx& tx, const std::string& name, std::int64_t now);
};

}  // namespace citygrants::stores
