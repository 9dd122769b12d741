#pragma once

#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "tests/web/http_fixture.h"

// The OpenAPI document as a server serves it, and checks of real answers against it.
namespace citygrants::webtest {

class Spec {
 public:
  // GETs /api/v1/openapi.json from `server`. REQUIRES: it answers 200 with JSON (checked).
  explicit Spec(Server& server);

  const Poco::JSON::Object::Ptr& document() const { return doc_; }
  // The operation of `method` ("GET") on `pattern`, or null.
  Poco::JSON::Object::Ptr operation(const std::string& method, const std::string& pattern) const;
  // The schema documented for answering `status` as `media` (the "default" answer when `status`
  // is not listed), or null when there is none.
  Poco::JSON::Object::Ptr responseSchema(const std::string& method, const std::string& pattern,
                                         int status, const std::string& media) const;
  // The schema of the request body as `media`, or null.
  Poco::JSON::Object::Ptr requestSchema(const std::string& method, const std::string& pattern,
                                        const std::string& media = "application/json") const;
  // components.schemas[name], or null.
  Poco::JSON::Object::Ptr component(const std::string& name) const;
  // The success status the operation documents (its one 2xx answer), or 0.
  int successStatus(const std::string& method, const std::string& pattern) const;
  // Errors of the JSON text `json` against `schema` (a parse failure is one error).
  std::vector<std::string> errors(const std::string& json,
                                  const Poco::JSON::Object::Ptr& schema) const;

 private:
  Poco::JSON::Object::Ptr doc_;
};

// Checks (BOOST_TEST) that `r` is the documented success of `method` `pattern`: the status, a
// documented media type, and a JSON body that conforms to the schema (an empty body when none is
// documented). `what` names the request in messages.
void expectSuccess(const Spec& spec, const Response& r, const std::string& method,
                   const std::string& pattern, const std::string& what);

// Checks that `r` answers `status` as application/problem+json conforming to the route's
// "default" answer (components Problem when `pattern` is empty: no route matched).
void expectProblem(const Spec& spec, const Response& r, int status, const std::string& method,
                   const std::string& pattern, const std::string& what);

// Checks that the JSON text `body` conforms to the route's request schema.
void expectValidRequest(const Spec& spec, const std::string& body, const std::string& method,
                        const std::string& pattern);

}  // namespace citygrants::webtest
