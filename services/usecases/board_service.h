#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "services/stores/board_store.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// One state of a machine as the board shows it.
struct BoardColumn {
  std::string state;
  bool final = false;                    // no transition leaves it (workflow::isFinal): folded away
  std::int64_t count = 0;                // records the reader sees in it
  std::vector<stores::BoardCard> cards;  // the longest in it first, at most the query's
};

struct Board {
  std::string machine;
  std::vector<BoardColumn> columns;  // every state of the machine, in its order
  std::int64_t now = 0;
};

// The board of grants or tranches (GET /api/v1/board): per state, how many the reader's lists
// show and those longest in it, with since when.
class BoardService {
 public:
  explicit BoardService(Context ctx) : ctx_(ctx) {}

  static constexpr int kMaxPerState = 50;
  // The machines the board covers beside proposals (which have GET /stats/pipeline and lists).
  static constexpr std::string_view kMachines[] = {"grant", "tranche"};

  // One read transaction, one statement. REQUIRES: machine is one of kMachines;
  // 1 <= per_state <= kMaxPerState (the handler checks both).
  Board of(const Actor& actor, std::string_view machine, int per_state);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
