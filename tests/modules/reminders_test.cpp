// The clock's rules (modules/clock/reminders.h): which reminder each record is due at a time,
// the latest window only after a missed day, and nothing twice.

#include "modules/clock/reminders.h"

#include <ostream>

#include <boost/test/unit_test.hpp>

namespace citygrants::clock {

// How Boost.Test prints the enums in a failed check.
std::ostream& operator<<(std::ostream& os, ReminderKind k) { return os << windowOf(k).name; }
std::ostream& operator<<(std::ostream& os, Audience a) { return os << static_cast<int>(a); }

namespace {

constexpr std::int64_t kDue = 1'800'000'000'000;

Fact report(std::int64_t id, std::int64_t due, std::string state = "draft",
            std::string grant_state = "active") {
  return Fact{RecordKind::kReport, id, due, std::move(state), std::move(grant_state), 0};
}

// The kinds due at `now` for `facts`, with what is already `recorded`.
std::vector<ReminderKind> kindsAt(const std::vector<Fact>& facts, std::int64_t now,
                                  const std::set<Key>& recorded = {}) {
  std::vector<ReminderKind> out;
  for (const auto& d : remindersDue(facts, recorded, now)) out.push_back(d.kind);
  return out;
}

using K = ReminderKind;

}  // namespace

BOOST_AUTO_TEST_SUITE(reminders)

BOOST_AUTO_TEST_CASE(each_ladder_is_listed_earliest_first_with_unique_names) {
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < std::size(kWindows); ++i) {
    BOOST_TEST(names.insert(kWindows[i].name).second);
    BOOST_TEST((reminderKindNamed(kWindows[i].name) == std::optional(kWindows[i].kind)));
    for (std::size_t j = i + 1; j < std::size(kWindows); ++j) {
      if (kWindows[i].record == kWindows[j].record) {
        BOOST_TEST(kWindows[i].opens_after_ms < kWindows[j].opens_after_ms);
      }
    }
  }
  BOOST_TEST(!reminderKindNamed("report_due_15").has_value());
  BOOST_TEST(
      (recordKindNamed(recordKindName(RecordKind::kAward)) == std::optional(RecordKind::kAward)));
}

BOOST_AUTO_TEST_CASE(a_draft_report_is_reminded_14_and_3_days_before_and_1_and_7_after) {
  const std::vector<Fact> facts = {report(1, kDue)};
  BOOST_TEST(kindsAt(facts, kDue - 14 * kDayMs - 1).empty());
  BOOST_TEST((kindsAt(facts, kDue - 14 * kDayMs) == std::vector{K::kReportDue14}));
  BOOST_TEST((kindsAt(facts, kDue - 3 * kDayMs - 1) == std::vector{K::kReportDue14}));
  BOOST_TEST((kindsAt(facts, kDue - 3 * kDayMs) == std::vector{K::kReportDue3}));
  BOOST_TEST((kindsAt(facts, kDue) == std::vector{K::kReportDue3}));
  BOOST_TEST((kindsAt(facts, kDue + kDayMs) == std::vector{K::kReportOverdue1}));
  BOOST_TEST((kindsAt(facts, kDue + 7 * kDayMs) == std::vector{K::kReportOverdue7}));
  BOOST_TEST((kindsAt(facts, kDue + 400 * kDayMs) == std::vector{K::kReportOverdue7}));
  BOOST_TEST(windowOf(K::kReportOverdue7).audience == Audience::kCityAndPartner);
  BOOST_TEST(windowOf(K::kReportOverdue1).audience == Audience::kCity);
}

BOOST_AUTO_TEST_CASE(a_recorded_window_is_not_due_again) {
  const std::vector<Fact> facts = {report(1, kDue)};
  const std::set<Key> recorded = {{RecordKind::kReport, 1, K::kReportDue3, 0}};
  BOOST_TEST(kindsAt(facts, kDue - 3 * kDayMs, recorded).empty());
  BOOST_TEST(kindsAt(facts, kDue, recorded).empty());
  BOOST_TEST((kindsAt(facts, kDue + kDayMs, recorded) == std::vector{K::kReportOverdue1}));
  // Another report's key is another key.
  BOOST_TEST((kindsAt({report(2, kDue)}, kDue, recorded) == std::vector{K::kReportDue3}));
}

BOOST_AUTO_TEST_CASE(a_month_missed_catches_up_once_with_the_latest_window) {
  const std::vector<Fact> facts = {report(1, kDue)};
  const auto due = remindersDue(facts, {}, kDue + 30 * kDayMs);
  BOOST_TEST_REQUIRE(due.size() == 1u);
  BOOST_TEST(due[0].kind == K::kReportOverdue7);
  BOOST_TEST(due[0].window_at == kDue + 7 * kDayMs);
  BOOST_TEST((due[0].passed == std::vector{K::kReportDue14, K::kReportDue3, K::kReportOverdue1}));
  // The earlier windows already recorded are not passed again.
  const std::set<Key> recorded = {{RecordKind::kReport, 1, K::kReportDue14, 0}};
  const auto again = remindersDue(facts, recorded, kDue + 30 * kDayMs);
  BOOST_TEST_REQUIRE(again.size() == 1u);
  BOOST_TEST((again[0].passed == std::vector{K::kReportDue3, K::kReportOverdue1}));
}

