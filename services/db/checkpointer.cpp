#include "services/db/checkpointer.h"

#include <exception>
#include <string>

namespace citygrants::db {
namespace {

// SQLite starts the WAL over only when a writer finds no reader still on it, and a server under
// load is never without readers: with PASSIVE checkpoints alone the WAL grew by every write for
// as long as the load lasted (476 MB in 10 s of ops/bench/mixed's 95/5 mix), each write extending
// the file. Past this many frames (16 MiB of 4 KiB pages) a RESTART checkpoint also waits for
// the readers on the WAL to finish — new readers read the file — so that the next write starts
// the WAL over, in the blocks it already has.
constexpr int kRestartFrames = 4096;
// A RESTART holds off writers while it waits for the readers: at most this long, then it gives
// up until the next tick (a long read, such as an export, keeps its frames until it ends
// whatever we do). It takes this process's writer first (GroupCommit::take), between two
// groups, rather than waiting for SQLite's write lock: the writer thread takes that lock again
// within microseconds of a commit, and a busy wait of 1, 2, 5 ms... seldom found it free.
constexpr int kRestartWaitMs = 20;

}  // namespace

Checkpointer::Checkpointer(const ConnectionString& where, int every_ms, GroupCommit& writer)
    : connection_(where), writer_(writer) {
  try {
    connection_.sql() << "PRAGMA busy_timeout=" + std::to_string(kRestartWaitMs);
  } catch (const std::exception&) {
    // The default wait stays; a RESTART may then hold writers off for longer.
  }
  ticker_ = std::make_unique<Ticker>("cg-checkpoint", every_ms, [this] { tick(); });
}

void Checkpointer::tick() {
  try {
    // PASSIVE copies what no reader still needs and never waits for a lock.
    int busy = 0, log = 0, done = 0;
    connection_.sql() << "PRAGMA wal_checkpoint(PASSIVE)", soci::into(busy), soci::into(log),
        soci::into(done);
    if (log >= kRestartFrames) {
      auto writing = writer_.take();
      connection_.sql() << "PRAGMA wal_checkpoint(RESTART)", soci::into(busy), soci::into(log),
          soci::into(done);
    }
  } catch (const std::exception&) {
    // The WAL only grows until the next tick.
  }
}

}  // namespace citygrants::db
