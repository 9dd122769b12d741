#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "tests/web/http_fixture.h"

// Writing on the threads of proposals and grants over HTTP, for the thread tests: JSON, or
// multipart/form-data with files, as the console sends it.
namespace citygrants::webtest {

// A file part: its name and bytes.
struct FilePart {
  std::string filename;
  std::string content;
};

// A small valid PDF.
std::string pdfBytes(std::size_t padding = 200);

// A multipart/form-data body with the plain `fields` (name, value) and the `files` as parts named
// "file"; answers the body and its Content-Type.
std::pair<std::string, std::string> multipart(
    const std::vector<std::pair<std::string, std::string>>& fields,
    const std::vector<FilePart>& files);

// POST {body, visibility} as JSON to `thread` ("/api/v1/proposals/12/messages").
Response postJson(Client& c, const std::string& thread, const std::string& body,
                  const std::string& visibility);

// POST the message as multipart/form-data with `files`.
Response postForm(Client& c, const std::string& thread, const std::string& body,
                  const std::string& visibility, const std::vector<FilePart>& files);

// The thread paths of a proposal and a grant.
std::string proposalThread(std::int64_t id);
std::string grantThread(std::int64_t id);

// Kampala's approved proposal and its grant in the demo fund, the grant's supporting partner
// organisation, and a partner login of that organisation (found by SQL).
struct KampalaRecords {
  std::int64_t proposal = 0;
  std::int64_t grant = 0;
  std::int64_t supporting_org = 0;
  std::string supporting_login;
};
KampalaRecords kampalaRecords(Server& server);

}  // namespace citygrants::webtest
