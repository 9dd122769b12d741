#pragma once

#include <set>
#include <string>

#include <boost/test/unit_test.hpp>

#include "tests/web/http_fixture.h"
#include "tests/web/json_schema_check.h"
#include "tests/web/openapi_demo.h"
#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

// The OpenAPI change test's means: a client's change held against the document, and the steps
// of the accounts' routes (openapi_change_accounts.cpp); the records' steps stay in the test.
namespace citygrants::webtest {

// Sends a change the way a client would after reading the document: the body is first held
// against the documented request schema, then the answer against the documented success.
struct Changer {
  const Spec& spec;
  std::set<std::string> done;  // "METHOD pattern" of each change answered as documented

  Response operator()(Client& c, const std::string& method, const std::string& pattern,
                      const std::string& path, const std::string& body = "",
                      const Headers& headers = {}) {
    if (!body.empty()) expectValidRequest(spec, body, method, pattern);
    const auto r = method == "POST"    ? c.post(path, body, headers)
                   : method == "PUT"   ? c.put(path, body, headers)
                   : method == "PATCH" ? c.send("PATCH", path, body, "application/json", headers)
                                       : c.del(path, headers);
    expectSuccess(spec, r, method, pattern, method + " " + path);
    if (r.status == spec.successStatus(method, pattern)) done.insert(method + " " + pattern);
    return r;
  }
  Response upload(Client& c, const std::string& pattern, const std::string& path) {
    BOOST_TEST(!spec.requestSchema("POST", pattern, "multipart/form-data").isNull());
    const auto r = uploadPdf(c, path, "evidence.pdf");
    expectSuccess(spec, r, "POST", pattern, "POST " + path);
    if (r.status == 201) done.insert("POST " + pattern);
    return r;
  }
};

inline std::string at(const std::string& collection, std::int64_t id, const std::string& rest = "") {
  return "/api/v1/" + collection + "/" + std::to_string(id) + rest;
}

inline Headers ifMatch(Client& c, const std::string& path) { return {{"If-Match", etagOf(c, path)}}; }

// The accounts' changes: sign-in and tokens, the second factor, the account page and resets,
// an admin's edits of a user, and a lead's team.
void sessionsAndTokens(Changer& change, Server& server, Client& fm1);
void secondFactor(Changer& change, Server& server, Client& fm1);
void accountAndResets(Changer& change, Server& server);
void accountAdmin(Changer& change, Server& server, Client& admin);
void teams(Changer& change, Server& server, Client& admin, Client& kampala);

}  // namespace citygrants::webtest
