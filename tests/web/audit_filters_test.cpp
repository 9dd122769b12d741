#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/URI.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"
#include "web/http/json_encode.h"

// GET /api/v1/audit's filters (issue 15 part 3): the person, the event, a record's reference and
// a date range narrow the chain exactly as SQL written here counts it, page after page; each
// event reads its record as a reference; bad parameters are refused naming them.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

struct Chain {
  std::vector<Poco::JSON::Object::Ptr> items;
  std::int64_t total = 0;
};

// Every page of GET /api/v1/audit?`query`, `limit` at a time, checked against the spec; the
// total must stay the same on every page and the pages must add up to it.
Chain readAll(const Spec& spec, Client& c, const std::string& query, int limit = 500) {
  Chain out;
  std::string before;
  for (int page = 0; page < 1000; ++page) {
    const std::string path = "/api/v1/audit?" + query + "&limit=" + std::to_string(limit) +
                             (before.empty() ? "" : "&before=" + before);
    const auto r = c.get(path);
    expectSuccess(spec, r, "GET", "/api/v1/audit", path);
    BOOST_REQUIRE(r.status == 200);
    const auto total = r.json->getValue<std::int64_t>("total");
    if (page == 0) out.total = total;
    BOOST_TEST(total == out.total, path << ": the total moved");
    const auto items = itemsOf(r);
    for (unsigned i = 0; i < items->size(); ++i) out.items.push_back(items->getObject(i));
    if (r.json->isNull("next")) break;
    before = r.json->getValue<std::string>("next");
  }
  BOOST_TEST(static_cast<std::int64_t>(out.items.size()) == out.total, query);
  for (std::size_t i = 1; i < out.items.size(); ++i) {
    BOOST_TEST(out.items[i]->getValue<std::int64_t>("seq") <
                   out.items[i - 1]->getValue<std::int64_t>("seq"),
               query << ": newest first, each once");
  }
  return out;
}

std::int64_t count(Server& server, const std::string& sql, std::optional<std::int64_t> p = {}) {
  return queryInt(server.db(), sql, p).value_or(-1);
}

std::string encoded(const std::string& text) {
  std::string out;
  Poco::URI::encode(text, "+&=#?/:", out);
  return out;
}

