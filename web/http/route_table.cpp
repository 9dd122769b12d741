#include "web/handlers/routes.h"
#include "web/http/api_router.h"

namespace citygrants::http {

namespace h = handlers;
constexpr Access kPublic = Access::kPublic;
constexpr Access kSignedIn = Access::kSignedIn;

// clang-format off
constexpr ApiRoute kRoutes[] = {
  // method    pattern                                         access     function                    summary                                          tag
  {"GET",    "/healthz",                                       kPublic,   h::getHealth,               "The process answers",                           "operations"},
  {"GET",    "/readyz",                                        kPublic,   h::getReady,                "The database answers with the current schema",  "operations"},
  {"GET",    "/metrics",                                       kPublic,   h::getMetrics,              "Prometheus metrics",                            "operations"},
  {"GET",    "/api/v1/openapi.json",                           kPublic,   h::getOpenApi,              "This API as OpenAPI 3.1",                       "operations"},
  {"POST",   "/api/v1/session",                                kPublic,   h::postSession,             "Sign in: sets the session cookie",              "session"},
  {"DELETE", "/api/v1/session",                                kPublic,   h::deleteSession,           "Sign out",                                      "session"},
  {"GET",    "/api/v1/me",                                     kSignedIn, h::getMe,                   "The signed-in user, organisation and roles",    "session"},
  {"POST",   "/api/v1/tokens",                                 kSignedIn, h::postToken,               "Create a bearer API token (shown once)",        "session"},
  {"GET",    "/api/v1/tokens",                                 kSignedIn, h::listTokens,              "The user's API tokens",                         "session"},
  {"DELETE", "/api/v1/tokens/{id}",                            kSignedIn, h::deleteToken,             "Revoke an API token",                           "session"},
  {"GET",    "/api/v1/workflows",                              kSignedIn, h::getWorkflows,            "Every workflow machine's table",                "workflows"},
  {"GET",    "/api/v1/calls",                                  kSignedIn, h::listCalls,               "Calls",                                         "calls"},
  {"POST",   "/api/v1/calls",                                  kSignedIn, h::postCall,                "Set up a call (draft)",                         "calls"},
  {"GET",    "/api/v1/calls/{id}",                             kSignedIn, h::getCall,                 "One call",                                      "calls"},
  {"POST",   "/api/v1/calls/{id}/transitions",                 kSignedIn, h::postCallTransition,      "Open, close or archive a call",                 "calls"},
  {"GET",    "/api/v1/proposals",                              kSignedIn, h::listProposals,           "Proposals: filters, sort, cursor pages",        "proposals"},
  {"POST",   "/api/v1/proposals",                              kSignedIn, h::postProposal,            "Start a concept note or proposal",              "proposals"},
  {"GET",    "/api/v1/proposals/{id}",                         kSignedIn, h::getProposal,             "One proposal",                                  "proposals"},
  {"PUT",    "/api/v1/proposals/{id}",                         kSignedIn, h::putProposal,             "Edit a draft's content",                        "proposals"},
  {"POST",   "/api/v1/proposals/{id}/transitions",             kSignedIn, h::postProposalTransition,  "Fire a proposal event",                         "proposals"},
  {"GET",    "/api/v1/proposals/{id}/versions",                kSignedIn, h::listProposalVersions,    "Every version of a proposal",                   "proposals"},
  {"PUT",    "/api/v1/proposals/{id}/supporting-partner",      kSignedIn, h::putSupportingPartner,    "Name the supporting partner",                   "proposals"},
  {"PUT",    "/api/v1/proposals/{id}/translation",             kSignedIn, h::putTranslation,          "Attach the English translation",                "proposals"},
  {"GET",    "/api/v1/organisations",                          kSignedIn, h::listOrganisations,       "Organisations (?kind=city|partner|fund)",       "directory"},
  {"POST",   "/api/v1/organisations",                          kSignedIn, h::postOrganisation,        "Add an organisation (admin)",                   "directory"},
  {"GET",    "/api/v1/users",                                  kSignedIn, h::listUsers,               "Users (admin: all; others: themselves)",        "directory"},
  {"POST",   "/api/v1/users",                                  kSignedIn, h::postUser,                "Add a user (admin)",                            "directory"},
  {"PUT",    "/api/v1/users/{id}/roles/{role}",                kSignedIn, h::putUserRole,             "Grant a role (admin)",                          "directory"},
  {"DELETE", "/api/v1/users/{id}/roles/{role}",                kSignedIn, h::deleteUserRole,          "Revoke a role (admin)",                         "directory"},
  {"GET",    "/api/v1/audit",                                  kSignedIn, h::listAudit,               "Audit events, newest first",                    "audit"},
  {"GET",    "/api/v1/audit/verify",                           kSignedIn, h::getAuditVerification,    "Recompute the audit hash chain",                "audit"},
};
// clang-format on

std::span<const ApiRoute> routeTable() { return kRoutes; }

}  // namespace citygrants::http
