#include "web/http/problem_response.h"

#include <sstream>

#include <Poco/JSON/Object.h>

namespace citygrants::http {

void sendJson(Poco::Net::HTTPServerResponse& response, int status, const std::string& body) {
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response.setContentType("application/json");
  response.set("X-Content-Type-Options", "nosniff");
  response.setContentLength(static_cast<std::streamsize>(body.size()));
  response.send() << body;
}

void sendProblem(Poco::Net::HTTPServerResponse& response, int status, const std::string& type,
                 const std::string& title, const std::string& detail) {
  Poco::JSON::Object body(Poco::JSON_PRESERVE_KEY_ORDER);
  body.set("type", "https://citygrants.example/problems/" + type);
  body.set("title", title);
  body.set("status", status);
  body.set("detail", detail);
  std::ostringstream out;
  body.stringify(out);
  const std::string text = out.str();
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response.setContentType("application/problem+json");
  response.set("X-Content-Type-Options", "nosniff");
  response.setContentLength(static_cast<std::streamsize>(text.size()));
  response.send() << text;
}

}  // namespace citygrants::http
