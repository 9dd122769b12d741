#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/db/database.h"
#include "services/stores/visibility.h"

namespace citygrants::stores {

// One card of a board column: a grant or a tranche, with since when it is in its state.
struct BoardCard {
  std::int64_t id = 0;
  std::string reference;
  std::string state;
  std::string title;  // the grant's proposal's current title
  std::int64_t city_org_id = 0;
  std::string city_name;
  std::int64_t amount_minor = 0;
  std::string currency;
  std::optional<std::int64_t> grant_id;  // a tranche's grant
  std::int64_t since = 0;                // stateSinceSql
  std::int64_t in_state = 0;             // how many records `v` sees in this state in all
};

// The board's columns in one statement each, whatever the size of the fund: for every state, the
// `per_state` records that have been in it longest (then by id), each with the state's count.
// States with no record have no row. Ordered by state, then longest in it first.
class BoardStore {
 public:
  // REQUIRES: 1 <= per_state <= 50.
  static std::vector<BoardCard> grants(db::Tx& tx, const Visibility& v, int per_state);
  static std::vector<BoardCard> tranches(db::Tx& tx, const Visibility& v, int per_state);
};

}  // namespace citygrants::stores
