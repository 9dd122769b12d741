#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

// The clock's rules (issue 16, DESIGN §12): which reminders are due, as data. Pure: the facts
// and `now` in, the reminders out; services/usecases/tick_service.h writes them.
//
// Overdue is not a state: a report is overdue while it is a draft past its due date, computed
// where it is read (the inbox's report.overdue, the tranche guard no_overdue_report). The clock
// does not mark it; it reminds.
namespace citygrants::clock {

inline constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
// A review assignment is due this long after it is made (review_assignments.due_at).
inline constexpr std::int64_t kReviewDueMs = 21 * kDayMs;

// What a reminder is about.
enum class RecordKind { kReport, kAssignment, kAward, kCall };

enum class ReminderKind {
  kReportDue14,     // a draft report due in 14 days
  kReportDue3,      // ... in 3 days
  kReportOverdue1,  // a draft report 1 day past its due date
  kReportOverdue7,  // ... 7 days past it: copied to the supporting partner
  kReviewDue3,      // a live review assignment due in 3 days
  kReviewOverdue1,  // ... 1 day past its due date
  kAwardWaiting3,   // an award proposed 3 days ago still waits for a second fund manager
  kCallClosing7,    // an open call closing in 7 days, to a city with a draft in it
};

// Who hears of a reminder.
enum class Audience {
  kCity,               // the city's applicants
  kCityAndPartner,     // the city's applicants and the supporting partner's partners
  kReviewers,          // the partners of the assigned organisation
  kOtherFundManagers,  // every fund manager but the award's proposer
};

// One window: opens at the record's anchor (a due date, the time an award was proposed, a call's
// closing time) plus `opens_after_ms`, and closes at the anchor plus `closes_after_ms`.
struct Window {
  ReminderKind kind;
  RecordKind record;
  std::int64_t opens_after_ms;
  std::int64_t closes_after_ms;
  Audience audience;
  std::string_view name;          // sent_reminders.reminder_kind, the tick's count
  std::string_view template_key;  // the mail (services/mail/catalog.h)
};

inline constexpr std::int64_t kNever = INT64_MAX / 2;

// The windows of each record kind, earliest first (a record's "ladder").
// clang-format off
inline constexpr Window kWindows[] = {
  // kind                          record                 opens after   closes after  audience                     name                 template
  {ReminderKind::kReportDue14,     RecordKind::kReport,     -14 * kDayMs, kNever,       Audience::kCity,             "report_due_14",     "report_due"},
  {ReminderKind::kReportDue3,      RecordKind::kReport,      -3 * kDayMs, kNever,       Audience::kCity,             "report_due_3",      "report_due"},
  {ReminderKind::kReportOverdue1,  RecordKind::kReport,       1 * kDayMs, kNever,       Audience::kCity,             "report_overdue_1",  "report_overdue"},
  {ReminderKind::kReportOverdue7,  RecordKind::kReport,       7 * kDayMs, kNever,       Audience::kCityAndPartner,   "report_overdue_7",  "report_overdue"},
  {ReminderKind::kReviewDue3,      RecordKind::kAssignment,  -3 * kDayMs, kNever,       Audience::kReviewers,        "review_due_3",      "review_due"},
  {ReminderKind::kReviewOverdue1,  RecordKind::kAssignment,   1 * kDayMs, kNever,       Audience::kReviewers,        "review_overdue_1",  "review_overdue"},
  {ReminderKind::kAwardWaiting3,   RecordKind::kAward,        3 * kDayMs, kNever,       Audience::kOtherFundManagers, "award_waiting_3",  "award_waiting"},
  {ReminderKind::kCallClosing7,    RecordKind::kCall,        -7 * kDayMs, 0,            Audience::kCity,             "call_closing_7",    "call_closing"},
};
// clang-format on

// The window of `kind`.
const Window& windowOf(ReminderKind kind);
// The window named `name`, if any.
std::optional<ReminderKind> reminderKindNamed(std::string_view name);
// sent_reminders.record_kind: "report", "assignment", "award", "call".
std::string_view recordKindName(RecordKind kind);
std::optional<RecordKind> recordKindNamed(std::string_view name);

// One record the clock looks at. `state` is the record's state; `parent_state` the state of what
// it belongs to (a report's grant; empty for the others).
//   report      anchor = due_at; reminded while a draft of an active grant
//   assignment  anchor = due_at; reminded while assigned or in_progress
//   award       anchor = when the proposal entered award_proposed; reminded while it stays there
//   call        anchor = closes_at; one fact per city with a draft in the call (recipient_org_id);
//               reminded while the call is open
struct Fact {
  RecordKind record = RecordKind::kReport;
  std::int64_t record_id = 0;
  std::int64_t anchor_ms = 0;
  std::string state;
  std::string parent_state;
  std::int64_t recipient_org_id = 0;  // the city of a call fact; 0 otherwise
};

// Whether `f`'s record is one the clock reminds of now (its state, not its time).
bool isLive(const Fact& f);

// The exactly-once key of a reminder (sent_reminders' UNIQUE columns).
struct Key {
  RecordKind record;
  std::int64_t record_id;
  ReminderKind kind;
  std::int64_t recipient_org_id;
  auto operator<=>(const Key&) const = default;
};

// A reminder to write now: `facts[fact]` in window `kind`, opened at `window_at`; `passed` are
// the earlier windows of the same record, not yet recorded, that it makes pointless (recorded as
// passed, never sent).
struct Due {
  std::size_t fact = 0;
  ReminderKind kind{};
  std::int64_t window_at = 0;
  std::vector<ReminderKind> passed;
};

// The reminders due at `now`, in the order of `facts`. For each live fact: the latest window of
// its ladder that is open at `now` (opened at or before, not closed); due unless `recorded` has
// its key. A missed day (or month) therefore sends one reminder per record, the latest, never
// one per window passed meanwhile; a record whose latest window is recorded gets nothing, so
// running again at the same `now` (or any `now` before the next window) writes nothing.
std::vector<Due> remindersDue(std::span<const Fact> facts, const std::set<Key>& recorded,
                              std::int64_t now);

}  // namespace citygrants::clock
