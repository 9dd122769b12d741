#pragma once

#include "web/http/api_types.h"

// The route functions, one group per resource file; the table in web/http/route_table.cpp
// binds them to methods and paths.
namespace citygrants::handlers {

using http::ApiContext;
using http::ApiRequest;
using http::ApiResponse;

// health_handlers.cpp
ApiResponse getHealth(ApiContext&, ApiRequest&);
ApiResponse getReady(ApiContext&, ApiRequest&);
ApiResponse getMetrics(ApiContext&, ApiRequest&);
// session_handlers.cpp
ApiResponse postSession(ApiContext&, ApiRequest&);
ApiResponse deleteSession(ApiContext&, ApiRequest&);
ApiResponse getMe(ApiContext&, ApiRequest&);
ApiResponse postToken(ApiContext&, ApiRequest&);
ApiResponse listTokens(ApiContext&, ApiRequest&);
ApiResponse deleteToken(ApiContext&, ApiRequest&);
// workflow_handlers.cpp
ApiResponse getWorkflows(ApiContext&, ApiRequest&);
ApiResponse getOpenApi(ApiContext&, ApiRequest&);
// call_handlers.cpp
ApiResponse listCalls(ApiContext&, ApiRequest&);
ApiResponse postCall(ApiContext&, ApiRequest&);
ApiResponse getCall(ApiContext&, ApiRequest&);
ApiResponse postCallTransition(ApiContext&, ApiRequest&);
// proposal_handlers.cpp
ApiResponse listProposals(ApiContext&, ApiRequest&);
ApiResponse postProposal(ApiContext&, ApiRequest&);
ApiResponse getProposal(ApiContext&, ApiRequest&);
ApiResponse putProposal(ApiContext&, ApiRequest&);
ApiResponse postProposalTransition(ApiContext&, ApiRequest&);
ApiResponse listProposalVersions(ApiContext&, ApiRequest&);
ApiResponse putSupportingPartner(ApiContext&, ApiRequest&);
ApiResponse putTranslation(ApiContext&, ApiRequest&);

// directory_handlers.cpp
ApiResponse listOrganisations(ApiContext&, ApiRequest&);
ApiResponse postOrganisation(ApiContext&, ApiRequest&);
ApiResponse listUsers(ApiContext&, ApiRequest&);
ApiResponse postUser(ApiContext&, ApiRequest&);
ApiResponse putUserRole(ApiContext&, ApiRequest&);
ApiResponse deleteUserRole(ApiContext&, ApiRequest&);
// audit_handlers.cpp
ApiResponse listAudit(ApiContext&, ApiRequest&);
ApiResponse getAuditVerification(ApiContext&, ApiRequest&);

}  // namespace citygrants::handlers
