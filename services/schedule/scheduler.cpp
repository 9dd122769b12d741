#include "services/schedule/scheduler.h"

#include <chrono>
#include <cstdio>
#include <random>
#include <stdexcept>
#include <unistd.h>

#include <Poco/Environment.h>

#include "services/stores/lease_store.h"

namespace citygrants::schedule {
namespace {

constexpr const char* kLease = "clock";

std::string newSchedulerId() {
  std::random_device random;
  char part[17];
  std::snprintf(part, sizeof part, "%08x%08x", random(), random());
  return Poco::Environment::nodeName() + "/" + std::to_string(::getpid()) + "/" + part;
}

std::string describe(const usecases::TickResult& r) {
  std::string out = "clock: " + std::to_string(r.total()) + " reminder(s)";
  for (const auto& [kind, count] : r.reminders) {
    out += ", " + kind + " " + std::to_string(count);
  }
  return out;
}

}  // namespace

Scheduler::Scheduler(db::Database& db, const services::Clock& clock, SchedulerOptions options,
                     Log log)
    : db_(db), clock_(clock), options_(options), log_(std::move(log)), id_(newSchedulerId()) {
  if (options_.every_ms <= 0 || options_.lease_ms <= options_.every_ms) {
    throw std::invalid_argument("the clock's lease must outlast the time between two ticks");
  }
}

Scheduler::~Scheduler() { stop(); }

usecases::TickResult Scheduler::runOnce() {
  return usecases::TickService({db_, clock_})
      .tick(clock_.nowMs(), usecases::LeaseClaim{kLease, id_, options_.lease_ms});
}

void Scheduler::start() {
  if (thread_.joinable()) return;
  thread_ = std::jthread([this](std::stop_token stop) { loop(stop); });
}

void Scheduler::stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();  // also ends the wait in loop(): it waits on this stop token
  thread_.join();
  try {
    db_.write([&](db::Tx& tx) {
      stores::LeaseStore::release(tx, kLease, id_);
      tx.commit();
    });
  } catch (const std::exception& e) {
    if (log_) log_(std::string("clock: lease not released (it expires by itself): ") + e.what());
  }
}

void Scheduler::loop(std::stop_token stop) {
  std::string last_logged;
  while (!stop.stop_requested()) {
    try {
      const auto result = runOnce();
      if (log_ && result.total() > 0) log_(describe(result));
      last_logged.clear();
    } catch (const std::exception& e) {
      // The database is out of reach: say so once, not every tick.
      const std::string message = std::string("clock: tick failed: ") + e.what();
      if (log_ && message != last_logged) log_(message);
      last_logged = message;
    }
    std::unique_lock lock(mutex_);
    cv_.wait_for(lock, stop, std::chrono::milliseconds(options_.every_ms), [] { return false; });
  }
}

}  // namespace citygrants::schedule
