#include "modules/core/file_type.h"
#include "web/handlers/routes.h"
#include "web/http/api_router.h"

namespace citygrants::http {

namespace h = handlers;
constexpr Access kPublic = Access::kPublic;
constexpr Access kSignedIn = Access::kSignedIn;
// An upload: the largest attachment plus room for the multipart envelope.
constexpr std::size_t kUploadLimit = core::kMaxAttachmentBytes + 64 * 1024;

// clang-format off
constexpr ApiRoute kRoutes[] = {
  // method  pattern                                      access     function                     summary                                             tag
  {"GET",    "/healthz",                                  kPublic,   h::getHealth,                "The process answers",                              "operations"},
  {"GET",    "/readyz",                                   kPublic,   h::getReady,                 "The database answers with the current schema",     "operations"},
  {"GET",    "/metrics",                                  kPublic,   h::getMetrics,               "Prometheus metrics",                               "operations"},
  {"GET",    "/api/v1/openapi.json",                      kPublic,   h::getOpenApi,               "This API as OpenAPI 3.1",                          "operations"},
  {"POST",   "/api/v1/session",                           kPublic,   h::postSession,              "Sign in: sets the session cookie",                 "session"},
  {"DELETE", "/api/v1/session",                           kPublic,   h::deleteSession,            "Sign out",                                         "session"},
  {"GET",    "/api/v1/me",                                kSignedIn, h::getMe,                    "The signed-in user, organisation and roles",       "session"},
  {"POST",   "/api/v1/tokens",                            kSignedIn, h::postToken,                "Create a bearer API token (shown once)",           "session"},
  {"GET",    "/api/v1/tokens",                            kSignedIn, h::listTokens,               "The user's API tokens",                            "session"},
  {"DELETE", "/api/v1/tokens/{id}",                       kSignedIn, h::deleteToken,              "Revoke an API token",                              "session"},
  {"GET",    "/api/v1/workflows",                         kSignedIn, h::getWorkflows,             "Every workflow machine's table",                   "workflows"},
  {"GET",    "/api/v1/inbox",                             kSignedIn, h::getInbox,                 "What waits for me now, most urgent first",         "inbox"},
  {"GET",    "/api/v1/calls",                             kSignedIn, h::listCalls,                "Calls",                                            "calls"},
  {"POST",   "/api/v1/calls",                             kSignedIn, h::postCall,                 "Set up a call (draft)",                            "calls"},
  {"GET",    "/api/v1/calls/{id}",                        kSignedIn, h::getCall,                  "One call",                                         "calls"},
  {"POST",   "/api/v1/calls/{id}/transitions",            kSignedIn, h::postCallTransition,       "Open, close or archive a call",                    "calls"},
  {"PUT",    "/api/v1/calls/{id}/indicators",             kSignedIn, h::putCallIndicators,        "Choose the call's indicators (results framework)", "calls"},
  {"PUT",    "/api/v1/calls/{id}/chapters",               kSignedIn, h::putCallChapters,          "Choose the donors' chapters that fund the call",   "calls"},
  {"GET",    "/api/v1/proposals",                         kSignedIn, h::listProposals,            "Proposals: filters, sort, cursor pages",           "proposals"},
  {"POST",   "/api/v1/proposals",                         kSignedIn, h::postProposal,             "Start a concept note or proposal",                 "proposals"},
  {"GET",    "/api/v1/proposals/{id}",                    kSignedIn, h::getProposal,              "One proposal",                                     "proposals"},
  {"PUT",    "/api/v1/proposals/{id}",                    kSignedIn, h::putProposal,              "Edit a draft's content",                           "proposals"},
  {"POST",   "/api/v1/proposals/{id}/transitions",        kSignedIn, h::postProposalTransition,   "Fire a proposal event",                            "proposals"},
  {"GET",    "/api/v1/proposals/{id}/versions",           kSignedIn, h::listProposalVersions,     "Every version of a proposal",                      "proposals"},
  {"PUT",    "/api/v1/proposals/{id}/supporting-partner", kSignedIn, h::putSupportingPartner,     "Name the supporting partner",                      "proposals"},
  {"PUT",    "/api/v1/proposals/{id}/translation",        kSignedIn, h::putTranslation,           "Attach the English translation",                   "proposals"},
  {"GET",    "/api/v1/proposals/{id}/assignments",        kSignedIn, h::listAssignments,          "Review assignments of a proposal",                 "reviews"},
  {"POST",   "/api/v1/proposals/{id}/assignments",        kSignedIn, h::postAssignment,           "Assign a partner organisation to review",          "reviews"},
  {"GET",    "/api/v1/proposals/{id}/reviews",            kSignedIn, h::getReviewComparison,      "Reviews side by side: means and spread",           "reviews"},
  {"GET",    "/api/v1/proposals/{id}/timeline",           kSignedIn, h::getProposalTimeline,      "The proposal's events, oldest first",              "proposals"},
  {"GET",    "/api/v1/assignments",                       kSignedIn, h::listAllAssignments,       "Review assignments one may see, newest first",     "reviews"},
  {"GET",    "/api/v1/assignments/{id}",                  kSignedIn, h::getAssignment,            "One review assignment",                            "reviews"},
  {"POST",   "/api/v1/assignments/{id}/transitions",      kSignedIn, h::postAssignmentTransition, "Fire a review assignment event",                   "reviews"},
  {"GET",    "/api/v1/assignments/{id}/scores",           kSignedIn, h::listAssignmentScores,     "The saved scores of a review",                     "reviews"},
  {"PUT",    "/api/v1/assignments/{id}/scores",           kSignedIn, h::putAssignmentScores,      "Save a review's scores and comment",               "reviews"},
  {"GET",    "/api/v1/grants",                            kSignedIn, h::listGrants,               "Grants",                                           "grants"},
  {"GET",    "/api/v1/grants/{id}",                       kSignedIn, h::getGrant,                 "One grant",                                        "grants"},
  {"POST",   "/api/v1/grants/{id}/transitions",           kSignedIn, h::postGrantTransition,      "Fire a grant event",                               "grants"},
  {"PUT",    "/api/v1/grants/{id}/publication",           kSignedIn, h::putGrantPublication,      "Publish as open data; the service's DAC sector",   "open data"},
  {"GET",    "/api/v1/grants/{id}/tranches",              kSignedIn, h::listGrantTranches,        "The grant's tranches in order",                    "grants"},
  {"GET",    "/api/v1/grants/{id}/reports",               kSignedIn, h::listGrantReports,         "The grant's reports in order",                     "grants"},
  {"GET",    "/api/v1/grants/{id}/budget",                kSignedIn, h::getGrantBudget,           "Budget vs actual per budget line",                 "grants"},
  {"GET",    "/api/v1/grants/{id}/timeline",              kSignedIn, h::getGrantTimeline,         "The grant's, tranches' and reports' events",       "grants"},
  {"GET",    "/api/v1/tranches",                          kSignedIn, h::listTranches,             "Tranches: a set of states, a grant, cursor pages", "tranches"},
  {"GET",    "/api/v1/tranches/{id}",                     kSignedIn, h::getTranche,               "One tranche",                                      "tranches"},
  {"POST",   "/api/v1/tranches/{id}/transitions",         kSignedIn, h::postTrancheTransition,    "Fire a tranche event (disburse: Idempotency-Key)", "tranches"},
  {"GET",    "/api/v1/reports/{id}",                      kSignedIn, h::getReport,                "One report",                                       "reports"},
  {"PUT",    "/api/v1/reports/{id}",                      kSignedIn, h::putReport,                "Edit a draft report: narrative and spending",      "reports"},
  {"POST",   "/api/v1/reports/{id}/transitions",          kSignedIn, h::postReportTransition,     "Submit, accept or send back a report",             "reports"},
  {"GET",    "/api/v1/grants/{id}/results",               kSignedIn, h::getGrantResults,          "Target vs actual per indicator and period",        "results"},
  {"GET",    "/api/v1/grants/{id}/allocations",           kSignedIn, h::getGrantAllocations,      "Whose money: the award per chapter, disbursed",    "donors"},
  {"PUT",    "/api/v1/grants/{id}/allocations",           kSignedIn, h::putGrantAllocations,      "Split the award among the call's chapters",        "donors"},
  {"GET",    "/api/v1/indicators",                        kSignedIn, h::listIndicators,           "The indicator catalog and its dimensions",         "results"},
  {"POST",   "/api/v1/indicators",                        kSignedIn, h::postIndicator,            "Add an indicator to the catalog",                  "results"},
  {"GET",    "/api/v1/indicators/{id}",                   kSignedIn, h::getIndicator,             "One indicator",                                    "results"},
  {"PUT",    "/api/v1/indicators/{id}",                   kSignedIn, h::putIndicator,             "Rename, redefine or retire an indicator",          "results"},
  {"GET",    "/api/v1/results",                           kSignedIn, h::getResults,               "Target vs actual rolled up by call, chapter, ...", "results"},
  {"GET",    "/api/v1/donors",                            kSignedIn, h::listDonors,               "Donors with their chapters' money",                "donors"},
  {"GET",    "/api/v1/donors/{id}/summary",               kSignedIn, h::getDonorSummary,          "A donor's money and the results it paid for",      "donors"},
  {"POST",   "/api/v1/chapters",                          kSignedIn, h::postChapter,              "Add a donor's funding chapter",                    "donors"},
  {"PUT",    "/api/v1/chapters/{id}",                     kSignedIn, h::putChapter,               "Rename a chapter or change its commitment",        "donors"},
  {"GET",    "/api/v1/search",                            kSignedIn, h::getSearch,                "Proposals, grants, organisations and calls by words", "search"},
  {"GET",    "/api/v1/stats/pipeline",                    kSignedIn, h::getPipelineStats,         "Proposals per state: counts and money",            "stats"},
  {"GET",    "/api/v1/board",                             kSignedIn, h::getBoard,                 "Grants or tranches per state, days in state",      "stats"},
  {"GET",    "/api/v1/stats/money",                       kSignedIn, h::getMoneyStats,            "Planned vs disbursed money per call or city",      "stats"},
  {"GET",    "/api/v1/organisations",                     kSignedIn, h::listOrganisations,        "Organisations (?kind=city|partner|fund|donor)",    "directory"},
  {"POST",   "/api/v1/organisations",                     kSignedIn, h::postOrganisation,         "Add an organisation (admin)",                      "directory"},
  {"PUT",    "/api/v1/organisations/{id}/identifier",     kSignedIn, h::putOrganisationIdentifier, "Set an organisation's org-id identifier (admin)", "directory"},
  {"GET",    "/api/v1/publisher",                         kSignedIn, h::getPublisher,             "The fund as open-data publisher: its identifiers", "open data"},
  {"PUT",    "/api/v1/publisher",                         kSignedIn, h::putPublisher,             "Set the 360Giving prefix and IATI ref (admin)",    "open data"},
  {"GET",    "/api/v1/sectors",                           kSignedIn, h::listSectors,              "DAC purpose codes a grant may carry",              "open data"},
  {"GET",    "/api/v1/exports/360giving.json",            kPublic,   h::getGivingFile,            "360Giving 1.4 package: published grants (all=1)",  "open data", 0, true},
  {"GET",    "/api/v1/exports/iati.xml",                  kPublic,   h::getIatiFile,              "IATI 2.03 activities: published grants (all=1)",   "open data", 0, true},
  {"GET",    "/api/v1/users",                             kSignedIn, h::listUsers,                "Users (admin: all; others: themselves)",           "directory"},
  {"POST",   "/api/v1/users",                             kSignedIn, h::postUser,                 "Add a user (admin)",                               "directory"},
  {"PUT",    "/api/v1/users/{id}/roles/{role}",           kSignedIn, h::putUserRole,              "Grant a role (admin)",                             "directory"},
  {"DELETE", "/api/v1/users/{id}/roles/{role}",           kSignedIn, h::deleteUserRole,           "Revoke a role (admin)",                            "directory"},
  {"GET",    "/api/v1/outbox",                            kSignedIn, h::getOutbox,                "Mail queued, sent and failed, newest first (admin)", "outbox"},
  {"GET",    "/api/v1/audit",                             kSignedIn, h::listAudit,                "Audit events, newest first",                       "audit"},
  {"GET",    "/api/v1/audit/verify",                      kSignedIn, h::getAuditVerification,     "Recompute the audit hash chain",                   "audit", 0, true},
  {"POST",   "/api/v1/proposals/{id}/attachments",   kSignedIn, h::postProposalAttachment,  "Attach a file (multipart, 20 MiB)",    "attachments", kUploadLimit},
  {"GET",    "/api/v1/proposals/{id}/attachments",   kSignedIn, h::listProposalAttachments, "A proposal's files",                   "attachments"},
  {"POST",   "/api/v1/reports/{id}/attachments",     kSignedIn, h::postReportAttachment,    "Attach a file to a report",            "attachments", kUploadLimit},
  {"GET",    "/api/v1/attachments/{id}",             kSignedIn, h::getAttachment,           "A file's metadata",                    "attachments"},
  {"GET",    "/api/v1/attachments/{id}/content",     kSignedIn, h::getAttachmentContent,    "A file's bytes (download)",            "attachments", 0, true},
  // The file names of the lists: proposals, reviews, grants, tranches, reports, audit × .csv, .xlsx.
  {"GET",    "/api/v1/exports/{file}",               kSignedIn, h::getExport,
   "CSV or Excel file of a list, with the list's filters and scope (reports: filtered by grant, state, "
   "kind, call and city, seen as grants are); audited, at most 10 a minute per user",                     "exports",     0, true},
};
// clang-format on

std::span<const ApiRoute> routeTable() { return kRoutes; }

}  // namespace citygrants::http
