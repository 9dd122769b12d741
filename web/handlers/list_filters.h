#pragma once

#include <string>

#include "modules/exports/table.h"
#include "services/audit/audit_query.h"
#include "services/stores/assignment_list.h"
#include "services/stores/grant_list.h"
#include "services/stores/proposal_list.h"
#include "services/stores/report_list.h"
#include "services/stores/tranche_list.h"
#include "web/http/api_types.h"

// The filters of each list, decoded from the query string in one place: the list routes and the
// exports of the lists read them alike, and refuse a bad one alike (400 problem+json naming the
// parameter). Paging (limit, after, before) is the list routes' own.
namespace citygrants::handlers {

// state, call, city, partner, sort (id, -id, updated_at, -updated_at).
stores::ProposalQuery proposalFilters(const http::ApiRequest& req);
// state (one review assignment state).
stores::AssignmentQuery assignmentFilters(const http::ApiRequest& req);
// state (grant states, comma-separated), call.
stores::GrantQuery grantFilters(const http::ApiRequest& req);
// state (tranche states, comma-separated), grant.
stores::TrancheQuery trancheFilters(const http::ApiRequest& req);
// grant, state (report states), kind (progress, financial, final; comma-separated), call, city.
stores::ReportQuery reportFilters(const http::ApiRequest& req);
// entity, entity_id, actor_id (the person), event, reference (a record's, GCF-2026-0014-T1),
// from (inclusive) and to (exclusive): ISO 8601 days or instants.
audit::AuditFilter auditFilters(const http::ApiRequest& req);

// The filter parameters of `list` the request gave, as a JSON object of their texts
// ({"state": "submitted", "call": "1"}): what the audit event of an export records.
std::string givenFilters(const http::ApiRequest& req, exports::ListKind list);

}  // namespace citygrants::handlers
