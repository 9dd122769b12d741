#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tests/web/http_fixture.h"

// Steps of the grant pipeline over HTTP, shared by the pipeline and race tests: each step is
// what a console would send, checked as it goes (BOOST_REQUIRE on the status, so a broken step
// stops the test where it broke). Only 127.0.0.1 is contacted; nothing is written by SQL.
namespace citygrants::webtest {

// The body of POST .../transitions. Unset fields are left out of the JSON.
struct Event {
  std::string name;
  std::optional<std::string> reason;
  std::optional<std::int64_t> amount_minor;
  std::optional<std::string> payment_reference;
  bool no_conflict_declared = false;
  std::optional<std::string> sector_code;  // approve: the service's DAC code
  std::string json() const;
};

// Paths of one record of each collection.
std::string proposalPath(std::int64_t id);
std::string assignmentPath(std::int64_t id);
std::string grantPath(std::int64_t id);
std::string tranchePath(std::int64_t id);
std::string reportPath(std::int64_t id);

// The record's "id", "state", "actions" and ETag.
std::int64_t idOf(const Response& r);
std::string stateOf(const Response& r);
std::vector<std::string> actionsOf(const Response& r);
// Whether the record's "actions" list `event`.
bool offers(const Response& r, const std::string& event);
// A "money" member's amount_minor ({"amount": {"amount_minor": ...}}).
std::int64_t minorOf(const Poco::JSON::Object::Ptr& o, const std::string& member);
// The items of a list answer. REQUIRES: r is a 200 list (checked).
Poco::JSON::Array::Ptr itemsOf(const Response& r);
// Whether a list answer's items include the one whose "id" is `id`. REQUIRES: as itemsOf.
bool listsId(const Response& r, std::int64_t id);

// GET `path`. REQUIRES: 200 (checked).
Response read(Client& c, const std::string& path);
// GETs `path` for its ETag, then POSTs `event` to path/transitions with If-Match (and `headers`).
// The answer is returned unchecked.
Response tryFire(Client& c, const std::string& path, const Event& event,
                 const Headers& headers = {});
// tryFire that REQUIRES a 200 and the record in `to` afterwards (checked).
Response fire(Client& c, const std::string& path, const Event& event, const std::string& to,
              const Headers& headers = {});
// The ETag-guarded PUT of `body` to `path` (after a GET of `etag_path`, default `path`).
Response putWithEtag(Client& c, const std::string& path, const std::string& body,
                     const std::string& etag_path = "");

// The body of PUT /proposals/{id}/translation for the proposals of proposalContent (Spanish).
inline constexpr const char* kTranslation =
    R"({"translation_en":"Barranquilla without borders: health, education and work for Venezuelan migrants."})";

// The JSON content of a proposal (an object): every field a full proposal needs, three budget lines
// that add up to `amount_minor` (which need not divide evenly), and people-reached targets for
// `periods` reporting periods (the demo call's two; 0: none, for a call that chose no indicators).
std::string proposalContent(const std::string& title, std::int64_t amount_minor,
                            const std::string& language = "es", int periods = 2);

// A people-reached result as PUT /reports/{id} takes it: {"results": [...]}'s one item.
std::string peopleReached(std::int64_t total);

// The signed-in user's id (GET /api/v1/me).
std::int64_t userIdOf(Client& c);

// The value of one series of /metrics, named with its labels (0 when absent).
std::int64_t metricValue(Client& c, const std::string& series);
// The response cache's lookups in /metrics, by what each came to (http::Metrics::CacheLookup).
inline constexpr const char* kCacheHits = "citygrants_response_cache_lookups_total{result=\"hit\"}";
inline constexpr const char* kCacheMisses =
    "citygrants_response_cache_lookups_total{result=\"miss\"}";
inline constexpr const char* kCacheNotKept =
    "citygrants_response_cache_lookups_total{result=\"not_kept\"}";
// The value of citygrants_transitions_total{machine, event} in /metrics (0 when absent).
std::int64_t transitionsCounted(Client& c, const std::string& machine, const std::string& event);

// The demo fund as the API shows it, and a signed-in client of each person a pipeline needs.
struct Cast {
  explicit Cast(Server& server, const std::string& applicant_email);
  Server& server;
  Client applicant, fm1, fm2, iom, unhcr, auditor;
  std::int64_t call_id = 0;
  std::int64_t threshold_minor = 0;
  std::vector<std::int64_t> criteria;        // criterion ids of the open call, in order
  std::map<std::string, std::int64_t> orgs;  // partner organisation ids by name
  int target_periods = 2;  // people-reached targets proposals set (0 when the call chose none)
};

// The applicant's new proposal with `proposalContent`, in concept_draft. Returns its id.
std::int64_t createProposal(Cast& cast, const std::string& title, std::int64_t amount_minor);
// A reviewer's whole review: accept (no conflict), score every criterion with `scores`, submit.
void reviewAs(Cast& cast, Client& reviewer, std::int64_t proposal_id,
              const std::vector<int>& scores);
// The id of the reviewer's organisation's assignment on the proposal (checked to exist).
std::int64_t assignmentOf(Client& reviewer, std::int64_t proposal_id);
// A new proposal of `amount_minor` driven to `reviewed` by the shortest path: concept, invite,
// submit, screen, IOM as supporting partner and sole reviewer. Returns its id.
std::int64_t proposalInReview(Cast& cast, std::int64_t amount_minor, const std::string& title);
// The id of the grant of `proposal_id` as `c` lists it (nullopt when there is none).
std::optional<std::int64_t> grantOf(Client& c, std::int64_t proposal_id);
// The grant's tranches, in order.
Poco::JSON::Array::Ptr tranchesOf(Client& c, std::int64_t grant_id);
// Request (applicant), verify (IOM) and approve (fm1) a tranche: it ends `approved`.
void requestVerifyApprove(Cast& cast, std::int64_t tranche_id);
// A new grant's first tranche, approved and waiting for its payment: a proposal of
// `award_minor` (within the threshold) driven to `reviewed`, approved by fm1 alone, the agreement
// signed, the tranche requested by the city, verified by IOM and approved by fm1. Returns its id.
std::int64_t approvedTranche(Cast& cast, std::int64_t award_minor, const std::string& title);

}  // namespace citygrants::webtest
