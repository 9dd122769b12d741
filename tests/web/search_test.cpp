#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/URI.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/list_pages.h"
#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

// GET /api/v1/search over the demo fund: generated over every demo login and every record, a
// search never answers a record the reader's own lists do not show them, and finds every record
// they do show by its title; ranking, accents, hostile words, bad input, and an edit followed.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

using Record = std::pair<std::string, std::int64_t>;  // kind, id

std::string searchPath(const std::string& q, const std::string& rest = "") {
  std::string encoded;
  Poco::URI::encode(q, "&=+?#/%", encoded);
  return "/api/v1/search?q=" + encoded + rest;
}

// Every hit of `q` for `c`, page after page, each page checked against the spec.
std::vector<Poco::JSON::Object::Ptr> allHits(const Spec& spec, Client& c, const std::string& q) {
  std::vector<Poco::JSON::Object::Ptr> out;
  std::string offset;
  for (int pages = 0; pages < 50; ++pages) {
    const auto r = c.get(searchPath(q, "&limit=50" + offset));
    expectSuccess(spec, r, "GET", "/api/v1/search", q);
    BOOST_REQUIRE(r.json);
    const auto items = r.json->getArray("items");
    for (unsigned i = 0; i < items->size(); ++i) out.push_back(items->getObject(i));
    if (r.json->isNull("next")) break;
    offset = "&offset=" + r.json->getValue<std::string>("next");
  }
  return out;
}

std::set<Record> recordsOf(const std::vector<Poco::JSON::Object::Ptr>& hits) {
  std::set<Record> out;
  for (const auto& h : hits)
    out.insert({h->getValue<std::string>("kind"), h->getValue<std::int64_t>("id")});
  return out;
}

// What `c`'s own lists show: proposals, grants, organisations and calls, with a title to look for.
std::map<Record, std::string> listedBy(const Spec& spec, Client& c) {
  std::map<Record, std::string> out;
  auto add = [&](const std::string& kind, const std::vector<Poco::JSON::Object::Ptr>& items,
                 const char* title) {
    for (const auto& i : items)
      out[{kind, i->getValue<std::int64_t>("id")}] = i->getValue<std::string>(title);
  };
  add("proposal", allPages(spec, c, "/api/v1/proposals", "/api/v1/proposals?sort=id", 200),
      "title");
  // A grant's list item carries no title: its reference is looked for instead.
  add("grant", allPages(spec, c, "/api/v1/grants", "/api/v1/grants?", 200), "reference");
  for (const char* list : {"/api/v1/organisations", "/api/v1/calls"}) {
    const auto items = itemsOf(read(c, list));
    std::vector<Poco::JSON::Object::Ptr> all;
    for (unsigned i = 0; i < items->size(); ++i) all.push_back(items->getObject(i));
    add(list == std::string("/api/v1/calls") ? "call" : "organisation", all,
        list == std::string("/api/v1/calls") ? "title" : "name");
  }
  return out;
}

// Every demo login, as the admin's user list names them.
std::vector<std::string> demoLogins(Server& server) {
  Client admin = server.signedIn("admin@mmc.demo");
  std::vector<std::string> out;
  const auto users = itemsOf(read(admin, "/api/v1/users"));
  for (unsigned i = 0; i < users->size(); ++i)
    out.push_back(users->getObject(i)->getValue<std::string>("email"));
  return out;
}

