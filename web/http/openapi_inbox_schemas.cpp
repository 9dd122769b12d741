#include <algorithm>

#include "modules/access/role.h"
#include "modules/inbox/inbox.h"
#include "web/http/openapi_schema_parts.h"
#include "web/http/schema_builder.h"

namespace citygrants::http::schemas {
namespace {

using namespace schema;

std::vector<std::string> roleNames() {
  std::vector<std::string> out;
  for (auto r : access::kAllRoles) out.emplace_back(access::roleName(r));
  return out;
}

JsonObject inboxRecord() {
  auto city = closed({{"id", integer()}, {"name", text()}});
  return closed(
      {{"kind", choice({"proposal", "review_assignment", "grant", "tranche", "report",
                        "amendment", "user", "mail", "audit_chain"})},
       {"id", describe(integer(), "the record's id; the chain's last sequence number")},
       {"reference", describe(text(),
                              "GCF-2026-0014-T1; the grant's for a report or an amendment; an email for "
                              "a user or a mail; \"1-N\" for the audit chain")},
       {"title", describe(text(),
                          "the proposal's title (of the grant's proposal for grants, "
                          "tranches and reports); a user's name; a mail's subject")},
       nullableOut("city", city),
       {"state", describe(text(),
                          "the record's state; locked, failed, unverified beside the "
                          "machines")},
       nullableOut("grant_id", describe(integer(), "the grant of a grant, tranche or report"))});
}

JsonObject inboxDetail() {
  return describe(
      closed({{"report_kind", choice({"progress", "financial", "final"}), false},
              {"organisation", describe(text(), "user.locked, user.second_factor_reset: the user's organisation"), false},
              {"cause",
               describe(choice({"admin", "failed_sign_ins"}),
                        "user.locked: an admin locked it, or repeated failed sign-ins"),
               false},
              {"locked_until", dateTime(), false},
              {"template", describe(text(), "mail.failed: the message's template"), false},
              {"attempts", atLeast(0), false},
              {"last_error", text(), false},
              {"next_attempt_at", dateTime(), false},
              {"events", describe(atLeast(0), "audit.verification: events in the chain"), false},
              {"last_event_at", nullable(dateTime()), false},
              {"verification_recorded",
               describe(boolean(), "audit.verification: false, nothing records a verification"),
               false}}),
      "what an item says beside its record; only the members of its kind");
}

JsonObject inboxItem() {
  auto held = closed({{"event", text()},
                      {"guard", describe(text(), "the guard that holds the step back")},
                      {"message", text()},
                      {"four_eyes", describe(boolean(),
                                             "another person than one named on the "
                                             "record must take it")}});
  auto person =
      closed({{"role", choice({"requested_by", "verified_by", "approved_by", "proposed_by"})},
              {"user_id", integer()},
              {"name", text()}});
  return closed(
      {{"kind", choice(inbox::kinds())},
       {"record", ref("InboxRecord")},
       {"expected", describe(list(text()),
                             "the workflow events expected of the reader now (verify for the "
                             "audit chain, reply for a thread); a guard on the record's own "
                             "content is not read")},
       {"held", describe(list(held), "awaited steps of the reader's roles a guard holds back")},
       {"awaiting", describe(list(choice(roleNames())), "the roles the record waits for")},
       {"since", describe(dateTime(), "when the record entered its state (a thread: when the "
                                      "message that waits for an answer was written)")},
       nullableOut("due_at", describe(dateTime(), "a draft's call closing, a report's due date")),
       {"overdue", boolean()},
       {"people", describe(list(person),
                           "four eyes: who requested, verified, approved or "
                           "proposed, where a step must be taken by another")},
       {"detail", ref("InboxDetail")}});
}

}  // namespace

// board_handlers.cpp: getBoard.
void addBoardSchemas(JsonObject out) {
  auto city = closed({{"id", integer()}, {"name", text()}});
  out->set(
      "BoardCard",
      closed({{"id", integer()},
              {"reference", text()},
              {"title", describe(text(), "the grant's proposal's title")},
              {"city", city},
              {"amount", ref("Money")},
              nullableOut("grant_id", describe(integer(), "a tranche's grant; a grant's own id")),
              {"state_since", describe(dateTime(), "when it entered its state")}}));
  auto states = statesOf("grant");
  for (const auto& s : statesOf("tranche")) {
    if (std::find(states.begin(), states.end(), s) == states.end()) states.push_back(s);
  }
  auto column =
      closed({{"state", choice(states)},
              {"final", describe(boolean(), "no transition leaves the state")},
              {"count", describe(atLeast(0), "records in the state the reader's lists show")},
              {"cards", describe(list(ref("BoardCard"), 50), "the longest in the state first")}});
  out->set(
      "Board",
      describe(closed({{"machine", choice({"grant", "tranche"})},
                       {"columns", describe(list(column), "every state, in the machine's order")},
                       {"now", dateTime()}}),
               "over the records the reader's lists show"));
}

// inbox_handlers.cpp: getInbox.
void addInboxSchemas(JsonObject out) {
  out->set("InboxRecord", inboxRecord());
  out->set("InboxDetail", inboxDetail());
  out->set("InboxItem", inboxItem());
  auto count = closed({{"kind", choice(inbox::kinds())}, {"count", atLeast(1)}});
  out->set("Inbox",
           describe(closed({{"items", describe(list(ref("InboxItem")),
                                               "most urgent first: overdue, then by due date, "
                                               "then the oldest waiting; at most `limit`")},
                            {"total", describe(atLeast(0), "items of the kind asked (or all)")},
                            {"counts", describe(list(count), "per kind present, whatever `kind`")},
                            {"now", describe(dateTime(), "when the inbox was read")}}),
                    "what waits for the signed-in user now, over the records their lists show"));
}

}  // namespace citygrants::http::schemas
