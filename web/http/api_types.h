#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPServerRequest.h>

#include "modules/core/problem.h"
#include "services/auth/account_service.h"
#include "services/auth/invitation_service.h"
#include "services/auth/password_reset_service.h"
#include "services/auth/second_factor_service.h"
#include "services/auth/session_service.h"
#include "services/clock.h"
#include "services/db/database.h"
#include "services/exports/temp_file.h"
#include "services/usecases/team_service.h"
#include "web/http/client_address.h"

namespace citygrants::http {

class Metrics;
class ConsoleAssets;

// What a route function answers.
struct ApiResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::vector<Poco::Net::HTTPCookie> cookies;
  // When set, the body is this file's bytes instead of `body`: streamed from disk with its
  // Content-Length, never held in memory, and removed once the last copy of this goes (an
  // export). Never kept in the response cache; its routes are always_fresh.
  std::shared_ptr<const exports::TempFile> file;
  // The change keys (db::ChangeFeed, db::change_key) this answer was computed from, besides the
  // reader's identity: the response cache keeps it while no change touched one of them. Empty:
  // it may depend on anything, and any committed change makes it stale.
  std::vector<std::string> depends_on;
  // With depends_on: until when (epoch ms) what it shows holds with the clock alone, e.g. a call's
  // closing; the cache keeps it that long (at most a minute) instead of a second. 0: a second.
  std::int64_t valid_until = 0;
  // false: never kept in the response cache, because it shows rows written without an audit
  // event (mail's delivery, failed sign-ins), which no change feed sees. A route whose every
  // answer is so is always_fresh instead.
  bool keep = true;
};

// An answer shared by the requests it serves: the cache's copy is sent as it is, not copied
// for each request (a body, its headers and its change keys: a dozen allocations).
using SharedResponse = std::shared_ptr<const ApiResponse>;

// Whole GET responses by credential and request target (see ApiPipeline::run).
using ResponseCache = db::GenerationCache<SharedResponse>;

// How many answers a response cache of `megabytes` (its answers' bodies) may hold: as many as
// fit at about 3.3 KB each, a proposal's record as served; 20,000 at serve's default of 64 MB.
// A larger budget then holds more answers, not only larger ones.
constexpr std::size_t responseCacheEntries(std::size_t megabytes) {
  return megabytes * 20'000 / 64;
}

// What every route function may use. Owned by the server; outlives every request.
struct ApiContext {
  db::Database& db;
  const services::Clock& clock;
  Metrics& metrics;
  auth::SessionPolicy policy;
  bool secure_cookies = false;  // behind TLS: add Secure to the session cookie
  // Optional caches keyed by the database generation; the server and the HTTP tests use both.
  auth::AuthCache* auth_cache = nullptr;
  ResponseCache* responses = nullptr;
  // The browser console's files; without them, only the API and operations routes answer.
  const ConsoleAssets* console = nullptr;
  // Sign-in's budget per client address and bound on concurrent password hashes, one per server
  // instance. `citygrants serve` always sets them; without them (the HTTP tests' default server)
  // sign-in is limited only per email.
  auth::SignInLimits* sign_in = nullptr;
  // The reverse proxies whose X-Forwarded-For is believed (--trusted-proxy); none by default.
  TrustedProxies trusted_proxies = {};
  // How long forgotten-password links work (serve --password-reset-minutes), and how many one
  // email is sent.
  auth::ResetPolicy resets = {};
  usecases::Context useCases() const { return {db, clock}; }
  auth::SessionService sessions() const { return {useCases(), policy, auth_cache, sign_in}; }
  auth::AccountService accounts() const { return {useCases(), policy, sign_in}; }
  auth::SecondFactorService secondFactors() const { return {useCases(), policy}; }
  auth::PasswordResetService passwordResets() const { return {useCases(), resets, sign_in}; }
  usecases::TeamService teams() const { return usecases::TeamService(useCases()); }
  auth::InvitationService invitations() const { return {useCases(), sign_in}; }
};

