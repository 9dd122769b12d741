#include <algorithm>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "services/usecases/inbox_service.h"
#include "tests/services/amendment_world.h"

// Amendments in the inbox: each waits for whoever may take its awaited step now, as the machine's
// rows and guards say (never a copy of them): its proposer while a draft, the supporting partner
// when a large reallocation needs its review, the fund's decision, the application; an increase
// approved by one fund manager waits for another, who is told who approved it.
using namespace citygrants;

namespace {

// The inbox items about amendment `id` for `who`, as "kind:expected,expected".
std::vector<std::string> itemsAbout(usecases::Context ctx, const access::Actor& who,
                                    std::int64_t id) {
  std::vector<std::string> out;
  for (const auto& i : usecases::InboxService(ctx).of(who, {}).items) {
    if (i.record.kind != "amendment" || i.record.id != id) continue;
    std::string line = i.kind + ":";
    for (const auto& e : i.expected) line += (line.back() == ':' ? "" : ",") + e;
    out.push_back(line);
  }
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

BOOST_FIXTURE_TEST_SUITE(amendment_inbox, testing::AmendmentWorld)

BOOST_AUTO_TEST_CASE(a_large_reallocation_waits_for_the_city_the_partner_then_the_fund) {
  const auto a = amendments.create(applicant_a, grant_id, reallocation(5'000'000));
  BOOST_TEST(itemsAbout(ctx, applicant_a, a.id) == Lines{"amendment.draft:request"});
  BOOST_TEST(itemsAbout(ctx, fm1, a.id).empty(), "a city's draft waits for nobody else");
  BOOST_TEST(itemsAbout(ctx, reviewer_a, a.id).empty());

  fire(applicant_a, a.id, "request");
  BOOST_TEST(itemsAbout(ctx, applicant_a, a.id).empty());
  BOOST_TEST(itemsAbout(ctx, reviewer_a, a.id) == Lines{"amendment.requested:review"});
  BOOST_TEST(itemsAbout(ctx, reviewer_b, a.id).empty(), "another partner's grant");
  BOOST_TEST(itemsAbout(ctx, fm1, a.id) == Lines{"amendment.requested:reject"},
             "the fund may refuse at once; it approves after the review");

  fire(reviewer_a, a.id, "review", "the new centre needs the rent");
  BOOST_TEST(itemsAbout(ctx, reviewer_a, a.id).empty());
  BOOST_TEST(itemsAbout(ctx, fm1, a.id) == Lines{"amendment.partner_reviewed:approve,reject"});
  fire(fm1, a.id, "approve");
  BOOST_TEST(itemsAbout(ctx, fm1, a.id) == Lines{"amendment.approved:apply"});
  fire(fm1, a.id, "apply");
  BOOST_TEST(itemsAbout(ctx, fm1, a.id).empty());
  BOOST_TEST(itemsAbout(ctx, auditor, a.id).empty());
}

BOOST_AUTO_TEST_CASE(an_approved_increase_waits_for_a_second_fund_manager_named_to_both) {
  const auto a = amendments.create(fm1, grant_id, amountChange(kOddAward + 2'000'000));
  BOOST_TEST(itemsAbout(ctx, fm1, a.id) == Lines{"amendment.draft:request"});
  BOOST_TEST(itemsAbout(ctx, fm2, a.id) == Lines{"amendment.draft:request"},
             "a draft of the fund's is the fund's to send");
  BOOST_TEST(itemsAbout(ctx, applicant_a, a.id).empty());
  fire(fm1, a.id, "request");
  BOOST_TEST(itemsAbout(ctx, fm1, a.id) == Lines{"amendment.requested:reject"},
             "its proposer may not approve it");
  BOOST_TEST(itemsAbout(ctx, fm2, a.id) == Lines{"amendment.requested:approve,reject"});
  fire(fm2, a.id, "approve");
  BOOST_TEST(itemsAbout(ctx, fm2, a.id) == Lines{"amendment.approved:"},
             "held for another fund manager, listed");
  BOOST_TEST(itemsAbout(ctx, fm1, a.id) == Lines{"amendment.approved:apply"});
  const auto items = usecases::InboxService(ctx).of(fm1, {}).items;
  const auto it = std::find_if(items.begin(), items.end(), [&](const inbox::Item& i) {
    return i.record.kind == "amendment" && i.record.id == a.id;
  });
  BOOST_REQUIRE(it != items.end());
  BOOST_TEST(it->record.grant_id.value_or(0) == grant_id);
  BOOST_TEST(it->record.reference == grant().reference);
  std::vector<std::string> roles;
  for (const auto& p : it->people) roles.push_back(p.role);
  BOOST_TEST((roles == std::vector<std::string>{"proposed_by", "approved_by"}));
}

BOOST_AUTO_TEST_SUITE_END()
