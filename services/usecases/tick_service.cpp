#include "services/usecases/tick_service.h"

#include "modules/clock/reminders.h"
#include "services/mail/reminder_mail.h"
#include "services/stores/lease_store.h"
#include "services/stores/reminder_store.h"

namespace citygrants::usecases {

using stores::ReminderStore;

int TickResult::total() const {
  int n = 0;
  for (const auto& [kind, count] : reminders) n += count;
  return n;
}

TickResult TickService::tick(std::int64_t now, const std::optional<LeaseClaim>& lease) {
  return runWrite(ctx_.db, [&](db::Tx& tx) {
    TickResult out;
    if (lease &&
        !stores::LeaseStore::take(tx, lease->name, lease->holder, now, now + lease->ttl_ms)) {
      out.leader = false;
      tx.commit();
      return out;
    }
    const auto facts = ReminderStore::facts(tx);
    std::vector<clock::Fact> plain;
    plain.reserve(facts.size());
    for (const auto& f : facts) plain.push_back(f.fact);
    const auto due = clock::remindersDue(plain, ReminderStore::recorded(tx), now);
    const auto people = due.empty() ? stores::ReminderPeople{} : ReminderStore::people(tx);
    for (const auto& d : due) {
      const auto& f = facts[d.fact];
      const auto& window = clock::windowOf(d.kind);
      const int mails = mail::mailReminder(tx, window, f, people, now);
      const auto key = [&](clock::ReminderKind k) {
        return clock::Key{f.fact.record, f.fact.record_id, k, f.fact.recipient_org_id};
      };
      ReminderStore::record(tx, key(d.kind), true, mails, d.window_at, now);
      for (auto p : d.passed) {
        ReminderStore::record(tx, key(p), false, 0,
                              f.fact.anchor_ms + clock::windowOf(p).opens_after_ms, now);
      }
      out.reminders[std::string(window.name)] += 1;
      out.mails[std::string(window.name)] += mails;
      out.passed += static_cast<int>(d.passed.size());
    }
    tx.commit();
    return out;
  });
}

}  // namespace citygrants::usecases
