#include "tests/web/access_matrix.h"

#include <cctype>
#include <stdexcept>

#include "modules/workflow/catalog.h"

namespace citygrants::webtest {
namespace {

// The table and the workflow machine of each collection with transitions.
struct Collection {
  const char* segment;
  const char* table;
  const char* machine;
};
constexpr Collection kCollections[] = {
    {"proposals", "proposals", "proposal"}, {"calls", "calls", "call"},
    {"grants", "grants", "grant"},          {"tranches", "tranches", "tranche"},
    {"reports", "reports", "report"},       {"assignments", "review_assignments", "review_assignment"},
    {"indicators", "indicators", ""},       {"chapters", "chapters", ""},
    {"amendments", "amendments", "amendment"},
    {"users", "users", ""},
};

const Collection* collection(const std::string& segment) {
  for (const auto& c : kCollections) {
    if (segment == c.segment) return &c;
  }
  return nullptr;
}

std::vector<std::string> segmentsOf(const std::string& pattern) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= pattern.size()) {
    auto end = pattern.find('/', start);
    if (end == std::string::npos) end = pattern.size();
    out.push_back(pattern.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool isParam(const std::string& segment) { return segment.size() > 2 && segment.front() == '{'; }

std::string slug(const std::string& role) {
  std::string out;
  for (char c : role) out += c == '_' ? '-' : c;
  return out;
}

// Bodies of the routes that take one, other than transitions. A route that takes a body and is
// not here is skipped (and named) rather than guessed.
std::string bodyFor(const std::string& key, const std::string& role, const MatrixRecords& r, bool& needs_if_match,
                    bool& known) {
  const std::string tag = slug(role);
  known = true;
  needs_if_match = false;
  if (key == "POST /api/v1/session") return R"({"email":"matrix@nowhere.demo","password":"wrong-password"})";
  if (key == "POST /api/v1/tokens") return "{\"name\":\"matrix " + tag + "\"}";
  // Requeueing or discarding a message is all in its path.
  if (key == "POST /api/v1/outbox/{id}/requeue" || key == "POST /api/v1/outbox/{id}/discard") return "";
  if (key == "POST /api/v1/grants/{id}/amendments") {
    return R"({"reason":"matrix","ends_at":"2031-06-30T00:00:00Z"})";
  }
  if (key == "POST /api/v1/calls") {
    return "{\"code\":\"MX-" + tag + "\",\"title\":\"Matrix\",\"budget_minor\":100000000,\"min_award_minor\":1000,"
           "\"max_award_minor\":5000000,\"threshold_minor\":3000000,\"closes_at\":\"2031-01-01T00:00:00Z\"}";
  }
  if (key == "POST /api/v1/proposals") {
    return "{\"call_id\":" + std::to_string(r.open_call) + ",\"title\":\"Matrix " + tag + "\"}";
  }
  if (key == "PUT /api/v1/proposals/{id}") {
    needs_if_match = true;
    return R"({"title":"Matrix"})";
  }
  if (key == "PUT /api/v1/proposals/{id}/supporting-partner") {
    needs_if_match = true;
    return "{\"partner_org_id\":" + std::to_string(r.partner_org) + "}";
  }
  if (key == "PUT /api/v1/proposals/{id}/translation") return R"({"translation_en":"Matrix translation"})";
  if (key == "POST /api/v1/organisations") return "{\"kind\":\"city\",\"name\":\"Matrix City " + tag + "\",\"country\":\"KE\"}";
  if (key == "POST /api/v1/indicators") {
    std::string code = "matrix_";
    for (char c : tag) code += c == '-' ? '_' : c;
    return "{\"code\":\"" + code + "\",\"unit\":\"people\",\"names\":{\"en\":\"Matrix\",\"fr\":\"Matrix\","
           "\"es\":\"Matrix\",\"pt\":\"Matrix\"}}";
  }
  if (key == "PUT /api/v1/indicators/{id}") {
    needs_if_match = true;
    return R"({"names":{"en":"Children enrolled in school","fr":"Enfants scolarisés","es":"Niños y niñas matriculados","pt":"Crianças matriculadas"}})";
  }
  if (key == "POST /api/v1/chapters") {
    std::string code = "MX-";
    for (char c : tag) code += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return "{\"donor_id\":" + std::to_string(r.donor_org) + ",\"code\":\"" + code +
           "\",\"name\":\"Matrix\",\"committed_minor\":1000}";
  }
  if (key == "PUT /api/v1/chapters/{id}") {
    needs_if_match = true;
    return R"({"name":"Children and caregivers","theme":"Matrix","committed_minor":150000000})";
  }
  if (key == "PUT /api/v1/calls/{id}/indicators") {
    needs_if_match = true;
    return R"({"indicators":[{"code":"people_reached","required":true},{"code":"households_reached"},)"
           R"({"code":"services_delivered"},{"code":"follow_on_funding"},)"
           R"({"code":"programme_institutionalised"},{"code":"children_enrolled"}]})";
  }
  if (key == "PUT /api/v1/calls/{id}/chapters") {
    needs_if_match = true;
    return "{\"chapters\":" + r.call_chapters + "}";
  }
  if (key == "PUT /api/v1/grants/{id}/allocations") {
    needs_if_match = true;  // Kampala's grant: paid from already, so its allocation stays (409)
    return R"({"allocations":[{"chapter_id":1,"amount_minor":30000000}]})";
  }
  if (key == "POST /api/v1/proposals/{id}/messages" || key == "POST /api/v1/grants/{id}/messages") {
    return "{\"body\":\"Matrix " + tag + "\",\"visibility\":\"shared\"}";
  }
  // The second factor's routes take a code: one that is (almost surely) wrong, a 422 for
  // whoever has a factor and a 409 for whoever has none; starting an enrolment takes nothing.
  if (key == "POST /api/v1/session/step-up" || key == "POST /api/v1/account/second-factor/confirm" ||
      key == "POST /api/v1/account/second-factor/recovery-codes" ||
      key == "POST /api/v1/account/second-factor/remove") {
    return R"({"otp":"000000"})";
  }
  if (key == "POST /api/v1/account/second-factor") return "{}";
  if (key == "PUT /api/v1/users/{id}/org-lead") return R"({"org_lead":true})";
  if (key == "POST /api/v1/team/invitations") {
    return "{\"email\":\"matrix-" + tag + "@team.demo\",\"role\":\"applicant\"}";
  }
  // The token is an invitation's id: malformed, refused before anything is looked at.
  if (key == "POST /api/v1/invitations/{token}") return R"({"name":"Matrix","password":"correct-horse-battery-9"})";
  if (key == "PATCH /api/v1/users/{id}") {
    needs_if_match = true;
    return "{\"name\":\"Matrix " + tag + "\"}";
  }
  if (key == "POST /api/v1/users/{id}/lock" || key == "POST /api/v1/users/{id}/second-factor-reset") {
    return R"({"reason":"matrix"})";
  }
  if (key == "POST /api/v1/users/{id}/unlock" || key == "POST /api/v1/users/{id}/password-reset" ||
      key == "POST /api/v1/users/{id}/second-factor-reset/confirm") {
    return "";
  }
  if (key == "POST /api/v1/users") {
    return "{\"email\":\"matrix-" + tag + "@kampala.demo\",\"name\":\"Matrix\",\"organisation\":\"Kampala\","
           "\"password\":\"a-long-password-1\",\"roles\":[\"applicant\"]}";
  }
  known = false;
  return "";
}

// An event of the record's machine that leaves its current state (else any event of the machine).
std::string eventFor(const Collection& c, std::int64_t id, db::Database& db) {
  const auto state = queryText(db, std::string("SELECT state FROM ") + c.table + " WHERE id = :p", id).value_or("");
  for (const auto& m : workflow::allMachines()) {
    if (m.name != c.machine || m.transitions.empty()) continue;
    for (const auto& t : m.transitions) {
      if (t.from == state) return std::string(t.event);
    }
    return std::string(m.transitions.front().event);
  }
  return "";
}

}  // namespace

const std::vector<MatrixRole>& matrixRoles() {
  static const std::vector<MatrixRole> roles = {
      {"unauthenticated", ""},
      {"applicant", "applicant@montevideo.demo"},
      {"partner", "reviewer@unhcr.demo"},
      {"auditor", "auditor@mmc.demo"},
      {"admin", "admin@mmc.demo"},
      {"fund_manager", "fm1@mmc.demo"},
  };
  return roles;
}

bool orgScoped(const std::string& c) {
  return c == "proposals" || c == "grants" || c == "tranches" || c == "reports" || c == "assignments" ||
         c == "attachments" || c == "messages" || c == "amendments" || c == "members";
}

MatrixRecords findRecords(Server& server) {
  auto& db = server.db();
  MatrixRecords r;
  auto put = [&](const std::string& segment, std::optional<std::int64_t> id) {
    if (id) r.ids[segment] = *id;
  };
  const auto proposal = queryInt(db,
                                 "SELECT p.id FROM proposals p JOIN organisations o ON o.id = p.city_org_id "
                                 "WHERE o.name = 'Kampala' AND p.state = 'approved'");
  if (!proposal) throw std::runtime_error("the demo database has no approved proposal of Kampala");
  put("proposals", proposal);
  const auto grant = queryInt(db, "SELECT id FROM grants WHERE proposal_id = :p", *proposal);
  put("grants", grant);
  if (grant) {
    put("tranches", queryInt(db, "SELECT MIN(id) FROM tranches WHERE grant_id = :p", *grant));
    put("reports", queryInt(db, "SELECT MIN(id) FROM reports WHERE grant_id = :p", *grant));
    put("amendments", queryInt(db, "SELECT MIN(id) FROM amendments WHERE grant_id = :p", *grant));
  }
  // The oldest message of the outbox: an admin may discard it (or, were it dead, send it again).
  put("outbox", queryInt(db, "SELECT MIN(id) FROM outbox_mail"));
  put("assignments", queryInt(db, "SELECT MIN(id) FROM review_assignments WHERE proposal_id = :p", *proposal));
  put("attachments", queryInt(db, "SELECT MIN(id) FROM attachments WHERE proposal_id = :p", *proposal));
  r.open_call = queryInt(db, "SELECT id FROM calls WHERE code = 'GCF-2026'").value_or(0);
  put("calls", r.open_call);
  put("users", queryInt(db, "SELECT id FROM users WHERE email = 'applicant@dhakanorth.demo'"));
  put("organisations", queryInt(db, "SELECT id FROM organisations WHERE name = 'Kampala'"));
  r.partner_org = queryInt(db, "SELECT id FROM organisations WHERE name = 'UNHCR'").value_or(0);
  // The last indicator and the first chapter (of the children and caregivers donor).
  put("indicators", queryInt(db, "SELECT MAX(id) FROM indicators"));
  put("chapters", queryInt(db, "SELECT MIN(id) FROM chapters"));
  r.donor_org = queryInt(db, "SELECT MIN(id) FROM organisations WHERE kind = 'donor'").value_or(0);
  put("donors", r.donor_org);
  r.call_chapters = "[";
  for (auto id = queryInt(db, "SELECT MIN(chapter_id) FROM call_chapters WHERE call_id = :p", r.open_call);
       id; id = queryInt(db, "SELECT MIN(chapter_id) FROM call_chapters WHERE call_id = " +
                                 std::to_string(r.open_call) + " AND chapter_id > :p", *id)) {
    r.call_chapters += (r.call_chapters.size() > 1 ? "," : "") + std::to_string(*id);
  }
  r.call_chapters += "]";
  // An internal message of the fund on Kampala's proposal: no one outside the fund and its
  // partners may read it.
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto message = fm1.post("/api/v1/proposals/" + std::to_string(*proposal) + "/messages",
                                R"({"body":"Matrix: internal note","visibility":"internal"})");
  if (message.status != 201) throw std::runtime_error("cannot write the fund's message: " + message.body);
  r.ids["messages"] = message.json->getValue<std::int64_t>("id");
  // A pending invitation into Kampala and Kampala's lead as a team member: no other
  // organisation's lead may withdraw or remove them.
  // Made once per database: a second one for the same email would be refused.
  auto invitation = queryInt(db, "SELECT MIN(id) FROM team_invitations WHERE email = 'matrix-invitee@kampala.demo'");
  if (!invitation) {
    Client kampala = server.signedIn("applicant@kampala.demo");
    const auto made =
        kampala.post("/api/v1/team/invitations", R"({"email":"matrix-invitee@kampala.demo","role":"applicant"})");
    if (made.status != 201) throw std::runtime_error("cannot invite into Kampala: " + made.body);
    invitation = made.json->getValue<std::int64_t>("id");
  }
  r.ids["invitations"] = *invitation;
  put("members", queryInt(db, "SELECT id FROM users WHERE email = 'applicant@kampala.demo'"));
  Client iom = server.signedIn("reviewer@iom.demo");
  const auto token = iom.post("/api/v1/tokens", R"({"name":"not yours"})");
  if (token.status != 201) throw std::runtime_error("cannot create the IOM reviewer's token: " + token.body);
  r.ids["tokens"] = token.json->getValue<std::int64_t>("id");
  return r;
}

bool changesState(const http::ApiRoute& route) {
  const std::string m = route.method;
  return m != "GET" && m != "HEAD" && m != "OPTIONS";
}

bool auditorMayUse(const http::ApiRoute& route) {
  const std::string p = route.pattern;
  // Accepting an invitation is a signed-out route anyone may call; the planned token (an id) is
  // malformed, refused before anything is looked at.
  return p == "/api/v1/session" || p == "/api/v1/tokens" || p == "/api/v1/tokens/{id}" ||
         p == "/api/v1/session/step-up" || p.starts_with("/api/v1/account/second-factor") ||
         p == "/api/v1/invitations/{token}";
}

PlannedRequest plan(const http::ApiRoute& route, const std::string& role, const MatrixRecords& records,
                    db::Database& db) {
  PlannedRequest out;
  const auto parts = segmentsOf(route.pattern);
  const Collection* last = nullptr;
  std::int64_t last_id = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!isParam(parts[i])) {
      out.path += "/" + parts[i];
      continue;
    }
    if (parts[i] == "{role}") {
      out.path += "/applicant";
      continue;
    }
    const std::string owner = i > 0 ? parts[i - 1] : "";
    const auto it = records.ids.find(owner);
    if (it == records.ids.end()) {
      out.skip_reason = "no record to put in " + parts[i] + " after /" + owner;
      return out;
    }
    out.path += "/" + std::to_string(it->second);
    out.org_scoped = out.org_scoped || orgScoped(owner);
    out.others_token = out.others_token || owner == "tokens";
    last = collection(owner);
    last_id = it->second;
  }
  if (!changesState(route) || std::string(route.method) == "DELETE") return out;

