#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "tests/web/http_fixture.h"

// The seeded demo fund as the list routes show it, for the tests that hold real answers against
// the OpenAPI document. Only 127.0.0.1 is contacted; nothing is read or written by SQL.
namespace citygrants::webtest {

struct DemoRecords {
  // One record per collection, by the path segment before its {id}: "proposals" is Kampala's
  // approved proposal, "grants" its grant, "tranches" the disbursed first tranche, "reports" the
  // first report, "assignments" a review of it, "attachments" a PDF on Kampala's concept note,
  // "messages" a message of Kampala's with a PDF on its approved proposal.
  std::map<std::string, std::int64_t> ids;
  std::int64_t open_call = 0;                          // GCF-2026
  std::int64_t kampala_concept = 0;                    // Kampala's proposal in concept_draft
  std::map<std::string, std::int64_t> first_in_state;  // fm1's first proposal in each state
  std::map<std::string, std::int64_t> partners;        // partner organisation ids by name
};

// Finds the records through the list routes as fm1 and Kampala's applicant, and uploads the
// attachment (as Kampala's applicant, who is the one to read it) and writes the message.
DemoRecords listedRecords(Client& fm1, Client& kampala);

// `pattern` with each {id} replaced by the id of the collection before it, {role} by "auditor",
// {file} by "proposals.csv" and {n} by 1; `missing` names a collection without a record (the path
// is then incomplete).
std::string fillPattern(const std::string& pattern, const std::map<std::string, std::int64_t>& ids,
                        std::string& missing);

// POSTs a small PDF named `filename` as multipart/form-data (the part "file") to `path`.
Response uploadPdf(Client& c, const std::string& path, const std::string& filename);

// The ETag of `path` as `c` reads it, for If-Match.
std::string etagOf(Client& c, const std::string& path);

}  // namespace citygrants::webtest
