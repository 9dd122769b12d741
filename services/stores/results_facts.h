#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/db/database.h"
#include "services/stores/visibility.h"

namespace citygrants::stores {

// A grant as the results and donor roll-ups see it: where it belongs and its award.
struct GrantFacts {
  std::int64_t grant_id = 0;
  std::int64_t call_id = 0;
  std::string call_code;
  std::int64_t city_org_id = 0;
  std::string city_name;
  std::string country;  // ISO 3166-1 alpha-2 of the city, "" when not known
  std::string currency;
  std::int64_t amount_minor = 0;
};

// One stored number of a target or a result: a total (dimension "") or a breakdown cell.
struct ValueRow {
  std::int64_t grant_id = 0;
  std::string indicator;  // code
  int period = 0;
  std::string dimension;
  std::string value;
  std::int64_t amount = 0;
};

// What the roll-ups read, in three statements whatever the size of the fund. Each covers the
// grants `v` may see and, when given, only grant `only_grant`.
class ResultsFacts {
 public:
  static std::vector<GrantFacts> grants(db::Tx& tx, const Visibility& v,
                                        std::optional<std::int64_t> only_grant = std::nullopt);
  // The targets (periods 1..n) of each grant's approved proposal version.
  static std::vector<ValueRow> targets(db::Tx& tx, const Visibility& v,
                                       std::optional<std::int64_t> only_grant = std::nullopt);
  // The results of each grant's reports; `accepted_only`: only reports the partner accepted.
  static std::vector<ValueRow> actuals(db::Tx& tx, const Visibility& v, bool accepted_only,
                                       std::optional<std::int64_t> only_grant = std::nullopt);
};

}  // namespace citygrants::stores
