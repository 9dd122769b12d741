#pragma once

#include <optional>
#include <string>

#include "modules/access/role.h"
#include "modules/workflow/grant_flow.h"
#include "modules/workflow/review_flow.h"
#include "modules/workflow/tranche_flow.h"
#include "services/stores/grant_store.h"
#include "services/stores/review_store.h"

// The facts of the tranche, grant and review machines from what surrounds a record: the one
// place each is derived, whether a service reads one record, a list page, or the inbox many
// records at once. (The proposal machine's are in proposal_facts.h.)
namespace citygrants::usecases {

// `scope`: the grant's (its city, its supporting partner); `previous_state`: the tranche before
// `t` in the schedule, if any; `report_state`: the report `t` waits for, if any;
// `report_overdue`: some report of the grant is a draft past its due date. Defined in
// tranche_service.cpp.
workflow::TrancheFacts trancheFactsOf(const stores::Tranche& t, access::Scope scope,
                                      bool grant_active,
                                      const std::optional<std::string>& previous_state,
                                      const std::optional<std::string>& report_state,
                                      bool report_overdue);

// Defined in grant_service.cpp.
workflow::GrantFacts grantFactsOf(const stores::Grant& g, bool tranches_settled,
                                  bool final_report_accepted);

// `all_scored`: every criterion of the call has its one score. Defined in review_service.cpp.
workflow::ReviewFacts reviewFactsOf(const stores::Assignment& a, bool all_scored);

}  // namespace citygrants::usecases
