#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include "services/mail/outbox_worker.h"
#include "services/stores/outbox_list.h"
#include "services/stores/outbox_store.h"
#include "services/usecases/outbox_service.h"
#include "tests/mail/outbox_rows.h"
#include "tests/mail/smtp_sink.h"
#include "tests/services/fixture.h"
#include "tests/services/relay_world.h"

// Mail that cannot be delivered, against the SMTP sink on loopback: a bad address or a 550 goes
// dead at once and alone, a message failing past the age limit goes dead, and an admin requeues
// or discards a dead message (audited); the rest of the batch is sent.
using namespace citygrants;
using testing::mailRows;
using testing::SmtpSink;
using testing::drain;
using testing::relayTo;
using testing::submitOne;

BOOST_AUTO_TEST_SUITE(mail_dead_letters)

BOOST_AUTO_TEST_CASE(a_bad_address_fails_alone_and_the_rest_of_the_batch_goes) {
  testing::Fund f("deliver_bad");
  submitOne(f);
  testing::exec(f.ctx.db,
                "UPDATE outbox_mail SET to_email = 'fm2@test>, x@evil.test' "
                "WHERE to_email = 'fm2@test'");
  SmtpSink sink;
  mail::OutboxWorker worker(f.ctx.db, f.clock, relayTo(sink.port()));
  const auto b = worker.runOnce();
  BOOST_TEST(b.sent == 2);
  BOOST_TEST(b.failed == 1);
  BOOST_TEST(sink.received().size() == 2u);
  for (const auto& r : sink.received()) BOOST_TEST(r.rcpt_tos.size() == 1u);
  const auto rows = mailRows(f.ctx.db);
  const auto bad = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return !r.sent_at; });
  BOOST_REQUIRE(bad != rows.end());
  BOOST_TEST(bad->last_error.value_or("").find("not a mail address") != std::string::npos);
  // An address that is none will not become one: the message is dead, not retried.
  BOOST_TEST(b.dead == 1);
  BOOST_TEST(bad->dead_at.value_or(0) == f.clock.nowMs());
}

BOOST_AUTO_TEST_CASE(a_550_makes_the_message_dead_at_once_and_an_admin_requeues_it) {
  testing::Fund f("deliver_550");
  submitOne(f);
  SmtpSink sink;
  sink.reject({"fm2@test"});
  mail::OutboxWorker worker(f.ctx.db, f.clock, relayTo(sink.port()));
  const auto b = worker.runOnce();
  BOOST_TEST(b.sent == 2);
  BOOST_TEST(b.failed == 1);
  BOOST_TEST(b.dead == 1);
  auto dead = [&] {
    for (const auto& r : mailRows(f.ctx.db)) {
      if (r.to == "fm2@test") return r;
    }
    throw std::runtime_error("no mail to fm2@test");
  };
  BOOST_TEST(dead().dead_at.value_or(0) == f.clock.nowMs());
  BOOST_TEST(dead().attempts == 1);
  BOOST_TEST(dead().last_error.value_or("").find("550") != std::string::npos, *dead().last_error);
  // Never tried again, however long the worker runs.
  f.clock.advance(24LL * 3600 * 1000);
  BOOST_TEST(worker.runOnce().claimed == 0);
  BOOST_TEST(sink.received().size() == 2u);

  // The admin requeues it once the address works: it goes out once, its history kept.
  sink.reject({});
  usecases::OutboxService outbox(f.ctx);
  BOOST_CHECK_THROW(outbox.requeue(f.fm1, dead().id), core::Problem);  // admins only
  const auto requeued = outbox.requeue(f.admin, dead().id);
  BOOST_TEST((requeued.status == stores::MailStatus::kFailed));
  BOOST_TEST(!dead().dead_at.has_value());
  try {
    outbox.requeue(f.admin, dead().id);
    BOOST_FAIL("a message that is not dead was requeued");
  } catch (const core::Problem& p) {
    BOOST_TEST((p.kind() == core::ProblemKind::kConflict));
  }
  BOOST_TEST(drain(worker) == 1);
  BOOST_TEST(dead().sent_at.has_value());
  BOOST_TEST(dead().attempts == 2);
  BOOST_TEST(sink.received().size() == 3u);
  auto tx = f.ctx.db.read();
  int audited = 0;
  tx.sql() << "SELECT COUNT(*) FROM audit_events WHERE entity = 'outbox_mail' AND event = "
              "'requeue' AND actor_id = :a",
      soci::use(f.admin.user_id), soci::into(audited);
  tx.commit();
  BOOST_TEST(audited == 1);
}

BOOST_AUTO_TEST_CASE(a_message_failing_past_the_age_limit_goes_dead_and_can_be_discarded) {
  testing::Fund f("deliver_old");
  submitOne(f);
  SmtpSink sink;
  sink.refuse(true);  // 451: a refusal that may pass
  mail::WorkerOptions options;
  options.max_age_ms = 2LL * 3600 * 1000;
  mail::OutboxWorker worker(f.ctx.db, f.clock, relayTo(sink.port()), options);
  auto b = worker.runOnce();
  BOOST_TEST(b.failed == 3);
  BOOST_TEST(b.dead == 0);  // young: tried again later
  f.clock.advance(options.max_age_ms);
  b = worker.runOnce();
  BOOST_TEST(b.failed == 3);
  BOOST_TEST(b.dead == 3);
  for (const auto& r : mailRows(f.ctx.db)) {
    BOOST_TEST(r.dead_at.value_or(0) == f.clock.nowMs());
    BOOST_TEST(r.last_error.value_or("").find("451") != std::string::npos);
  }
  // Discarded: never sent, not even once an admin requeues the others.
  usecases::OutboxService outbox(f.ctx);
  const auto first = mailRows(f.ctx.db).front().id;
  BOOST_TEST((outbox.discard(f.admin, first).status == stores::MailStatus::kDiscarded));
  BOOST_CHECK_THROW(outbox.requeue(f.admin, first), core::Problem);
  BOOST_CHECK_THROW(outbox.discard(f.admin, first), core::Problem);
  for (const auto& r : mailRows(f.ctx.db)) {
    if (r.id != first) outbox.requeue(f.admin, r.id);
  }
  sink.refuse(false);
  BOOST_TEST(drain(worker) == 2);
  for (const auto& r : mailRows(f.ctx.db)) BOOST_TEST(r.sent_at.has_value() == (r.id != first));
  // /metrics' figures: two sent, one discarded; each message failed twice (6 failed attempts).
  auto tx = f.ctx.db.read();
  const auto totals = stores::outboxTotals(tx);
  tx.commit();
  BOOST_TEST(totals.counts[1] == 2);  // sent
  BOOST_TEST(totals.counts[4] == 1);  // discarded
  BOOST_TEST(totals.failed_attempts == 6);
}


BOOST_AUTO_TEST_SUITE_END()
