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
ApiResponse postStepUp(ApiContext&, ApiRequest&);
ApiResponse getSecondFactor(ApiContext&, ApiRequest&);
ApiResponse postSecondFactor(ApiContext&, ApiRequest&);
ApiResponse postSecondFactorConfirm(ApiContext&, ApiRequest&);
ApiResponse postRecoveryCodes(ApiContext&, ApiRequest&);
ApiResponse postSecondFactorRemove(ApiContext&, ApiRequest&);
ApiResponse deleteSession(ApiContext&, ApiRequest&);
ApiResponse getMe(ApiContext&, ApiRequest&);
ApiResponse postToken(ApiContext&, ApiRequest&);
ApiResponse listTokens(ApiContext&, ApiRequest&);
ApiResponse deleteToken(ApiContext&, ApiRequest&);
// account_handlers.cpp
ApiResponse getAccount(ApiContext&, ApiRequest&);
ApiResponse patchAccount(ApiContext&, ApiRequest&);
ApiResponse putAccountPassword(ApiContext&, ApiRequest&);
ApiResponse listAccountSessions(ApiContext&, ApiRequest&);
ApiResponse deleteAccountSession(ApiContext&, ApiRequest&);
ApiResponse postPasswordReset(ApiContext&, ApiRequest&);
ApiResponse postPasswordResetToken(ApiContext&, ApiRequest&);
// team_handlers.cpp
ApiResponse putOrgLead(ApiContext&, ApiRequest&);
ApiResponse getTeam(ApiContext&, ApiRequest&);
ApiResponse postTeamInvitation(ApiContext&, ApiRequest&);
ApiResponse deleteTeamInvitation(ApiContext&, ApiRequest&);
ApiResponse deleteTeamMember(ApiContext&, ApiRequest&);
ApiResponse postInvitationToken(ApiContext&, ApiRequest&);
// workflow_handlers.cpp
ApiResponse getWorkflows(ApiContext&, ApiRequest&);
// search_handlers.cpp
ApiResponse getSearch(ApiContext&, ApiRequest&);
// outbox_handlers.cpp
ApiResponse getOutbox(ApiContext&, ApiRequest&);
ApiResponse postOutboxRequeue(ApiContext&, ApiRequest&);
ApiResponse postOutboxDiscard(ApiContext&, ApiRequest&);
// openapi_handlers.cpp
ApiResponse getOpenApi(ApiContext&, ApiRequest&);
// call_handlers.cpp
ApiResponse listCalls(ApiContext&, ApiRequest&);
ApiResponse postCall(ApiContext&, ApiRequest&);
ApiResponse getCall(ApiContext&, ApiRequest&);
ApiResponse postCallTransition(ApiContext&, ApiRequest&);
ApiResponse putCallIndicators(ApiContext&, ApiRequest&);
ApiResponse putCallChapters(ApiContext&, ApiRequest&);
ApiResponse putCallTexts(ApiContext&, ApiRequest&);
// results_handlers.cpp
ApiResponse listIndicators(ApiContext&, ApiRequest&);
ApiResponse postIndicator(ApiContext&, ApiRequest&);
ApiResponse getIndicator(ApiContext&, ApiRequest&);
ApiResponse putIndicator(ApiContext&, ApiRequest&);
ApiResponse getGrantResults(ApiContext&, ApiRequest&);
ApiResponse getResults(ApiContext&, ApiRequest&);
// funding_handlers.cpp
ApiResponse listDonors(ApiContext&, ApiRequest&);
ApiResponse getDonorSummary(ApiContext&, ApiRequest&);
ApiResponse postChapter(ApiContext&, ApiRequest&);
ApiResponse putChapter(ApiContext&, ApiRequest&);
ApiResponse getGrantAllocations(ApiContext&, ApiRequest&);
ApiResponse putGrantAllocations(ApiContext&, ApiRequest&);
// open_data_handlers.cpp
ApiResponse getPublisher(ApiContext&, ApiRequest&);
ApiResponse putPublisher(ApiContext&, ApiRequest&);
ApiResponse listSectors(ApiContext&, ApiRequest&);
ApiResponse getGivingFile(ApiContext&, ApiRequest&);
ApiResponse getIatiFile(ApiContext&, ApiRequest&);
// proposal_handlers.cpp
ApiResponse listProposals(ApiContext&, ApiRequest&);
ApiResponse postProposal(ApiContext&, ApiRequest&);
ApiResponse getProposal(ApiContext&, ApiRequest&);
ApiResponse putProposal(ApiContext&, ApiRequest&);
ApiResponse postProposalTransition(ApiContext&, ApiRequest&);
ApiResponse listProposalVersions(ApiContext&, ApiRequest&);
ApiResponse putSupportingPartner(ApiContext&, ApiRequest&);
ApiResponse putTranslation(ApiContext&, ApiRequest&);
// review_handlers.cpp
ApiResponse listAssignments(ApiContext&, ApiRequest&);
ApiResponse listAllAssignments(ApiContext&, ApiRequest&);
ApiResponse postAssignment(ApiContext&, ApiRequest&);
ApiResponse getAssignment(ApiContext&, ApiRequest&);
ApiResponse postAssignmentTransition(ApiContext&, ApiRequest&);
ApiResponse listAssignmentScores(ApiContext&, ApiRequest&);
ApiResponse putAssignmentScores(ApiContext&, ApiRequest&);
ApiResponse getReviewComparison(ApiContext&, ApiRequest&);
// grant_handlers.cpp
ApiResponse listGrants(ApiContext&, ApiRequest&);
ApiResponse getGrant(ApiContext&, ApiRequest&);
ApiResponse postGrantTransition(ApiContext&, ApiRequest&);
ApiResponse putGrantPublication(ApiContext&, ApiRequest&);
ApiResponse listGrantTranches(ApiContext&, ApiRequest&);
ApiResponse listGrantReports(ApiContext&, ApiRequest&);
ApiResponse getGrantBudget(ApiContext&, ApiRequest&);
// amendment_handlers.cpp
ApiResponse postGrantAmendment(ApiContext&, ApiRequest&);
ApiResponse listGrantAmendments(ApiContext&, ApiRequest&);
ApiResponse listGrantTerms(ApiContext&, ApiRequest&);
ApiResponse getAmendment(ApiContext&, ApiRequest&);
ApiResponse postAmendmentTransition(ApiContext&, ApiRequest&);
// tranche_handlers.cpp
ApiResponse listTranches(ApiContext&, ApiRequest&);
ApiResponse getTranche(ApiContext&, ApiRequest&);
ApiResponse postTrancheTransition(ApiContext&, ApiRequest&);
// report_handlers.cpp
ApiResponse getReport(ApiContext&, ApiRequest&);
ApiResponse putReport(ApiContext&, ApiRequest&);
ApiResponse postReportTransition(ApiContext&, ApiRequest&);
// inbox_handlers.cpp
ApiResponse getInbox(ApiContext&, ApiRequest&);
// board_handlers.cpp
ApiResponse getBoard(ApiContext&, ApiRequest&);
// stats_handlers.cpp
ApiResponse getPipelineStats(ApiContext&, ApiRequest&);
ApiResponse getMoneyStats(ApiContext&, ApiRequest&);
// timeline_handlers.cpp
ApiResponse getProposalTimeline(ApiContext&, ApiRequest&);
ApiResponse getGrantTimeline(ApiContext&, ApiRequest&);