std::string textOf(const Poco::JSON::Object::Ptr& hit, bool marked_only) {
  std::string out;
  const auto pieces = hit->getArray("snippet");
  for (unsigned i = 0; i < pieces->size(); ++i) {
    const auto p = pieces->getObject(i);
    if (!marked_only || p->getValue<bool>("mark")) out += p->getValue<std::string>("text");
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(search_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(every_reader_finds_exactly_what_their_lists_show) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto every = listedBy(spec, fm1);  // the fund sees every record
  BOOST_TEST(every.size() >= 30u);
  const auto logins = demoLogins(server);
  BOOST_TEST(logins.size() >= 12u);
  std::size_t searches = 0;
  for (const auto& login : logins) {
    Client c = server.signedIn(login);
    const auto mine = listedBy(spec, c);
    for (const auto& [record, title] : every) {
      const auto hits = recordsOf(allHits(spec, c, title));
      ++searches;
      for (const auto& hit : hits) {
        BOOST_TEST(mine.count(hit) == 1u, login << " searching \"" << title << "\" found "
                                                << hit.first << " " << hit.second
                                                << ", which their lists do not show");
      }
      BOOST_TEST(hits.count(record) == mine.count(record), login << " searching \"" << title
                                                                 << "\" for " << record.first << " "
                                                                 << record.second);
    }
  }
  BOOST_TEST_MESSAGE("search visibility: " << searches << " searches by " << logins.size()
                                           << " logins");
}

BOOST_AUTO_TEST_CASE(a_title_match_ranks_above_a_summary_match) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Cast cast(server, "applicant@kampala.demo");
  // The summary match is made first, so only the rank can put the title first.
  const auto in_summary = createProposal(cast, "Bibliotecas móviles", 20'000'000);
  putWithEtag(cast.applicant, proposalPath(in_summary), [&] {
    auto body = proposalContent("Bibliotecas móviles", 20'000'000);
    const std::string from = "\"summary\":\"";
    return body.insert(body.find(from) + from.size(), "Zanzibarita workshops. ");
  }());
  const auto in_title = createProposal(cast, "Zanzibarita reading circles", 20'000'000);
  const auto hits = allHits(spec, cast.fm1, "zanzibarita");
  BOOST_REQUIRE(hits.size() == 2u);
  BOOST_TEST(hits[0]->getValue<std::int64_t>("id") == in_title);
  BOOST_TEST(hits[1]->getValue<std::int64_t>("id") == in_summary);
  BOOST_TEST(textOf(hits[1], true) == "Zanzibarita");
}

BOOST_AUTO_TEST_CASE(an_edited_title_is_found_at_once_and_the_old_one_no_longer) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Cast cast(server, "applicant@kampala.demo");
  const auto id = createProposal(cast, "Quillwort market stalls", 20'000'000);
  BOOST_TEST(recordsOf(allHits(spec, cast.applicant, "quillwort")).count({"proposal", id}) == 1u);
  const auto r = putWithEtag(cast.applicant, proposalPath(id),
                             proposalContent("Tamarisk market stalls", 20'000'000));
  BOOST_TEST(r.status == 200);
  BOOST_TEST(recordsOf(allHits(spec, cast.applicant, "tamarisk")).count({"proposal", id}) == 1u);
  BOOST_TEST(allHits(spec, cast.applicant, "quillwort").empty());
  BOOST_TEST(allHits(spec, cast.fm1, "quillwort").empty());
}

BOOST_AUTO_TEST_CASE(sao_paulo_finds_são_paulo_and_marks_it_as_written) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto hits = allHits(spec, fm1, "Sao Paulo acolhe");
  BOOST_REQUIRE(!hits.empty());
  BOOST_TEST(hits[0]->getValue<std::string>("title").find("São Paulo Acolhe") == 0u);
  const auto marked = textOf(hits[0], true);
  BOOST_TEST(marked.find("São") != std::string::npos, marked);
  BOOST_TEST(recordsOf(allHits(spec, fm1, "SÃO PAULO")) ==
             recordsOf(allHits(spec, fm1, "sao paulo")));
}

BOOST_AUTO_TEST_CASE(hostile_words_answer_a_page_never_an_error) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  for (const std::string q : {"\"",
                              "*",
                              "NEAR(",
                              "NEAR(kampala hubs, 2)",
                              "kampala OR x",
                              "title:kampala",
                              "{title}: kampala",
                              "^kampala",
                              "kampala*",
                              "'",
                              "\\",
                              "(",
                              ")",
                              "kampala\")",
                              "kampala & !x | y",
                              "kampala <-> hubs",
                              "kampala:*",
                              "%",
                              "_",
                              "😀",
                              "<script>alert(1)</script>",
                              "' OR 1=1 --",
                              "\x01kampala\x02"}) {
    const auto r = fm1.get(searchPath(q));
    expectSuccess(spec, r, "GET", "/api/v1/search", q);
  }
  BOOST_TEST(!allHits(spec, fm1, "\"kampala\"* (hubs").empty());
}

BOOST_AUTO_TEST_CASE(bad_input_is_refused_naming_the_parameter) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const std::pair<std::string, int> cases[] = {
      {"/api/v1/search", 422},
      {"/api/v1/search?q=", 422},
      {"/api/v1/search?q=%20%20", 422},
      {searchPath(std::string(201, 'a')), 400},  // the query's own reading refuses these
      {"/api/v1/search?q=%FF", 400},
      {"/api/v1/search?q=kampala&limit=0", 400},
      {"/api/v1/search?q=kampala&limit=51", 400},
      {"/api/v1/search?q=kampala&limit=abc", 400},
      {"/api/v1/search?q=kampala&offset=-1", 400},
      {"/api/v1/search?q=kampala&offset=10001", 400},
  };
  for (const auto& [path, status] : cases) {
    const auto r = fm1.get(path);
    expectProblem(spec, r, status, "GET", "/api/v1/search", path);
    BOOST_REQUIRE(r.json);
    const auto errors = r.json->getArray("errors");
    BOOST_REQUIRE(errors && errors->size() >= 1u);
    const auto field = errors->getObject(0)->getValue<std::string>("field");
    const std::string expected = path.find("limit") != std::string::npos    ? "limit"
                                 : path.find("offset") != std::string::npos ? "offset"
                                                                            : "q";
    BOOST_TEST(field == expected, path);
  }
  BOOST_TEST(server.client().get("/api/v1/search?q=kampala").status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