// The `at` of the event numbered `seq`, in epoch ms, as stored.
std::int64_t atOf(Server& server, std::int64_t seq) {
  return count(server, "SELECT at FROM audit_events WHERE seq = :p", seq);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(audit_filters_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(the_person_and_the_event_narrow_the_chain_as_sql_counts_it) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client auditor = server.signedIn("auditor@mmc.demo");
  int checked = 0;
  for (const char* login : {"fm1@mmc.demo", "fm2@mmc.demo", "reviewer@iom.demo",
                            "applicant@kampala.demo", "admin@mmc.demo"}) {
    const auto id =
        count(server, "SELECT id FROM users WHERE email = '" + std::string(login) + "'");
    const auto chain = readAll(spec, auditor, "actor_id=" + std::to_string(id));
    BOOST_TEST(
        chain.total == count(server, "SELECT COUNT(*) FROM audit_events WHERE actor_id = :p", id),
        login);
    BOOST_TEST(chain.total > 0, login);
    for (const auto& e : chain.items) BOOST_TEST(e->getValue<std::int64_t>("actor_id") == id);
    ++checked;
  }
  for (const char* event : {"approve", "verify", "sign", "create", "disburse", "submit"}) {
    const auto chain = readAll(spec, auditor, std::string("event=") + event, 40);
    BOOST_TEST(chain.total == count(server, "SELECT COUNT(*) FROM audit_events WHERE event = '" +
                                                std::string(event) + "'"),
               event);
    BOOST_TEST(chain.total > 0, event);
    for (const auto& e : chain.items) BOOST_TEST(e->getValue<std::string>("event") == event);
    ++checked;
  }
  // An event no one fired is an empty chain, not an error.
  BOOST_TEST(readAll(spec, auditor, "event=never_fired").total == 0);
  BOOST_TEST(checked == 11);
}

BOOST_AUTO_TEST_CASE(a_reference_narrows_the_chain_to_its_record) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  // Kampala's approved proposal, its grant, first tranche and first report.
  const auto proposal = count(
      server,
      "SELECT p.id FROM proposals p JOIN grants g ON g.proposal_id = p.id JOIN organisations o "
      "ON o.id = p.city_org_id WHERE o.name = 'Kampala'");
  const auto ref =
      queryText(server.db(), "SELECT reference FROM proposals WHERE id = :p", proposal);
  const auto grant = count(server, "SELECT id FROM grants WHERE proposal_id = :p", proposal);
  const auto tranche =
      count(server, "SELECT id FROM tranches WHERE grant_id = :p AND seq = 1", grant);
  const auto report =
      count(server, "SELECT id FROM reports WHERE grant_id = :p AND seq = 1", grant);
  BOOST_TEST_REQUIRE(ref.has_value());
  const auto of = [&](const std::string& entity, std::int64_t id) {
    return count(
        server,
        "SELECT COUNT(*) FROM audit_events WHERE entity = '" + entity + "' AND entity_id = :p", id);
  };
  // The proposal's own events and those of the reviews of it.
  std::int64_t reviews = 0;
  {
    auto tx = server.db().read();
    std::int64_t a = 0;
    soci::statement st =
        (tx.sql().prepare << "SELECT id FROM review_assignments WHERE proposal_id = :p",
         soci::use(proposal), soci::into(a));
    st.execute();
    std::vector<std::int64_t> ids;
    while (st.fetch()) ids.push_back(a);
    tx.commit();
    BOOST_TEST(ids.size() == 2u, "IOM and C40 reviewed it");
    for (auto id : ids) reviews += of("review_assignment", id);
  }
  struct Case {
    std::string reference;
    std::int64_t expected;
  };
  const Case cases[] = {
      {*ref, of("proposal", proposal) + reviews},
      {*ref + "-G", of("grant", grant)},
      {*ref + "-T1", of("tranche", tranche)},
      {*ref + "-R1", of("report", report)},
      {*ref + "-T3",
       of("tranche",
          count(server, "SELECT id FROM tranches WHERE grant_id = :p AND seq = 3", grant))},
  };
  for (const auto& c : cases) {
    const auto chain = readAll(spec, fm1, "reference=" + encoded(c.reference), 5);
    BOOST_TEST(chain.total == c.expected, c.reference);
    for (const auto& e : chain.items)
      BOOST_TEST(e->getValue<std::string>("reference") == c.reference);
  }
  BOOST_TEST(reviews > 0);
  BOOST_TEST(cases[2].expected >= 4, "requested, verified, approved, disbursed");
  BOOST_TEST(cases[4].expected == 0, "a tranche still scheduled has no event: an empty chain");
  // With a kind of record besides: only the reviews' events.
  BOOST_TEST(readAll(spec, fm1, "reference=" + *ref + "&entity=review_assignment").total ==
             reviews);
}

