#include "tests/web/thread_requests.h"

#include <stdexcept>

namespace citygrants::webtest {

std::string pdfBytes(std::size_t padding) {
  return "%PDF-1.4\n% a test file\n" + std::string(padding, 'x') + "\n%%EOF\n";
}

std::pair<std::string, std::string> multipart(
    const std::vector<std::pair<std::string, std::string>>& fields,
    const std::vector<FilePart>& files) {
  const std::string boundary = "thread-test-boundary-51c2";
  std::string body;
  for (const auto& [name, value] : fields) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
            value + "\r\n";
  }
  for (const auto& f : files) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
            f.filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    body.append(f.content);
    body += "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  return {body, "multipart/form-data; boundary=" + boundary};
}

Response postJson(Client& c, const std::string& thread, const std::string& body,
                  const std::string& visibility) {
  return c.post(thread,
                "{\"body\":" + quoted(body) + ",\"visibility\":" + quoted(visibility) + "}");
}

Response postForm(Client& c, const std::string& thread, const std::string& body,
                  const std::string& visibility, const std::vector<FilePart>& files) {
  const auto [content, type] = multipart({{"body", body}, {"visibility", visibility}}, files);
  return c.send("POST", thread, content, type);
}

std::string proposalThread(std::int64_t id) {
  return "/api/v1/proposals/" + std::to_string(id) + "/messages";
}

std::string grantThread(std::int64_t id) {
  return "/api/v1/grants/" + std::to_string(id) + "/messages";
}

KampalaRecords kampalaRecords(Server& server) {
  auto& db = server.db();
  KampalaRecords r;
  r.proposal = queryInt(db,
                        "SELECT MIN(p.id) FROM proposals p JOIN organisations o ON o.id = "
                        "p.city_org_id WHERE o.name = 'Kampala' AND p.state = 'approved'")
                   .value_or(0);
  r.grant = queryInt(db, "SELECT id FROM grants WHERE proposal_id = :p", r.proposal).value_or(0);
  r.supporting_org =
      queryInt(db, "SELECT supporting_org_id FROM grants WHERE id = :p", r.grant).value_or(0);
  r.supporting_login =
      queryText(db,
                "SELECT MIN(u.email) FROM users u JOIN role_grants g ON g.user_id = u.id AND "
                "g.role = 'partner' WHERE u.org_id = :p",
                r.supporting_org)
          .value_or("");
  if (r.proposal == 0 || r.grant == 0 || r.supporting_login.empty()) {
    throw std::runtime_error("the demo fund has no approved, granted proposal of Kampala");
  }
  return r;
}

}  // namespace citygrants::webtest
