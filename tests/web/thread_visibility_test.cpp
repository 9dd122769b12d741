// The threads of Kampala's approved proposal and its grant over HTTP, read by every demo login:
// who sees which message, by what the database says each login is to the records (written here
// in SQL, not by asking the rule), and the raw bodies of every answer that could carry a message
// (threads, timelines, one message, files, the inbox, search, the records, the lists, the audit)
// searched for the internal messages' words wherever the reader may not read them.

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/inbox_truth.h"
#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"
#include "tests/web/thread_requests.h"

using namespace citygrants;
using namespace citygrants::webtest;

namespace {

// What a login is to one record: whether they see it, and whether they read internal messages.
struct Part {
  bool sees = false;
  bool internal = false;
};

bool has(const Reader& r, const std::string& role) {
  return std::find(r.roles.begin(), r.roles.end(), role) != r.roles.end();
}

// The proposal's partners: its supporting organisation and those that declared and reviewed it.
Part proposalPart(db::Database& db, const Reader& r, const KampalaRecords& k, std::int64_t city) {
  if (has(r, "fund_manager") || has(r, "auditor")) return {true, true};
  Part p;
  if (has(r, "applicant") && r.org_id == city) p.sees = true;
  const bool partner =
      has(r, "partner") &&
      (r.org_id == k.supporting_org ||
       queryInt(db,
                "SELECT COUNT(*) FROM review_assignments WHERE proposal_id = " +
                    std::to_string(k.proposal) +
                    " AND state IN ('in_progress', 'submitted') AND partner_org_id = :p",
                r.org_id)
               .value_or(0) > 0);
  if (partner) return {true, true};
  return p;
}

// The grant's partners: its supporting organisation only.
Part grantPart(const Reader& r, const KampalaRecords& k, std::int64_t city) {
  if (has(r, "fund_manager") || has(r, "auditor")) return {true, true};
  if (has(r, "partner") && r.org_id == k.supporting_org) return {true, true};
  return {has(r, "applicant") && r.org_id == city, false};
}

std::vector<std::string> demoLogins(Server& server) {
  Client admin = server.signedIn("admin@mmc.demo");
  std::vector<std::string> out;
  const auto users = itemsOf(read(admin, "/api/v1/users"));
  for (unsigned i = 0; i < users->size(); ++i)
    out.push_back(users->getObject(i)->getValue<std::string>("email"));
  return out;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// One posted message: its id, its words, and whether it is internal.
struct Posted {
  std::int64_t id = 0;
  std::string words;
  bool internal = false;
  bool grant = false;
  bool has_file = false;
};

Posted post(Client& c, const std::string& thread, const std::string& words, bool internal,
            bool grant, const std::vector<FilePart>& files = {}) {
  const auto r = postForm(c, thread, words, internal ? "internal" : "shared", files);
  BOOST_REQUIRE_MESSAGE(r.status == 201, thread << ": " << r.status << " " << r.body);
  return {idOf(r), words, internal, grant, !files.empty()};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(thread_visibility, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(every_demo_login_reads_exactly_its_part_and_no_city_meets_an_internal_word) {
  auto& server = SeededServer::get();
  auto& db = server.db();
  const Spec spec(server);
  const auto k = kampalaRecords(server);
  const auto kampala_org =
      queryInt(db, "SELECT city_org_id FROM grants WHERE id = :p", k.grant).value_or(0);
  Client city = server.signedIn("applicant@kampala.demo");
  Client fm1 = server.signedIn("fm1@mmc.demo");
  Client fm2 = server.signedIn("fm2@mmc.demo");
  Client partner = server.signedIn(k.supporting_login);
  const auto p = proposalThread(k.proposal);
  const auto g = grantThread(k.grant);
  // The proposal's thread ends with the fund's shared answer, the grant's with the city's question.
  std::vector<Posted> posted = {
      post(city, p, "city-shared-P words", false, false, {{"city-plan.pdf", pdfBytes()}}),
      post(fm1, p, "fund-internal-P words", true, false, {{"fund-memo-secret.pdf", pdfBytes()}}),
      post(partner, p, "partner-internal-P words", true, false),
      post(fm2, p, "fund-shared-P words", false, false),
      post(fm2, g, "fund-shared-G words", false, true),
      post(fm1, g, "fund-internal-G words", true, true, {{"grant-memo-secret.pdf", pdfBytes()}}),
      post(partner, g, "partner-internal-G words", true, true),
      post(city, g, "city-shared-G words", false, true, {{"city-report.pdf", pdfBytes()}}),
  };
  // The words and file names of the internal messages, by record (false: the proposal's).
  const std::vector<std::pair<std::string, bool>> secrets = {{"internal-P", false},
                                                             {"fund-memo-secret", false},
                                                             {"internal-G", true},
                                                             {"grant-memo-secret", true}};
  std::vector<std::string> attachment_ids;
  for (auto id = queryInt(db, "SELECT MIN(id) FROM attachments WHERE message_id IS NOT NULL"); id;
       id = queryInt(db, "SELECT MIN(id) FROM attachments WHERE message_id IS NOT NULL AND id > :p",
                     *id)) {
    attachment_ids.push_back(std::to_string(*id));
  }
  BOOST_REQUIRE(attachment_ids.size() == 4u);

  const auto logins = demoLogins(server);
  BOOST_REQUIRE(logins.size() >= 12u);
  std::set<std::string> roles_seen;
  for (const auto& login : logins) {
    BOOST_TEST_CONTEXT(login) {
      const auto reader = readerOf(db, login);
      for (const auto& role : reader.roles) roles_seen.insert(role);
      const auto on_p = proposalPart(db, reader, k, kampala_org);
      const auto on_g = grantPart(reader, k, kampala_org);
      Client c = server.signedIn(login);
      std::vector<Response> answers;
      auto get = [&](const std::string& path) {
        answers.push_back(c.get(path));
        return answers.back();
      };
      // The threads and timelines: 404 unless the record is seen; the words the reader reads.
      for (const auto& [path, part, grant] :
           std::vector<std::tuple<std::string, Part, bool>>{{p, on_p, false}, {g, on_g, true}}) {
        const auto thread = get(path);
        BOOST_TEST(thread.status == (part.sees ? 200 : 404), path << ": " << thread.status);
        if (thread.status == 200) {
          expectSuccess(spec, thread, "GET",
                        grant ? "/api/v1/grants/{id}/messages" : "/api/v1/proposals/{id}/messages",
                        path);
        }
        const auto timeline = get(path.substr(0, path.size() - 9) + "/timeline");
        BOOST_TEST(timeline.status == (part.sees ? 200 : 404));
        for (const auto& m : posted) {
          if (m.grant != grant) continue;
          const bool reads = part.sees && (part.internal || !m.internal);
          BOOST_TEST(contains(thread.body, m.words) == reads, path << " and " << m.words);
          BOOST_TEST(contains(timeline.body, m.words) == reads,
                     path << " timeline and " << m.words);
          const auto one = get("/api/v1/messages/" + std::to_string(m.id));
          BOOST_TEST(one.status == (reads ? 200 : 404), m.words << ": " << one.status);
          if (m.has_file) {
            const auto file = get("/api/v1/messages/" + std::to_string(m.id) + "/attachments/1");
            BOOST_TEST(file.status == (reads ? 200 : 404), m.words << " file: " << file.status);
          }
        }
        if (thread.status == 200 && !part.internal) {
          // A city counts only what it reads: the fund's total less the internal messages.
          const auto all = fm1.get(path);
          BOOST_TEST(thread.json->getValue<std::int64_t>("total") ==
                     all.json->getValue<std::int64_t>("total") - 2);
        }
      }
      // Everything else that could carry a message's words or files.
      for (const auto& id : attachment_ids) {
        BOOST_TEST(get("/api/v1/attachments/" + id).status == 404);
        BOOST_TEST(get("/api/v1/attachments/" + id + "/content").status == 404);
      }
      for (const char* path :
           {"/api/v1/inbox", "/api/v1/search?q=internal", "/api/v1/search?q=memo",
            "/api/v1/proposals?limit=200", "/api/v1/grants", "/api/v1/audit?entity=message",
            "/api/v1/audit", "/api/v1/me"}) {
        get(path);
      }
      get("/api/v1/proposals/" + std::to_string(k.proposal));
      get("/api/v1/grants/" + std::to_string(k.grant));
      get("/api/v1/proposals/" + std::to_string(k.proposal) + "/attachments");
      // The inbox is what SQL says waits for this login, message kinds included.
      const auto inbox = c.get("/api/v1/inbox?limit=500");
      BOOST_TEST((keysOf(inbox.json) == truthFor(db, reader, nowMs())));
      for (const auto& [secret, of_grant] : secrets) {
        if ((of_grant ? on_g : on_p).internal) continue;
        for (const auto& r : answers) {
          BOOST_TEST(!contains(r.body, secret),
                     "an answer of " << r.status << " carries " << secret);
        }
      }
    }
  }
  // Every kind of reader took part: cities, partners, fund managers, admins, auditors.
  BOOST_TEST(roles_seen.size() == 5u);
}

BOOST_AUTO_TEST_CASE(whose_turn_it_is_shows_in_the_fund_managers_and_the_citys_inbox) {
  auto& server = SeededServer::get();
  const auto k = kampalaRecords(server);
  Client city = server.signedIn("applicant@kampala.demo");
  Client fm1 = server.signedIn("fm1@mmc.demo");
  auto kinds = [](Client& c) {
    std::set<std::string> out;
    const auto items = itemsOf(read(c, "/api/v1/inbox?limit=500"));
    for (unsigned i = 0; i < items->size(); ++i) {
      const auto item = items->getObject(i);
      const auto kind = item->getValue<std::string>("kind");
      if (kind.rfind("message.", 0) != 0) continue;
      const auto record = item->getObject("record");
      out.insert(kind + " " + record->getValue<std::string>("kind") + ":" +
                 std::to_string(record->getValue<std::int64_t>("id")));
    }
    return out;
  };
  const std::string on_p = "proposal:" + std::to_string(k.proposal);
  BOOST_REQUIRE(
      postJson(city, proposalThread(k.proposal), "Is the agreement ready?", "shared").status ==
      201);
  BOOST_TEST(kinds(fm1).count("message.from_city " + on_p) == 1u);
  BOOST_TEST(kinds(city).count("message.from_fund " + on_p) == 0u);
  BOOST_REQUIRE(postJson(fm1, proposalThread(k.proposal), "Checking first.", "internal").status ==
                201);
  BOOST_TEST(kinds(fm1).count("message.from_city " + on_p) == 1u);
  BOOST_REQUIRE(postJson(fm1, proposalThread(k.proposal), "Yes, sign it.", "shared").status == 201);
  BOOST_TEST(kinds(fm1).count("message.from_city " + on_p) == 0u);
  BOOST_TEST(kinds(city).count("message.from_fund " + on_p) == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
