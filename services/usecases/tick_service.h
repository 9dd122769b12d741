#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// The lease a scheduler runs its ticks under (scheduler_lease): `holder` takes lease `name`
// for `ttl_ms` from the tick's `now`.
struct LeaseClaim {
  std::string name = "clock";
  std::string holder;
  std::int64_t ttl_ms = 0;
};

// What one tick wrote.
struct TickResult {
  bool leader = true;  // false: another instance holds the lease, and nothing was written
  std::map<std::string, int> reminders;  // by window name (report_due_14, ...): reminders sent
  std::map<std::string, int> mails;      // by window name: messages written to the outbox
  int passed = 0;  // earlier windows recorded as passed by a catch-up, never sent
  int total() const;
};

// The clock (DESIGN §12): writes the reminders due at a moment, each once per (record, kind).
// Overdue reports are not a state: the clock reminds of them (modules/clock/reminders.h).
class TickService {
 public:
  explicit TickService(Context ctx) : ctx_(ctx) {}

  // One tick at `now`, in one transaction: reads the facts, asks clock::remindersDue, writes each
  // due reminder's mail (mail::mailReminder) and its sent_reminders row, and the passed windows'
  // rows — or nothing. With `lease`, first takes or renews it in the same transaction, and writes
  // nothing (leader = false) when another holder has it. Not audited: the reminders are
  // notifications, like the mail other use cases write (which ride on those use cases' events);
  // sent_reminders is their record. Running it again at the same `now` writes nothing.
  TickResult tick(std::int64_t now, const std::optional<LeaseClaim>& lease = std::nullopt);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
