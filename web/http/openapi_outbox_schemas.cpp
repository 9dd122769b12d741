#include "services/stores/outbox_list.h"
#include "web/http/openapi_schema_parts.h"
#include "web/http/schema_builder.h"

namespace citygrants::http::schemas {

using namespace schema;

// outbox_handlers.cpp.
void addOutboxSchemas(JsonObject out) {
  std::vector<std::string> statuses;
  std::vector<Member> counts;
  for (const auto s : stores::kMailStatuses) {
    statuses.emplace_back(stores::mailStatusName(s));
    counts.push_back({statuses.back(), atLeast(0)});
  }
  out->set(
      "OutboxMessage",
      closed({{"id", integer()},
              {"status", describe(choice(statuses),
                                  "sent: the relay took it; failed: its latest attempt failed (it is "
                                  "tried again later); queued: waiting, never failed; dead: refused "
                                  "for good (SMTP 5xx) or unsent past the age limit, not tried again "
                                  "unless an admin requeues it; discarded: an admin decided it is "
                                  "never to be sent")},
              {"to_email", text()},
              nullableOut("to_user_id", describe(integer(), "the user it was written for")),
              {"language", choice(languages())},
              {"template", describe(text(), "which notice it is (\"proposal.submitted\")")},
              {"subject", text()},
              {"created_at", dateTime()},
              nullableOut("sent_at", dateTime()),
              {"attempts", describe(atLeast(0), "attempts made, the successful one included")},
              nullableOut("last_error", describe(text(), "the relay's answer to the latest failure")),
              nullableOut("next_attempt_at",
                          describe(dateTime(),
                                   "when the worker may try it next; null once sent, dead or "
                                   "discarded")),
              nullableOut("dead_at", describe(dateTime(), "when it went dead")),
              nullableOut("discarded_at", describe(dateTime(), "when an admin discarded it"))}));
  auto members = pageMembers("OutboxMessage");
  members.push_back({"counts", describe(closed(counts), "messages per status in the whole outbox")});
  out->set("OutboxPage", closed(members));
}

}  // namespace citygrants::http::schemas
