#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/inbox/inbox.h"
#include "services/usecases/use_case.h"

namespace citygrants::usecases {

// Which of the waiting items to answer: one kind or all, at most `limit`.
struct InboxQuery {
  std::optional<std::string> kind;  // one of inbox::kinds()
  int limit = 100;
};

// What waits for one reader now.
struct InboxView {
  std::vector<inbox::Item> items;        // the query's, most urgent first, at most its limit
  std::int64_t total = 0;                // the items of the query's kind (or all), every one
  std::vector<inbox::KindCount> counts;  // every kind present, whatever the query's kind
  std::int64_t now = 0;                  // the time the inbox was read at (epoch ms)
  // It shows rows written without an audit event (an admin's: failed sign-ins, mail that failed),
  // so no change feed learns that it is stale: it must be computed anew for each request.
  bool shows_unaudited = false;
};

// What waits for `actor` at `now`: the query's items, most urgent first, with every kind
// counted. For the records of the workflow machines: every record the reader's lists show (the
// same scope) in a state in which an awaited step (workflow/awaited.h) names one of the reader's
// roles, listed when workflow::waitingFor says so — the machines' own rows, guards and facts
// decide, as for the record's `actions`. Beside them: overdue draft reports of running grants for
// fund managers (report.overdue); locked accounts and mail that failed for admins; the audit
// chain's verification for auditors; threads waiting for the reader's answer (inbox_messages.h).
// A fixed number of statements whatever the number of items; of the proposals waiting, only as
// many as the query shows are made items (inbox_records.h).
// REQUIRES: tx is a read transaction; the query as InboxService::of requires it.
InboxView inboxView(db::Tx& tx, const Actor& actor, std::int64_t now, const InboxQuery& query);

// The signed-in user's work inbox (GET /api/v1/inbox).
class InboxService {
 public:
  explicit InboxService(Context ctx) : ctx_(ctx) {}

  static constexpr int kMaxLimit = 500;

  // inboxView() in one read transaction (one snapshot on PostgreSQL too).
  // REQUIRES: 1 <= query.limit <= kMaxLimit; query.kind, when given, is one of inbox::kinds()
  // (the handler checks both).
  InboxView of(const Actor& actor, const InboxQuery& query);

 private:
  Context ctx_;
};

}  // namespace citygrants::usecases
