#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "services/stores/outbox_store.h"
#include "tests/web/http_fixture.h"
#include "tests/web/openapi_spec.h"

// GET /api/v1/outbox over the demo fund: only admins read it (the permission table's row, role by
// role, as every admin route answers); what each status filter lists is what SQL says, newest
// first, page after page; bad parameters are refused naming them, and nothing is written.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

// The SQL truth of a status, over outbox_mail (the definitions the README gives).
struct StatusTruth {
  std::string filter;  // the ?status= value ("" for none)
  std::string where;   // the same set in SQL
};

const StatusTruth kStatuses[] = {
    {"", "1 = 1"},
    {"queued", "sent_at IS NULL AND last_error IS NULL AND dead_at IS NULL AND discarded_at IS NULL"},
    {"sent", "sent_at IS NOT NULL"},
    {"failed",
     "sent_at IS NULL AND last_error IS NOT NULL AND dead_at IS NULL AND discarded_at IS NULL"},
    {"failed,sent",
     "sent_at IS NOT NULL OR (last_error IS NOT NULL AND dead_at IS NULL AND discarded_at IS NULL)"},
    {"dead", "sent_at IS NULL AND dead_at IS NOT NULL AND discarded_at IS NULL"},
    {"discarded", "sent_at IS NULL AND discarded_at IS NOT NULL"},
    {"dead,discarded,queued",
     "sent_at IS NULL AND (dead_at IS NOT NULL OR discarded_at IS NOT NULL OR last_error IS NULL)"},
};

// The ids `where` selects, most recent first (created_at, then id, descending).
std::vector<std::int64_t> idsWhere(db::Database& db, const std::string& where) {
  auto tx = db.read();
  std::int64_t id = 0;
  soci::statement st = (tx.sql().prepare << "SELECT id FROM outbox_mail WHERE " + where +
                                                " ORDER BY created_at DESC, id DESC",
                        soci::into(id));
  st.execute();
  std::vector<std::int64_t> out;
  while (st.fetch()) out.push_back(id);
  tx.commit();
  return out;
}

