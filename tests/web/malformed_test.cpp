#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Array.h>
#include <Poco/String.h>

#include "services/crypto/digest.h"
#include "tests/web/malformed_corpus.h"

using namespace citygrants;
using namespace citygrants::webtest;

namespace {

CorpusTargets findTargets(db::Database& db) {
  auto one = [&](const std::string& sql, std::optional<std::int64_t> p = std::nullopt) {
    const auto v = queryInt(db, sql, p);
    BOOST_REQUIRE_MESSAGE(v.has_value(), "the demo database has no row for: " << sql);
    return *v;
  };
  const std::string by_city_and_state =
      "SELECT p.id FROM proposals p JOIN organisations o ON o.id = p.city_org_id WHERE ";
  CorpusTargets t;
  t.open_call = one("SELECT id FROM calls WHERE code = 'GCF-2026'");
  t.draft_call = one("SELECT id FROM calls WHERE code = 'GCF-2027' AND state = 'draft'");
  t.draft_call_version = one("SELECT version FROM calls WHERE id = :p", t.draft_call);
  t.own_draft = one(by_city_and_state + "o.name = 'Kampala' AND p.state = 'concept_draft'");
  t.own_draft_version = one("SELECT version FROM proposals WHERE id = :p", t.own_draft);
  t.reviewed = one("SELECT MIN(id) FROM proposals WHERE state = 'reviewed'");
  t.reviewed_version = one("SELECT version FROM proposals WHERE id = :p", t.reviewed);
  return t;
}

struct Senders {
  Client applicant;
  Client fund_manager;
  Client anonymous;
};

Response run(const Senders& senders, const MalformedCase& c) {
  const bool is_applicant = c.sender == Sender::kApplicant;
  Client client = c.sender == Sender::kAnonymous ? senders.anonymous
                  : is_applicant                 ? senders.applicant
                                                 : senders.fund_manager;
  const Client& other = is_applicant ? senders.fund_manager : senders.applicant;
  switch (c.spoil) {
    case Spoil::kNone: break;
    case Spoil::kNoCsrf: client.csrf_token.reset(); break;
    case Spoil::kWrongCsrf: client.csrf_token = crypto::randomHex(32); break;
    case Spoil::kOtherCsrf: client.csrf_token = other.csrf_token; break;
    case Spoil::kForgedCookie: client.cookies["cg_session"] = crypto::randomHex(32); break;
  }
  return client.send(c.method, c.path, c.body, c.content_type, c.headers, c.chunked);
}

bool namesField(const Response& r, const std::string& field) {
  if (r.json.isNull() || !r.json->has("errors")) return false;
  const auto errors = r.json->getArray("errors");
  for (std::size_t i = 0; i < errors->size(); ++i) {
    if (errors->getObject(static_cast<unsigned>(i))->getValue<std::string>("field") == field) return true;
  }
  return false;
}

std::vector<MalformedCase> corpus(const CorpusTargets& targets) {
  auto all = bodyCases(targets);
  for (auto& c : requestCases(targets)) all.push_back(std::move(c));
  return all;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(malformed_requests, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(every_malformed_request_gets_a_4xx_problem_and_the_database_is_unchanged) {
  auto& server = SeededServer::get();
  const Senders senders{server.signedIn("applicant@kampala.demo"), server.signedIn("fm1@mmc.demo"), server.client()};
  const auto cases = corpus(findTargets(server.db()));
  BOOST_TEST_MESSAGE("malformed corpus: " << cases.size() << " requests");
  BOOST_TEST(cases.size() >= 150u);

  const auto before = databaseDigest(server.db());
  std::size_t as_expected = 0;
  for (const auto& c : cases) {
    const auto r = run(senders, c);
    const std::string what = c.what + " (" + c.method + " " + c.path.substr(0, 80) + ") answered " +
                             std::to_string(r.status) + ": " + r.body.substr(0, 300);
    const bool expected = c.expect == kAny4xx ? r.status >= 400 && r.status < 500 : r.status == c.expect;
    BOOST_TEST(expected, what << " (expected " << (c.expect == kAny4xx ? std::string("4xx") : std::to_string(c.expect))
                              << ")");
    BOOST_TEST((r.status >= 400 && r.status < 500), what);
    BOOST_TEST(r.isProblem(), what);
    BOOST_TEST(Poco::toLower(r.body).find("exception") == std::string::npos, what);
    if (!c.field.empty()) BOOST_TEST(namesField(r, c.field), what << " (should name " << c.field << ")");
    if (expected && r.isProblem()) ++as_expected;
  }
  BOOST_TEST_MESSAGE("answered as expected: " << as_expected << " of " << cases.size());
  BOOST_TEST(databaseDigest(server.db()) == before);
  // The corpus signed nobody out.
  Client applicant = senders.applicant;
  BOOST_TEST(applicant.get("/api/v1/me").status == 200);
}

BOOST_AUTO_TEST_CASE(the_digest_sees_a_change_and_ignores_sessions) {
  auto& server = SeededServer::get();
  const auto before = databaseDigest(server.db());
  Client c = server.signedIn("fm2@mmc.demo");  // a session and an audit event: the latter counts
  const auto after_sign_in = databaseDigest(server.db());
  BOOST_TEST(after_sign_in != before);
  BOOST_TEST(c.get("/api/v1/me").status == 200);
  BOOST_TEST(c.signIn("fm2@mmc.demo", "wrong").status == 401);  // login_attempts only
  BOOST_TEST(databaseDigest(server.db()) == after_sign_in);
  BOOST_TEST(c.post("/api/v1/tokens", R"({"name":"digest"})").status == 201);
  BOOST_TEST(databaseDigest(server.db()) != after_sign_in);
}

BOOST_AUTO_TEST_SUITE_END()
