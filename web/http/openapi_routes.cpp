#include "modules/inbox/inbox.h"
#include "web/http/openapi_schema_parts.h"
#include "web/http/openapi_schemas.h"
#include "web/http/schema_builder.h"

namespace citygrants::http {
namespace {

constexpr RequestBody kNone = RequestBody::kNone;
constexpr RequestBody kJson = RequestBody::kJson;
constexpr RequestBody kForm = RequestBody::kMultipart;
constexpr RequestBody kJsonOrForm = RequestBody::kJsonOrMultipart;
constexpr const char* kJsonMedia = "application/json";
constexpr const char* kText = "text/plain";
constexpr const char* kXml = "application/xml";
// What an attachment's bytes are served as: the type judged by its content (core::detectFileType).
constexpr const char* kFileMedia =
    "application/pdf image/png image/jpeg "
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document "
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet "
    "application/vnd.oasis.opendocument.text application/vnd.oasis.opendocument.spreadsheet "
    "text/csv text/plain";
// An export of a list: CSV (UTF-8 with a BOM) or XLSX.
constexpr const char* kTableMedia =
    "text/csv application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr unsigned kRead = kETag;                               // a record with its version
constexpr unsigned kChange = kIfMatch | kETag;                  // an edit guarded by If-Match
constexpr unsigned kFire = kIfMatch | kIdempotencyKey | kETag;  // a transition
constexpr unsigned kCreate = kETag | kLocation;

// clang-format off
constexpr RouteDoc kDocs[] = {
  // method  pattern                                      body   request                     status response               media        headers
  {"GET",    "/healthz",                                  kNone, nullptr,                    200, "Health",              kJsonMedia},
  {"GET",    "/readyz",                                   kNone, nullptr,                    200, "Ready",               kJsonMedia},
  {"GET",    "/metrics",                                  kNone, nullptr,                    200, "MetricsText",         kText},
  {"GET",    "/api/v1/openapi.json",                      kNone, nullptr,                    200, "OpenApiDocument",     kJsonMedia},
  {"POST",   "/api/v1/session",                           kJson, "SessionRequest",           201, "SignedIn",            kJsonMedia, kSetCookie | kRateLimited | kMayBeBusy},
  {"DELETE", "/api/v1/session",                           kNone, nullptr,                    204, nullptr,               nullptr,    kSetCookie},
  {"POST",   "/api/v1/session/step-up",                   kJson, "StepUpRequest",            200, "SteppedUp",           kJsonMedia, kRateLimited},
  {"GET",    "/api/v1/me",                                kNone, nullptr,                    200, "Me",                  kJsonMedia},
  {"POST",   "/api/v1/tokens",                            kJson, "TokenRequest",             201, "NewToken",            kJsonMedia},
  {"GET",    "/api/v1/tokens",                            kNone, nullptr,                    200, "TokenPage",           kJsonMedia},
  {"DELETE", "/api/v1/tokens/{id}",                       kNone, nullptr,                    204, nullptr,               nullptr},
  {"GET",    "/api/v1/account",                           kNone, nullptr,                    200, "Account",             kJsonMedia, kRead},
  {"PATCH",  "/api/v1/account",                           kJson, "AccountChange",            200, "Account",             kJsonMedia, kChange},
  {"PUT",    "/api/v1/account/password",                  kJson, "PasswordChange",           204, nullptr,               nullptr,    kRateLimited | kMayBeBusy},
  {"GET",    "/api/v1/account/sessions",                  kNone, nullptr,                    200, "AccountSessionPage",  kJsonMedia},
  {"DELETE", "/api/v1/account/sessions/{id}",             kNone, nullptr,                    204, nullptr,               nullptr},
  {"GET",    "/api/v1/account/second-factor",             kNone, nullptr,                    200, "SecondFactor",        kJsonMedia},
  {"POST",   "/api/v1/account/second-factor",             kNone, nullptr,                    201, "SecondFactorEnrolment", kJsonMedia},
  {"POST",   "/api/v1/account/second-factor/confirm",     kJson, "OtpRequest",               200, "RecoveryCodes",       kJsonMedia},
  {"POST",   "/api/v1/account/second-factor/recovery-codes", kJson, "OtpRequest",            200, "RecoveryCodes",       kJsonMedia},
  {"POST",   "/api/v1/account/second-factor/remove",      kJson, "OtpRequest",               204, nullptr,               nullptr},
  {"POST",   "/api/v1/password-resets",                   kJson, "PasswordResetRequest",     202, "PasswordResetAccepted", kJsonMedia, kRateLimited},
  {"POST",   "/api/v1/password-resets/{token}",           kJson, "PasswordResetCompletion",  204, nullptr,               nullptr,    kRateLimited | kMayBeBusy},
  {"GET",    "/api/v1/workflows",                         kNone, nullptr,                    200, "Workflows",           kJsonMedia},
  {"GET",    "/api/v1/inbox",                             kNone, nullptr,                    200, "Inbox",               kJsonMedia},
  {"GET",    "/api/v1/calls",                             kNone, nullptr,                    200, "CallPage",            kJsonMedia},
  {"POST",   "/api/v1/calls",                             kJson, "NewCall",                  201, "Call",                kJsonMedia, kCreate},
  {"GET",    "/api/v1/calls/{id}",                        kNone, nullptr,                    200, "Call",                kJsonMedia, kRead},
  {"POST",   "/api/v1/calls/{id}/transitions",            kJson, "CallTransition",           200, "Call",                kJsonMedia, kFire},
  {"PUT",    "/api/v1/calls/{id}/indicators",             kJson, "CallIndicators",           200, "Call",                kJsonMedia, kChange},
  {"PUT",    "/api/v1/calls/{id}/chapters",               kJson, "CallChapters",             200, "Call",                kJsonMedia, kChange},
  {"PUT",    "/api/v1/calls/{id}/texts",                  kJson, "CallTexts",                200, "Call",                kJsonMedia, kChange},
  {"GET",    "/api/v1/proposals",                         kNone, nullptr,                    200, "ProposalPage",        kJsonMedia},
  {"POST",   "/api/v1/proposals",                         kJson, "NewProposal",              201, "Proposal",            kJsonMedia, kCreate},
  {"GET",    "/api/v1/proposals/{id}",                    kNone, nullptr,                    200, "Proposal",            kJsonMedia, kRead},
  {"PUT",    "/api/v1/proposals/{id}",                    kJson, "ProposalContent",          200, "Proposal",            kJsonMedia, kChange},
  {"POST",   "/api/v1/proposals/{id}/transitions",        kJson, "ProposalTransition",       200, "Proposal",            kJsonMedia, kFire},
  {"GET",    "/api/v1/proposals/{id}/versions",           kNone, nullptr,                    200, "ProposalVersionPage", kJsonMedia},
  {"PUT",    "/api/v1/proposals/{id}/supporting-partner", kJson, "SupportingPartnerRequest", 200, "Proposal",            kJsonMedia, kChange},
  {"PUT",    "/api/v1/proposals/{id}/translation",        kJson, "TranslationRequest",       200, "Proposal",            kJsonMedia, kRead},
  {"GET",    "/api/v1/proposals/{id}/assignments",        kNone, nullptr,                    200, "AssignmentPage",      kJsonMedia},
  {"POST",   "/api/v1/proposals/{id}/assignments",        kJson, "AssignmentRequest",        201, "Assignment",          kJsonMedia, kCreate},
  {"GET",    "/api/v1/proposals/{id}/reviews",            kNone, nullptr,                    200, "ReviewComparison",    kJsonMedia},
  {"GET",    "/api/v1/proposals/{id}/timeline",           kNone, nullptr,                    200, "AuditPage",           kJsonMedia},
  {"GET",    "/api/v1/assignments",                       kNone, nullptr,                    200, "AssignmentListPage",  kJsonMedia},
  {"GET",    "/api/v1/assignments/{id}",                  kNone, nullptr,                    200, "Assignment",          kJsonMedia, kRead},
  {"POST",   "/api/v1/assignments/{id}/transitions",      kJson, "AssignmentTransition",     200, "Assignment",          kJsonMedia, kFire},
  {"GET",    "/api/v1/assignments/{id}/scores",           kNone, nullptr,                    200, "ScorePage",           kJsonMedia},
  {"PUT",    "/api/v1/assignments/{id}/scores",           kJson, "ScoreSheet",               200, "Assignment",          kJsonMedia, kChange},
  {"GET",    "/api/v1/grants",                            kNone, nullptr,                    200, "GrantPage",           kJsonMedia},
  {"GET",    "/api/v1/grants/{id}",                       kNone, nullptr,                    200, "Grant",               kJsonMedia, kRead},
  {"POST",   "/api/v1/grants/{id}/transitions",           kJson, "GrantTransition",          200, "Grant",               kJsonMedia, kFire},
  {"PUT",    "/api/v1/grants/{id}/publication",           kJson, "PublicationRequest",       200, "Grant",               kJsonMedia, kChange},
  {"GET",    "/api/v1/grants/{id}/tranches",              kNone, nullptr,                    200, "TranchePage",         kJsonMedia},
  {"GET",    "/api/v1/grants/{id}/reports",               kNone, nullptr,                    200, "ReportPage",          kJsonMedia},
  {"GET",    "/api/v1/grants/{id}/budget",                kNone, nullptr,                    200, "BudgetPage",          kJsonMedia},
  {"GET",    "/api/v1/grants/{id}/timeline",              kNone, nullptr,                    200, "AuditPage",           kJsonMedia},
  {"POST",   "/api/v1/grants/{id}/amendments",            kJson, "NewAmendment",             201, "Amendment",           kJsonMedia, kCreate},
  {"GET",    "/api/v1/grants/{id}/amendments",            kNone, nullptr,                    200, "AmendmentPage",       kJsonMedia},
  {"GET",    "/api/v1/grants/{id}/terms",                 kNone, nullptr,                    200, "GrantTermsPage",      kJsonMedia},
  {"GET",    "/api/v1/amendments/{id}",                   kNone, nullptr,                    200, "Amendment",           kJsonMedia, kRead},
  {"POST",   "/api/v1/amendments/{id}/transitions",       kJson, "AmendmentTransition",      200, "Amendment",           kJsonMedia, kFire},
  {"GET",    "/api/v1/tranches",                          kNone, nullptr,                    200, "TrancheListPage",     kJsonMedia},
  {"GET",    "/api/v1/tranches/{id}",                     kNone, nullptr,                    200, "Tranche",             kJsonMedia, kRead},
  {"POST",   "/api/v1/tranches/{id}/transitions",         kJson, "TrancheTransition",        200, "Tranche",             kJsonMedia, kFire},
  {"GET",    "/api/v1/reports/{id}",                      kNone, nullptr,                    200, "Report",              kJsonMedia, kRead},
  {"PUT",    "/api/v1/reports/{id}",                      kJson, "ReportContent",            200, "Report",              kJsonMedia, kChange},
  {"POST",   "/api/v1/reports/{id}/transitions",          kJson, "ReportTransition",         200, "Report",              kJsonMedia, kFire},
  {"GET",    "/api/v1/grants/{id}/results",               kNone, nullptr,                    200, "GrantResults",        kJsonMedia},
  {"GET",    "/api/v1/grants/{id}/allocations",           kNone, nullptr,                    200, "GrantFunding",        kJsonMedia, kRead},
  {"PUT",    "/api/v1/grants/{id}/allocations",           kJson, "AllocationRequest",        200, "GrantFunding",        kJsonMedia, kChange},
  {"GET",    "/api/v1/indicators",                        kNone, nullptr,                    200, "IndicatorPage",       kJsonMedia},
  {"POST",   "/api/v1/indicators",                        kJson, "NewIndicator",             201, "Indicator",           kJsonMedia, kCreate},
  {"GET",    "/api/v1/indicators/{id}",                   kNone, nullptr,                    200, "Indicator",           kJsonMedia, kRead},
  {"PUT",    "/api/v1/indicators/{id}",                   kJson, "IndicatorEdit",            200, "Indicator",           kJsonMedia, kChange},
  {"GET",    "/api/v1/results",                           kNone, nullptr,                    200, "ResultsRollUp",       kJsonMedia},
  {"GET",    "/api/v1/donors",                            kNone, nullptr,                    200, "DonorPage",           kJsonMedia},
  {"GET",    "/api/v1/donors/{id}/summary",               kNone, nullptr,                    200, "DonorSummary",        kJsonMedia},
  {"POST",   "/api/v1/chapters",                          kJson, "NewChapter",               201, "Chapter",             kJsonMedia, kCreate},
  {"PUT",    "/api/v1/chapters/{id}",                     kJson, "ChapterEdit",              200, "Chapter",             kJsonMedia, kChange},
  {"GET",    "/api/v1/search",                            kNone, nullptr,                    200, "SearchPage",          kJsonMedia},
  {"GET",    "/api/v1/stats/pipeline",                    kNone, nullptr,                    200, "PipelineStats",       kJsonMedia},
  {"GET",    "/api/v1/board",                             kNone, nullptr,                    200, "Board",               kJsonMedia},
  {"GET",    "/api/v1/stats/money",                       kNone, nullptr,                    200, "MoneyStats",          kJsonMedia},
  {"GET",    "/api/v1/organisations",                     kNone, nullptr,                    200, "OrganisationPage",    kJsonMedia},
  {"POST",   "/api/v1/organisations",                     kJson, "NewOrganisation",          201, "Organisation",        kJsonMedia},
  {"PUT",    "/api/v1/organisations/{id}/identifier",     kJson, "IdentifierRequest",        200, "Organisation",        kJsonMedia, kChange},
  {"GET",    "/api/v1/publisher",                         kNone, nullptr,                    200, "Publisher",           kJsonMedia, kRead},
  {"PUT",    "/api/v1/publisher",                         kJson, "PublisherRequest",         200, "Publisher",           kJsonMedia, kChange},
  {"GET",    "/api/v1/sectors",                           kNone, nullptr,                    200, "SectorList",          kJsonMedia},
  {"GET",    "/api/v1/exports/360giving.json",            kNone, nullptr,                    200, "GivingPackage",       kJsonMedia, kPublishedFile | kRateLimited},
  {"GET",    "/api/v1/exports/iati.xml",                  kNone, nullptr,                    200, "IatiActivities",      kXml,       kPublishedFile | kRateLimited},
  {"GET",    "/api/v1/outbox",                            kNone, nullptr,                    200, "OutboxPage",          kJsonMedia},
  {"POST",   "/api/v1/outbox/{id}/requeue",               kNone, nullptr,                    200, "OutboxMessage",       kJsonMedia},
  {"POST",   "/api/v1/outbox/{id}/discard",               kNone, nullptr,                    200, "OutboxMessage",       kJsonMedia},
  {"GET",    "/api/v1/users",                             kNone, nullptr,                    200, "UserPage",            kJsonMedia},
  {"POST",   "/api/v1/users",                             kJson, "NewUser",                  201, "User",                kJsonMedia},
  {"PUT",    "/api/v1/users/{id}/org-lead",               kJson, "OrgLeadChange",            200, "OrgLead",             kJsonMedia},
  {"GET",    "/api/v1/team",                              kNone, nullptr,                    200, "Team",                kJsonMedia},
  {"POST",   "/api/v1/team/invitations",                  kJson, "NewInvitation",            201, "Invitation",          kJsonMedia},
  {"DELETE", "/api/v1/team/invitations/{id}",             kNone, nullptr,                    204, nullptr,               nullptr},
  {"DELETE", "/api/v1/team/members/{id}",                 kNone, nullptr,                    204, nullptr,               nullptr},
  {"POST",   "/api/v1/invitations/{token}",               kJson, "InvitationAcceptance",     201, "AcceptedInvitation",  kJsonMedia, kRateLimited | kMayBeBusy},
  {"PUT",    "/api/v1/users/{id}/roles/{role}",           kNone, nullptr,                    200, "User",                kJsonMedia},
  {"DELETE", "/api/v1/users/{id}/roles/{role}",           kNone, nullptr,                    200, "User",                kJsonMedia},
  {"GET",    "/api/v1/users/{id}",                        kNone, nullptr,                    200, "AdminUser",           kJsonMedia, kRead},
  {"PATCH",  "/api/v1/users/{id}",                        kJson, "AdminUserChange",          200, "AdminUser",           kJsonMedia, kChange},
  {"POST",   "/api/v1/users/{id}/lock",                   kJson, "AccountLock",              200, "AdminUser",           kJsonMedia, kRead},
  {"POST",   "/api/v1/users/{id}/unlock",                 kNone, nullptr,                    200, "AdminUser",           kJsonMedia, kRead},
  {"POST",   "/api/v1/users/{id}/password-reset",         kNone, nullptr,                    204, nullptr,               nullptr},
  {"POST",   "/api/v1/users/{id}/second-factor-reset",    kJson, "SecondFactorResetRequest", 200, "AdminUser",           kJsonMedia, kRead},
  {"POST",   "/api/v1/users/{id}/second-factor-reset/confirm", kNone, nullptr,               200, "AdminUser",           kJsonMedia, kRead},
  {"DELETE", "/api/v1/users/{id}/second-factor-reset",    kNone, nullptr,                    204, nullptr,               nullptr},
  {"GET",    "/api/v1/users/{id}/sessions",               kNone, nullptr,                    200, "AdminSessionPage",    kJsonMedia},
  {"DELETE", "/api/v1/users/{id}/sessions",               kNone, nullptr,                    204, nullptr,               nullptr},
  {"DELETE", "/api/v1/users/{id}/sessions/{sid}",         kNone, nullptr,                    204, nullptr,               nullptr},
  {"GET",    "/api/v1/audit",                             kNone, nullptr,                    200, "AuditPage",           kJsonMedia},
  {"GET",    "/api/v1/audit/verify",                      kNone, nullptr,                    200, "AuditVerification",   kJsonMedia},
  {"GET",    "/api/v1/audit/people",                      kNone, nullptr,                    200, "ActorPage",           kJsonMedia},
  {"POST",   "/api/v1/proposals/{id}/attachments",        kForm, "Upload",                   201, "Attachment",          kJsonMedia, kLocation},
  {"GET",    "/api/v1/proposals/{id}/attachments",        kNone, nullptr,                    200, "AttachmentPage",      kJsonMedia},
  {"POST",   "/api/v1/reports/{id}/attachments",          kForm, "Upload",                   201, "Attachment",          kJsonMedia, kLocation},
  {"GET",    "/api/v1/attachments/{id}",                  kNone, nullptr,                    200, "Attachment",          kJsonMedia},
  {"GET",    "/api/v1/attachments/{id}/content",          kNone, nullptr,                    200, "FileContent",         kFileMedia, kDownload},
  {"GET",    "/api/v1/proposals/{id}/messages",           kNone, nullptr,                    200, "ThreadPage",          kJsonMedia},
  {"POST",   "/api/v1/proposals/{id}/messages",           kJsonOrForm, "NewMessage",         201, "ThreadMessage",       kJsonMedia, kLocation},
  {"GET",    "/api/v1/grants/{id}/messages",              kNone, nullptr,                    200, "ThreadPage",          kJsonMedia},
  {"POST",   "/api/v1/grants/{id}/messages",              kJsonOrForm, "NewMessage",         201, "ThreadMessage",       kJsonMedia, kLocation},
  {"GET",    "/api/v1/messages/{id}",                     kNone, nullptr,                    200, "ThreadMessage",       kJsonMedia},
  {"GET",    "/api/v1/messages/{id}/attachments/{n}",     kNone, nullptr,                    200, "FileContent",         kFileMedia, kDownload},
  {"GET",    "/api/v1/exports/{file}",                    kNone, nullptr,                    200, "ExportFile",          kTableMedia, kExport | kRateLimited},
};
// clang-format on

JsonObject queryParameter(const std::string& name, const JsonObject& s,
                          const std::string& description) {
  auto p = object();
  p->set("name", name);
  p->set("in", "query");
  p->set("required", false);
  p->set("description", description);
  p->set("schema", s);
  return p;
}

JsonObject withDefault(JsonObject s, std::int64_t value) {
  s->set("default", value);
  return s;
}

// The filters of the audit chain (GET /audit and its export), each description after `prefix`.
void addAuditParameters(JsonArray out, const std::string& prefix) {
  using namespace schema;
  const auto word = matching("^[a-z0-9_]{1,64}$", 64);
  out->add(
      queryParameter("entity", word, prefix + "only events of this kind of record (\"tranche\")"));
  out->add(queryParameter("entity_id", atLeast(1), prefix + "only events of this record"));
  out->add(
      queryParameter("actor_id", atLeast(1),
                     prefix + "the person: only events of this user (GET /api/v1/audit/people)"));
  out->add(queryParameter("event", word, prefix + "only events of this name (\"approve\")"));
  out->add(queryParameter(
      "reference", matching("^GCF-[0-9]{4}-[0-9]{4,6}(-G|-[TR][1-9][0-9]{0,3})?$", 20),
      prefix + "only events of the record with this reference: a proposal (GCF-2026-0014, with "
               "its review assignments), a grant (-G), a tranche (-T1) or a report (-R1); 400 when "
               "malformed, 422 when no record has it"));
  out->add(queryParameter("from", text(40),
                          prefix + "only events at or after this instant (inclusive): an ISO 8601 "
                                   "day, 2026-03-01 (00:00 UTC), or date-time with a zone"));
  out->add(queryParameter("to", text(40),
                          prefix + "only events before this instant (exclusive), written as from; "
                                   "422 unless after from"));
}

// The filters of every list an export may be of: each list reads those of its list route (and
// reports those of a grant's reports); the others are ignored, and so are limit and the cursors.
void addExportParameters(JsonArray out) {
  using namespace schema;
  const auto id = atLeast(1);
  out->add(queryParameter("state", text(200),
                          "proposals, reviews: one state; grants, tranches, reports: states, "
                          "comma-separated"));
  out->add(queryParameter("call", id, "proposals, grants, reports: only those of this call"));
  out->add(queryParameter("city", id, "proposals, reports: only those of this city organisation"));
  out->add(queryParameter("partner", id,
                          "proposals: only those this partner organisation reviews or supports"));
  out->add(queryParameter("sort", choice({"id", "-id", "updated_at", "-updated_at"}),
                          "proposals: the order of the rows (default id)"));
  out->add(queryParameter("grant", id, "tranches, reports: only those of this grant"));
  out->add(queryParameter("kind", text(200),
                          "reports: progress, financial or final, comma-separated"));
  addAuditParameters(out, "audit: ");
}

}  // namespace

std::span<const RouteDoc> routeDocs() { return kDocs; }

const RouteDoc* findRouteDoc(std::string_view method, std::string_view pattern) {
  for (const auto& d : kDocs) {
    if (method == d.method && pattern == d.pattern) return &d;
  }
  return nullptr;
}

JsonArray queryParameters(std::string_view method, std::string_view pattern) {
  using namespace schema;
  JsonArray out = new Poco::JSON::Array;
  if (method != "GET") return out;
  const auto id = atLeast(1);
  if (pattern == "/api/v1/calls") {
    out->add(queryParameter("state", text(200), "only calls in this state"));
  } else if (pattern == "/api/v1/proposals") {
    out->add(queryParameter("state", text(200), "only proposals in this state"));
    out->add(queryParameter("call", id, "only proposals to this call"));
    out->add(queryParameter("city", id, "only proposals of this city organisation"));
    out->add(queryParameter("partner", id,
                            "only proposals this partner organisation reviews or supports"));
    out->add(queryParameter("sort", choice({"id", "-id", "updated_at", "-updated_at"}),
                            "the order (default id)"));
    out->add(queryParameter("limit", withDefault(integer(1, 200), 50), "items per page"));
    out->add(queryParameter("after", text(200), "the `next` cursor of the previous page"));
  } else if (pattern == "/api/v1/assignments") {
    out->add(queryParameter("state", choice(schemas::statesOf("review_assignment")),
                            "only assignments in this state"));
    out->add(queryParameter("limit", withDefault(integer(1, 200), 50), "items per page"));
    out->add(queryParameter("after", text(200), "the `next` cursor of the previous page"));
  } else if (pattern == "/api/v1/tranches") {
    out->add(queryParameter("state", text(200),
                            "only tranches in these states, comma-separated: "
                            "requested,verified,approved is the disbursement queue"));
    out->add(queryParameter("grant", id, "only tranches of this grant"));
    out->add(queryParameter("limit", withDefault(integer(1, 200), 50), "items per page"));
    out->add(queryParameter("after", text(200), "the `next` cursor of the previous page"));
  } else if (pattern == "/api/v1/grants") {
    out->add(queryParameter("state", text(200),
                            "only grants in these states, comma-separated (active,suspended)"));
    out->add(queryParameter("call", id, "only grants of this call"));
    out->add(queryParameter("limit", withDefault(integer(1, 200), 50), "items per page"));
    out->add(queryParameter("after", text(200), "the `next` cursor of the previous page"));
  } else if (pattern == "/api/v1/inbox") {
    out->add(queryParameter("kind", choice(inbox::kinds()),
                            "only items of this kind; the counts cover every kind"));
    out->add(queryParameter("limit", withDefault(integer(1, 500), 100), "items at most"));
  } else if (pattern == "/api/v1/board") {
    auto machine = choice({"grant", "tranche"});
    machine->set("default", "grant");
    out->add(queryParameter("machine", machine, "the machine whose records the columns hold"));
    out->add(queryParameter("limit", withDefault(integer(1, 50), 20), "cards per state at most"));
  } else if (pattern == "/api/v1/search") {
    out->add(queryParameter("q", text(200),
                            "the words to look for (required; 422 when empty or over 200 characters): "
                            "each word is required, the last also as a prefix; accents and case do "
                            "not matter; quotes, stars and operators are read as spaces"));
    out->add(queryParameter("limit", withDefault(integer(1, 50), 20), "hits per page"));
    out->add(queryParameter("offset", withDefault(integer(0, 10000), 0),
                            "hits to skip: the `next` of the previous page"));
  } else if (pattern == "/api/v1/outbox") {
    out->add(queryParameter("status", text(200),
                            "only messages in these statuses, comma-separated: queued (waiting, never "
                            "failed), sent, failed (the latest attempt failed; tried again later), "
                            "dead (refused for good or too old: not tried again unless requeued), "
                            "discarded (never to be sent)"));
    out->add(queryParameter("limit", withDefault(integer(1, 200), 50), "messages per page"));
    out->add(queryParameter("offset", withDefault(integer(0, 100000), 0),
                            "messages to skip: the `next` of the previous page"));
  } else if (pattern == "/api/v1/stats/pipeline") {
    out->add(queryParameter("call", id, "only proposals to this call (404 when there is none)"));
  } else if (pattern == "/api/v1/stats/money") {
    auto by = choice({"call", "city"});
    by->set("default", "call");
    out->add(queryParameter("by", by, "group the grants per call or per city"));
  } else if (pattern == "/api/v1/exports/360giving.json" || pattern == "/api/v1/exports/iati.xml") {
    out->add(queryParameter("all", integer(0, 1),
                            "1: every grant, published or not (fund managers and auditors)"));
  } else if (pattern == "/api/v1/organisations") {
    out->add(queryParameter("kind", text(200),
                            "only organisations of this kind: fund, partner, city or donor"));
  } else if (pattern == "/api/v1/results") {
    auto by = choice({"call", "chapter", "donor", "city", "country"});
    by->set("default", "call");
    out->add(queryParameter("group_by", by, "how the grants are grouped"));
    out->add(queryParameter("call", id, "only grants of this call"));
    out->add(queryParameter("chapter", id, "only this chapter's share of the grants it pays"));
    out->add(queryParameter("donor", id, "only this donor's share of the grants it pays"));
    out->add(queryParameter("city", id, "only grants of this city organisation"));
    out->add(queryParameter("country", text(200), "only grants of cities in this country (ISO 3166-1)"));
    out->add(queryParameter("indicator", text(200), "only this indicator (a code)"));
    out->add(queryParameter("period", integer(1, 12), "only this reporting period"));
  } else if (pattern == "/api/v1/audit") {
    addAuditParameters(out, "");
    out->add(queryParameter("before", id,
                            "only events before this sequence number (the `next` cursor)"));
    out->add(queryParameter("limit", withDefault(integer(1, 500), 100), "items per page"));
  } else if (pattern == "/api/v1/exports/{file}") {
    addExportParameters(out);
  }
  return out;
}

}  // namespace citygrants::http
