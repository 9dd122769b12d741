#pragma once

#include <optional>

#include "services/db/tx.h"

namespace citygrants::db {

class Database;

// The state of one Database::ReadScope, on its thread: the one read transaction its reads join.
struct SharedRead {
  Database* db = nullptr;
  std::optional<Tx> tx;  // opened by the scope's first read
  int joined = 0;        // Tx objects joining `tx`, alive now
  bool stale = false;    // not to be joined again; ended once no Tx joins it
  bool writing = false;  // a write runs on this thread: reads get transactions of their own

  // A Tx joining `tx` ended; `tx` too when it was the last and `tx` is stale.
  void leave() {
    --joined;
    if (joined == 0 && stale) {
      tx.reset();
      stale = false;
    }
  }
};

}  // namespace citygrants::db
