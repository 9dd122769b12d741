#include "web/http/console_handler.h"

#include <chrono>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include "services/crypto/digest.h"
#include "web/http/access_log.h"
#include "web/http/client_address.h"
#include "web/http/console_assets.h"
#include "web/http/metrics.h"
#include "web/http/problem_json.h"
#include "web/http/security_headers.h"

namespace citygrants::http {
namespace {

void sendProblem(Poco::Net::HTTPServerResponse& response, const ApiResponse& r) {
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(r.status));
  response.setContentType(r.content_type);
  for (const auto& [name, value] : r.headers) response.set(name, value);
  response.set("Cache-Control", "no-store");
  response.setContentLength(static_cast<std::streamsize>(r.body.size()));
  response.send() << r.body;
}

// The status sent: the asset (200), a revalidation (304) or a refusal.
int answer(const ConsoleAssets& assets, Poco::Net::HTTPServerRequest& request,
           Poco::Net::HTTPServerResponse& response, const std::string& path,
           const std::string& request_id) {
  const auto& method = request.getMethod();
  if (method != "GET" && method != "HEAD") {
    auto r = problemResponse(405, "method-not-allowed", "Method not allowed",
                             method + " is not allowed here", {}, request_id);
    r.headers.emplace_back("Allow", "GET, HEAD");
    sendProblem(response, r);
    return r.status;
  }
  const auto asset = assets.find(std::string_view(path).substr(1));
  if (!asset) {
    sendProblem(response, problemResponse(404, "not-found", "Not found", "no such page or file", {},
                                          request_id));
    return 404;
  }
  response.set("ETag", asset->etag);
  response.set("Cache-Control", "no-cache");  // always revalidated: a new build shows at once
  if (request.has("If-None-Match") && request.get("If-None-Match") == asset->etag) {
    response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_MODIFIED);
    response.setContentLength(0);
    response.send();
    return 304;
  }
  response.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
  response.setContentType(asset->content_type);
  response.setContentLength(static_cast<std::streamsize>(asset->body.size()));
  auto& out = response.send();
  if (method == "GET") out << asset->body;
  return 200;
}

}  // namespace

bool isConsolePath(const std::string& path) {
  return !path.starts_with("/api/") && path != "/api" && path != "/healthz" && path != "/readyz" &&
         path != "/metrics";
}

void ConsoleHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                   Poco::Net::HTTPServerResponse& response) {
  const auto started = std::chrono::steady_clock::now();
  const std::string request_id = crypto::randomHex(8);
  addSecurityHeaders(response);
  std::string path;
  int status = 0;
  try {
    path = Poco::URI(request.getURI()).getPath();
    status = answer(*ctx_.console, request, response, path, request_id);
  } catch (const Poco::Exception&) {
    sendProblem(response, problemResponse(400, "bad-request", "Bad request",
                                          "the request line is malformed", {}, request_id));
    status = 400;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ctx_.metrics.recordRequest("console", status, seconds);
  writeAccessLog({request_id, request.getMethod(), path, "console", status, seconds, 0,
                  clientAddress(request, ctx_.trusted_proxies)});
}

}  // namespace citygrants::http