// The outbox as the worker leaves it after a relay that took some messages and refused others:
// the three oldest queued messages sent, the next two failed (one twice), the rest still queued.
// Through the worker's own store calls, claims and all.
void sendSomeAndFailSome(db::Database& db) {
  std::int64_t failed_first = 0;
  db.write([&](db::Tx& tx) {
    const auto now = nowMs();
    const auto claimed = stores::OutboxStore::claim(tx, "outbox-test", now, now + 60'000, 5);
    BOOST_REQUIRE(claimed.size() == 5u);
    for (std::size_t i = 0; i < 3; ++i) BOOST_TEST(stores::OutboxStore::markSent(tx, claimed[i].id, now));
    for (std::size_t i = 3; i < 5; ++i) {
      BOOST_TEST(stores::OutboxStore::markFailed(tx, claimed[i].id, "outbox-test", now + 30'000,
                                                 "550 mailbox unavailable"));
    }
    failed_first = claimed[3].id;
    tx.commit();
  });
  db.write([&](db::Tx& tx) {
    // After its back-off the first failed one is tried again and fails again; the worker had
    // claimed everything due, and gives back what it did not try.
    const auto later = nowMs() + 31'000;
    const auto due = stores::OutboxStore::claim(tx, "outbox-test", later, later + 60'000, 1000);
    bool retried = false;
    for (const auto& m : due) {
      if (m.id == failed_first) {
        retried = stores::OutboxStore::markFailed(tx, m.id, "outbox-test", later + 60'000,
                                                  "421 try again later");
      } else {
        stores::OutboxStore::release(tx, m.id, "outbox-test");
      }
    }
    BOOST_TEST(retried);
    tx.commit();
  });
}

std::vector<Poco::JSON::Object::Ptr> allMessages(const Spec& spec, Client& admin,
                                                 const std::string& status, int limit) {
  std::vector<Poco::JSON::Object::Ptr> out;
  std::string offset = "0";
  std::int64_t total = -1;
  for (int pages = 0; pages < 200; ++pages) {
    const std::string path = "/api/v1/outbox?limit=" + std::to_string(limit) + "&offset=" + offset +
                             (status.empty() ? "" : "&status=" + status);
    const auto r = admin.get(path);
    expectSuccess(spec, r, "GET", "/api/v1/outbox", path);
    BOOST_REQUIRE(r.json);
    if (total >= 0) BOOST_TEST(r.json->getValue<std::int64_t>("total") == total, path);
    total = r.json->getValue<std::int64_t>("total");
    const auto items = r.json->getArray("items");
    for (unsigned i = 0; i < items->size(); ++i) out.push_back(items->getObject(i));
    if (r.json->isNull("next")) break;
    offset = r.json->getValue<std::string>("next");
  }
  BOOST_TEST(static_cast<std::int64_t>(out.size()) == total, "status=" << status);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(outbox_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(only_admins_read_the_outbox_and_every_other_role_is_refused) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  // One row per role of DESIGN §1 (and no one signed in), as the permission table says.
  const std::pair<std::string, int> kTable[] = {
      {"admin@mmc.demo", 200},        {"fm1@mmc.demo", 403},           {"fm2@mmc.demo", 403},
      {"auditor@mmc.demo", 403},      {"reviewer@iom.demo", 403},      {"reviewer@unhcr.demo", 403},
      {"applicant@kampala.demo", 403}, {"applicant@montevideo.demo", 403}, {"", 401},
  };
  std::vector<Client> clients;  // signed in first: a sign-in is audited
  for (const auto& row : kTable) {
    clients.push_back(row.first.empty() ? server.client() : server.signedIn(row.first));
  }
  const auto before = databaseDigest(server.db());
  for (std::size_t i = 0; i < std::size(kTable); ++i) {
    const auto& [login, status] = kTable[i];
    Client& c = clients[i];
    for (const std::string path : {"/api/v1/outbox", "/api/v1/outbox?status=failed&limit=5"}) {
      const auto r = c.get(path);
      BOOST_TEST(r.status == status, (login.empty() ? "no one" : login) << " GET " << path << ": "
                                                                        << r.status << " " << r.body);
      if (status == 200) {
        expectSuccess(spec, r, "GET", "/api/v1/outbox", path);
      } else {
        expectProblem(spec, r, status, "GET", "/api/v1/outbox", path);
        BOOST_TEST(r.body.find("@") == std::string::npos, "a refusal names no address: " << r.body);
      }
    }
  }
  BOOST_TEST(databaseDigest(server.db()) == before);
}

BOOST_AUTO_TEST_CASE(each_status_lists_what_sql_says_newest_first_with_counts) {
  auto& server = SeededServer::get();
  auto& db = server.db();
  const Spec spec(server);
  const auto queued_before = idsWhere(db, kStatuses[1].where);
  BOOST_TEST_REQUIRE(queued_before.size() >= 8u, "the demo fund queues mail as it is seeded");
  sendSomeAndFailSome(db);
  Client admin = server.signedIn("admin@mmc.demo");  // signing in moves the caches' generation

  for (const auto& truth : kStatuses) {
    const auto expected = idsWhere(db, truth.where);
    for (const int limit : {7, 200}) {
      const auto items = allMessages(spec, admin, truth.filter, limit);
      std::vector<std::int64_t> ids;
      for (const auto& m : items) ids.push_back(m->getValue<std::int64_t>("id"));
      BOOST_TEST(ids == expected, "status=" << truth.filter << " limit=" << limit);
    }
  }
  // The sets are what the worker left: 3 sent, 2 failed (one of them twice), the rest queued.
  BOOST_TEST(idsWhere(db, kStatuses[2].where).size() >= 3u);
  BOOST_TEST(idsWhere(db, kStatuses[3].where).size() == 2u);

  const auto r = admin.get("/api/v1/outbox?status=failed");
  BOOST_REQUIRE(r.json);
  const auto counts = r.json->getObject("counts");
  BOOST_REQUIRE(counts);
  for (const char* s : {"queued", "sent", "failed", "dead", "discarded"}) {
    std::string where;
    for (const auto& truth : kStatuses) {
      if (truth.filter == s) where = truth.where;
    }
    BOOST_TEST(counts->getValue<std::int64_t>(s) ==
                   queryInt(db, "SELECT COUNT(*) FROM outbox_mail WHERE " + where).value_or(-1),
               s);
  }

  // Each message as stored: recipient, language, template, subject, times, attempts, error.
  const auto items = r.json->getArray("items");
  BOOST_REQUIRE(items->size() == 2u);
  for (unsigned i = 0; i < items->size(); ++i) {
    const auto m = items->getObject(i);
    const auto id = m->getValue<std::int64_t>("id");
    BOOST_TEST(m->getValue<std::string>("status") == "failed");
    BOOST_TEST(m->getValue<std::string>("to_email") ==
               queryText(db, "SELECT to_email FROM outbox_mail WHERE id = :p", id).value_or("?"));
    BOOST_TEST(m->getValue<std::string>("language") ==
               queryText(db, "SELECT language FROM outbox_mail WHERE id = :p", id).value_or("?"));
    BOOST_TEST(m->getValue<std::string>("template") ==
               queryText(db, "SELECT template FROM outbox_mail WHERE id = :p", id).value_or("?"));
    BOOST_TEST(m->getValue<std::string>("subject") ==
               queryText(db, "SELECT subject FROM outbox_mail WHERE id = :p", id).value_or("?"));
    BOOST_TEST(m->getValue<std::int64_t>("attempts") ==
               queryInt(db, "SELECT attempts FROM outbox_mail WHERE id = :p", id).value_or(-1));
    BOOST_TEST(m->getValue<std::string>("last_error") ==
               queryText(db, "SELECT last_error FROM outbox_mail WHERE id = :p", id).value_or("?"));
    BOOST_TEST(m->isNull("sent_at"));
    BOOST_TEST(!m->isNull("next_attempt_at"));
    BOOST_TEST(!m->has("body"), "an admin reads who gets what, never a message's body");
  }
  // The one that failed twice says so, with the relay's latest answer.
  bool twice = false;
  for (unsigned i = 0; i < items->size(); ++i) {
    const auto m = items->getObject(i);
    if (m->getValue<int>("attempts") == 2) {
      twice = true;
      BOOST_TEST(m->getValue<std::string>("last_error") == "421 try again later");
    }
  }
  BOOST_TEST(twice);
  const auto sent = admin.get("/api/v1/outbox?status=sent&limit=1");
  BOOST_REQUIRE(sent.json);
  const auto first = sent.json->getArray("items")->getObject(0);
  BOOST_TEST(!first->isNull("sent_at"));
  BOOST_TEST(first->isNull("next_attempt_at"));
  BOOST_TEST(first->getValue<int>("attempts") == 1);
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_refused_naming_them_and_nothing_is_written) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client admin = server.signedIn("admin@mmc.demo");
  const auto before = databaseDigest(server.db());
  const std::pair<std::string, std::string> cases[] = {
      {"status=bogus", "status"},   {"status=sent,bogus", "status"}, {"status=", "status"},
      {"status=SENT", "status"},    {"limit=0", "limit"},            {"limit=201", "limit"},
      {"limit=ten", "limit"},       {"offset=-1", "offset"},         {"offset=100001", "offset"},
  };
  for (const auto& [query, field] : cases) {
    const auto path = "/api/v1/outbox?" + query;
    const auto r = admin.get(path);
    expectProblem(spec, r, 400, "GET", "/api/v1/outbox", path);
    BOOST_REQUIRE(r.json);
    const auto errors = r.json->getArray("errors");
    BOOST_REQUIRE(errors && errors->size() >= 1u);
    BOOST_TEST(errors->getObject(0)->getValue<std::string>("field") == field, path);
  }
  BOOST_TEST(databaseDigest(server.db()) == before);
}

BOOST_AUTO_TEST_SUITE_END()
