#include "services/usecases/board_service.h"

#include <stdexcept>

#include "modules/workflow/awaited.h"

namespace citygrants::usecases {
namespace {

template <class Types>
std::vector<BoardColumn> columnsOf(const workflow::Machine<Types>& m,
                                   const std::vector<stores::BoardCard>& cards) {
  std::vector<BoardColumn> out;
  for (auto state : m.states) {
    BoardColumn c{std::string(state), workflow::isFinal(m, state), 0, {}};
    for (const auto& card : cards) {
      if (card.state != state) continue;
      c.count = card.in_state;
      c.cards.push_back(card);
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

Board BoardService::of(const Actor& actor, std::string_view machine, int per_state) {
  Board board;
  board.machine = std::string(machine);
  board.now = ctx_.clock.nowMs();
  const auto v = visibilityOf(actor);
  auto tx = ctx_.db.read();
  if (machine == "grant") {
    board.columns = columnsOf(workflow::kGrantFlow, stores::BoardStore::grants(tx, v, per_state));
  } else if (machine == "tranche") {
    board.columns =
        columnsOf(workflow::kTrancheFlow, stores::BoardStore::tranches(tx, v, per_state));
  } else {
    throw std::invalid_argument("no board of " + std::string(machine));
  }
  tx.commit();
  return board;
}

}  // namespace citygrants::usecases
