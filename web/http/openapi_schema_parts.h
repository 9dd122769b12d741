#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "web/http/json_encode.h"
#include "web/http/schema_builder.h"

// The component schemas of the OpenAPI document, one function per area; componentSchemas()
// (openapi_schemas.cpp) puts them together.
namespace citygrants::http::schemas {

// Problem, Money, the operations routes, session and tokens, workflows, directory, audit.
// Defined in openapi_schemas.cpp.
void addBasicSchemas(JsonObject out);
// Calls, proposals and reviews. Defined in openapi_proposal_schemas.cpp.
void addProposalSchemas(JsonObject out);
// Grants, tranches, reports and attachments. Defined in openapi_grant_schemas.cpp.
void addGrantSchemas(JsonObject out);
// The inbox and the board of grants and tranches. Defined in openapi_inbox_schemas.cpp.
void addInboxSchemas(JsonObject out);
void addBoardSchemas(JsonObject out);
// The pipeline and money totals. Defined in openapi_stats_schemas.cpp.
void addStatsSchemas(JsonObject out);
// Indicators, targets, results, roll-ups, donors and chapters. Defined in
// openapi_results_schemas.cpp.
void addResultsSchemas(JsonObject out);
void addOpenDataSchemas(JsonObject out);
// Search hits. Defined in openapi_search_schemas.cpp.
void addSearchSchemas(JsonObject out);
// The account page and forgotten passwords. Defined in openapi_account_schemas.cpp.
void addAccountSchemas(JsonObject out);
// Threads: messages and steps. Defined in openapi_thread_schemas.cpp.
void addThreadSchemas(JsonObject out);
// The outbox's messages. Defined in openapi_outbox_schemas.cpp.
void addOutboxSchemas(JsonObject out);
// openapi_amendment_schemas.cpp: amendments and the versions of a grant's terms.
void addAmendmentSchemas(JsonObject out);
// openapi_team_schemas.cpp: organisation leads, their teams and invitations.
void addTeamSchemas(JsonObject out);
// openapi_user_admin_schemas.cpp: an admin's page of a user, its changes, its sessions.
void addUserAdminSchemas(JsonObject out);

// The states and the events of the workflow machine named `machine` ("review_assignment").
// REQUIRES: the machine exists (else std::logic_error).
std::vector<std::string> statesOf(std::string_view machine);
std::vector<std::string> eventsOf(std::string_view machine);

// The body of POST .../transitions on a record of `machine`, as decodeTransition reads it.
JsonObject transitionSchema(std::string_view machine, const std::vector<schema::Member>& extra = {});
// The "actions" member of a record of `machine`: the events the reader may fire now.
JsonObject actionsSchema(std::string_view machine);
// The "actors" member of a record naming people in `fields` ("requested_by"): each an Actor.
JsonObject actorsSchema(const std::vector<std::string>& fields);
// The languages proposals, organisations and users are written in: en, fr, es, pt.
std::vector<std::string> languages();
// The roles a user may hold, by name (access::kAllRoles).
std::vector<std::string> roleNames();

}  // namespace citygrants::http::schemas
