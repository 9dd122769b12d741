#pragma once

#include <cstdint>
#include <string>

#include <soci/soci.h>

namespace citygrants::stores {

// Whose records a list or a total covers (DESIGN §1): every record of the fund, or those of
// the actor's city (applicants) and partner organisation (partners). -1 matches no organisation.
struct Visibility {
  bool see_all = false;
  std::int64_t own_city_org_id = -1;
  std::int64_t own_partner_org_id = -1;
};

// The condition that a grant aliased `g` is visible: its city's, or supported by the partner
// organisation (as usecases::grantScope and access::canSee read it). Its values are exchanged
// into `st` as :vis_city and :vis_partner; "" when `v` sees everything. Call once per statement.
std::string grantVisible(const Visibility& v, soci::statement& st);

}  // namespace citygrants::stores