BOOST_AUTO_TEST_CASE(a_date_range_takes_from_inclusive_and_to_exclusive) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client auditor = server.signedIn("auditor@mmc.demo");
  const auto head = count(server, "SELECT MAX(seq) FROM audit_events");
  // Two events apart in time, a third of the way and two thirds of the way along the chain.
  auto seq_from = head / 3;
  auto seq_to = 2 * head / 3;
  while (atOf(server, seq_to) == atOf(server, seq_from)) ++seq_to;
  const auto from = atOf(server, seq_from);
  const auto to = atOf(server, seq_to);
  const auto in_range = [&](std::int64_t a, std::int64_t b) {
    return count(server, "SELECT COUNT(*) FROM audit_events WHERE at >= " + std::to_string(a) +
                             " AND at < " + std::to_string(b));
  };
  const auto chain = readAll(
      spec, auditor, "from=" + encoded(http::isoTime(from)) + "&to=" + encoded(http::isoTime(to)));
  BOOST_TEST(chain.total == in_range(from, to));
  BOOST_TEST(chain.total > 0);
  std::set<std::int64_t> seqs;
  for (const auto& e : chain.items) seqs.insert(e->getValue<std::int64_t>("seq"));
  BOOST_TEST(seqs.count(seq_from) == 1u, "from is inclusive");
  BOOST_TEST(seqs.count(seq_to) == 0u, "to is exclusive");
  // Each bound alone, an offset zone, and whole days (00:00 UTC).
  BOOST_TEST(
      readAll(spec, auditor, "from=" + encoded(http::isoTime(from))).total ==
      count(server, "SELECT COUNT(*) FROM audit_events WHERE at >= " + std::to_string(from)));
  BOOST_TEST(readAll(spec, auditor, "to=" + encoded(http::isoTime(to))).total ==
             count(server, "SELECT COUNT(*) FROM audit_events WHERE at < " + std::to_string(to)));
  constexpr std::int64_t kDay = 86'400'000;
  const auto day = from - from % kDay;
  const auto day_text = http::isoTime(day).substr(0, 10);
  const auto next_text = http::isoTime(day + kDay).substr(0, 10);
  BOOST_TEST(readAll(spec, auditor, "from=" + day_text + "&to=" + next_text).total ==
             in_range(day, day + kDay));
  BOOST_TEST(readAll(spec, auditor, "from=" + day_text + "T02:00%2B02:00&to=" + next_text).total ==
             in_range(day, day + kDay));
  // Every filter at once: a person's events of one kind within a range.
  const auto fm1 = count(server, "SELECT id FROM users WHERE email = 'fm1@mmc.demo'");
  const auto all =
      readAll(spec, auditor,
              "actor_id=" + std::to_string(fm1) + "&event=approve&from=2000-01-01&to=" + next_text);
  BOOST_TEST(all.total == count(server,
                                "SELECT COUNT(*) FROM audit_events WHERE actor_id = :p AND "
                                "event = 'approve' AND at < " +
                                    std::to_string(day + kDay),
                                fm1));
}

