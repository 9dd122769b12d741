#include "services/stores/visibility.h"

namespace citygrants::stores {

std::string grantVisible(const Visibility& v, soci::statement& st) {
  if (v.see_all) return "";
  st.exchange(soci::use(v.own_city_org_id, "vis_city"));
  st.exchange(soci::use(v.own_partner_org_id, "vis_partner"));
  return "(g.city_org_id = :vis_city OR g.supporting_org_id = :vis_partner)";
}

}  // namespace citygrants::stores
