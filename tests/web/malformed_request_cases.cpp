#include "services/crypto/digest.h"
#include "tests/web/malformed_corpus.h"

namespace citygrants::webtest {
namespace {

constexpr std::size_t kMiB = 1024 * 1024;

struct Builder {
  std::vector<MalformedCase> cases;

  MalformedCase& add(const std::string& what, const std::string& method, const std::string& path,
                     const std::string& body, int expect, Sender sender = Sender::kApplicant,
                     Headers headers = {}, const std::string& content_type = "application/json") {
    cases.push_back({what, method, path, content_type, body, std::move(headers), expect, sender});
    return cases.back();
  }
  void get(const std::string& what, const std::string& path, int expect, Sender sender = Sender::kApplicant,
           Headers headers = {}) {
    add(what, "GET", path, "", expect, sender, std::move(headers), "");
  }
};

std::string match(std::int64_t version) { return "\"v" + std::to_string(version) + "\""; }

}  // namespace

std::vector<MalformedCase> requestCases(const CorpusTargets& t) {
  const std::string draft = "/api/v1/proposals/" + std::to_string(t.own_draft);
  const std::string draft_tr = draft + "/transitions";
  const std::string reviewed_tr = "/api/v1/proposals/" + std::to_string(t.reviewed) + "/transitions";
  const std::string call_tr = "/api/v1/calls/" + std::to_string(t.draft_call) + "/transitions";
  const Headers draft_match = {{"If-Match", match(t.own_draft_version)}};
  const Headers call_match = {{"If-Match", match(t.draft_call_version)}};
  const std::string invite = R"({"event":"invite"})";
  const std::string evil = R"({"evil":1})";
  const std::string sign_in = R"({"email":"corpus@nowhere.demo","password":"wrong"})";
  Builder b;

  // Bad ids in paths: not found, like ids that do not exist.
  for (const char* id : {"0", "-1", "abc", "99999999999999999999", "1.5", "1e3", "0x10", "%201",
                         "00000000000000000001", "99999999", "9223372036854775807", "9223372036854775808"}) {
    b.get(std::string("proposal id ") + id, std::string("/api/v1/proposals/") + id, 404);
  }
  for (const char* id : {"0", "abc", "-1"}) {
    b.get(std::string("versions of ") + id, std::string("/api/v1/proposals/") + id + "/versions", 404);
  }
  for (const char* id : {"0", "abc", "1.5", "-1"}) b.get(std::string("call id ") + id, std::string("/api/v1/calls/") + id, 404);
  for (const char* id : {"0", "abc", "99999999999999999999"}) {
    b.add(std::string("transition of ") + id, "POST", std::string("/api/v1/proposals/") + id + "/transitions", invite,
          404, Sender::kApplicant, {{"If-Match", "\"v1\""}});
  }
  for (const char* id : {"0", "abc", "-1", "1.5"}) {
    b.add(std::string("token id ") + id, "DELETE", std::string("/api/v1/tokens/") + id, "", 404, Sender::kApplicant, {}, "");
  }
  b.add("user id abc", "PUT", "/api/v1/users/abc/roles/partner", "", kAny4xx, Sender::kApplicant, {}, "");
  b.add("role evil", "PUT", "/api/v1/users/1/roles/evil", "", kAny4xx, Sender::kApplicant, {}, "");

  // Huge bodies: 413 from 1 MiB + 1 byte on, announced or chunked; exactly 1 MiB is read.
  b.add("1 MiB + 1", "POST", "/api/v1/proposals", std::string(kMiB + 1, 'x'), 413);
  b.add("1.5 MiB chunked", "POST", "/api/v1/proposals", std::string(kMiB + kMiB / 2, ' '), 413).chunked = true;
  b.add("2 MiB edit", "PUT", draft, std::string(2 * kMiB, '['), 413, Sender::kApplicant, draft_match);
  b.add("1 MiB + 1 sign-in", "POST", "/api/v1/session", std::string(kMiB + 1, '{'), 413, Sender::kAnonymous);
  b.add("4 MiB call", "POST", "/api/v1/calls", std::string(4 * kMiB, 'x'), 413, Sender::kFundManager);
  b.add("1 MiB + 1 chunked transition", "POST", draft_tr, std::string(kMiB + 1, 'x'), 413, Sender::kApplicant,
        draft_match).chunked = true;
  {
    std::string exactly = "{\"evil\":";
    exactly += std::string(kMiB - exactly.size() - 2, ' ') + "1}";
    b.add("exactly 1 MiB", "POST", "/api/v1/proposals", exactly, 422).field = "evil";
  }

  // Wrong content types: 415 (a body that would be refused anyway, so no bypass can succeed).
  for (const char* type : {"text/plain", "", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                           "text/json", "application/jsonp", "application/json-patch+json", "application/xml"}) {
    b.add(std::string("content type '") + type + "'", "POST", "/api/v1/proposals", evil, 415, Sender::kApplicant, {}, type);
  }
  for (const char* type : {"text/plain", ""}) {
    const std::string what = std::string("content type '") + type + "' on ";
    b.add(what + "edit", "PUT", draft, evil, 415, Sender::kApplicant, draft_match, type);
    b.add(what + "transition", "POST", draft_tr, invite, 415, Sender::kApplicant, draft_match, type);
    b.add(what + "call", "POST", "/api/v1/calls", evil, 415, Sender::kFundManager, {}, type);
    b.add(what + "sign-in", "POST", "/api/v1/session", sign_in, 415, Sender::kAnonymous, {}, type);
    b.add(what + "token", "POST", "/api/v1/tokens", evil, 415, Sender::kApplicant, {}, type);
    b.add(what + "translation", "PUT", draft + "/translation", evil, 415, Sender::kApplicant, {}, type);
  }
  b.add("JSON with a charset", "POST", "/api/v1/proposals", evil, 422, Sender::kApplicant, {},
        "application/json; charset=utf-8").field = "evil";

  // CSRF: the cookie without the right X-CSRF-Token is refused 403, whatever the route.
  for (const Spoil spoil : {Spoil::kNoCsrf, Spoil::kWrongCsrf, Spoil::kOtherCsrf}) {
    const std::string how = spoil == Spoil::kNoCsrf ? "no CSRF: " : spoil == Spoil::kWrongCsrf ? "wrong CSRF: " : "other's CSRF: ";
    b.add(how + "create", "POST", "/api/v1/proposals", evil, 403).spoil = spoil;
    b.add(how + "edit", "PUT", draft, evil, 403, Sender::kApplicant, draft_match).spoil = spoil;
    b.add(how + "transition", "POST", draft_tr, invite, 403, Sender::kApplicant, draft_match).spoil = spoil;
    b.add(how + "token", "POST", "/api/v1/tokens", R"({"name":"csrf"})", 403).spoil = spoil;
    b.add(how + "revoke", "DELETE", "/api/v1/tokens/1", "", 403, Sender::kApplicant, {}, "").spoil = spoil;
    b.add(how + "sign out", "DELETE", "/api/v1/session", "", 403, Sender::kApplicant, {}, "").spoil = spoil;
    b.add(how + "sign in", "POST", "/api/v1/session", sign_in, 403).spoil = spoil;
    b.add(how + "translation", "PUT", draft + "/translation", evil, 403).spoil = spoil;
  }
  b.add("no CSRF: call", "POST", "/api/v1/calls", evil, 403, Sender::kFundManager).spoil = Spoil::kNoCsrf;
  b.add("no CSRF: call transition", "POST", call_tr, R"({"event":"close"})", 403, Sender::kFundManager, call_match)
      .spoil = Spoil::kNoCsrf;

  // Forged cookies and bearer tokens: 401.
  for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/api/v1/me"}, {"GET", "/api/v1/proposals"}, {"GET", draft}, {"POST", "/api/v1/proposals"},
           {"PUT", draft}, {"POST", "/api/v1/tokens"}, {"GET", "/api/v1/audit"}, {"DELETE", "/api/v1/tokens/1"}}) {
    const bool body = method == "POST" || method == "PUT";
    b.add("forged cookie", method, path, body ? evil : "", 401, Sender::kApplicant, {}, body ? "application/json" : "")
        .spoil = Spoil::kForgedCookie;
  }
  for (const auto& cookie : {std::string("cg_session="), "cg_session=" + std::string(5000, 'x'),
                             std::string("cg_session=../../etc/passwd"), std::string("cg_session=%00"),
                             "cg_session=" + crypto::randomHex(32) + "; cg_session=" + crypto::randomHex(32)}) {
    b.get("forged raw cookie", "/api/v1/me", 401, Sender::kAnonymous, {{"Cookie", cookie}});
  }
  for (const auto& auth : {std::string("Bearer "), "Bearer cgt_" + std::string(64, '0'), std::string("Basic Zm0xOnB3"),
                           "bearer " + crypto::randomHex(32), std::string("Token abc")}) {
    b.get("forged authorization '" + auth.substr(0, 16) + "'", "/api/v1/me", 401, Sender::kAnonymous,
          {{"Authorization", auth}});
  }
  b.get("no credentials", "/api/v1/me", 401, Sender::kAnonymous);

  // If-Match: 428 without it, 400 malformed, 412 stale.
  b.add("no If-Match: edit", "PUT", draft, evil, 428);
  b.add("no If-Match: transition", "POST", draft_tr, invite, 428);
  b.add("no If-Match: call transition", "POST", call_tr, R"({"event":"close"})", 428, Sender::kFundManager);
  b.add("no If-Match: supporting partner", "PUT", draft + "/supporting-partner", R"({"partner_org_id":1})", 428,
        Sender::kFundManager);
  b.add("no If-Match: decision", "POST", reviewed_tr, R"({"event":"reject","reason":"r"})", 428, Sender::kFundManager);
  for (const char* value : {"abc", "v", "\"v\"", "v-1", "*", "v1.5", "W/", "99999999999999999999", "\"v1", " "}) {
    b.add(std::string("If-Match '") + value + "'", "PUT", draft, evil, 400, Sender::kApplicant, {{"If-Match", value}});
  }
  b.add("If-Match '*' on a transition", "POST", draft_tr, invite, 400, Sender::kApplicant, {{"If-Match", "*"}});
  b.add("If-Match 'abc' on a transition", "POST", draft_tr, invite, 400, Sender::kApplicant, {{"If-Match", "abc"}});
  b.add("stale edit", "PUT", draft, R"({"title":"Stale"})", 412, Sender::kApplicant, {{"If-Match", "\"v999\""}});
  b.add("stale weak edit", "PUT", draft, R"({"title":"Stale"})", 412, Sender::kApplicant, {{"If-Match", "W/\"v999\""}});
  b.add("stale v0 edit", "PUT", draft, R"({"title":"Stale"})", 412, Sender::kApplicant, {{"If-Match", "v0"}});
  b.add("stale transition", "POST", draft_tr, invite, 412, Sender::kApplicant, {{"If-Match", "\"v999\""}});
  b.add("stale call transition", "POST", call_tr, R"({"event":"close"})", 412, Sender::kFundManager,
        {{"If-Match", "\"v999\""}});
  b.add("stale decision", "POST", reviewed_tr, R"({"event":"reject","reason":"r"})", 412, Sender::kFundManager,
        {{"If-Match", "\"v999\""}});

  // Query parameters.
  for (const char* query : {"limit=0", "limit=abc", "limit=201", "limit=-1", "limit=1.5", "limit=",
                            "limit=99999999999999999999", "sort=evil", "sort=id;DROP%20TABLE%20proposals", "sort=",
                            "after=garbage", "after=1", "after=a.b", "after=1.2.3", "after=-1.5", "after=%FF",
                            "call=abc", "city=0", "partner=-1", "state=%FF%FE"}) {
    b.get(std::string("query ") + query, std::string("/api/v1/proposals?") + query, 400);
  }
  b.get("query state of 201 characters", "/api/v1/proposals?state=" + std::string(201, 's'), 400);
  for (const char* query : {"limit=0", "limit=501", "entity_id=abc", "before=0"}) {
    b.get(std::string("audit query ") + query, std::string("/api/v1/audit?") + query, 400, Sender::kFundManager);
  }

  // Methods and paths the router does not know.
  b.add("PATCH a collection", "PATCH", "/api/v1/proposals", evil, 405);
  b.add("DELETE me", "DELETE", "/api/v1/me", "", 405, Sender::kApplicant, {}, "");
  b.add("PUT calls", "PUT", "/api/v1/calls", evil, 405, Sender::kFundManager);
  b.get("unknown path", "/api/v1/nope", 404);
  b.get("trailing slash", "/api/v1/proposals/", 404);
  b.add("empty segment", "POST", "/api/v1//transitions", invite, 404);
  return b.cases;
}

}  // namespace citygrants::webtest