BOOST_AUTO_TEST_CASE(only_drafts_of_active_grants_are_reminded) {
  const std::int64_t now = kDue + 2 * kDayMs;
  BOOST_TEST(kindsAt({report(1, kDue, "submitted")}, now).empty());
  BOOST_TEST(kindsAt({report(1, kDue, "accepted")}, now).empty());
  BOOST_TEST(kindsAt({report(1, kDue, "draft", "suspended")}, now).empty());
  BOOST_TEST(kindsAt({report(1, kDue, "draft", "terminated")}, now).empty());
}

BOOST_AUTO_TEST_CASE(a_live_review_assignment_is_reminded_3_days_before_and_after_its_due_date) {
  auto a = [](std::string state) {
    return Fact{RecordKind::kAssignment, 5, kDue, std::move(state), "", 0};
  };
  BOOST_TEST(kindsAt({a("assigned")}, kDue - 3 * kDayMs - 1).empty());
  BOOST_TEST((kindsAt({a("assigned")}, kDue - 3 * kDayMs) == std::vector{K::kReviewDue3}));
  BOOST_TEST((kindsAt({a("in_progress")}, kDue) == std::vector{K::kReviewDue3}));
  BOOST_TEST((kindsAt({a("in_progress")}, kDue + kDayMs) == std::vector{K::kReviewOverdue1}));
  for (const char* done : {"submitted", "declined", "cancelled"}) {
    BOOST_TEST(kindsAt({a(done)}, kDue + kDayMs).empty());
  }
}

BOOST_AUTO_TEST_CASE(an_award_waiting_more_than_3_days_for_a_second_fund_manager_is_reminded) {
  const Fact f{RecordKind::kAward, 9, kDue, "award_proposed", "", 0};
  BOOST_TEST(kindsAt({f}, kDue + 3 * kDayMs - 1).empty());
  BOOST_TEST((kindsAt({f}, kDue + 3 * kDayMs) == std::vector{K::kAwardWaiting3}));
  BOOST_TEST(windowOf(K::kAwardWaiting3).audience == Audience::kOtherFundManagers);
  Fact approved = f;
  approved.state = "approved";
  BOOST_TEST(kindsAt({approved}, kDue + 4 * kDayMs).empty());
}

BOOST_AUTO_TEST_CASE(an_open_call_closing_in_7_days_reminds_each_city_with_a_draft_once) {
  const std::vector<Fact> facts = {Fact{RecordKind::kCall, 3, kDue, "open", "", 11},
                                   Fact{RecordKind::kCall, 3, kDue, "open", "", 12}};
  BOOST_TEST(kindsAt(facts, kDue - 7 * kDayMs - 1).empty());
  BOOST_TEST(
      (kindsAt(facts, kDue - 7 * kDayMs) == std::vector{K::kCallClosing7, K::kCallClosing7}));
  const std::set<Key> recorded = {{RecordKind::kCall, 3, K::kCallClosing7, 11}};
  const auto due = remindersDue(facts, recorded, kDue - kDayMs);
  BOOST_TEST_REQUIRE(due.size() == 1u);
  BOOST_TEST(facts[due[0].fact].recipient_org_id == 12);
  // Once the call has closed, a missed reminder is no longer worth sending.
  BOOST_TEST(kindsAt(facts, kDue).empty());
  BOOST_TEST(kindsAt({Fact{RecordKind::kCall, 3, kDue, "closed", "", 11}}, kDue - kDayMs).empty());
}

BOOST_AUTO_TEST_CASE(running_daily_sends_each_window_once_and_never_twice) {
  const std::vector<Fact> facts = {report(1, kDue)};
  std::set<Key> recorded;
  std::vector<K> sent;
  for (std::int64_t t = kDue - 20 * kDayMs; t <= kDue + 20 * kDayMs; t += kDayMs / 2) {
    for (int run = 0; run < 2; ++run) {
      for (const auto& d : remindersDue(facts, recorded, t)) {
        sent.push_back(d.kind);
        recorded.insert({RecordKind::kReport, 1, d.kind, 0});
        for (auto p : d.passed) recorded.insert({RecordKind::kReport, 1, p, 0});
      }
    }
  }
  BOOST_TEST((sent == std::vector{K::kReportDue14, K::kReportDue3, K::kReportOverdue1,
                                  K::kReportOverdue7}));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::clock