// An answer that is not a use case's refusal: malformed JSON (400), no session (401), a missing
// CSRF token (403), a body too large (413), a wrong content type (415), no If-Match (428). Its
// title is the slug's (problem_json.h); its detail and field errors are messages of the catalogs,
// written in the reader's language.
class HttpError : public std::exception {
 public:
  HttpError(int status_code, std::string slug, core::Message detail_text,
            std::vector<core::FieldError> field_errors = {})
      : status(status_code),
        type(std::move(slug)),
        detail(std::move(detail_text)),
        fields(std::move(field_errors)),
        english_(core::english(detail)) {}
  const char* what() const noexcept override { return english_.c_str(); }
  int status;
  std::string type;
  core::Message detail;
  std::vector<core::FieldError> fields;

 private:
  std::string english_;
};

// One decoded request, as a route function sees it.
struct ApiRequest {
  const Poco::Net::HTTPServerRequest& http;
  std::string method;
  std::string path;
  std::map<std::string, std::string> params;  // from the route pattern: {id}
  std::map<std::string, std::string> query;   // the last value of each query parameter
  std::string body;                           // already size-checked
  std::optional<usecases::Actor> actor;
  std::optional<std::string> session_token;   // the cookie, when the request carried one
  std::optional<std::string> csrf_token;      // the session's CSRF token (cookie sessions)
  std::string request_id;
  bool body_read = false;  // a state-changing request whose body was not read closes the connection
  std::string credential;  // the session's or token's digest, once authenticated
  std::optional<std::int64_t> generation;  // read while authenticating, with the caches on
  std::string client;  // the client's address (clientAddress): the peer, or a trusted proxy's word
  // The language the answer's words are written in: the signed-in user's saved language
  // (users.language), else the best of Accept-Language, else English (i18n::acceptedLanguage).
  std::string language = "en";
  bool must_enrol = false;  // a role of the user needs a second factor not enrolled yet

  // The signed-in actor. REQUIRES: the route is not public (the pipeline checked).
  const usecases::Actor& who() const { return *actor; }
  // A path id; a malformed one is "not found" (404), like an id that does not exist.
  std::int64_t id(const std::string& name = "id") const;
  // The body as a JSON object (400 when it is not one; 415 unless the content type is JSON).
  Poco::JSON::Object::Ptr json() const;
  // The If-Match version ("v12" or "12", quoted); 428 when absent, 412-style 400 when malformed.
  std::int64_t ifMatch() const;
  // A query integer within [min, max]; 400 naming the parameter when malformed.
  std::optional<std::int64_t> queryInt(const std::string& name, std::int64_t min, std::int64_t max) const;
  std::optional<std::string> queryText(const std::string& name) const;
};

// JSON of `object` (or JSON already written, JsonWriter::take) as a response with `status`.
ApiResponse jsonResponse(const Poco::JSON::Object::Ptr& object, int status = 200);
ApiResponse jsonResponse(std::string body, int status = 200);
// The same, with an ETag of the record's version.
ApiResponse versionedResponse(const Poco::JSON::Object::Ptr& object, std::int64_t version, int status = 200);
ApiResponse versionedResponse(std::string body, std::int64_t version, int status = 200);

// Who may call a route at all (what they may do is the use cases' business).
// kEnrolling: signed in, even a user whose role needs a second factor they have not enrolled
// yet (who may only see themselves, enrol and sign out); kSignedIn: anyone else signed in.
enum class Access { kPublic, kSignedIn, kEnrolling };

using RouteFn = ApiResponse (*)(ApiContext&, ApiRequest&);

// One route: method, pattern with {name} segments, access, the function, and its OpenAPI words.
struct ApiRoute {
  const char* method;
  const char* pattern;
  Access access;
  RouteFn fn;
  const char* summary;
  const char* tag;
  std::size_t max_body = 0;  // bytes; 0 means ApiPipeline::kMaxBody (1 MiB)
  // A GET answered anew every time, never from the response cache (a recomputation that must
  // see the stored rows, rows written without an audit event, or bytes too large to keep).
  bool always_fresh = false;
  // The path carries a secret (a password reset token): the access log writes the route's
  // pattern instead of the path.
  bool secret_path = false;
};

}  // namespace citygrants::http
