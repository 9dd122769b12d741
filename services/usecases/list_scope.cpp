#include "services/usecases/list_scope.h"

namespace citygrants::usecases {

void scopeQuery(const Actor& actor, stores::ProposalQuery& query) {
  const auto v = visibilityOf(actor);
  query.see_all = v.see_all;
  query.own_city_org_id = v.own_city_org_id;
  query.own_partner_org_id = v.own_partner_org_id;
}

void scopeQuery(const Actor& actor, stores::AssignmentQuery& query) {
  const auto v = visibilityOf(actor);
  query.see_all = v.see_all;
  query.own_partner_org_id = v.own_partner_org_id;
}

}  // namespace citygrants::usecases