BOOST_AUTO_TEST_CASE(every_event_reads_its_record_by_reference) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client auditor = server.signedIn("auditor@mmc.demo");
  const auto everything = readAll(spec, auditor, "from=2000-01-01");
  BOOST_TEST_REQUIRE(everything.total == count(server, "SELECT COUNT(*) FROM audit_events"));
  std::set<std::string> kinds;
  for (const auto& e : everything.items) {
    const auto entity = e->getValue<std::string>("entity");
    const auto id = e->getValue<std::int64_t>("entity_id");
    std::optional<std::string> expected;
    if (entity == "proposal" || entity == "grant" || entity == "tranche") {
      expected = queryText(server.db(), "SELECT reference FROM " + entity + "s WHERE id = :p", id);
    } else if (entity == "review_assignment") {
      expected = queryText(server.db(),
                           "SELECT p.reference FROM review_assignments a JOIN proposals p ON "
                           "p.id = a.proposal_id WHERE a.id = :p",
                           id);
    } else if (entity == "report") {
      const auto seq = count(server, "SELECT seq FROM reports WHERE id = :p", id);
      expected = *queryText(server.db(),
                            "SELECT p.reference FROM reports r JOIN grants g ON g.id = r.grant_id "
                            "JOIN proposals p ON p.id = g.proposal_id WHERE r.id = :p",
                            id) +
                 "-R" + std::to_string(seq);
    }
    if (expected) {
      kinds.insert(entity);
      BOOST_TEST(e->getValue<std::string>("reference") == *expected, entity << " #" << id);
    } else {
      BOOST_TEST(e->isNull("reference"), entity << " #" << id << " has no reference");
    }
  }
  BOOST_TEST(kinds.size() == 5u, "proposals, reviews, grants, tranches and reports");
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_refused_naming_them_and_write_nothing) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client auditor = server.signedIn("auditor@mmc.demo");
  struct Bad {
    const char* query;
    int status;
    const char* field;
  };
  const Bad bad[] = {
      {"reference=GCF-2026", 400, "reference"},
      {"reference=gcf-2026-0001", 400, "reference"},
      {"reference=GCF-2026-0001-X1", 400, "reference"},
      {"reference=tranche%20%234", 400, "reference"},
      {"reference=GCF-2099-0001", 422, "reference"},
      {"reference=GCF-2026-0001-T9", 422, "reference"},
      {"reference=GCF-2026-0001-R9", 422, "reference"},
      {"from=yesterday", 400, "from"},
      {"from=2026-02-30", 400, "from"},
      {"to=2026-03-01T10:00", 400, "to"},
      {"to=2026-03-01T10:00:00", 400, "to"},
      {"from=2026-03-02&to=2026-03-01", 422, "to"},
      {"from=2026-03-01&to=2026-03-01", 422, "to"},
      {"event=Sign%20in", 400, "event"},
      {"entity=Tranche", 400, "entity"},
      {"actor_id=abc", 400, "actor_id"},
      {"actor_id=0", 400, "actor_id"},
  };
  const auto head = count(server, "SELECT last_seq FROM audit_head");
  for (const auto& b : bad) {
    const auto r = auditor.get(std::string("/api/v1/audit?") + b.query);
    expectProblem(spec, r, b.status, "GET", "/api/v1/audit", b.query);
    BOOST_TEST_REQUIRE(r.json);
    const auto errors = r.json->getArray("errors");
    BOOST_TEST_REQUIRE(errors);
    BOOST_TEST_REQUIRE(errors->size() == 1u, b.query);
    BOOST_TEST(errors->getObject(0)->getValue<std::string>("field") == b.field, b.query);
    // The audit's file refuses alike, and writes no export event.
    const auto file = auditor.get(std::string("/api/v1/exports/audit.csv?") + b.query);
    BOOST_TEST(file.status == b.status, "export " << b.query);
  }
  BOOST_TEST(count(server, "SELECT last_seq FROM audit_head") == head, "nothing was written");
  // Only auditors and fund managers read the chain and its people.
  for (const char* login : {"applicant@kampala.demo", "reviewer@iom.demo", "admin@mmc.demo"}) {
    Client c = server.signedIn(login);
    BOOST_TEST(c.get("/api/v1/audit?reference=GCF-2026-0001").status == 403, login);
    BOOST_TEST(c.get("/api/v1/audit/people").status == 403, login);
  }
}

BOOST_AUTO_TEST_CASE(the_people_to_filter_by_are_everyone_by_name_and_organisation) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  for (const char* login : {"auditor@mmc.demo", "fm2@mmc.demo"}) {
    Client c = server.signedIn(login);
    const auto r = c.get("/api/v1/audit/people");
    expectSuccess(spec, r, "GET", "/api/v1/audit/people", login);
    const auto items = itemsOf(r);
    BOOST_TEST(static_cast<std::int64_t>(items->size()) ==
               count(server, "SELECT COUNT(*) FROM users"));
    for (unsigned i = 0; i < items->size(); ++i) {
      const auto p = items->getObject(i);
      const auto id = p->getValue<std::int64_t>("id");
      BOOST_TEST(p->getValue<std::string>("name") ==
                 *queryText(server.db(), "SELECT name FROM users WHERE id = :p", id));
      BOOST_TEST(p->getValue<std::string>("organisation") ==
                 *queryText(server.db(),
                            "SELECT o.name FROM users u JOIN organisations o ON o.id = u.org_id "
                            "WHERE u.id = :p",
                            id));
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
