// ProposalStore::loadCurrent reads a proposal, its current version (budget lines and targets
// included) and its call's terms in one joined statement: the same fields as the three separate
// reads (load, loadVersion, CallStore::loadTerms), for a draft, a submitted and a reviewed
// proposal, and nothing for an unknown one.
#include <boost/test/unit_test.hpp>

#include "services/stores/call_store.h"
#include "services/stores/proposal_store.h"
#include "tests/services/fixture.h"

using namespace citygrants;

BOOST_AUTO_TEST_SUITE(proposal_rows)

BOOST_AUTO_TEST_CASE(one_joined_read_gives_what_the_three_reads_did) {
  testing::Fund f("proposal_rows");
  const std::int64_t ids[] = {f.draftProposal(), f.supportedProposal(), f.reviewedProposal()};
  auto tx = f.test_db.db->read();
  for (const auto id : ids) {
    BOOST_TEST_CONTEXT("proposal " << id) {
      const auto joined = stores::ProposalStore::loadCurrent(tx, id);
      const auto p = stores::ProposalStore::load(tx, id);
      BOOST_TEST_REQUIRE(joined.has_value());
      BOOST_TEST_REQUIRE(p.has_value());
      const auto v = stores::ProposalStore::loadVersion(tx, id, p->current_version);
      const auto c = stores::CallStore::loadTerms(tx, p->call_id);
      const auto& jp = joined->proposal;
      BOOST_TEST(jp.id == p->id);
      BOOST_TEST(jp.state == p->state);
      BOOST_TEST(jp.version == p->version);
      BOOST_TEST(jp.reference == p->reference);
      BOOST_TEST(jp.current_version == p->current_version);
      BOOST_TEST(jp.eligible_future == p->eligible_future);
      BOOST_TEST((jp.supporting_org_id == p->supporting_org_id));
      BOOST_TEST(jp.updated_at == p->updated_at);
      const auto& jv = joined->current;
      BOOST_TEST(jv.id == v->id);
      BOOST_TEST(jv.number == p->current_version);
      BOOST_TEST(jv.frozen == v->frozen);
      BOOST_TEST(jv.stage == v->stage);
      BOOST_TEST(jv.content.title == v->content.title);
      BOOST_TEST(jv.content.amount_minor == v->content.amount_minor);
      BOOST_TEST(jv.content.target_groups == v->content.target_groups);
      BOOST_TEST(jv.budget_line_ids == v->budget_line_ids);
      BOOST_TEST(jv.content.budget.size() == v->content.budget.size());
      BOOST_TEST(jv.content.indicators.size() == v->content.indicators.size());
      BOOST_TEST(!jv.content.budget.empty());
      BOOST_TEST(joined->call.id == c->id);
      BOOST_TEST(joined->call.two_stage == c->two_stage);
      BOOST_TEST(joined->call.max_award_minor == c->max_award_minor);
      BOOST_TEST(joined->call.currency == c->currency);
      BOOST_TEST(joined->call.criteria.empty());  // terms only
    }
  }
  BOOST_TEST(!stores::ProposalStore::loadCurrent(tx, 987654).has_value());
  tx.commit();
}

BOOST_AUTO_TEST_SUITE_END()
