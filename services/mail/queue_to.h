#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "services/db/database.h"
#include "services/mail/render.h"
#include "services/stores/outbox_store.h"

namespace citygrants::mail {

// A message's placeholders in one recipient's language (amounts, dates and terms differ).
using ParamsIn = std::function<Params(const std::string& language)>;

// Template `key` to each recipient once (a user named twice gets one message), in their
// language, their name in {name}: appended to `mails`, for OutboxStore::queue.
void addMails(std::vector<stores::OutgoingMail>& mails, const std::vector<stores::Recipient>& to,
              std::string_view key, const ParamsIn& params_in);

// Queues addMails' messages inside the caller's transaction `tx`.
void queueTo(db::Tx& tx, const std::vector<stores::Recipient>& to, std::string_view key,
             const ParamsIn& params_in, std::int64_t now);

}  // namespace citygrants::mail
