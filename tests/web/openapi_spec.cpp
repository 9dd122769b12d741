#include "tests/web/openapi_spec.h"

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/json_schema_check.h"

namespace citygrants::webtest {
namespace {

using Poco::JSON::Object;

Object::Ptr mediaSchema(const Object::Ptr& holder, const std::string& media) {
  if (holder.isNull() || holder->getObject("content").isNull()) return nullptr;
  const auto m = holder->getObject("content")->getObject(media);
  return m.isNull() ? nullptr : m->getObject("schema");
}

}  // namespace

Spec::Spec(Server& server) {
  const auto r = server.client().get("/api/v1/openapi.json");
  BOOST_REQUIRE_EQUAL(r.status, 200);
  BOOST_REQUIRE(!r.json.isNull());
  doc_ = r.json;
}

Object::Ptr Spec::operation(const std::string& method, const std::string& pattern) const {
  const auto item = doc_->getObject("paths")->getObject(pattern);
  return item.isNull() ? nullptr : item->getObject(Poco::toLower(method));
}

Object::Ptr Spec::responseSchema(const std::string& method, const std::string& pattern, int status,
                                 const std::string& media) const {
  const auto op = operation(method, pattern);
  if (op.isNull()) return nullptr;
  const auto responses = op->getObject("responses");
  const auto code = std::to_string(status);
  return mediaSchema(responses->getObject(responses->has(code) ? code : "default"), media);
}

Object::Ptr Spec::requestSchema(const std::string& method, const std::string& pattern,
                                const std::string& media) const {
  const auto op = operation(method, pattern);
  return op.isNull() ? nullptr : mediaSchema(op->getObject("requestBody"), media);
}

Object::Ptr Spec::component(const std::string& name) const {
  return doc_->getObject("components")->getObject("schemas")->getObject(name);
}

int Spec::successStatus(const std::string& method, const std::string& pattern) const {
  const auto op = operation(method, pattern);
  if (op.isNull()) return 0;
  int found = 0;
  for (const auto& [code, response] : *op->getObject("responses")) {
    if (code.size() == 3 && code[0] == '2') found = found == 0 ? std::stoi(code) : -1;  // -1: two
  }
  return found;
}

std::vector<std::string> Spec::errors(const std::string& json, const Object::Ptr& schema) const {
  if (schema.isNull()) return {"no schema"};
  try {
    return schemaErrors(parseJson(json), schema, doc_);
  } catch (const Poco::Exception& e) {
    return {"not JSON: " + e.displayText()};
  }
}

void expectSuccess(const Spec& spec, const Response& r, const std::string& method,
                   const std::string& pattern, const std::string& what) {
  const int documented = spec.successStatus(method, pattern);
  BOOST_TEST_CONTEXT(what << " (" << method << " " << pattern << ")") {
    BOOST_TEST(r.status == documented, "answered " << r.status << ": " << r.body.substr(0, 400));
    if (r.status != documented) return;
    const auto ok = spec.operation(method, pattern)
                        ->getObject("responses")
                        ->getObject(std::to_string(documented));
    if (ok->getObject("content").isNull()) {
      BOOST_TEST(r.body.empty(),
                 "no body is documented, but it answered " << r.body.substr(0, 200));
      return;
    }
    BOOST_TEST(ok->getObject("content")->has(r.mediaType()),
               "undocumented media type " << r.mediaType());
    if (r.mediaType() != "application/json") return;
    const auto errors =
        spec.errors(r.body, spec.responseSchema(method, pattern, r.status, r.mediaType()));
    BOOST_TEST(errors.empty(), joined(errors) << "\nbody: " << r.body.substr(0, 1500));
  }
}

void expectProblem(const Spec& spec, const Response& r, int status, const std::string& method,
                   const std::string& pattern, const std::string& what) {
  BOOST_TEST_CONTEXT(what) {
    BOOST_TEST(r.status == status, r.body);
    BOOST_TEST(r.mediaType() == "application/problem+json");
    const auto schema =
        pattern.empty() ? spec.component("Problem")
                        : spec.responseSchema(method, pattern, status, "application/problem+json");
    BOOST_REQUIRE_MESSAGE(!schema.isNull(), "no problem schema documented");
    const auto errors = spec.errors(r.body, schema);
    BOOST_TEST(errors.empty(), joined(errors) << "\nbody: " << r.body);
  }
}

void expectValidRequest(const Spec& spec, const std::string& body, const std::string& method,
                        const std::string& pattern) {
  const auto errors = spec.errors(body, spec.requestSchema(method, pattern));
  BOOST_TEST(errors.empty(),
             method << " " << pattern << " request: " << joined(errors) << "\nbody: " << body);
}

}  // namespace citygrants::webtest
