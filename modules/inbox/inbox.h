#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/core/message.h"

// The inbox: what waits for one reader now, each item a record, the steps expected of the reader
// and since when it waits, most urgent first, with counts per kind. Plain data and pure rules;
// services/usecases/inbox_service.h fills it.
namespace citygrants::inbox {

// The record an item is about.
struct RecordRef {
  std::string kind;  // proposal, review_assignment, grant, tranche, report, amendment, user, mail,
                     // audit_chain
  std::int64_t id = 0;
  std::string reference;  // GCF-2026-0014-T1; an email for a user or a mail; "1-N" for the chain
  std::string title;
  std::optional<std::int64_t> city_org_id;  // none for what belongs to no city
  std::string city_name;
  std::string state;
  std::optional<std::int64_t> grant_id;  // the grant of a tranche, a report or an amendment
};

// An awaited step of the reader's roles that a guard holds back (workflow::HeldStep, copied).
struct Held {
  std::string event;
  std::string guard;
  core::Message message;   // the guard's, written in the reader's language where it is answered
  bool four_eyes = false;  // another person than one named on the record must take it
};

// Someone a four-eyes rule is about: "requested_by", "verified_by", "approved_by", "proposed_by".
struct Person {
  std::string role;
  std::int64_t user_id = 0;
  std::string name;
};

// What an item of an admin's or an auditor's kind says beside its record.
struct Detail {
  std::optional<std::string> report_kind;       // report.*: progress, financial or final
  std::optional<std::string> organisation;      // user.locked
  std::optional<std::string> cause;             // user.locked: admin | failed_sign_ins
  std::optional<std::int64_t> locked_until;     // user.locked
  std::optional<std::string> template_key;      // mail.failed
  std::optional<int> attempts;                  // mail.failed
  std::optional<std::string> last_error;        // mail.failed
  std::optional<std::int64_t> next_attempt_at;  // mail.failed
  std::optional<std::int64_t> events;           // audit.verification: events in the chain
  std::optional<std::int64_t> last_event_at;    // audit.verification
  bool verification_recorded = true;            // audit.verification: false, nothing records one
};

struct Item {
  std::string kind;  // see kinds()
  RecordRef record;
  std::vector<std::string> expected;  // workflow events the reader may take now
  std::vector<Held> held;
  std::vector<std::string> awaiting;  // the roles the record waits for (role names)
  std::int64_t since = 0;             // epoch ms
  std::optional<std::int64_t> due_at;
  std::vector<Person> people;
  Detail detail;

  bool overdue(std::int64_t now) const { return due_at && *due_at < now; }
};

struct KindCount {
  std::string kind;
  std::int64_t count = 0;
};

// The kind of an item about a record of `machine` in `state`: "tranche.approved".
std::string kindOf(std::string_view machine, std::string_view state);

// Kinds beside the machines' states: the fund's follow-up of an overdue report, an admin's
// locked accounts and failed mail, an auditor's chain to verify.
inline constexpr std::string_view kReportOverdue = "report.overdue";
inline constexpr std::string_view kUserLocked = "user.locked";
// A reset of a user's second factor that another admin requested and this admin may confirm.
inline constexpr std::string_view kSecondFactorReset = "user.second_factor_reset";
inline constexpr std::string_view kMailFailed = "mail.failed";
inline constexpr std::string_view kAuditVerification = "audit.verification";
// A thread whose latest shared message waits for the other side: written by the city (for the
// fund managers), or by the fund or a partner (for the city).
inline constexpr std::string_view kMessageFromCity = "message.from_city";
inline constexpr std::string_view kMessageFromFund = "message.from_fund";

// Every kind an item may have, in the order counts are given: for each machine with awaited
// steps (proposal, review assignment, grant, tranche, report, amendment), its states that have one, in the
// machine's order; then the seven kinds above.
std::vector<std::string> kinds();

// What orders items by urgency, of an item or of a record before it is made one.
struct Urgency {
  std::optional<std::int64_t> due_at;
  std::int64_t since = 0;
  std::string_view kind;
  std::int64_t record_id = 0;
};

// Whether `a` comes before `b`: overdue first, then by due date (items with one before those
// without), then the oldest waiting; kind and record id make the order total.
bool moreUrgent(const Urgency& a, const Urgency& b, std::int64_t now);
bool moreUrgent(const Item& a, const Item& b, std::int64_t now);

// Sorts `items` most urgent first.
void sortByUrgency(std::vector<Item>& items, std::int64_t now);

// Items counted by kind but not made (the inbox makes items of the most urgent only).
using Uncounted = std::map<std::string, std::int64_t, std::less<>>;

// The number of items of each kind present in `items` and in `more`, in kinds() order.
std::vector<KindCount> countByKind(const std::vector<Item>& items, const Uncounted& more = {});

}  // namespace citygrants::inbox
