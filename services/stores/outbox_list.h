#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "services/db/database.h"
#include "services/stores/page.h"

namespace citygrants::stores {

// Where a message of outbox_mail stands, read from its columns (no column of its own):
//   sent       sent_at is set: the relay accepted it;
//   failed     not sent and last_error is set: its latest attempt failed (the worker tries it
//              again after a back-off, so a failed message may still go out);
//   queued     not sent and never failed: waiting for the worker (for ever without an SMTP relay);
//   dead       dead_at is set: refused for good or too old; not tried again unless requeued;
//   discarded  discarded_at is set: an admin decided it is never to be sent.
enum class MailStatus : std::uint8_t { kQueued, kSent, kFailed, kDead, kDiscarded };
inline constexpr std::array<MailStatus, 5> kMailStatuses = {
    MailStatus::kQueued, MailStatus::kSent, MailStatus::kFailed, MailStatus::kDead,
    MailStatus::kDiscarded};
using MailCounts = std::array<std::int64_t, kMailStatuses.size()>;

std::string_view mailStatusName(MailStatus status);
std::optional<MailStatus> parseMailStatus(std::string_view name);

// Which messages the outbox list shows: those in any of `statuses` (all when empty), most recent
// first, `offset` skipped.
struct OutboxQuery {
  std::vector<MailStatus> statuses;
  int limit = 50;   // REQUIRES: 1..200
  int offset = 0;   // REQUIRES: 0..100,000
};

// One message as an admin reads it: to whom, what, when, and how its sending went. Not its body:
// a body may carry a single-use link (a password reset) that only its recipient may hold.
struct OutboxItem {
  std::int64_t id = 0;
  std::optional<std::int64_t> to_user_id;
  std::string to_email;
  std::string language;
  std::string template_key;
  std::string subject;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> sent_at;
  int attempts = 0;
  std::optional<std::string> last_error;
  std::int64_t next_attempt_at = 0;
  std::optional<std::int64_t> dead_at;
  std::optional<std::int64_t> discarded_at;
  MailStatus status = MailStatus::kQueued;
};

struct OutboxPage : Page<OutboxItem> {
  // Messages per status over the whole outbox, whatever the filter (kMailStatuses' order).
  MailCounts counts{};
};

// Messages per status (kMailStatuses' order), and failed attempts in all (each one a retry or
// the failure that made a message dead): /metrics. One statement.
struct OutboxTotals {
  MailCounts counts{};
  std::int64_t failed_attempts = 0;
};
OutboxTotals outboxTotals(db::Tx& tx);

// One message as the list shows it; nothing when there is no such message.
std::optional<OutboxItem> findOutboxItem(db::Tx& tx, std::int64_t id);

// Three statements: the page, its total, and the counts per status.
OutboxPage listOutbox(db::Tx& tx, const OutboxQuery& query);

}  // namespace citygrants::stores
