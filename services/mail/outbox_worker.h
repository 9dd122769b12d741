#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "services/clock.h"
#include "services/db/database.h"
#include "services/mail/smtp_relay.h"
#include "services/stores/outbox_store.h"

namespace citygrants::mail {

struct WorkerOptions {
  int batch = 20;                              // messages claimed, and sent on one connection
  std::int64_t lease_ms = 5 * 60 * 1000;       // how long a claim holds off other instances
  std::int64_t poll_ms = 1000;                 // how often the thread looks for due mail
  std::int64_t first_retry_ms = 30 * 1000;     // the wait after a first failure; doubles after each
  std::int64_t max_retry_ms = 60 * 60 * 1000;  // the longest wait between two attempts
  // A message still unsent this long after it was written goes dead at its next failure
  // (serve --mail-max-age-hours).
  std::int64_t max_age_ms = 3LL * 24 * 60 * 60 * 1000;
};

// Sends the outbox: what the use cases queued in outbox_mail, each message once across every
// `serve` instance on the database.
//
// A batch is claimed in one short write transaction (OutboxStore::claim: on PostgreSQL FOR
// UPDATE SKIP LOCKED; on SQLite the one writer serialises claims), held for lease_ms; then sent
// over one SMTP connection; then each message is recorded in a short transaction of its own:
// sent, or failed (attempts + 1, last_error, due again after a back-off: 30 s, 1 min, 2 min, ...
// up to max_retry_ms), or dead (a permanent refusal: an SMTP 5xx or an address that is none; or
// any failure once the message is max_age_ms old: never tried again unless an admin requeues
// it), or released untried. A message whose claim has less time left than one
// send may take is not sent (it is released), so that no message goes out after its lease, when
// another instance may have claimed it. A claim left by an instance that died is taken again
// once its lease has passed. A relay that is down or refuses delays mail and loses none.
//
// What exactly once cannot cover: an instance that dies between the relay's "250 accepted" and
// recording it, or a record that cannot be written, leads to a second sending after the lease;
// both carry the same Message-ID (messageIdFor), so a receiver can tell them apart.
class OutboxWorker {
 public:
  struct Batch {
    int claimed = 0;
    int sent = 0;
    int failed = 0;    // to be tried again, or dead
    int dead = 0;      // of the failed, those not to be tried again
    int released = 0;  // claimed but not tried: stopping, or the lease running short
  };
  using Log = std::function<void(const std::string&)>;

  // REQUIRES: `relay` passed checkedRelaySettings; options.batch >= 1; options.lease_ms longer
  // than three relay timeouts (the most one send may take); the retry waits positive. Throws
  // std::invalid_argument otherwise. `log` hears of failures (nothing when empty).
  OutboxWorker(db::Database& db, const services::Clock& clock, RelaySettings relay,
               WorkerOptions options = {}, Log log = {});
  ~OutboxWorker();  // stop()
  OutboxWorker(const OutboxWorker&) = delete;
  OutboxWorker& operator=(const OutboxWorker&) = delete;

  // Claims one batch of due messages and sends it; what became of them. Stops sending (and
  // releases the rest) when `stop` is requested. Throws when the database cannot be reached to
  // claim; a failure to record is logged and tried again at the next call.
  // REQUIRES: no other call of runOnce on this worker is running (the thread's, or a test's).
  Batch runOnce(std::stop_token stop = {});

  // Runs batches in a thread of its own until stop(): at once while full batches go out, else
  // every poll_ms, or sooner after wake().
  void start();
  void wake();
  // Ends the thread, letting the message being sent finish. Idempotent.
  void stop();

  // This worker's name in outbox_mail.claimed_by: host, process, and a random part.
  const std::string& id() const { return id_; }

  // The wait after the attempts-th failed attempt (1, 2, ...): first_retry_ms doubled each time,
  // at most max_retry_ms.
  static std::int64_t retryDelayMs(int attempts, const WorkerOptions& options);

 private:
  enum class Outcome { kSent, kRefused, kBroken };
  // Sends `claimed` one after another while the connection lasts, stop is not requested and the
  // claim has time left; the index of the first message not tried.
  std::size_t sendInTurn(SmtpConnection& relay, const std::vector<stores::ClaimedMail>& claimed,
                         std::stop_token stop, Batch& batch);
  Outcome sendOne(SmtpConnection& relay, const stores::ClaimedMail& m, Batch& batch);
  void recordSent(std::int64_t id);
  // Records a failed attempt: dead when `permanent` or the message is past max_age_ms, else due
  // again after its back-off. Whether it went dead.
  bool recordFailed(const stores::ClaimedMail& m, const std::string& error, bool permanent);
  void release(const stores::ClaimedMail& m);
  void retryUnrecorded();
  void loop(std::stop_token stop);

  db::Database& db_;
  const services::Clock& clock_;
  RelaySettings relay_;
  WorkerOptions options_;
  Log log_;
  std::string id_;
  std::vector<std::int64_t> unrecorded_;  // sent, but not yet recorded as sent

  std::mutex wake_mutex_;
  std::condition_variable_any wake_cv_;
  bool woken_ = false;   // guarded by wake_mutex_
  std::jthread thread_;  // last: stopped before the members it uses go
};

}  // namespace citygrants::mail
