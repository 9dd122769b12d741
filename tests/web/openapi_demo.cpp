#include "tests/web/openapi_demo.h"

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/pipeline_steps.h"

namespace citygrants::webtest {
namespace {

std::int64_t firstId(Client& c, const std::string& path) {
  const auto items = itemsOf(read(c, path));
  BOOST_REQUIRE_MESSAGE(items->size() > 0, path << " lists nothing");
  return items->getObject(0)->getValue<std::int64_t>("id");
}

}  // namespace

DemoRecords listedRecords(Client& fm1, Client& kampala) {
  DemoRecords d;
  const auto proposals = itemsOf(read(fm1, "/api/v1/proposals?limit=200"));
  for (unsigned i = 0; i < proposals->size(); ++i) {
    const auto p = proposals->getObject(i);
    const auto state = p->getValue<std::string>("state");
    d.first_in_state.emplace(state, p->getValue<std::int64_t>("id"));
    if (state == "approved" && p->getObject("city")->getValue<std::string>("name") == "Kampala") {
      d.ids["proposals"] = p->getValue<std::int64_t>("id");
    }
  }
  BOOST_REQUIRE_MESSAGE(d.ids.count("proposals"), "no approved proposal of Kampala");
  const auto calls = itemsOf(read(fm1, "/api/v1/calls"));
  for (unsigned i = 0; i < calls->size(); ++i) {
    if (calls->getObject(i)->getValue<std::string>("code") == "GCF-2026") {
      d.open_call = calls->getObject(i)->getValue<std::int64_t>("id");
    }
  }
  BOOST_REQUIRE(d.open_call != 0);
  d.ids["calls"] = d.open_call;
  const auto proposal = std::to_string(d.ids["proposals"]);
  d.ids["grants"] = firstId(fm1, "/api/v1/grants");
  const auto grant = std::to_string(d.ids["grants"]);
  d.ids["tranches"] = firstId(fm1, "/api/v1/grants/" + grant + "/tranches");
  d.ids["reports"] = firstId(fm1, "/api/v1/grants/" + grant + "/reports");
  d.ids["amendments"] = firstId(fm1, "/api/v1/grants/" + grant + "/amendments");
  d.ids["assignments"] = firstId(fm1, "/api/v1/proposals/" + proposal + "/assignments");
  const auto partners = itemsOf(read(fm1, "/api/v1/organisations?kind=partner"));
  for (unsigned i = 0; i < partners->size(); ++i) {
    const auto o = partners->getObject(i);
    d.partners[o->getValue<std::string>("name")] = o->getValue<std::int64_t>("id");
  }
  d.ids["indicators"] = firstId(fm1, "/api/v1/indicators");
  d.ids["donors"] = firstId(fm1, "/api/v1/donors");
  d.kampala_concept = firstId(kampala, "/api/v1/proposals?state=concept_draft");
  const auto uploaded =
      uploadPdf(kampala, "/api/v1/proposals/" + std::to_string(d.kampala_concept) + "/attachments",
                "plan.pdf");
  BOOST_REQUIRE_MESSAGE(uploaded.status == 201, uploaded.body);
  d.ids["attachments"] = uploaded.json->getValue<std::int64_t>("id");
  // A message of Kampala's with a file, on its approved proposal (fm1 reads it too).
  const std::string boundary = "openapi-test-message-3c1d";
  const std::string form =
      "--" + boundary + "\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nOur plan.\r\n--" +
      boundary + "\r\nContent-Disposition: form-data; name=\"visibility\"\r\n\r\nshared\r\n--" +
      boundary +
      "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.pdf\"\r\n\r\n"
      "%PDF-1.4\n% a test plan\n%%EOF\n\r\n--" +
      boundary + "--\r\n";
  const auto message = kampala.send("POST", "/api/v1/proposals/" + proposal + "/messages", form,
                                    "multipart/form-data; boundary=" + boundary);
  BOOST_REQUIRE_MESSAGE(message.status == 201, message.body);
  d.ids["messages"] = message.json->getValue<std::int64_t>("id");
  return d;
}

std::string fillPattern(const std::string& pattern, const std::map<std::string, std::int64_t>& ids,
                        std::string& missing) {
  std::string out;
  std::string previous;
  std::size_t start = 1;
  while (start <= pattern.size()) {
    auto end = pattern.find('/', start);
    if (end == std::string::npos) end = pattern.size();
    const auto segment = pattern.substr(start, end - start);
    if (segment == "{role}") {
      out += "/auditor";
    } else if (segment == "{file}") {
      out += "/proposals.csv";
    } else if (segment == "{n}") {
      out += "/1";  // a message's first file
    } else if (segment.starts_with("{")) {
      const auto it = ids.find(previous);
      if (it == ids.end()) {
        missing = previous;
        return out;
      }
      out += "/" + std::to_string(it->second);
    } else {
      out += "/" + segment;
    }
    previous = segment;
    start = end + 1;
  }
  return out;
}

Response uploadPdf(Client& c, const std::string& path, const std::string& filename) {
  const std::string boundary = "openapi-test-boundary-7f3a";
  const std::string body =
      "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
      filename +
      "\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n% a test plan\n%%EOF\n\r\n--" +
      boundary + "--\r\n";
  return c.send("POST", path, body, "multipart/form-data; boundary=" + boundary);
}

std::string etagOf(Client& c, const std::string& path) {
  const auto r = c.get(path);
  BOOST_REQUIRE_MESSAGE(r.status == 200, path << ": " << r.body);
  return r.header("ETag");
}

}  // namespace citygrants::webtest
