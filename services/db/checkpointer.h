#pragma once

#include <memory>

#include "services/db/connection.h"
#include "services/db/connection_string.h"
#include "services/db/group_commit.h"
#include "services/db/ticker.h"

namespace citygrants::db {

// The background WAL checkpointer of a long-lived server (Database::Options::checkpoint_every_ms):
// a PASSIVE checkpoint every `every_ms` on a connection of its own — writers and readers go on
// meanwhile — instead of one in whichever commit crosses SQLite's 1,000 pages; and, when the WAL
// has grown past 16 MiB, a RESTART between two groups of writes that waits (at most 20 ms) for
// the readers still on it, so that the next write starts it over. A busy or failing checkpoint
// is tried again at the next tick. Stopped and joined when destroyed.
class Checkpointer {
 public:
  // REQUIRES: a SQLite database; `every_ms` > 0; `writer` does no checkpoint of its own
  // (GroupCommit's background_checkpoints) and outlives this.
  Checkpointer(const ConnectionString& where, int every_ms, GroupCommit& writer);
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

 private:
  void tick();

  Connection connection_;
  GroupCommit& writer_;             // taken for a RESTART
  std::unique_ptr<Ticker> ticker_;  // last: stopped and joined first
};

}  // namespace citygrants::db
