#include "web/http/canned_refusal.h"

#include <sstream>

#include <Poco/Net/HTTPResponse.h>

#include "web/http/access_log.h"
#include "web/http/metrics.h"
#include "web/http/problem_json.h"
#include "web/http/security_headers.h"

namespace citygrants::http {

std::string cannedResponse(const Refusal& refusal, const std::string& request_id) {
  const auto problem = problemResponse(refusal.status, refusal.slug, refusal.title, refusal.detail, {}, request_id);
  Poco::Net::HTTPResponse head(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(refusal.status));
  head.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
  head.setDate(Poco::Timestamp());
  head.setContentType(problem.content_type);
  head.setContentLength(static_cast<std::streamsize>(problem.body.size()));
  head.setKeepAlive(false);
  head.set("Cache-Control", "no-store");
  if (refusal.retry_after_seconds > 0) head.set("Retry-After", std::to_string(refusal.retry_after_seconds));
  addSecurityHeaders(head);
  std::ostringstream out;
  head.write(out);
  out << problem.body;
  return out.str();
}

void logRefusal(const Refusal& refusal, const RefusedRequest& what, const std::string& request_id,
                Metrics* metrics) {
  if (metrics != nullptr) metrics->recordRequest("connection", refusal.status, what.seconds);
  writeAccessLog({.request_id = request_id,
                  .method = std::string(what.method.substr(0, 32)),
                  .path = std::string(what.target.substr(0, 2048)),
                  .route = "connection",
                  .status = refusal.status,
                  .seconds = what.seconds,
                  .client = std::string(what.client.substr(0, 64))});
}

}  // namespace citygrants::http
