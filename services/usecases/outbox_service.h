#pragma once

#include "services/stores/outbox_list.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// GET /api/v1/outbox: the mail the fund's use cases wrote to the outbox, for admins, so that a
// fund without an SMTP relay (the demo) still shows what would go out, and a fund with one sees
// what failed.
class OutboxService {
 public:
  explicit OutboxService(Context ctx) : ctx_(ctx) {}

  static constexpr int kMaxLimit = 200;
  static constexpr int kMaxOffset = 100000;

  // The messages of `query`, most recent first, with the counts per status. kForbidden unless
  // `actor` may read the outbox (access::Action::kReadOutbox: admins); kInvalid naming `limit`
  // (1..200) or `offset` (0..100,000). One read transaction.
  stores::OutboxPage list(const Actor& actor, const stores::OutboxQuery& query);

  // A dead message due again at once, with an audit event (outbox_mail / requeue), in one
  // transaction. kForbidden unless `actor` may manage the outbox (admins); kNotFound for no such
  // message; kConflict when it is not dead.
  stores::OutboxItem requeue(const Actor& actor, std::int64_t id);

  // An unsent message never to be sent, with an audit event (outbox_mail / discard), in one
  // transaction. kForbidden as requeue; kNotFound for no such message; kConflict when it was
  // sent, is discarded already, or a worker is sending it this moment.
  stores::OutboxItem discard(const Actor& actor, std::int64_t id);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
