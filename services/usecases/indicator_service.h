#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "modules/results/indicator.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// The fund's indicator catalog (DESIGN §10).
class IndicatorService {
 public:
  explicit IndicatorService(Context ctx) : ctx_(ctx) {}

  // Every indicator, oldest first; any signed-in user reads the catalog.
  std::vector<results::Indicator> list(const Actor& actor);
  // kNotFound when there is none.
  results::Indicator get(const Actor& actor, std::int64_t id);

  // REQUIRES: actor may manage indicators (admin, fund manager). kInvalid names each bad field
  // (results::validateIndicator) and a code already taken.
  results::Indicator add(const std::optional<Actor>& actor, const results::Indicator& indicator);
  // Names, definitions and whether it is active; its code, unit, aggregation and dimensions stay
  // (targets and results were stated in them).
  results::Indicator edit(const Actor& actor, std::int64_t id,
                          std::optional<std::int64_t> expected_version,
                          const results::Indicator& edited);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
