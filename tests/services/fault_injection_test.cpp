#include <boost/test/unit_test.hpp>

#include "services/stores/review_store.h"
#include "services/usecases/proposal_service.h"
#include "tests/services/fixture.h"

using namespace citygrants;

namespace {

std::int64_t count(db::Database& db, const std::string& sql) {
  auto tx = db.read();
  std::int64_t n = 0;
  tx.sql() << sql, soci::into(n);
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(fault_injection)

// Approval writes the decision, the grant, its reports and tranches and four audit rows in one
// transaction. A storage fault on the last tranche insert must leave none of it behind.
BOOST_AUTO_TEST_CASE(a_store_fault_during_approval_leaves_nothing_half_written) {
  testing::Fund f("fault_approve");
  usecases::ProposalService s(f.ctx);
  auto v = s.create(f.applicant_a, f.call.id, testing::Fund::content());
  const auto id = v.proposal.id;
  s.fire(f.applicant_a, id, {.event = "submit"});
  s.fire(f.fm1, id, {.event = "screen"});
  s.setSupportingPartner(f.fm1, id, std::nullopt, f.partner_a);
  f.ctx.db.write([&](db::Tx& tx) {
    stores::Assignment a;
    a.proposal_id = id;
    a.partner_org_id = f.partner_a;
    a.state = "submitted";
    a.created_by = f.fm1.user_id;
    stores::ReviewStore::insert(tx, a, f.clock.nowMs());
    tx.commit();
  });
  s.fire(f.fm1, id, {.event = "send_to_review"});
  v = s.fire(f.fm1, id, {.event = "close_review"});

  testing::injectFault(f.ctx.db, "tranches", "NEW.seq = 3", "injected storage fault");
  const auto audit_before = testing::auditHead(f.ctx.db);
  BOOST_CHECK_THROW(s.fire(f.fm1, id, {.event = "approve", .expected_version = v.proposal.version}),
                    std::exception);
  BOOST_TEST(testing::auditHead(f.ctx.db) == audit_before);
  BOOST_TEST(count(f.ctx.db, "SELECT COUNT(*) FROM grants") == 0);
  BOOST_TEST(count(f.ctx.db, "SELECT COUNT(*) FROM tranches") == 0);
  BOOST_TEST(count(f.ctx.db, "SELECT COUNT(*) FROM reports") == 0);
  BOOST_TEST(count(f.ctx.db, "SELECT COUNT(*) FROM decisions WHERE event = 'approve'") == 0);
  BOOST_TEST(s.get(f.fm1, id).proposal.state == "reviewed");
  BOOST_TEST(s.get(f.fm1, id).proposal.version == v.proposal.version);

  // The fault cleared, the same request succeeds: the failed attempt held nothing.
  testing::clearFault(f.ctx.db, "tranches");
  v = s.fire(f.fm1, id, {.event = "approve", .expected_version = v.proposal.version});
  BOOST_TEST(v.proposal.state == "approved");
  BOOST_TEST(count(f.ctx.db, "SELECT COUNT(*) FROM tranches") == 3);
}

// A fault in the audit append (the last write of every use case) rolls back the state change.
BOOST_AUTO_TEST_CASE(a_fault_in_the_audit_append_rolls_back_the_state_change) {
  testing::Fund f("fault_audit");
  usecases::ProposalService s(f.ctx);
  auto v = s.create(f.applicant_a, f.call.id, testing::Fund::content());
  testing::injectFault(f.ctx.db, "audit_events", "", "injected audit fault");
  BOOST_CHECK_THROW(s.fire(f.applicant_a, v.proposal.id, {.event = "submit"}), std::exception);
  testing::clearFault(f.ctx.db, "audit_events");
  BOOST_TEST(s.get(f.applicant_a, v.proposal.id).proposal.state == "draft");
  BOOST_TEST(count(f.ctx.db, "SELECT frozen FROM proposal_versions WHERE proposal_id = " +
                                 std::to_string(v.proposal.id)) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
