// The outbox's messages per status and its failed attempts are tallies that triggers keep
// (migration 0031), not counts over every message ever sent: after each step that moves a
// message from one status to another, they are what listing each status finds, on both
// databases.
#include <cstdint>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "services/stores/outbox_list.h"
#include "services/stores/outbox_store.h"
#include "tests/services/fixture.h"

using namespace citygrants;
using stores::MailStatus;
using stores::OutboxStore;

namespace {

// The tallies against what each status's listing finds (kRules' conditions, row by row).
void talliesMatchTheListing(db::Database& db, const std::string& after) {
  BOOST_TEST_CONTEXT("after " << after) {
    auto tx = db.read();
    const auto totals = stores::outboxTotals(tx);
    std::int64_t attempts = 0, sent = 0;
    for (std::size_t i = 0; i < stores::kMailStatuses.size(); ++i) {
      stores::OutboxQuery q;
      q.statuses = {stores::kMailStatuses[i]};
      q.limit = 200;
      const auto page = stores::listOutbox(tx, q);
      const auto listed = static_cast<std::int64_t>(page.items.size());
      BOOST_TEST(!page.more);
      BOOST_TEST(totals.counts[i] == listed, stores::mailStatusName(stores::kMailStatuses[i]));
      BOOST_TEST(page.total == listed);
      for (const auto& item : page.items) attempts += item.attempts;
      if (stores::kMailStatuses[i] == MailStatus::kSent) sent = listed;
    }
    BOOST_TEST(totals.failed_attempts == attempts - sent);
    tx.commit();
  }
}

std::vector<std::int64_t> claimAll(db::Database& db, std::int64_t now) {
  std::vector<std::int64_t> ids;
  db.write([&](db::Tx& tx) {
    for (const auto& m : OutboxStore::claim(tx, "w", now, now + 60'000, 100)) ids.push_back(m.id);
    tx.commit();
  });
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(outbox_tallies)

BOOST_AUTO_TEST_CASE(each_change_of_status_moves_one_message_between_the_tallies) {
  testing::Fund f("outbox_tallies");
  auto& db = f.ctx.db;
  db.write([](db::Tx& tx) {
    tx.sql() << "DELETE FROM outbox_mail";
    tx.commit();
  });
  talliesMatchTheListing(db, "emptying the outbox");
  const auto now = f.clock.nowMs();
  db.write([&](db::Tx& tx) {
    std::vector<stores::OutgoingMail> mails;
    for (int i = 0; i < 5; ++i) {
      mails.push_back({std::nullopt, "to" + std::to_string(i) + "@test", "en", "t", "s", "b"});
    }
    OutboxStore::queue(tx, mails, now);
    tx.commit();
  });
  talliesMatchTheListing(db, "queueing five");
  auto ids = claimAll(db, now);
  BOOST_TEST_REQUIRE(ids.size() == 5u);
  const auto step = [&](const std::string& what, auto&& change) {
    db.write([&](db::Tx& tx) {
      BOOST_TEST(change(tx), what);
      tx.commit();
    });
    talliesMatchTheListing(db, what);
  };
  step("one sent", [&](db::Tx& tx) { return OutboxStore::markSent(tx, ids[0], now); });
  step("one failed", [&](db::Tx& tx) {
    return OutboxStore::markFailed(tx, ids[1], "w", now + 1, "451 try later");
  });
  step("one dead",
       [&](db::Tx& tx) { return OutboxStore::markDead(tx, ids[2], "w", now, "550 no such user"); });
  step("one released", [&](db::Tx& tx) {
    OutboxStore::release(tx, ids[3], "w");
    return true;
  });
  step("one discarded", [&](db::Tx& tx) { return OutboxStore::discard(tx, ids[3], now); });
  step("the dead one requeued", [&](db::Tx& tx) { return OutboxStore::requeue(tx, ids[2], now); });
  // The failed and requeued ones tried again: one fails once more, the other is sent.
  f.clock.advance(60'000);
  const auto again = claimAll(db, f.clock.nowMs());
  BOOST_TEST(again.size() == 3u);  // the failed, the requeued and the last one never tried
  step("a second failure", [&](db::Tx& tx) {
    return OutboxStore::markFailed(tx, ids[1], "w", f.clock.nowMs() + 1, "451 again");
  });
  step("sent after a failure",
       [&](db::Tx& tx) { return OutboxStore::markSent(tx, ids[2], f.clock.nowMs()); });
  step("a message deleted", [&](db::Tx& tx) {
    tx.sql() << "DELETE FROM outbox_mail WHERE id = :id", soci::use(ids[1]);
    return true;
  });
  auto tx = db.read();
  const auto totals = stores::outboxTotals(tx);
  tx.commit();
  // Sent: the first and the requeued one; discarded: one; queued: the one claimed and never
  // tried. Failed attempts: the requeued one's failure before it was sent.
  BOOST_TEST(totals.counts[1] == 2);
  BOOST_TEST(totals.counts[4] == 1);
  BOOST_TEST(totals.counts[0] == 1);
  BOOST_TEST(totals.failed_attempts == 1);
}

BOOST_AUTO_TEST_SUITE_END()