// directory_handlers.cpp
ApiResponse listOrganisations(ApiContext&, ApiRequest&);
ApiResponse postOrganisation(ApiContext&, ApiRequest&);
ApiResponse putOrganisationIdentifier(ApiContext&, ApiRequest&);
ApiResponse listUsers(ApiContext&, ApiRequest&);
ApiResponse postUser(ApiContext&, ApiRequest&);
ApiResponse putUserRole(ApiContext&, ApiRequest&);
ApiResponse deleteUserRole(ApiContext&, ApiRequest&);
// user_admin_handlers.cpp
ApiResponse getUser(ApiContext&, ApiRequest&);
ApiResponse patchUser(ApiContext&, ApiRequest&);
ApiResponse postUserLock(ApiContext&, ApiRequest&);
ApiResponse postUserUnlock(ApiContext&, ApiRequest&);
ApiResponse postUserPasswordReset(ApiContext&, ApiRequest&);
ApiResponse postSecondFactorReset(ApiContext&, ApiRequest&);
ApiResponse postSecondFactorResetConfirm(ApiContext&, ApiRequest&);
ApiResponse deleteSecondFactorReset(ApiContext&, ApiRequest&);
ApiResponse listUserSessions(ApiContext&, ApiRequest&);
ApiResponse deleteUserSession(ApiContext&, ApiRequest&);
ApiResponse deleteUserSessions(ApiContext&, ApiRequest&);
// audit_handlers.cpp
ApiResponse listAudit(ApiContext&, ApiRequest&);
ApiResponse getAuditVerification(ApiContext&, ApiRequest&);
ApiResponse listAuditPeople(ApiContext&, ApiRequest&);

// export_handlers.cpp
ApiResponse getExport(ApiContext&, ApiRequest&);

// attachment_handlers.cpp
ApiResponse postProposalAttachment(ApiContext&, ApiRequest&);
ApiResponse listProposalAttachments(ApiContext&, ApiRequest&);
ApiResponse postReportAttachment(ApiContext&, ApiRequest&);
ApiResponse getAttachment(ApiContext&, ApiRequest&);
ApiResponse getAttachmentContent(ApiContext&, ApiRequest&);

// message_handlers.cpp
ApiResponse listProposalMessages(ApiContext&, ApiRequest&);
ApiResponse postProposalMessage(ApiContext&, ApiRequest&);
ApiResponse listGrantMessages(ApiContext&, ApiRequest&);
ApiResponse postGrantMessage(ApiContext&, ApiRequest&);
ApiResponse getMessage(ApiContext&, ApiRequest&);
ApiResponse getMessageAttachment(ApiContext&, ApiRequest&);

}  // namespace citygrants::handlers
