// Answers that show rows written without an audit event are never kept in the response cache:
// the outbox worker's deliveries, failed sign-ins, a session's last use. The change feed keeps
// every other answer current on every instance, but it learns of a write only from its audit
// event, so a kept answer about these rows would stay stale for up to the cache's second.
#include <cstdint>
#include <string>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "services/stores/outbox_store.h"
#include "tests/web/http_fixture.h"
#include "tests/web/pipeline_steps.h"

using namespace citygrants;
using namespace citygrants::webtest;

namespace {

// Whether the admin's inbox says that the user `user_id` is locked out by failed sign-ins.
bool lockedOut(const Response& inbox, std::int64_t user_id) {
  const auto items = itemsOf(inbox);
  for (unsigned i = 0; i < items->size(); ++i) {
    const auto item = items->getObject(i);
    if (item->getValue<std::string>("kind") == "user.locked" &&
        item->getObject("record")->getValue<std::int64_t>("id") == user_id &&
        item->getObject("detail")->getValue<std::string>("cause") == "failed_sign_ins") {
      return true;
    }
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(unaudited_rows, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(the_outbox_shows_a_delivery_at_once) {
  auto& server = SeededServer::get();
  Client admin = server.signedIn("admin@mmc.demo");
  const std::string queued = "/api/v1/outbox?status=queued&limit=200";
  std::int64_t sent = 0;
  server.db().write([&](db::Tx& tx) {  // the worker takes the oldest message due...
    const auto now = nowMs();
    const auto claimed = stores::OutboxStore::claim(tx, "unaudited-test", now, now + 60'000, 1);
    BOOST_REQUIRE_EQUAL(claimed.size(), 1u);
    sent = claimed[0].id;
    stores::OutboxStore::release(tx, sent, "unaudited-test");
    tx.commit();
  });
  BOOST_TEST(listsId(admin.get(queued), sent));
  BOOST_TEST(listsId(admin.get(queued), sent));  // read again, as the console does
  // ...and the relay takes it: no audit event.
  server.db().write([&](db::Tx& tx) {
    const auto now = nowMs();
    const auto claimed = stores::OutboxStore::claim(tx, "unaudited-test", now, now + 60'000, 1);
    BOOST_REQUIRE(claimed.size() == 1u && claimed[0].id == sent);
    BOOST_TEST(stores::OutboxStore::markSent(tx, sent, now));
    tx.commit();
  });
  BOOST_TEST(!listsId(admin.get(queued), sent));
  BOOST_TEST(listsId(admin.get("/api/v1/outbox?status=sent&limit=200"), sent));
}

BOOST_AUTO_TEST_CASE(an_admins_inbox_shows_failed_sign_ins_at_once) {
  auto& server = SeededServer::get();
  const std::string email = "reviewer@uclg.demo";
  const auto user = *queryInt(server.db(), "SELECT id FROM users WHERE email = '" + email + "'");
  Client admin = server.signedIn("admin@mmc.demo");
  BOOST_TEST(!lockedOut(admin.get("/api/v1/inbox?limit=100"), user));
  BOOST_TEST(!lockedOut(admin.get("/api/v1/inbox?limit=100"), user));
  // Five wrong passwords lock the email's sign-ins: no audit event names a user for them.
  for (int i = 0; i < 5; ++i) {
    BOOST_TEST(server.client().signIn(email, "wrong-password").status == 401);
  }
  BOOST_TEST(lockedOut(admin.get("/api/v1/inbox?limit=100"), user));
  execSql(server.db(), "DELETE FROM login_attempts");  // the other tests sign in as this reviewer
}

BOOST_AUTO_TEST_CASE(a_users_sessions_show_their_last_use_at_once) {
  auto& server = SeededServer::get();
  const std::string email = "reviewer@unhabitat.demo";
  const auto user = *queryInt(server.db(), "SELECT id FROM users WHERE email = '" + email + "'");
  Client reviewer = server.signedIn(email);
  // Its session was last used two minutes ago: its next request writes when it was used.
  execSql(server.db(), "UPDATE sessions SET last_seen_at = last_seen_at - 120000 WHERE user_id = " +
                           std::to_string(user));
  Client admin = server.signedIn("admin@mmc.demo");  // audited: no one's session is cached now
  const std::string path = "/api/v1/users/" + std::to_string(user) + "/sessions";
  const auto before = admin.get(path);
  BOOST_REQUIRE_EQUAL(before.status, 200);
  BOOST_TEST(admin.get(path).body == before.body);
  BOOST_REQUIRE_EQUAL(reviewer.get("/api/v1/me").status, 200);  // used now: no audit event
  const auto after = admin.get(path);
  BOOST_REQUIRE_EQUAL(after.status, 200);
  BOOST_TEST(after.body != before.body, "last_seen_at moved: " << after.body);
}

BOOST_AUTO_TEST_SUITE_END()
