#include "services/mail/outbox_worker.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <stdexcept>
#include <unistd.h>

#include <Poco/Environment.h>

#include "services/mail/render.h"

namespace citygrants::mail {
namespace {

using stores::ClaimedMail;
using stores::OutboxStore;

std::string newWorkerId() {
  std::random_device random;
  char part[17];
  std::snprintf(part, sizeof part, "%08x%08x", random(), random());
  return Poco::Environment::nodeName() + "/" + std::to_string(::getpid()) + "/" + part;
}

std::string withConsoleUrl(std::string body, const std::string& console_url) {
  for (auto at = body.find(kConsoleMarker); at != std::string::npos;
       at = body.find(kConsoleMarker, at + console_url.size())) {
    body.replace(at, kConsoleMarker.size(), console_url);
  }
  return body;
}

// What last_error keeps of an error: enough to act on, bounded.
std::string bounded(const std::string& error) {
  constexpr std::size_t kMax = 1000;
  return error.size() <= kMax ? error : error.substr(0, kMax) + "...";
}

}  // namespace

OutboxWorker::OutboxWorker(db::Database& db, const services::Clock& clock, RelaySettings relay,
                           WorkerOptions options, Log log)
    : db_(db),
      clock_(clock),
      relay_(std::move(relay)),
      options_(options),
      log_(std::move(log)),
      id_(newWorkerId()) {
  if (options_.batch < 1) throw std::invalid_argument("the outbox batch must be at least 1");
  if (options_.lease_ms <= 3LL * relay_.timeout_seconds * 1000) {
    throw std::invalid_argument("the outbox lease must outlast three relay timeouts");
  }
  if (options_.first_retry_ms <= 0 || options_.max_retry_ms < options_.first_retry_ms ||
      options_.poll_ms <= 0 || options_.max_age_ms <= 0) {
    throw std::invalid_argument("the outbox retry, poll and age times must be positive");
  }
}

OutboxWorker::~OutboxWorker() { stop(); }

std::int64_t OutboxWorker::retryDelayMs(int attempts, const WorkerOptions& options) {
  std::int64_t delay = options.first_retry_ms;
  for (int i = 1; i < attempts && delay < options.max_retry_ms; ++i) delay *= 2;
  return std::min(delay, options.max_retry_ms);
}

OutboxWorker::Batch OutboxWorker::runOnce(std::stop_token stop) {
  Batch batch;
  retryUnrecorded();
  const auto now = clock_.nowMs();
  std::vector<ClaimedMail> claimed;
  db_.write([&](db::Tx& tx) {
    claimed = OutboxStore::claim(tx, id_, now, now + options_.lease_ms, options_.batch);
    tx.commit();
  });
  batch.claimed = static_cast<int>(claimed.size());
  if (claimed.empty()) return batch;

  std::unique_ptr<SmtpConnection> relay;
  try {
    relay = std::make_unique<SmtpConnection>(relay_);
  } catch (const RelayUnreachable& e) {
    // Every message of the batch met a relay that is down: each counts an attempt.
    for (const auto& m : claimed) batch.dead += recordFailed(m, e.what(), false) ? 1 : 0;
    batch.failed = batch.claimed;
    if (log_) log_("outbox: " + std::to_string(batch.failed) + " message(s) not sent: " + e.what());
    return batch;
  }
  for (auto next = sendInTurn(*relay, claimed, stop, batch); next < claimed.size(); ++next) {
    release(claimed[next]);
    ++batch.released;
  }
  return batch;
}

std::size_t OutboxWorker::sendInTurn(SmtpConnection& relay, const std::vector<ClaimedMail>& claimed,
                                     std::stop_token stop, Batch& batch) {
  // The most one message may take: sending it, and the RSET after a refusal.
  const std::int64_t send_budget_ms = 3LL * relay_.timeout_seconds * 1000;
  for (std::size_t next = 0; next < claimed.size(); ++next) {
    const auto& m = claimed[next];
    if (stop.stop_requested() || clock_.nowMs() + send_budget_ms > m.claimed_until) return next;
    const auto outcome = sendOne(relay, m, batch);
    if (outcome == Outcome::kBroken) return next + 1;
    if (outcome == Outcome::kRefused) {
      try {
        relay.reset();
      } catch (const RelayUnreachable&) {
        return next + 1;
      }
    }
  }
  return claimed.size();
}

OutboxWorker::Outcome OutboxWorker::sendOne(SmtpConnection& relay, const ClaimedMail& m,
                                            Batch& batch) {
  const Envelope e{m.to_email, m.language, m.subject, withConsoleUrl(m.body, relay_.console_url),
                   messageIdFor(m.id, m.created_at, relay_.from)};
  Outcome outcome = Outcome::kSent;
  std::string error;
  bool permanent = false;
  try {
    relay.send(e);
  } catch (const RelayRefused& refused) {
    outcome = Outcome::kRefused;
    error = refused.what();
    permanent = refused.permanent();
  } catch (const RelayUnreachable& broken) {
    outcome = Outcome::kBroken;
    error = broken.what();
  }
  if (outcome == Outcome::kSent) {
    recordSent(m.id);
    ++batch.sent;
    return outcome;
  }
  const bool dead = recordFailed(m, error, permanent);
  ++batch.failed;
  if (dead) ++batch.dead;
  if (log_) {
    log_("outbox: message " + std::to_string(m.id) + (dead ? " dead, not tried again: " : " not sent: ") +
         error);
  }
  return outcome;
}

void OutboxWorker::recordSent(std::int64_t id) {
  try {
    bool first = false;
    db_.write([&](db::Tx& tx) {
      first = OutboxStore::markSent(tx, id, clock_.nowMs());
      tx.commit();
    });
    if (!first && log_) {
      log_("outbox: message " + std::to_string(id) +
           " went out again: another instance had sent it");
    }
  } catch (const std::exception& e) {
    // The relay has it: record it as soon as the database answers, before claiming more.
    unrecorded_.push_back(id);
    if (log_)
      log_("outbox: message " + std::to_string(id) + " sent, not yet recorded: " + e.what());
  }
}

void OutboxWorker::retryUnrecorded() {
  auto pending = std::move(unrecorded_);
  unrecorded_.clear();
  for (auto id : pending) recordSent(id);
}

bool OutboxWorker::recordFailed(const ClaimedMail& m, const std::string& error, bool permanent) {
  const auto now = clock_.nowMs();
  const bool dead = permanent || now - m.created_at >= options_.max_age_ms;
  try {
    bool recorded = false;
    db_.write([&](db::Tx& tx) {
      recorded = dead ? OutboxStore::markDead(tx, m.id, id_, now, bounded(error))
                      : OutboxStore::markFailed(tx, m.id, id_,
                                                now + retryDelayMs(m.attempts + 1, options_),
                                                bounded(error));
      tx.commit();
    });
    return dead && recorded;
  } catch (const std::exception& e) {
    // The claim stays until its lease passes; the message is tried again then.
    if (log_)
      log_("outbox: failure of message " + std::to_string(m.id) + " not recorded: " + e.what());
    return false;
  }
}

void OutboxWorker::release(const ClaimedMail& m) {
  try {
    db_.write([&](db::Tx& tx) {
      OutboxStore::release(tx, m.id, id_);
      tx.commit();
    });
  } catch (const std::exception& e) {
    if (log_)
      log_("outbox: claim of message " + std::to_string(m.id) + " not released: " + e.what());
  }
}

void OutboxWorker::start() {
  if (thread_.joinable()) return;
  thread_ = std::jthread([this](std::stop_token stop) { loop(stop); });
}

void OutboxWorker::wake() {
  {
    std::lock_guard lock(wake_mutex_);
    woken_ = true;
  }
  wake_cv_.notify_all();
}

void OutboxWorker::stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();  // also ends the wait in loop(): it waits on this stop token
  thread_.join();
}

void OutboxWorker::loop(std::stop_token stop) {
  std::string last_logged;
  while (!stop.stop_requested()) {
    Batch batch;
    try {
      batch = runOnce(stop);
      last_logged.clear();
    } catch (const std::exception& e) {
      // The database is out of reach: say so once, not every poll.
      const std::string message = std::string("outbox: cannot claim mail: ") + e.what();
      if (log_ && message != last_logged) log_(message);
      last_logged = message;
    }
    if (batch.claimed == options_.batch && batch.sent == batch.claimed) continue;  // more waiting
    std::unique_lock lock(wake_mutex_);
    wake_cv_.wait_for(lock, stop, std::chrono::milliseconds(options_.poll_ms),
                      [this] { return woken_; });
    woken_ = false;
  }
}

}  // namespace citygrants::mail