  out.content_type = "application/json";
  const std::string pattern = route.pattern;
  if (pattern.ends_with("/transitions")) {
    if (last == nullptr) {
      out.skip_reason = "transitions of an unknown collection";
      return out;
    }
    const auto version = queryInt(db, std::string("SELECT version FROM ") + last->table + " WHERE id = :p", last_id);
    out.headers = {{"If-Match", "\"v" + std::to_string(version.value_or(1)) + "\""},
                   {"Idempotency-Key", "matrix-" + role + "-" + out.path}};
    // Only the event and a reason: whatever else an event needs is checked after who may fire it.
    out.body = "{\"event\":" + quoted(eventFor(*last, last_id, db)) + ",\"reason\":\"matrix\"}";
    return out;
  }
  bool needs_if_match = false;
  bool known = false;
  out.body = bodyFor(std::string(route.method) + " " + pattern, role, records, needs_if_match, known);
  if (!known && pattern.find("/users/{id}/roles/") == std::string::npos) {
    out.skip_reason = "no body recipe for " + std::string(route.method) + " " + pattern;
    return out;
  }
  if (needs_if_match && last != nullptr) {
    const auto version = queryInt(db, std::string("SELECT version FROM ") + last->table + " WHERE id = :p", last_id);
    out.headers = {{"If-Match", "\"v" + std::to_string(version.value_or(1)) + "\""}};
  }
  return out;
}

}  // namespace citygrants::webtest
