#include "web/http/api_pipeline.h"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <vector>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/URI.h>
#include <soci/soci.h>

#include "modules/i18n/catalog.h"
#include "services/crypto/digest.h"
#include "services/log/log_line.h"
#include "web/http/access_log.h"
#include "web/http/api_router.h"
#include "web/http/body_reader.h"
#include "web/http/client_address.h"
#include "web/http/metrics.h"
#include "web/http/problem_json.h"
#include "web/http/security_headers.h"

namespace citygrants::http {
namespace {

SharedResponse shared(ApiResponse r) { return std::make_shared<const ApiResponse>(std::move(r)); }

bool changesState(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// Copies the file of `r` to the response body, 64 KiB at a time; stops when the client goes.
void sendFile(Poco::Net::HTTPServerResponse& response, std::ifstream& file, std::uint64_t size) {
  response.setContentLength64(static_cast<Poco::UInt64>(size));
  auto& out = response.send();
  std::vector<char> buf(64 * 1024);
  while (file.read(buf.data(), static_cast<std::streamsize>(buf.size())) || file.gcount() > 0) {
    if (!out.write(buf.data(), file.gcount())) return;
  }
}

// `language`: the request's, for the one refusal made here (a file that cannot be read).
void send(Poco::Net::HTTPServerResponse& response, const ApiResponse& r,
          const std::string& request_id, std::string_view language) {
  std::optional<std::ifstream> file;  // only for a file: a stream costs a locale's set-up
  if (r.file) {
    file.emplace(r.file->path(), std::ios::binary);
    if (!*file) {
      logs::LogLine("error", "file_unreadable").text("request_id", request_id, 64).text("path", r.file->path()).write(logs::Stream::kApp);
      send(response, problemResponse(500, "internal", "problem.internal", {}, request_id, language),
           request_id, language);
      return;
    }
  }
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(r.status));
  response.setContentType(r.content_type);
  addSecurityHeaders(response);
  response.add("Cache-Control", "no-store");  // unless r.headers sets another
  for (const auto& [name, value] : r.headers) response.set(name, value);
  for (const auto& cookie : r.cookies) response.addCookie(cookie);
  if (r.file) {
    sendFile(response, *file, r.file->size());
    return;
  }
  // One buffered write of head and body: send() would first write the head a character at a time
  // into a stream that only counts them (sending took 9 % of a computed list page, now 5 %).
  response.sendBuffer(r.body.data(), r.body.size());
}

}  // namespace

void ApiPipeline::authenticate(ApiRequest& req, const ApiRoute& route) {
  auto sessions = ctx_.sessions();
  const auto& http = req.http;
  if (http.has("Authorization")) {
    const std::string value = http.get("Authorization");
    if (!value.starts_with("Bearer ") || value.size() > 200) {
      throw HttpError(401, "unauthenticated", "auth.bearer_form");
    }
    auto who = sessions.byBearer(value.substr(7));
    if (who.must_enrol) throw core::Problem(core::ProblemKind::kEnrolmentRequired, "auth.enrolment_required");
    if (changesState(req.method) && (" " + who.scopes + " ").find(" write ") == std::string::npos) {
      throw core::Problem::forbidden(core::Message("auth.token_scope_write"));
    }
    req.actor = std::move(who.actor);
    req.language = who.language;
    req.credential = std::move(who.credential);
    if (who.generations) req.generation = who.generations->data;
    return;
  }
  Poco::Net::NameValueCollection cookies;
  http.getCookies(cookies);
  if (cookies.has(kSessionCookie)) req.session_token = cookies.get(kSessionCookie);
  if (!req.session_token) {
    if (route.access != Access::kPublic) {
      throw HttpError(401, "unauthenticated", "auth.sign_in_first");
    }
    return;
  }
  try {
    const auto who = sessions.bySession(*req.session_token);
    if (changesState(req.method) &&
        (!http.has("X-CSRF-Token") || !crypto::constantTimeEquals(http.get("X-CSRF-Token"), *who.csrf_token))) {
      throw HttpError(403, "csrf", "auth.csrf");
    }
    if (who.must_enrol && route.access == Access::kSignedIn) {
      throw core::Problem(core::ProblemKind::kEnrolmentRequired, "auth.enrolment_required");
    }
    req.actor = who.actor;
    req.must_enrol = who.must_enrol;
    req.language = who.language;
    req.csrf_token = who.csrf_token;
    req.credential = who.credential;
    if (who.generations) req.generation = who.generations->data;
  } catch (const core::Problem&) {
    if (route.access != Access::kPublic) throw;  // 401: expired or unknown session
    req.session_token.reset();                     // a public route ignores a stale cookie
  }
}

SharedResponse ApiPipeline::respond(ApiRequest& req, const ApiRoute& route) {
  // A signed-in GET is answered from the cache while nothing it was computed from has changed
  // (the change keys it names, else anything audited) on any instance: same credential (so same
  // user, roles and CSRF token), same target, under the cache's age limit (a second, or until
  // the answer says what it shows changes with the clock, at most a minute).
  const bool cacheable = ctx_.responses != nullptr && req.method == "GET" &&
                         route.access != Access::kPublic && !route.always_fresh && req.generation &&
                         !req.credential.empty();
  if (!cacheable) return shared(route.fn(ctx_, req));
  const std::string key = req.credential + " " + req.http.getURI();
  const auto now = ctx_.clock.nowMs();
  const auto& changes = ctx_.db.changes();
  auto hit =
      ctx_.responses->findIf(key, now, [&](const SharedResponse& r, std::int64_t generation) {
        return changes.unchangedSince(r->depends_on, generation);
      });
  using Lookup = Metrics::CacheLookup;
  if (hit) {
    ctx_.metrics.recordCacheLookup(Lookup::kHit);
    return std::move(*hit);
  }
  ApiResponse r;
  try {
    r = route.fn(ctx_, req);
  } catch (...) {  // a refusal: problem+json, never kept
    ctx_.metrics.recordCacheLookup(Lookup::kNotKept);
    throw;
  }
  if (r.status != 200 || !r.cookies.empty() || r.file || !r.keep) {
    ctx_.metrics.recordCacheLookup(Lookup::kNotKept);
    return shared(std::move(r));
  }
  ctx_.metrics.recordCacheLookup(Lookup::kMiss);
  // The reader's own sign-ins and sessions (their roles and organisation are global changes).
  if (!r.depends_on.empty() && req.actor)
    r.depends_on.push_back(db::change_key::user(req.actor->user_id));
  const auto until = r.depends_on.empty() ? 0 : r.valid_until;
  auto answer = shared(std::move(r));
  ctx_.responses->store(key, answer, *req.generation, now, answer->body.size(), until);
  return answer;
}

SharedResponse ApiPipeline::run(ApiRequest& req, const ApiRoute* route) {
  try {
    // Authentication and the answer read one snapshot, in one transaction (ended before the
    // answer is sent; a write of the request ends it, so reads after it see the write).
    db::Database::ReadScope reads(ctx_.db);
    if (route == nullptr) throw core::Problem::notFound("resource");
    if (changesState(req.method)) {
      req.body = readBody(const_cast<Poco::Net::HTTPServerRequest&>(req.http),
                          route->max_body != 0 ? route->max_body : kMaxBody);
      req.body_read = true;
    }
    authenticate(req, *route);
    return respond(req, *route);
  } catch (const core::Problem& p) {
    return shared(problemResponse(p, req.request_id, req.language));
  } catch (const HttpError& e) {
    return shared(problemResponse(e, req.request_id, req.language));
  } catch (const soci::soci_error& e) {
    logs::LogLine("error", "database_error").text("request_id", req.request_id, 64).text("detail", e.what()).write(logs::Stream::kApp);
    // A lost connection reaches us in the driver's words, with no category: a database that
    // does not answer a trivial query now is an outage (503), not a fault of this request.
    if (e.get_error_category() == soci::soci_error::connection_error || !ctx_.db.reachable()) {
      return shared(problemResponse(503, "unavailable", "problem.database_unavailable", {},
                                    req.request_id, req.language));
    }
    if (e.get_error_category() == soci::soci_error::constraint_violation) {
      return shared(problemResponse(409, "conflict", "problem.concurrent_change", {},
                                    req.request_id, req.language));
    }
    return shared(
        problemResponse(500, "internal", "problem.internal", {}, req.request_id, req.language));
  } catch (const std::exception& e) {
    logs::LogLine("error", "request_failed").text("request_id", req.request_id, 64).text("detail", e.what()).write(logs::Stream::kApp);
    return shared(
        problemResponse(500, "internal", "problem.internal", {}, req.request_id, req.language));
  }
}

void ApiPipeline::handleRequest(Poco::Net::HTTPServerRequest& request,
                                Poco::Net::HTTPServerResponse& response) {
  const auto started = std::chrono::steady_clock::now();
  ApiRequest req{request, request.getMethod(), "", {}, {}, "", std::nullopt, std::nullopt,
                 std::nullopt, crypto::randomHex(8), false};
  req.client = clientAddress(request, ctx_.trusted_proxies);
  // Until a signed-in user's saved language is known (authenticate), the client's preference.
  req.language = i18n::acceptedLanguage(request.get("Accept-Language", ""));
  const RouteMatch* matched = nullptr;
  RouteMatch match;
  SharedResponse r;
  if (refusal_) {  // answered, logged and closed before any route runs (RFC 9112 §6.3)
    const auto refused =
        refusal_->status == 505
            ? problemResponse(505, "http-version-not-supported", "HTTP version not supported",
                              refusal_->detail, {}, req.request_id)
            : problemResponse(400, "bad-framing", "Bad request framing", refusal_->detail, {},
                              req.request_id);
    response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
    response.setKeepAlive(false);
    send(response, refused, req.request_id, req.language);
    ctx_.metrics.recordRequest("unmatched", refused.status, 0);
    writeAccessLog({req.request_id, req.method, request.getURI(), "unmatched", refused.status, 0, 0,
                    req.client});
    return;
  }
  try {
    Poco::URI uri(request.getURI());
    req.path = uri.getPath();
    for (const auto& [k, v] : uri.getQueryParameters()) req.query[k] = v;
    match = matchRoute(routeTable(), req.method, req.path);
    matched = &match;
    req.params = match.params;
    if (match.route == nullptr && match.path_known) {
      auto refused = problemResponse(405, "method-not-allowed",
                                     {"problem.method_not_allowed", {{"method", req.method}}}, {},
                                     req.request_id, req.language);
      refused.headers.emplace_back("Allow", match.allowed);
      r = shared(std::move(refused));
    } else {
      r = run(req, match.route);
    }
  } catch (const Poco::Exception&) {
    r = shared(problemResponse(400, "bad-request", "problem.bad_request_line", {}, req.request_id,
                               req.language));
  }
  if (changesState(req.method) && !req.body_read) response.setKeepAlive(false);
  send(response, *r, req.request_id, req.language);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::string route = matched != nullptr && matched->route != nullptr ? matched->route->pattern : "unmatched";
  ctx_.metrics.recordRequest(route, r->status, seconds);
  const bool secret = matched != nullptr && matched->route != nullptr && matched->route->secret_path;
  writeAccessLog({req.request_id, req.method, secret ? route : req.path, route, r->status, seconds,
                  req.actor ? req.actor->user_id : 0, req.client});
}

}  // namespace citygrants::http
