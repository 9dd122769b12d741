#pragma once

#include "services/stores/assignment_list.h"
#include "services/stores/proposal_list.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// What `actor` sees (visibilityOf) put into the proposal and review list queries, which carry it
// as fields of their own: the lists and their exports scope their rows here, the same way.
void scopeQuery(const Actor& actor, stores::ProposalQuery& query);
void scopeQuery(const Actor& actor, stores::AssignmentQuery& query);

}  // namespace citygrants::usecases
