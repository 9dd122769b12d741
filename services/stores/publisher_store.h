#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "services/db/database.h"

namespace citygrants::stores {

// The fund as the publisher of its open data (the one row of `publisher`).
struct Publisher {
  std::optional<std::int64_t> fund_org_id;  // the fund organisation that publishes
  std::string fund_name;                    // its name ("" when there is no fund organisation)
  std::string fund_identifier;              // its org-id identifier, "" when none
  std::string giving_prefix;                // 360G-..., "" until an admin sets it
  std::string iati_ref;                     // the IATI reporting-org ref, "" until set
  std::int64_t updated_at = 0;
  std::int64_t version = 1;
};

class PublisherStore {
 public:
  // The publisher row, with the fund organisation it names, or else the first organisation of
  // kind fund.
  static Publisher load(db::Tx& tx);
  // REQUIRES p.version is the version read (else kStaleVersion).
  static void update(db::Tx& tx, const Publisher& p, std::int64_t now);
  // How many grants are marked publishable.
  static std::int64_t publishedGrants(db::Tx& tx);
};

}  // namespace citygrants::stores
