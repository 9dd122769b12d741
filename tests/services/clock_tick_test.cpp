// The clock over the demo fund (issue 16): `tick` at a series of moments over two months writes
// exactly the reminders a list computed here from the due dates in the database says, each
// once, with one message per recipient; running the series again writes nothing. On SQLite and,
// in services_tests_pg, on PostgreSQL.

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "services/seed/demo_seed.h"
#include "services/stores/reminder_store.h"
#include "services/stores/review_store.h"
#include "services/usecases/tick_service.h"
#include "tests/services/fixture.h"

using namespace citygrants;
using namespace citygrants::testing;

namespace {

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;
constexpr std::int64_t kSeededAt = 1'780'000'000'000;

// The windows as the issue states them, written out here rather than read from
// modules/clock: {reminder kind, opens (days from the anchor), closes at the anchor}.
struct Rung {
  const char* kind;
  std::int64_t days;
};
const std::map<std::string, std::vector<Rung>> kLadders = {
    {"report",
     {{"report_due_14", -14},
      {"report_due_3", -3},
      {"report_overdue_1", 1},
      {"report_overdue_7", 7}}},
    {"assignment", {{"review_due_3", -3}, {"review_overdue_1", 1}}},
    {"award", {{"award_waiting_3", 3}}},
    {"call", {{"call_closing_7", -7}}},  // only until the call closes
};

// A record as the database holds it: what kind, which, its anchor, the recipient city of a
// call, and how many people its reminders go to (the mail of each window).
struct Record {
  std::string kind;
  std::int64_t id = 0;
  std::int64_t anchor = 0;
  std::int64_t city = 0;
  std::map<std::string, std::int64_t> recipients;  // by reminder kind
};

std::int64_t count(db::Tx& tx, const std::string& sql, std::int64_t a, std::int64_t b = 0) {
  std::int64_t n = 0;
  tx.sql() << sql, soci::use(a), soci::use(b), soci::into(n);
  return n;
}

const std::string kPeopleOf =
    "SELECT COUNT(DISTINCT u.id) FROM users u JOIN role_grants g ON g.user_id = u.id "
    "WHERE u.active = 1 AND ";

using Row = std::array<std::int64_t, 4>;

// The rows of `sql`, four integer columns each.
std::vector<Row> rowsOf(db::Tx& tx, const std::string& sql) {
  Row v{};
  std::vector<Row> out;
  soci::statement st = (tx.sql().prepare << sql, soci::into(v[0]), soci::into(v[1]),
                        soci::into(v[2]), soci::into(v[3]));
  st.execute();
  while (st.fetch()) out.push_back(v);
  return out;
}

// The records the clock should look at, read with SQL of this test's own.
std::vector<Record> recordsIn(db::Database& db) {
  auto tx = db.read();
  std::vector<Record> out;
  const auto applicants = kPeopleOf + "g.role = 'applicant' AND u.org_id = :a AND 0 = :b";
  const auto partners = kPeopleOf + "g.role = 'partner' AND u.org_id = :a AND 0 = :b";
  for (const auto& [id, due, city, partner] : rowsOf(
           tx,
           "SELECT r.id, r.due_at, g.city_org_id, g.supporting_org_id FROM reports r "
           "JOIN grants g ON g.id = r.grant_id WHERE r.state = 'draft' AND g.state = 'active'")) {
    const auto city_people = count(tx, applicants, city);
    const auto both = count(tx,
                            kPeopleOf +
                                "((g.role = 'applicant' AND u.org_id = :a) OR "
                                "(g.role = 'partner' AND u.org_id = :b))",
                            city, partner);
    out.push_back({"report",
                   id,
                   due,
                   0,
                   {{"report_due_14", city_people},
                    {"report_due_3", city_people},
                    {"report_overdue_1", city_people},
                    {"report_overdue_7", both}}});
  }
  for (const auto& [id, due, partner, unused] :
       rowsOf(tx,
              "SELECT id, due_at, partner_org_id, 0 FROM review_assignments "
              "WHERE state IN ('assigned', 'in_progress')")) {
    const auto n = count(tx, partners, partner);
    out.push_back({"assignment", id, due, 0, {{"review_due_3", n}, {"review_overdue_1", n}}});
  }
  for (const auto& [id, since, proposer, unused] :
       rowsOf(tx,
              "SELECT p.id, (SELECT MAX(e.at) FROM audit_events e WHERE e.entity = 'proposal' AND "
              "e.entity_id = p.id AND e.to_state = 'award_proposed'), p.award_proposed_by, 0 "
              "FROM proposals p WHERE p.state = 'award_proposed'")) {
    const auto n =
        count(tx, kPeopleOf + "g.role = 'fund_manager' AND u.id <> :a AND 0 = :b", proposer);
    out.push_back({"award", id, since, 0, {{"award_waiting_3", n}}});
  }
  for (const auto& [id, closes, city, unused] :
       rowsOf(tx,
              "SELECT DISTINCT c.id, c.closes_at, p.city_org_id, 0 FROM calls c JOIN proposals p "
              "ON p.call_id = c.id WHERE c.state = 'open' AND p.state IN ('draft', "
              "'concept_draft')")) {
    out.push_back({"call", id, closes, city, {{"call_closing_7", count(tx, applicants, city)}}});
  }
  tx.commit();
  return out;
}

using Key = std::tuple<std::string, std::int64_t, std::string, std::int64_t>;
// When a reminder was sent (the tick's moment) and to how many people.
using Sent = std::pair<std::int64_t, std::int64_t>;

// What ticking at each of `moments` should have sent: at each moment, each record's latest
// window opened by then (a call's only before it closes), once, at the first such moment.
std::map<Key, Sent> expectedAt(const std::vector<Record>& records,
                               const std::vector<std::int64_t>& moments) {
  std::map<Key, Sent> out;
  for (const auto t : moments) {
    for (const auto& r : records) {
      const Rung* latest = nullptr;
      for (const auto& rung : kLadders.at(r.kind)) {
        if (r.anchor + rung.days * kDay <= t) latest = &rung;
      }
      if (latest == nullptr || (r.kind == "call" && t >= r.anchor)) continue;
      out.emplace(Key{r.kind, r.id, latest->kind, r.city}, Sent{t, r.recipients.at(latest->kind)});
    }
  }
  return out;
}

std::map<Key, Sent> sentIn(db::Database& db) {
  auto tx = db.read();
  std::map<Key, Sent> out;
  std::string record_kind, reminder_kind;
  std::int64_t id = 0, org = 0, mails = 0, at = 0;
  soci::statement st = (tx.sql().prepare << "SELECT record_kind, record_id, reminder_kind, "
                                            "recipient_org_id, mails, sent_at FROM sent_reminders "
                                            "WHERE outcome = 'sent'",
                        soci::into(record_kind), soci::into(id), soci::into(reminder_kind),
                        soci::into(org), soci::into(mails), soci::into(at));
  st.execute();
  while (st.fetch()) {
    const Key key{record_kind, id, reminder_kind, org};
    BOOST_TEST(out.count(key) == 0u);
    out[key] = Sent{at, mails};
  }
  tx.commit();
  return out;
}

std::int64_t reminderMail(db::Database& db) {
  auto tx = db.read();
  std::int64_t n = 0;
  tx.sql() << "SELECT COUNT(*) FROM outbox_mail WHERE template IN ('report_due', "
              "'report_overdue', 'review_due', 'review_overdue', 'award_waiting', 'call_closing') "
              "AND created_at >= :t",
      soci::use(kSeededAt), soci::into(n);
  return n;
}

std::int64_t sum(const std::map<Key, Sent>& m) {
  std::int64_t n = 0;
  for (const auto& [k, v] : m) n += v.second;
  return n;
}

struct DemoFund {
  explicit DemoFund(const std::string& name)
      : test_db(name), clock(kSeededAt), ctx{*test_db.db, clock} {
    seed::seedDemo(ctx, {.password = "clock-demo-1"});
  }
  TestDb test_db;
  services::ManualClock clock;
  usecases::Context ctx;
};

// Two months from the seeding, daily at 06:00, then the month around the first draft report's
// due date (a jump of months: a catch-up), twice a day.
std::vector<std::int64_t> twoMonthsAndAReport(const std::vector<Record>& records) {
  std::vector<std::int64_t> out;
  for (int d = 0; d <= 61; ++d) out.push_back(kSeededAt + d * kDay + kDay / 4);
  std::int64_t first_due = INT64_MAX;
  for (const auto& r : records) {
    if (r.kind == "report") first_due = std::min(first_due, r.anchor);
  }
  BOOST_REQUIRE(first_due != INT64_MAX);
  for (std::int64_t t = first_due - 20 * kDay; t <= first_due + 10 * kDay; t += kDay / 2)
    out.push_back(t);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(clock_tick)

BOOST_AUTO_TEST_CASE(
    ticks_over_two_months_write_exactly_the_reminders_the_due_dates_call_for_once) {
  DemoFund fund("clock_tick_demo");
  const auto records = recordsIn(*fund.test_db.db);
  const auto moments = twoMonthsAndAReport(records);
  usecases::TickService ticks(fund.ctx);
  for (const auto t : moments) {
    ticks.tick(t);
    BOOST_TEST(ticks.tick(t).total() == 0, "a second tick at " << t << " wrote something");
  }
  const auto expected = expectedAt(records, moments);
  const auto sent = sentIn(*fund.test_db.db);
  BOOST_TEST((sent == expected));
  for (const auto& [key, when] : expected) {
    const auto found = sent.find(key);
    BOOST_TEST_REQUIRE((found != sent.end()), std::get<2>(key) << " of " << std::get<0>(key) << " "
                                                               << std::get<1>(key) << " not sent");
    BOOST_TEST(found->second.first == when.first, std::get<2>(key) << ": sent at the wrong tick");
    BOOST_TEST(found->second.second == when.second, std::get<2>(key)
                                                        << ": mail to the wrong people");
  }
  BOOST_TEST(reminderMail(*fund.test_db.db) == sum(expected));
  // The demo fund has something of every kind of record to remind of.
  std::set<std::string> kinds;
  for (const auto& [key, when] : expected) kinds.insert(std::get<2>(key));
  for (const char* k : {"report_due_14", "report_due_3", "report_overdue_1", "report_overdue_7",
                        "review_overdue_1", "award_waiting_3", "call_closing_7"}) {
    BOOST_TEST(kinds.count(k) == 1u, k << " never sent");
  }
  BOOST_TEST(sum(expected) > 0);

  // The whole series again: nothing more.
  const auto mail_before = reminderMail(*fund.test_db.db);
  for (const auto t : moments) BOOST_TEST(ticks.tick(t).total() == 0);
  BOOST_TEST(reminderMail(*fund.test_db.db) == mail_before);
  BOOST_TEST((sentIn(*fund.test_db.db) == expected));
}

BOOST_AUTO_TEST_CASE(a_month_missed_sends_one_reminder_per_record_not_one_per_window) {
  DemoFund fund("clock_tick_catch_up");
  const auto records = recordsIn(*fund.test_db.db);
  std::int64_t first_due = INT64_MAX, report_id = 0;
  for (const auto& r : records) {
    if (r.kind == "report" && r.anchor < first_due) first_due = r.anchor, report_id = r.id;
  }
  usecases::TickService ticks(fund.ctx);
  const auto result = ticks.tick(first_due + 30 * kDay);
  BOOST_TEST(result.reminders.count("report_due_14") == 0u);
  BOOST_TEST(result.reminders.at("report_overdue_7") >= 1);
  auto tx = fund.test_db.db->read();
  std::int64_t sent = 0, passed = 0;
  tx.sql()
      << "SELECT COUNT(*) FROM sent_reminders WHERE record_kind = 'report' AND record_id = :id "
         "AND outcome = 'sent'",
      soci::use(report_id), soci::into(sent);
  tx.sql()
      << "SELECT COUNT(*) FROM sent_reminders WHERE record_kind = 'report' AND record_id = :id "
         "AND outcome = 'passed'",
      soci::use(report_id), soci::into(passed);
  tx.commit();
  BOOST_TEST(sent == 1);
  BOOST_TEST(passed == 3);
}

BOOST_AUTO_TEST_CASE(forgetting_a_record_arms_its_reminders_again) {
  DemoFund fund("clock_tick_forget");
  const auto records = recordsIn(*fund.test_db.db);
  const auto& report = *std::find_if(records.begin(), records.end(),
                                     [](const Record& r) { return r.kind == "report"; });
  usecases::TickService ticks(fund.ctx);
  const std::int64_t t = report.anchor + 2 * kDay;
  BOOST_TEST(ticks.tick(t).reminders.at("report_overdue_1") >= 1);
  BOOST_TEST(ticks.tick(t).total() == 0);
  int forgotten = 0;
  fund.test_db.db->write([&](db::Tx& tx) {
    forgotten = stores::ReminderStore::forget(tx, clock::RecordKind::kReport, report.id);
    tx.commit();
  });
  BOOST_TEST(forgotten >= 1);
  BOOST_TEST(ticks.tick(t).reminders.at("report_overdue_1") == 1);
}

BOOST_AUTO_TEST_CASE(a_review_assignment_is_due_21_days_after_it_is_made) {
  DemoFund fund("clock_review_due");
  auto tx = fund.test_db.db->read();
  std::int64_t all = 0, due_in_21_days = 0, id = 0, created = 0;
  tx.sql() << "SELECT COUNT(*) FROM review_assignments", soci::into(all);
  tx.sql() << "SELECT COUNT(*) FROM review_assignments WHERE due_at = created_at + :d",
      soci::use(clock::kReviewDueMs), soci::into(due_in_21_days);
  tx.sql() << "SELECT MIN(id) FROM review_assignments", soci::into(id);
  tx.sql() << "SELECT created_at FROM review_assignments WHERE id = :id", soci::use(id),
      soci::into(created);
  const auto loaded = stores::ReviewStore::load(tx, id);
  tx.commit();
  BOOST_TEST(all > 0);
  BOOST_TEST(due_in_21_days == all);
  BOOST_TEST_REQUIRE(loaded.has_value());
  BOOST_TEST(loaded->due_at.value_or(0) == created + 21 * kDay);
}

BOOST_AUTO_TEST_SUITE_END()
