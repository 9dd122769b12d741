// The inbox's own rules (modules/inbox): its kinds come from the machines, most urgent first,
// counts per kind.

#include "modules/inbox/inbox.h"

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

namespace citygrants::inbox {
namespace {

constexpr std::int64_t kNow = 1'000'000;

Item item(std::string kind, std::int64_t id, std::int64_t since,
          std::optional<std::int64_t> due = std::nullopt) {
  Item i;
  i.kind = std::move(kind);
  i.record.id = id;
  i.since = since;
  i.due_at = due;
  return i;
}

std::vector<std::int64_t> ids(const std::vector<Item>& items) {
  std::vector<std::int64_t> out;
  for (const auto& i : items) out.push_back(i.record.id);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(inbox_rules)

BOOST_AUTO_TEST_CASE(the_kinds_are_the_states_records_wait_in_then_the_follow_ups) {
  const auto all = kinds();
  const std::vector<std::string> expected = {"proposal.concept_draft",
                                             "proposal.concept_submitted",
                                             "proposal.draft",
                                             "proposal.submitted",
                                             "proposal.screening",
                                             "proposal.revision_requested",
                                             "proposal.in_review",
                                             "proposal.reviewed",
                                             "proposal.award_proposed",
                                             "review_assignment.assigned",
                                             "review_assignment.in_progress",
                                             "grant.pending_agreement",
                                             "grant.active",
                                             "grant.completed",
                                             "tranche.scheduled",
                                             "tranche.requested",
                                             "tranche.verified",
                                             "tranche.approved",
                                             "report.draft",
                                             "report.submitted",
                                             "amendment.draft",
                                             "amendment.requested",
                                             "amendment.partner_reviewed",
                                             "amendment.approved",
                                             "report.overdue",
                                             "user.locked",
                                             "user.second_factor_reset",
                                             "mail.failed",
                                             "audit.verification",
                                             "message.from_city",
                                             "message.from_fund"};
  BOOST_TEST(all == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(overdue_first_then_by_due_date_then_the_oldest_waiting) {
  std::vector<Item> items = {
      item("proposal.submitted", 1, 500),            // no due date, waiting since 500
      item("report.draft", 2, 900, kNow + 10),       // due soon
      item("proposal.screening", 3, 100),            // no due date, waiting longest
      item("report.draft", 4, 950, kNow - 5),        // overdue
      item("proposal.draft", 5, 10, kNow + 10'000),  // due later
      item("report.overdue", 6, 990, kNow - 500),    // overdue longer
      item("tranche.approved", 7, 500),              // same wait as 1: kind decides
  };
  sortByUrgency(items, kNow);
  BOOST_TEST(ids(items) == (std::vector<std::int64_t>{6, 4, 2, 5, 3, 1, 7}),
             boost::test_tools::per_element());
  BOOST_TEST(items.front().overdue(kNow));
  BOOST_TEST(!items[2].overdue(kNow));
}

BOOST_AUTO_TEST_CASE(counts_follow_the_kinds_order_and_leave_out_empty_kinds) {
  const std::vector<Item> items = {item("mail.failed", 1, 0), item("proposal.submitted", 2, 0),
                                   item("mail.failed", 3, 0), item("tranche.approved", 4, 0)};
  const auto counts = countByKind(items);
  BOOST_TEST_REQUIRE(counts.size() == 3u);
  BOOST_TEST(counts[0].kind == "proposal.submitted");
  BOOST_TEST(counts[0].count == 1);
  BOOST_TEST(counts[1].kind == "tranche.approved");
  BOOST_TEST(counts[2].kind == "mail.failed");
  BOOST_TEST(counts[2].count == 2);
  BOOST_TEST(countByKind({}).empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::inbox
