#include <chrono>
#include <future>
#include <latch>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include "services/mail/outbox_worker.h"
#include "services/mail/smtp_relay.h"
#include "services/stores/outbox_list.h"
#include "services/stores/outbox_store.h"
#include "services/usecases/outbox_service.h"
#include "services/usecases/proposal_service.h"
#include "services/usecases/review_service.h"
#include "tests/mail/outbox_rows.h"
#include "tests/mail/smtp_sink.h"
#include "tests/services/fixture.h"
#include "tests/services/relay_world.h"

// The outbox worker against a real SMTP server on loopback (tests/mail/smtp_sink.py): every
// message arrives once, as written, also with two instances draining one outbox, and a relay
// that is down or answers 4xx delays mail without losing any. Mail refused for good or too old
// goes dead: mail_dead_letters_test.cpp.
using namespace citygrants;
using testing::mailRows;
using testing::SmtpSink;
using testing::drain;
using testing::kConsole;
using testing::kFrom;
using testing::relayTo;
using testing::submitOne;

namespace {

// How often each message id arrived.
std::map<std::string, int> arrivals(const SmtpSink& sink) {
  std::map<std::string, int> out;
  for (const auto& r : sink.received()) ++out[r.message_id];
  return out;
}

std::string withoutTrailingNewlines(std::string s) {
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

std::string delivered(std::string body) {
  for (auto at = body.find("{console_url}"); at != std::string::npos;
       at = body.find("{console_url}")) {
    body.replace(at, 13, kConsole);
  }
  return withoutTrailingNewlines(body);
}

boost::test_tools::assertion_result postgresOnly(boost::unit_test::test_unit_id) {
  boost::test_tools::assertion_result ok(testing::onPostgres());
  ok.message() << "a test of PostgreSQL's row locks: it runs in the PostgreSQL pass";
  return ok;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mail_delivery)

BOOST_AUTO_TEST_CASE(every_message_arrives_once_as_written_to_its_recipient) {
  testing::Fund f("deliver_all");
  testing::exec(f.ctx.db, "UPDATE users SET language = 'fr' WHERE email = 'fm2@test'");
  testing::exec(f.ctx.db,
                "UPDATE users SET language = 'pt' WHERE email = 'applicant@kampala.test'");
  testing::exec(f.ctx.db, "UPDATE users SET language = 'es' WHERE email = 'reviewer@iom.test'");
  const auto id = f.supportedProposal();
  usecases::ReviewService(f.ctx).assign(f.fm1, id, f.partner_a);
  // A reason with a line that is a lone dot (the end of an SMTP message, unless escaped), a
  // line starting with one, non-ASCII text and a very long line.
  const std::string reason =
      "Lignes budgétaires « à revoir »\n.\n.hidden\n" + std::string(300, 'x');
  usecases::ProposalService(f.ctx).fire(f.fm1, id,
                                        {.event = "return", .input = {.reason = reason}});
  const auto rows = mailRows(f.ctx.db);
  // The submission (two fund managers and a receipt), the review, the return.
  BOOST_REQUIRE(rows.size() == 5u);

  SmtpSink sink;
  mail::OutboxWorker worker(f.ctx.db, f.clock, relayTo(sink.port()));
  BOOST_TEST(drain(worker) == 5);
  const auto received = sink.received();
  BOOST_REQUIRE(received.size() == rows.size());
  for (const auto& row : rows) {
    const auto message_id = mail::messageIdFor(row.id, row.created_at, kFrom);
    const auto match = std::find_if(received.begin(), received.end(),
                                    [&](const auto& r) { return r.message_id == message_id; });
    BOOST_REQUIRE_MESSAGE(match != received.end(), "message " << row.id << " did not arrive");
    BOOST_TEST(arrivals(sink)[message_id] == 1);
    BOOST_TEST(match->rcpt_tos == std::vector<std::string>{row.to},
               boost::test_tools::per_element());
    BOOST_TEST(match->mail_from == kFrom);
    BOOST_TEST(match->subject == row.subject);
    BOOST_TEST(match->content_language == row.language);
    BOOST_TEST(withoutTrailingNewlines(match->body) == delivered(row.body));
  }
  for (const auto& row : mailRows(f.ctx.db)) {
    BOOST_TEST(row.sent_at.value_or(0) == f.clock.nowMs());
    BOOST_TEST(row.attempts == 1);
    BOOST_TEST(!row.claimed_by.has_value());
  }
  const auto& fr = *std::find_if(received.begin(), received.end(),
                                 [](const auto& r) { return r.rcpt_tos.at(0) == "fm2@test"; });
  BOOST_TEST(fr.subject.find(" : nouvelle proposition complète de Kampala") != std::string::npos);
  BOOST_TEST(fr.body.find("https://console.test/#/proposals/" + std::to_string(id)) !=
             std::string::npos);
  BOOST_TEST(drain(worker) == 0);  // nothing twice
  BOOST_TEST(sink.received().size() == rows.size());
}

BOOST_AUTO_TEST_CASE(two_instances_draining_one_outbox_send_each_message_once) {
  testing::Fund f("deliver_two");
  constexpr int kMessages = 60;
  f.ctx.db.write([&](db::Tx& tx) {
    for (int i = 0; i < kMessages; ++i) {
      stores::OutboxStore::queue(tx,
                                 {std::nullopt, "user" + std::to_string(i) + "@city.test", "en",
                                  "proposal_submitted", "Message " + std::to_string(i), "Body"},
                                 f.clock.nowMs());
    }
    tx.commit();
  });
  SmtpSink sink;
  // A second instance: its own connections to the same database.
  db::Database other(db::parseConnectionString(f.test_db.where), {.pool_size = 2});
  mail::OutboxWorker first(f.ctx.db, f.clock, relayTo(sink.port()), {.batch = 3});
  mail::OutboxWorker second(other, f.clock, relayTo(sink.port()), {.batch = 3});
  BOOST_TEST(first.id() != second.id());
  std::latch start(2);
  int sent[2] = {0, 0};
  auto run = [&](mail::OutboxWorker& w, int& count) {
    start.arrive_and_wait();
    count = drain(w);
  };
  std::thread a(run, std::ref(first), std::ref(sent[0]));
  std::thread b(run, std::ref(second), std::ref(sent[1]));
  a.join();
  b.join();
  // Each stopped at a batch that found nothing due: the other had claimed or sent the rest.
  BOOST_TEST_MESSAGE("first sent " << sent[0] << ", second sent " << sent[1]);
  BOOST_TEST(sent[0] + sent[1] == kMessages);
  const auto counts = arrivals(sink);
  BOOST_TEST(counts.size() == static_cast<std::size_t>(kMessages));
  for (const auto& [id, n] : counts) BOOST_TEST(n == 1, id << " arrived " << n << " times");
  for (const auto& row : mailRows(f.ctx.db)) {
    BOOST_TEST(row.sent_at.has_value());
    BOOST_TEST(row.attempts == 1);
  }
}

BOOST_AUTO_TEST_CASE(a_relay_that_is_down_delays_mail_and_loses_none) {
  testing::Fund f("deliver_down");
  submitOne(f);
  SmtpSink sink;
  sink.stop();  // nothing listens on its port now
  mail::OutboxWorker worker(f.ctx.db, f.clock, relayTo(sink.port()));
  auto b = worker.runOnce();
  BOOST_TEST(b.claimed == 3);
  BOOST_TEST(b.failed == 3);
  for (const auto& row : mailRows(f.ctx.db)) {
    BOOST_TEST(row.attempts == 1);
    BOOST_TEST(row.next_attempt_at == f.clock.nowMs() + 30'000);
    BOOST_TEST(row.last_error.value_or("").find("relay 127.0.0.1:" + std::to_string(sink.port()) +
                                                ": ") == 0u,
               row.last_error.value_or(""));
    BOOST_TEST(!row.sent_at.has_value());
    BOOST_TEST(!row.claimed_by.has_value());
  }
  BOOST_TEST(worker.runOnce().claimed == 0);  // not due yet
  f.clock.advance(30'000);
  BOOST_TEST(worker.runOnce().failed == 3);
  for (const auto& row : mailRows(f.ctx.db)) {
    BOOST_TEST(row.attempts == 2);
    BOOST_TEST(row.next_attempt_at == f.clock.nowMs() + 60'000);  // backed off
  }
  f.clock.advance(59'999);
  BOOST_TEST(worker.runOnce().claimed == 0);
  f.clock.advance(1);
  sink.restart();
  BOOST_TEST(drain(worker) == 3);
  BOOST_TEST(sink.received().size() == 3u);
  for (const auto& [id, n] : arrivals(sink)) BOOST_TEST(n == 1, id);
  for (const auto& row : mailRows(f.ctx.db)) {
    BOOST_TEST(row.attempts == 3);
    BOOST_TEST(row.sent_at.value_or(0) == f.clock.nowMs());
  }
}

BOOST_AUTO_TEST_CASE(a_relay_that_answers_451_delays_mail_and_loses_none) {
  testing::Fund f("deliver_451");
  submitOne(f);
  SmtpSink sink;
  sink.refuse(true);
  mail::OutboxWorker worker(f.ctx.db, f.clock, relayTo(sink.port()));
  const auto b = worker.runOnce();
  BOOST_TEST(b.failed == 3);  // each refused on one connection, reset between them
  BOOST_TEST(sink.received().empty());
  for (const auto& row : mailRows(f.ctx.db)) {
    BOOST_TEST(row.last_error.value_or("").find("451") != std::string::npos, *row.last_error);
    BOOST_TEST(row.next_attempt_at == f.clock.nowMs() + 30'000);
  }
  sink.refuse(false);
  f.clock.advance(30'000);
  BOOST_TEST(drain(worker) == 3);
  BOOST_TEST(arrivals(sink).size() == 3u);
  for (const auto& [id, n] : arrivals(sink)) BOOST_TEST(n == 1, id);
}

BOOST_AUTO_TEST_CASE(a_claim_left_by_a_crashed_instance_is_sent_after_its_lease) {
  testing::Fund f("deliver_crash");
  submitOne(f);
  const std::int64_t lease = 5 * 60 * 1000;
  std::size_t claimed = 0;
  f.ctx.db.write([&](db::Tx& tx) {  // an instance claims, then dies before sending
    claimed =
        stores::OutboxStore::claim(tx, "crashed", f.clock.nowMs(), f.clock.nowMs() + lease, 20)
            .size();
    tx.commit();
  });
  BOOST_TEST(claimed == 3u);
  SmtpSink sink;
  mail::OutboxWorker worker(f.ctx.db, f.clock, relayTo(sink.port()), {.lease_ms = lease});
  BOOST_TEST(worker.runOnce().claimed == 0);
  f.clock.advance(lease - 1);
  BOOST_TEST(worker.runOnce().claimed == 0);
  f.clock.advance(1);
  BOOST_TEST(drain(worker) == 3);
  for (const auto& [id, n] : arrivals(sink)) BOOST_TEST(n == 1, id);
}

// Write transactions take the fund's advisory lock first, so two claims never meet; a
// transaction that locks outbox rows without it (an operator's session, say) must not hold a
// claim up either.
BOOST_AUTO_TEST_CASE(on_postgresql_a_claim_skips_the_rows_another_transaction_locks,
                     *boost::unit_test::precondition(postgresOnly)) {
  testing::Fund f("deliver_skip_locked");
  submitOne(f);
  const auto rows = mailRows(f.ctx.db);
  BOOST_REQUIRE(rows.size() == 3u);
  soci::session holder(soci::postgresql, db::parseConnectionString(f.test_db.where).connect);
  holder << "BEGIN";
  const std::int64_t first = rows[0].id, second = rows[1].id;
  holder << "SELECT id FROM outbox_mail WHERE id IN (:a, :b) FOR UPDATE", soci::use(first),
      soci::use(second);
  auto claiming = std::async(std::launch::async, [&] {
    std::vector<stores::ClaimedMail> claimed;
    f.ctx.db.write([&](db::Tx& tx) {
      claimed = stores::OutboxStore::claim(tx, "w", f.clock.nowMs(), f.clock.nowMs() + 60'000, 20);
      tx.commit();
    });
    return claimed;
  });
  // A claim that waited for the locks would still be waiting when they go.
  const bool prompt = claiming.wait_for(std::chrono::seconds(5)) == std::future_status::ready;
  holder << "COMMIT";
  const auto claimed = claiming.get();
  BOOST_TEST(prompt);
  BOOST_REQUIRE(claimed.size() == 1u);
  BOOST_TEST(claimed[0].id == rows[2].id);
}

BOOST_AUTO_TEST_CASE(stopping_releases_claimed_mail_untried) {
  testing::Fund f("deliver_stop");
  submitOne(f);
  SmtpSink sink;
  mail::OutboxWorker worker(f.ctx.db, f.clock, relayTo(sink.port()));
  std::stop_source stopping;
  stopping.request_stop();
  const auto b = worker.runOnce(stopping.get_token());
  BOOST_TEST(b.claimed == 3);
  BOOST_TEST(b.released == 3);
  BOOST_TEST(sink.received().empty());
  for (const auto& row : mailRows(f.ctx.db)) {
    BOOST_TEST(row.attempts == 0);  // not tried, not counted
    BOOST_TEST(!row.claimed_by.has_value());
  }
  BOOST_TEST(drain(worker) == 3);  // due again at once
}

BOOST_AUTO_TEST_CASE(the_worker_thread_sends_what_is_queued_and_stops_promptly) {
  testing::Fund f("deliver_thread");
  SmtpSink sink;
  mail::OutboxWorker worker(f.ctx.db, f.clock, relayTo(sink.port()), {.poll_ms = 60'000});
  worker.start();
  submitOne(f);
  worker.wake();  // the poll is a minute: only the wake-up can send it within the test
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (sink.received().size() < 3 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  BOOST_TEST(sink.received().size() == 3u);
  const auto before = std::chrono::steady_clock::now();
  worker.stop();
  const auto stopping_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now() - before)
                               .count();
  BOOST_TEST(stopping_ms < 5000);
}

BOOST_AUTO_TEST_CASE(relay_settings_and_worker_options_are_checked) {
  mail::RelaySettings good{"relay.test", 25, "no-reply@fund.test", "http://grants.test:8080"};
  BOOST_TEST(mail::checkedRelaySettings(good).console_url == "http://grants.test:8080/");
  auto bad = [&](auto change) {
    auto s = good;
    change(s);
    BOOST_CHECK_THROW(mail::checkedRelaySettings(s), std::invalid_argument);
  };
  bad([](auto& s) { s.host = ""; });
  bad([](auto& s) { s.host = "relay test"; });
  bad([](auto& s) { s.port = 0; });
  bad([](auto& s) { s.port = 65536; });
  for (const char* from :
       {"", "no-at", "a@b@c", "Fund <a@b.test>", "a@b.test\r\nBcc: x@y", "@b", "a@"}) {
    bad([&](auto& s) { s.from = from; });
  }
  for (const char* url : {"", "ftp://x/", "http://", "http:///x", "https://x/#/", "http://x y/"}) {
    bad([&](auto& s) { s.console_url = url; });
  }
  testing::Fund f("deliver_options");
  const auto relay = mail::checkedRelaySettings(good);
  BOOST_CHECK_THROW(mail::OutboxWorker(f.ctx.db, f.clock, relay, {.batch = 0}),
                    std::invalid_argument);
  BOOST_CHECK_THROW(mail::OutboxWorker(f.ctx.db, f.clock, relay, {.lease_ms = 60'000}),
                    std::invalid_argument);  // three 20 s timeouts do not fit
  BOOST_TEST(mail::messageIdFor(7, 123, "no-reply@fund.test") == "<outbox.7.123@fund.test>");
}

BOOST_AUTO_TEST_CASE(retries_back_off_from_thirty_seconds_to_an_hour) {
  const mail::WorkerOptions o;
  BOOST_TEST(mail::OutboxWorker::retryDelayMs(1, o) == 30'000);
  BOOST_TEST(mail::OutboxWorker::retryDelayMs(2, o) == 60'000);
  BOOST_TEST(mail::OutboxWorker::retryDelayMs(3, o) == 120'000);
  BOOST_TEST(mail::OutboxWorker::retryDelayMs(7, o) == 1'920'000);
  BOOST_TEST(mail::OutboxWorker::retryDelayMs(8, o) == 3'600'000);
  BOOST_TEST(mail::OutboxWorker::retryDelayMs(1'000'000, o) == 3'600'000);
}

BOOST_AUTO_TEST_SUITE_END()
