#include "web/http/openapi_schemas.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "modules/access/role.h"
#include "modules/proposals/validation.h"
#include "modules/workflow/catalog.h"
#include "web/http/openapi_schema_parts.h"
#include "web/http/schema_builder.h"

namespace citygrants::http::schemas {
namespace {

using namespace schema;

std::vector<std::string> tagNames() {
  std::vector<std::string> out;
  for (auto tag : workflow::kAllTags) out.emplace_back(workflow::tagName(tag));
  return out;
}

std::vector<std::string> noticeNames() {
  std::vector<std::string> out;
  for (int n = 0; n <= static_cast<int>(workflow::Notice::kAmendmentApplied); ++n) {
    out.emplace_back(workflow::noticeName(static_cast<workflow::Notice>(n)));
  }
  return out;
}

const workflow::MachineInfo& machine(std::string_view name) {
  static const auto machines = workflow::allMachines();
  for (const auto& m : machines) {
    if (m.name == name) return m;
  }
  throw std::logic_error("no workflow machine named " + std::string(name));
}

std::vector<std::string> orgKinds() {
  std::vector<std::string> out;
  for (auto k : {access::OrgKind::kFund, access::OrgKind::kPartner, access::OrgKind::kCity,
                 access::OrgKind::kDonor}) {
    out.emplace_back(access::orgKindName(k));
  }
  return out;
}

// What every refusal answers (problem_json.cpp): RFC 9457 with field errors and the request id.
void addProblem(JsonObject out) {
  out->set("FieldError",
           closed({{"field", describe(text(), "the request member, like budget[2].amount_minor")},
                   {"message", text()}}));
  auto type = text();
  type->set("format", "uri");
  auto errors = list(ref("FieldError"));
  errors->set("minItems", 1);
  out->set("Problem",
           closed({{"type", describe(type, "stable: https://citygrants.gcf/problems/SLUG")},
                   {"title", text()},
                   {"status", integer(400, 599)},
                   {"detail", text()},
                   {"errors", describe(errors, "one per field; only when fields are named"), false},
                   {"request_id", describe(text(), "as in the access log")}}));
  out->set("Money", closed({{"amount_minor", describe(integer(), "whole minor units (cents)")},
                            {"currency", matching("^[A-Z]{3}$", 3)},
                            {"formatted", describe(text(), "for people: \"USD 125,000.00\"")}}));
}

void addOperations(JsonObject out) {
  out->set("Health", closed({{"status", choice({"ok"})}, {"version", text()}}));
  out->set("Ready", closed({{"status", choice({"ready"})}}));
  out->set("MetricsText", describe(text(), "Prometheus text exposition format 0.0.4"));
  auto doc = object();
  doc->set("type", "object");
  auto info = object();
  info->set("type", "object");
  info->set("required", strings({"title", "version"}));
  auto any_object = object();
  any_object->set("type", "object");
  auto props = object();
  props->set("openapi", matching("^3\\.1\\.[0-9]+$", 20));
  props->set("info", info);
  props->set("paths", any_object);
  props->set("components", any_object);
  doc->set("properties", props);
  doc->set("required", strings({"openapi", "info", "paths", "components"}));
  out->set("OpenApiDocument", describe(doc, "this document"));
  auto row = closed({{"from", text()},
                     {"event", text()},
                     {"to", text()},
                     {"roles", list(choice(roleNames()))},
                     {"guards", list(text())},
                     {"needs", list(choice({"reason", "amount_minor", "payment_reference",
                                            "idempotency_key", "no_conflict_declared"}))},
                     {"effect", describe(text(), "what the step records beside the state; "
                                                 "empty when it changes only the state")},
                     {"tags", describe(list(choice(tagNames())),
                                       "what the server does beside (freezes_version, "
                                       "records_decision, creates_grant, ...)")},
                     {"notice", describe(choice(noticeNames()), "the mail the step sends")}});
  out->set("WorkflowTransition", row);
  std::vector<std::string> machine_names;
  for (const auto& m : workflow::allMachines()) machine_names.emplace_back(m.name);
  out->set("WorkflowMachine",
           closed({{"name", choice(machine_names)},
                   {"states", list(text())},
                   {"editable", describe(list(text()), "states in which the record's owner "
                                                       "edits its content")},
                   {"transitions", list(ref("WorkflowTransition"))}}));
  out->set("Workflows", closed({{"machines", list(ref("WorkflowMachine"))}}));
}

// session_handlers.cpp: sign-in, the signed-in user, API tokens.
void addSession(JsonObject out) {
  out->set("SessionRequest",
           closed({{"email", text(254)},
                   {"password", text(200)},
                   optionalIn("otp", describe(text(40), "the second factor's code (6 digits) or a "
                                                        "recovery code: required when the account "
                                                        "has a second factor (401 "
                                                        "second-factor-required without it)"))}));
  out->set("StepUpRequest", closed({{"otp", describe(text(40), "a code of the second factor")}}));
  out->set("SteppedUp", closed({{"stepped_up_until",
                                 describe(dateTime(), "money may move on this session until then")}}));
  out->set("SessionOrganisation", closed({{"id", integer()},
                                          {"name", text()},
                                          {"kind", choice(orgKinds())},
                                          {"language", choice(languages())}}));
  std::vector<Member> user = {{"id", integer()},
                              {"email", text()},
                              {"name", text()},
                              {"language", choice(languages())},
                              {"roles", list(choice(roleNames()))},
                              {"org_lead", describe(boolean(), "leads their organisation's team")},
                              {"organisation", ref("SessionOrganisation"), false}};
  out->set("SessionUser", closed(user));
  user.push_back(nullableOut("csrf_token",
                             describe(text(), "send as X-CSRF-Token; null with a bearer token")));
  user.push_back({"must_enrol_second_factor",
                  describe(boolean(), "a role needs a second factor not set up yet: only the "
                                      "account page's second factor answers until it is")});
  out->set("Me", closed(user));
  out->set("SignedIn", closed({{"csrf_token", describe(text(), "send as X-CSRF-Token on changes")},
                               {"expires_at", dateTime()},
                               {"user", ref("SessionUser")}}));
  const auto scopes = describe(list(choice({"read", "write", "payments"})),
                               "read: GET; write: changes; payments: money may move (with write; "
                               "only a fund manager's stepped-up session grants it)");
  out->set("TokenRequest", closed({{"name", text(100)}, optionalIn("scopes", scopes)}));
  std::vector<Member> token = {{"id", integer()},
                               {"name", text()},
                               {"created_at", dateTime()},
                               nullableOut("revoked_at", dateTime()),
                               {"scopes", scopes}};
  out->set("Token", closed(token));
  out->set("TokenPage", pageOf("Token"));
  token.push_back({"token", describe(text(), "the bearer token; shown only now")});
  out->set("NewToken", closed(token));
}

// directory_handlers.cpp: organisations and users.
void addDirectory(JsonObject out) {
  out->set("Organisation", closed({{"id", integer()},
                                   {"kind", choice(orgKinds())},
                                   {"name", text()},
                                   {"country", text()},
                                   {"region", text()},
                                   {"language", choice(languages())},
                                   {"version", atLeast(1)},
                                   {"identifier", describe(text(), "org-id (XM-DAC-41121), \"\" when none")},
                                   {"open_id", describe(text(), "its id in the open-data files: the "
                                                                "identifier, or the fund-prefixed one")}}));
  out->set("OrganisationPage", pageOf("Organisation"));
  out->set("NewOrganisation", closed({{"kind", choice(orgKinds(), 20)},
                                      {"name", text(200)},
                                      optionalIn("country", describe(text(100), "ISO 3166-1 alpha-2; required for a city")),
                                      optionalIn("region", text(100)),
                                      optionalIn("language", choice(languages(), 2)),
                                      optionalIn("identifier", describe(text(120), "org-id, e.g. XM-DAC-41121"))}));
  out->set("IdentifierRequest",
           closed({{"identifier", describe(text(120), "org-id (XM-DAC-41121, XI-WIKIDATA-Q174); \"\" clears it")}}));
  out->set("User", closed({{"id", integer()},
                           {"org_id", integer()},
                           {"email", text()},
                           {"name", text()},
                           {"language", choice(languages())},
                           {"roles", list(choice(roleNames()))},
                           {"active", boolean()},
                           {"version", atLeast(1)}}));
  out->set("UserPage", pageOf("User"));
  auto password = text(200);
  password->set("minLength", 10);
  out->set("NewUser",
           closed({{"email", text(254)},
                   {"name", text(200)},
                   {"organisation", describe(text(200), "the name of an existing organisation")},
                   {"password", password},
                   optionalIn("language", choice(languages(), 2)),
                   {"roles", list(choice(roleNames(), 20), 5)}}));
}

// audit_handlers.cpp and audit_json.h: the hash-chained events.
void addAudit(JsonObject out) {
  out->set(
      "Actor",
      describe(closed({{"id", integer(), false},
                       {"name", text(), false},
                       {"organisation", describe(text(), "the name of their organisation"), false},
                       {"role", describe(choice({"fund", "partner", "city", "donor"}),
                                         "which side acted: the kind of their organisation")}}),
               "a person who acted, as the reader may know them (access::discloseTo): id, "
               "name and organisation; or only the organisation (a city reading its "
               "supporting partner's steps); or only the side (a city never learns which "
               "reviewer acted). Named as the directory names them now, never hashed"));
  out->set("ActorPage", pageOf("Actor"));
  out->set(
      "AuditEvent",
      closed({{"seq", atLeast(1)},
              nullableOut("actor_id", describe(integer(),
                                               "null for the system, and when the "
                                               "reader may not know the person")),
              nullableOut("actor", describe(ref("Actor"), "null for the system")),
              {"entity", text()},
              {"entity_id", integer()},
              nullableOut("reference", describe(text(),
                                                "the record's reference (GCF-2026-0014-T1); for a "
                                                "review assignment its proposal's; null for "
                                                "records without one")),
              {"event", text()},
              {"from", text()},
              {"to", text()},
              {"detail", describe(text(), "a JSON object, as text")},
              {"at", dateTime()},
              {"hash", text()}}));
  out->set("AuditPage", pageOf("AuditEvent"));
  out->set("AuditVerification", closed({{"ok", boolean()},
                                        {"rows", atLeast(0)},
                                        nullableOut("bad_seq", integer()),
                                        nullableOut("bad_id", integer()),
                                        {"reason", text()}}));
}

// export_handlers.cpp: a list as a file.
void addExports(JsonObject out) {
  auto file = describe(text(),
                       "the list's rows under a header row of snake_case column names: references, "
                       "titles, names, states, money in major units with its currency in a column "
                       "of its own, times in UTC. CSV: UTF-8 with a byte order mark, RFC 4180, "
                       "text cells starting with = + - @ tab or CR prefixed with '. XLSX: one "
                       "worksheet, the header bold and frozen, an autofilter, money as numbers, "
                       "times as dates; text cells neutralised as in CSV");
  file->set("contentMediaType", "application/octet-stream");
  out->set("ExportFile", file);
}

}  // namespace

std::vector<std::string> statesOf(std::string_view name) { return names(machine(name).states); }

std::vector<std::string> eventsOf(std::string_view name) {
  std::vector<std::string> out;
  for (const auto& t : machine(name).transitions) {
    if (std::find(out.begin(), out.end(), t.event) == out.end()) out.emplace_back(t.event);
  }
  return out;
}

JsonObject transitionSchema(std::string_view name, const std::vector<schema::Member>& extra) {
  std::map<std::string, std::set<std::string>> needs;  // event -> what some row of it needs
  for (const auto& t : machine(name).transitions) {
    for (auto n : t.needs) needs[std::string(t.event)].emplace(n);
  }
  std::string words;
  for (const auto& [event, fields] : needs) {
    words += " " + event + ":";
    for (const auto& f : fields) words += " " + f;
    words += ";";
  }
  std::vector<schema::Member> members = {
      {"event", choice(eventsOf(name), 40)},
      optionalIn("reason", text(5000)),
      optionalIn("amount_minor", integer(1, kMaxMoneyMinor)),
      optionalIn("payment_reference", text(100)),
      optionalIn("no_conflict_declared", boolean()),
      optionalIn("eligible_future", describe(boolean(), "decline_concept of a proposal"))};
  members.insert(members.end(), extra.begin(), extra.end());
  return describe(
      closed(members),
      "An event of the " + std::string(name) + " machine. What events need besides the event" +
          " (idempotency_key: the Idempotency-Key header):" +
          (words.empty() ? " nothing." : words));
}

JsonObject actionsSchema(std::string_view name) {
  return describe(list(choice(eventsOf(name))), "the events the reader may fire now");
}

JsonObject actorsSchema(const std::vector<std::string>& fields) {
  std::vector<Member> members;
  for (const auto& f : fields) members.push_back({f, ref("Actor"), false});
  return describe(closed(members),
                  "the people the record names, by the field that holds their id, as the reader "
                  "may know them; that field is null when the reader may not know the person");
}

std::vector<std::string> roleNames() {
  std::vector<std::string> out;
  for (auto r : access::kAllRoles) out.emplace_back(access::roleName(r));
  return out;
}

std::vector<std::string> languages() {
  return {std::begin(proposals::kLanguages), std::end(proposals::kLanguages)};
}

void addBasicSchemas(JsonObject out) {
  addProblem(out);
  addOperations(out);
  addSession(out);
  addDirectory(out);
  addAudit(out);
  addExports(out);
}

}  // namespace citygrants::http::schemas

namespace citygrants::http {

JsonObject componentSchemas() {
  auto out = object();
  schemas::addBasicSchemas(out);
  schemas::addProposalSchemas(out);
  schemas::addGrantSchemas(out);
  schemas::addStatsSchemas(out);
  schemas::addInboxSchemas(out);
  schemas::addBoardSchemas(out);
  schemas::addResultsSchemas(out);
  schemas::addOpenDataSchemas(out);
  schemas::addSearchSchemas(out);
  schemas::addAccountSchemas(out);
  schemas::addThreadSchemas(out);
  schemas::addOutboxSchemas(out);
  schemas::addAmendmentSchemas(out);
  schemas::addTeamSchemas(out);
  schemas::addUserAdminSchemas(out);
  return out;
}

}  // namespace citygrants::http
