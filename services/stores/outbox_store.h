#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/access/role.h"
#include "services/db/database.h"

namespace citygrants::stores {

// Someone a message is written for: an active user holding a role.
struct Recipient {
  std::int64_t user_id = 0;
  std::string email;
  std::string language = "en";
  std::string name;
};

// An organisation's name, for the mail to its users, and those users.
struct Addressees {
  std::string organisation;
  std::vector<Recipient> users;
};

// A message as a use case queues it.
struct OutgoingMail {
  std::optional<std::int64_t> to_user_id;
  std::string to_email;
  std::string language;
  std::string template_key;
  std::string subject;
  std::string body;
};

// A queued message a worker holds a claim on.
struct ClaimedMail {
  std::int64_t id = 0;
  std::string to_email;
  std::string language;
  std::string template_key;
  std::string subject;
  std::string body;
  std::int64_t created_at = 0;
  int attempts = 0;  // failed attempts before this one
  std::int64_t claimed_until = 0;
};

// The outbox_mail table: mail written by use cases in their own transaction, and the claims,
// deliveries and failures of the workers that send it.
class OutboxStore {
 public:
  // The active users of organisation `org_id` holding `role`, in id order.
  static std::vector<Recipient> usersWithRole(db::Tx& tx, access::Role role, std::int64_t org_id);
  // The active users holding `role` in any organisation (the fund managers), in id order.
  static std::vector<Recipient> usersWithRole(db::Tx& tx, access::Role role);
  // Organisation `org_id`'s name and usersWithRole(tx, role, org_id), in one statement (one
  // round trip on the transition path). Throws std::logic_error for no such organisation.
  static Addressees organisationWithRole(db::Tx& tx, access::Role role, std::int64_t org_id);

  // Queues `mail`, due at once. REQUIRES: tx is the use case's write transaction, so that a use
  // case that rolls back queues nothing.
  static void queue(db::Tx& tx, const OutgoingMail& mail, std::int64_t now);
  // Queues every one of `mails`, due at once, in a few statements (up to 16 messages each): on
  // PostgreSQL a round trip per statement, inside the writer's turn.
  static void queue(db::Tx& tx, const std::vector<OutgoingMail>& mails, std::int64_t now);

  // Claims up to `limit` unsent messages that are due at `now` and not held by a live claim, for
  // `worker` until `until`, and returns them oldest due first. On PostgreSQL the rows are
  // selected FOR UPDATE SKIP LOCKED; SQLite's single writer serialises claims by itself.
  // REQUIRES: tx is a write transaction of its own, committed right after.
  static std::vector<ClaimedMail> claim(db::Tx& tx, const std::string& worker, std::int64_t now,
                                        std::int64_t until, int limit);

  // Records the message delivered at `now` (one more attempt) and drops the claim. False when
  // it was already recorded sent. REQUIRES: the message was handed to the relay.
  static bool markSent(db::Tx& tx, std::int64_t id, std::int64_t now);

  // Records a failed attempt held by `worker`: one more attempt, `error`, due again at
  // `next_attempt_at`, claim dropped. False when `worker` no longer holds the claim.
  static bool markFailed(db::Tx& tx, std::int64_t id, const std::string& worker,
                         std::int64_t next_attempt_at, const std::string& error);

  // Records a failed attempt held by `worker` after which the message is not tried again (a
  // permanent refusal, or past the age limit): one more attempt, `error`, dead at `now`, claim
  // dropped. False when `worker` no longer holds the claim.
  static bool markDead(db::Tx& tx, std::int64_t id, const std::string& worker, std::int64_t now,
                       const std::string& error);

  // A dead message due again at `now` (its attempts and last error kept). False when it is not
  // dead (never was, requeued already, or discarded).
  static bool requeue(db::Tx& tx, std::int64_t id, std::int64_t now);

  // Marks an unsent message never to be sent. False when it was sent, is discarded already, or
  // a worker holds a live claim on it (it may be with the relay this moment).
  static bool discard(db::Tx& tx, std::int64_t id, std::int64_t now);

  // Drops `worker`'s claim on a message it did not try (stopping, or its lease running short):
  // the message is due again at once, its attempts unchanged.
  static void release(db::Tx& tx, std::int64_t id, const std::string& worker);
};

}  // namespace citygrants::stores
