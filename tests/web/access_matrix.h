#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tests/web/http_fixture.h"
#include "web/http/api_types.h"

// Planning the access matrix: for any route of the route table, the request a role makes, with
// its path parameters replaced by records of an organisation that is not the role's.
namespace citygrants::webtest {

// One role of DESIGN §1 and the demo login that plays it ("" for no one signed in). The applicant
// (Montevideo) and the partner (UNHCR) have nothing to do with Kampala's grant.
struct MatrixRole {
  std::string name;
  std::string login;
};
const std::vector<MatrixRole>& matrixRoles();

// The records put into paths, by the collection segment before the parameter ("proposals").
struct MatrixRecords {
  std::map<std::string, std::int64_t> ids;
  std::int64_t open_call = 0;
  std::int64_t partner_org = 0;  // UNHCR
  std::int64_t donor_org = 0;    // a donor of the demo fund
  std::string call_chapters;     // the open call's chapters as JSON ("[1,2,3]")
};

// Kampala's approved proposal and everything hanging off it (grant, tranche, report, review
// assignment, an internal message of fm1's, written here), the open call, a user, an
// organisation, and an API token of reviewer@iom.demo.
MatrixRecords findRecords(Server& server);

// Collections whose records belong to an organisation: another organisation's answer 404.
bool orgScoped(const std::string& collection);

struct PlannedRequest {
  std::string skip_reason;  // non-empty: the route cannot be planned (unknown collection or body)
  std::string path;
  std::string body;
  std::string content_type;
  Headers headers;
  bool org_scoped = false;    // the path names a record of an org-scoped collection
  bool others_token = false;  // the path names another user's API token
};

// The request `role` makes on `route`, If-Match and the event read from the database now.
PlannedRequest plan(const http::ApiRoute& route, const std::string& role, const MatrixRecords& records,
                    db::Database& db);

// Whether a route changes state, and whether it is one an auditor may use (sign-in, sign-out,
// their own API tokens and their own second factor).
bool changesState(const http::ApiRoute& route);
bool auditorMayUse(const http::ApiRoute& route);

}  // namespace citygrants::webtest
