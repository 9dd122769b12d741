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

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
