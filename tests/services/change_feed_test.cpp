// ChangeFeed: which cached answers a committed change makes stale. Keys by kind of change, the
// validity rule, and the feed caught up from a real audit chain (a tranche's family found through
// its grant) on SQLite and PostgreSQL.
#include <boost/test/unit_test.hpp>

#include "services/db/change_feed.h"
#include "services/usecases/read_keys.h"
#include "services/usecases/proposal_service.h"
#include "tests/services/grant_world.h"

using citygrants::db::ChangedRecord;
using citygrants::db::ChangeFeed;
using citygrants::db::changeKeys;
namespace key = citygrants::db::change_key;

namespace {

bool has(const std::vector<std::string>& keys, const std::string& k) {
  return std::find(keys.begin(), keys.end(), k) != keys.end();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(change_feed)

BOOST_AUTO_TEST_CASE(a_proposal_transition_touches_its_family_its_calls_awards_and_two_lists) {
  const auto keys = changeKeys({"proposal", 7, "screen", 7, 3, "submitted", "screening", 12});
  BOOST_TEST(has(keys, key::kAnyChange));
  BOOST_TEST(has(keys, key::family(7)));
  BOOST_TEST(has(keys, key::callAwards(3)));
  BOOST_TEST(has(keys, key::kAnyProposalList));
  BOOST_TEST(has(keys, key::proposalList("submitted")));
  BOOST_TEST(has(keys, key::proposalList("screening")));
  BOOST_TEST(!has(keys, key::kUnknownProposalState));
  BOOST_TEST(!has(keys, key::kGlobalChange));
  BOOST_TEST(!has(keys, key::family(8)));
  // The lists of its city (by state, and all of them), not another city's.
  BOOST_TEST(has(keys, key::inCity(key::proposalList("submitted"), 12)));
  BOOST_TEST(has(keys, key::inCity(key::proposalList("screening"), 12)));
  BOOST_TEST(has(keys, key::inCity(key::kAnyProposalList, 12)));
  BOOST_TEST(!has(keys, key::inCity(key::proposalList("submitted"), 13)));
}

BOOST_AUTO_TEST_CASE(a_city_filtered_list_goes_stale_only_with_its_own_citys_proposals) {
  ChangeFeed feed;
  citygrants::stores::ProposalQuery q;
  q.state = "submitted";
  q.city_org_id = 12;
  const auto ours = citygrants::usecases::proposalListKeys(q);
  q.city_org_id = 13;
  const auto theirs = citygrants::usecases::proposalListKeys(q);
  q.state.reset();
  const auto all_of_theirs = citygrants::usecases::proposalListKeys(q);
  feed.apply(10, {"proposal", 7, "screen", 7, 3, "submitted", "screening", 12});
  BOOST_TEST(!feed.unchangedSince(ours, 9));
  BOOST_TEST(feed.unchangedSince(theirs, 9));
  BOOST_TEST(feed.unchangedSince(all_of_theirs, 9));
  // A change of city 13's family that names no proposal state: all of its lists, none of 12's.
  feed.apply(11, {"tranche", 40, "approve", 8, 3, "verified", "approved", 13});
  BOOST_TEST(!feed.unchangedSince(theirs, 10));
  BOOST_TEST(!feed.unchangedSince(all_of_theirs, 10));
  BOOST_TEST(feed.unchangedSince(ours, 10));
  // A family whose city is not known: every list.
  feed.apply(12, {"proposal", 9, "edit", 9, 3, "", "", std::nullopt});
  BOOST_TEST(!feed.unchangedSince(ours, 11));
  BOOST_TEST(!feed.unchangedSince(theirs, 11));
}

BOOST_AUTO_TEST_CASE(a_change_that_names_no_proposal_state_touches_every_list_of_its_family) {
  // A tranche of proposal 7's grant, and an edit of proposal 7 that keeps its state unnamed.
  for (const ChangedRecord& c : {ChangedRecord{"tranche", 40, "approve", 7, 3, "verified", "approved", 12},
                                 ChangedRecord{"proposal", 7, "edit", 7, 3, "", "", 12}}) {
    const auto keys = changeKeys(c);
    BOOST_TEST(has(keys, key::family(7)));
    BOOST_TEST(has(keys, key::kUnknownProposalState));
    BOOST_TEST(!has(keys, key::proposalList("verified")));  // a tranche's state, not a proposal's
    BOOST_TEST(!has(keys, key::kGlobalChange));
  }
}

BOOST_AUTO_TEST_CASE(records_outside_a_family_and_profiles_are_global_sessions_are_their_users) {
  for (const ChangedRecord& c : {ChangedRecord{"call", 3, "edit", {}, {}, "", ""},
                                 ChangedRecord{"organisation", 2, "rename", {}, {}, "", ""},
                                 ChangedRecord{"chapter", 1, "create", {}, {}, "", ""},
                                 ChangedRecord{"user", 5, "update_profile", {}, {}, "", ""},
                                 ChangedRecord{"user", 5, "grant_role", {}, {}, "", ""},
                                 ChangedRecord{"grant", 9, "sign", {}, {}, "", ""}}) {  // no family found
    BOOST_TEST(has(changeKeys(c), key::kGlobalChange), c.entity + " " + c.event);
  }
  for (const char* event : {"sign_in", "sign_out", "step_up", "end_sessions"}) {
    const auto keys = changeKeys({"user", 5, event, {}, {}, "", ""});
    BOOST_TEST(has(keys, key::user(5)));
    BOOST_TEST(!has(keys, key::kGlobalChange), event);
  }
  const auto token = changeKeys({"api_token", 4, "create", {}, {}, "", ""});
  BOOST_TEST(token == std::vector<std::string>{key::kAnyChange}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_answer_is_valid_until_a_later_change_touches_one_of_its_keys) {
  ChangeFeed feed;
  feed.apply(10, {"proposal", 1, "screen", 1, 3, "submitted", "screening", 12});
  const std::vector<std::string> of_one{key::family(1)}, of_two{key::family(2)};
  BOOST_TEST(feed.unchangedSince(of_one, 10));  // computed after the change
  BOOST_TEST(!feed.unchangedSince(of_one, 9));  // computed before it
  BOOST_TEST(feed.unchangedSince(of_two, 9));   // another family
  BOOST_TEST(!feed.unchangedSince({}, 9));       // depends on anything
  BOOST_TEST(feed.unchangedSince({key::proposalList("draft")}, 9));
  BOOST_TEST(!feed.unchangedSince({key::proposalList("submitted")}, 9));
  feed.apply(11, {"call", 3, "edit", {}, {}, "", ""});
  BOOST_TEST(!feed.unchangedSince(of_two, 10));  // a global change: everything computed before
  BOOST_TEST(feed.unchangedSince(of_two, 11));
  BOOST_TEST(feed.seen() == 11);
}

BOOST_AUTO_TEST_CASE(past_its_key_budget_the_feed_forgets_and_answers_changed_never_stale) {
  ChangeFeed feed(3);
  feed.apply(1, {"proposal", 1, "edit", 1, 1, "", "", 12});  // any, p:1, awards:1, plist... = 7 keys
  BOOST_TEST(!feed.unchangedSince({key::family(9)}, 0));  // forgotten at the budget: a miss
  BOOST_TEST(feed.unchangedSince({key::family(9)}, 1));
}

// The feed read from the audit chain of a real database: a tranche step found in its
// proposal's family through the grant, one proposal's transition leaving the other's view and
// the lists of other states valid, and the keys the proposal read names.
BOOST_AUTO_TEST_CASE(caught_up_from_the_audit_chain_a_change_invalidates_its_family_only) {
  citygrants::testing::GrantWorld w;
  citygrants::usecases::ProposalService proposals(w.ctx);
  const auto other = w.supportedProposal();
  const auto granted = w.grant().proposal_id;
  auto& db = *w.test_db.db;
  const auto& feed = db.changes();
  const auto before = db.generations().data;  // the first look: caught up, nothing to invalidate

  const auto other_view = proposals.get(w.fm1, other);
  const auto granted_view = proposals.get(w.fm1, granted);
  const auto other_keys = citygrants::usecases::proposalViewKeys(other_view.proposal);
  const auto granted_keys = citygrants::usecases::proposalViewKeys(granted_view.proposal);
  BOOST_TEST(has(other_keys, key::family(other)));

  w.sign();  // the grant of `granted`: an event of entity "grant"
  w.approveTranche(1);
  const auto after = db.generations().data;
  BOOST_TEST(after > before);
  BOOST_TEST(feed.seen() == after);
  BOOST_TEST(!feed.unchangedSince(granted_keys, before));
  const auto tranche_keys = citygrants::usecases::trancheViewKeys(granted);
  BOOST_TEST(!feed.unchangedSince(tranche_keys, before));
  BOOST_TEST(feed.unchangedSince(other_keys, before));
  BOOST_TEST(!feed.unchangedSince({}, before));

  citygrants::stores::ProposalQuery screening;
  screening.state = "screening";
  const auto list_keys = citygrants::usecases::proposalListKeys(screening);
  // Grant and tranche steps name no proposal state: every list of the family's proposals goes.
  BOOST_TEST(!feed.unchangedSince(list_keys, before));
  const auto mid = db.generations().data;
  proposals.fire(w.fm1, other, citygrants::testing::GrantWorld::event("screen_out", "not eligible"));
  db.generations();
  const auto screened_out = proposals.get(w.fm1, other).proposal;
  BOOST_TEST(!feed.unchangedSince(citygrants::usecases::proposalViewKeys(screened_out), mid));
  BOOST_TEST(!feed.unchangedSince(list_keys, mid));  // it left the screening list
  // The feed found its city: the screening list of its city goes, another city's stays.
  screening.city_org_id = screened_out.city_org_id;
  BOOST_TEST(!feed.unchangedSince(citygrants::usecases::proposalListKeys(screening), mid));
  screening.city_org_id = screened_out.city_org_id + 1000;
  BOOST_TEST(feed.unchangedSince(citygrants::usecases::proposalListKeys(screening), mid));
  citygrants::stores::ProposalQuery drafts;
  drafts.state = "draft";
  BOOST_TEST(feed.unchangedSince(citygrants::usecases::proposalListKeys(drafts), mid));
  BOOST_TEST(feed.unchangedSince(granted_keys, mid));
  BOOST_TEST(feed.unchangedSince(tranche_keys, mid));  // another proposal's change
  BOOST_TEST(w.tranches.get(w.fm1, w.tranche(1).id).proposal_id == granted);  // the family it is read from
}

BOOST_AUTO_TEST_SUITE_END()
