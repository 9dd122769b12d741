#pragma once

#include <cstdint>

#include "modules/clock/reminders.h"
#include "services/db/database.h"
#include "services/stores/reminder_store.h"

namespace citygrants::mail {

// Writes the mail of reminder `window` about `f` to outbox_mail, in the tick's transaction `tx`:
// one message to each of the window's audience (clock::Audience) among `people`, once per user,
// in the user's language, with a link to the record. The number of messages written (0 when the
// audience has nobody active).
// REQUIRES: tx is the tick's write transaction.
int mailReminder(db::Tx& tx, const clock::Window& window, const stores::ReminderFact& f,
                 const stores::ReminderPeople& people, std::int64_t now);

}  // namespace citygrants::mail
