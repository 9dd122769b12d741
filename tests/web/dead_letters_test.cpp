#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "services/stores/outbox_store.h"
#include "tests/web/http_fixture.h"
#include "tests/web/openapi_spec.h"

// Dead letters over HTTP (issue 16 part 3): POST /api/v1/outbox/{id}/requeue and /discard, admins
// only, each audited; what cannot apply is refused with nothing written; /metrics counts the
// outbox per status as SQL does.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

// The ids of two queued messages made dead through the worker's own store calls, as a 550 leaves
// them.
std::vector<std::int64_t> killTwo(db::Database& db) {
  std::vector<std::int64_t> ids;
  db.write([&](db::Tx& tx) {
    const auto now = nowMs();
    for (const auto& m : stores::OutboxStore::claim(tx, "dead-test", now, now + 60'000, 2)) {
      BOOST_TEST(stores::OutboxStore::markDead(tx, m.id, "dead-test", now,
                                               "550 5.1.1 Mailbox unavailable"));
      ids.push_back(m.id);
    }
    tx.commit();
  });
  BOOST_REQUIRE(ids.size() == 2u);
  return ids;
}

std::int64_t audited(db::Database& db, const std::string& event, std::int64_t id) {
  return queryInt(db,
                  "SELECT COUNT(*) FROM audit_events WHERE entity = 'outbox_mail' AND event = '" +
                      event + "' AND entity_id = :p",
                  id)
      .value_or(-1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dead_letters_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(only_admins_requeue_or_discard_and_refusals_write_nothing) {
  auto& server = SeededServer::get();
  auto& db = server.db();
  const Spec spec(server);
  const auto dead = killTwo(db);
  const std::pair<std::string, int> kTable[] = {
      {"fm1@mmc.demo", 403},           {"auditor@mmc.demo", 403},
      {"reviewer@iom.demo", 403},      {"applicant@kampala.demo", 403},
      {"", 401},
  };
  std::vector<Client> clients;
  for (const auto& row : kTable) {
    clients.push_back(row.first.empty() ? server.client() : server.signedIn(row.first));
  }
  Client admin = server.signedIn("admin@mmc.demo");
  const auto before = databaseDigest(db);
  for (std::size_t i = 0; i < std::size(kTable); ++i) {
    for (const char* action : {"requeue", "discard"}) {
      const auto path = "/api/v1/outbox/" + std::to_string(dead[0]) + "/" + action;
      const auto r = clients[i].post(path, "");
      BOOST_TEST(r.status == kTable[i].second, kTable[i].first << " POST " << path << ": " << r.body);
      expectProblem(spec, r, kTable[i].second, "POST",
                    std::string("/api/v1/outbox/{id}/") + action, path);
    }
  }
  // Unknown: 404. Not dead: 409 for requeue. Sent: 409 for discard.
  const auto sent = queryInt(db, "SELECT MIN(id) FROM outbox_mail WHERE sent_at IS NOT NULL");
  const auto queued =
      queryInt(db, "SELECT MIN(id) FROM outbox_mail WHERE sent_at IS NULL AND dead_at IS NULL "
                   "AND discarded_at IS NULL");
  BOOST_REQUIRE(queued.has_value());
  const std::pair<std::string, int> refusals[] = {
      {"/api/v1/outbox/999999/requeue", 404},
      {"/api/v1/outbox/999999/discard", 404},
      {"/api/v1/outbox/" + std::to_string(*queued) + "/requeue", 409},
  };
  for (const auto& [path, status] : refusals) {
    const auto r = admin.post(path, "");
    BOOST_TEST(r.status == status, path << ": " << r.body);
    expectProblem(spec, r, status, "POST",
                  path.ends_with("requeue") ? "/api/v1/outbox/{id}/requeue"
                                            : "/api/v1/outbox/{id}/discard",
                  path);
  }
  if (sent) {
    const auto path = "/api/v1/outbox/" + std::to_string(*sent) + "/discard";
    const auto r = admin.post(path, "");
    BOOST_TEST(r.status == 409, path << ": " << r.body);
  }
  BOOST_TEST(databaseDigest(db) == before);

  // The admin: the first dead message is requeued (failed: due at once, its history kept), the
  // second discarded; each once, each audited once.
  const auto requeued = admin.post("/api/v1/outbox/" + std::to_string(dead[0]) + "/requeue", "");
  expectSuccess(spec, requeued, "POST", "/api/v1/outbox/{id}/requeue",
                "/api/v1/outbox/{id}/requeue");
  BOOST_REQUIRE(requeued.json);
  BOOST_TEST(requeued.json->getValue<std::string>("status") == "failed");
  BOOST_TEST(requeued.json->isNull("dead_at"));
  BOOST_TEST(!requeued.json->isNull("next_attempt_at"));
  BOOST_TEST(requeued.json->getValue<std::string>("last_error") == "550 5.1.1 Mailbox unavailable");
  const auto again = admin.post("/api/v1/outbox/" + std::to_string(dead[0]) + "/requeue", "");
  BOOST_TEST(again.status == 409);
  const auto discarded = admin.post("/api/v1/outbox/" + std::to_string(dead[1]) + "/discard", "");
  expectSuccess(spec, discarded, "POST", "/api/v1/outbox/{id}/discard",
                "/api/v1/outbox/{id}/discard");
  BOOST_REQUIRE(discarded.json);
  BOOST_TEST(discarded.json->getValue<std::string>("status") == "discarded");
  BOOST_TEST(!discarded.json->isNull("discarded_at"));
  BOOST_TEST(discarded.json->isNull("next_attempt_at"));
  BOOST_TEST(audited(db, "requeue", dead[0]) == 1);
  BOOST_TEST(audited(db, "discard", dead[1]) == 1);
  BOOST_TEST(audited(db, "discard", dead[0]) == 0);
  // The worker never claims a discarded message.
  db.write([&](db::Tx& tx) {
    const auto later = nowMs() + 10LL * 24 * 3600 * 1000;
    for (const auto& m : stores::OutboxStore::claim(tx, "dead-test", later, later + 1, 1000)) {
      BOOST_TEST(m.id != dead[1]);
      stores::OutboxStore::release(tx, m.id, "dead-test");
    }
    tx.commit();
  });
}

BOOST_AUTO_TEST_CASE(metrics_count_the_outbox_per_status_as_sql_does) {
  auto& server = SeededServer::get();
  auto& db = server.db();
  killTwo(db);
  const auto r = server.client().get("/metrics");
  BOOST_REQUIRE(r.status == 200);
  const std::pair<std::string, std::string> kTruth[] = {
      {"queued", "sent_at IS NULL AND last_error IS NULL AND dead_at IS NULL AND discarded_at IS NULL"},
      {"sent", "sent_at IS NOT NULL"},
      {"failed", "sent_at IS NULL AND last_error IS NOT NULL AND dead_at IS NULL AND discarded_at IS NULL"},
      {"dead", "sent_at IS NULL AND dead_at IS NOT NULL AND discarded_at IS NULL"},
      {"discarded", "sent_at IS NULL AND discarded_at IS NOT NULL"},
  };
  for (const auto& [status, where] : kTruth) {
    const auto count = queryInt(db, "SELECT COUNT(*) FROM outbox_mail WHERE " + where);
    const auto line = "citygrants_outbox_messages{status=\"" + status + "\"} " +
                      std::to_string(count.value_or(-1)) + "\n";
    BOOST_TEST(r.body.find(line) != std::string::npos, line << " in\n" << r.body);
  }
  BOOST_TEST(queryInt(db, "SELECT COUNT(*) FROM outbox_mail WHERE dead_at IS NOT NULL").value_or(0) >= 2);
  const auto failed = queryInt(db,
                               "SELECT COALESCE(SUM(attempts), 0) - COALESCE(SUM(CASE WHEN sent_at "
                               "IS NOT NULL THEN 1 ELSE 0 END), 0) FROM outbox_mail");
  BOOST_TEST(r.body.find("citygrants_outbox_failed_attempts " + std::to_string(failed.value_or(-1)) +
                         "\n") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
