#include "tests/services/grant_world.h"

#include <stdexcept>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "services/stores/proposal_store.h"

namespace citygrants::testing {
namespace {

// Each query counts the grants (or tranches) that break one money invariant.
constexpr const char* kBrokenInvariants[] = {
    "SELECT COUNT(*) FROM grants g WHERE g.amount_minor <> (SELECT COALESCE(SUM(t.amount_minor), "
    "0) FROM tranches t WHERE t.grant_id = g.id)",
    "SELECT COUNT(*) FROM grants g WHERE g.amount_minor < (SELECT COALESCE(SUM(t.amount_minor), "
    "0) FROM tranches t WHERE t.grant_id = g.id AND t.state = 'disbursed')",
    "SELECT COUNT(*) FROM (SELECT entity_id FROM audit_events WHERE entity = 'tranche' AND "
    "event = 'disburse' GROUP BY entity_id HAVING COUNT(*) > 1) d",
};

std::string uniqueName() {
  static int counter = 0;
  return "grant_flow_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
}

}  // namespace

GrantWorld::GrantWorld(std::int64_t award) : Fund(uniqueName(), {.threshold_minor = 50'000'000}) {
  grant_id = approvedGrant(award);
}

usecases::TransitionRequest GrantWorld::event(const std::string& name,
                                              std::optional<std::string> reason,
                                              std::optional<std::int64_t> expected) {
  usecases::TransitionRequest req;
  req.event = name;
  req.input.reason = std::move(reason);
  req.expected_version = expected;
  return req;
}

usecases::TransitionRequest GrantWorld::disburseEvent(const std::string& key,
                                                      std::optional<std::int64_t> expected) {
  auto req = event("disburse", {}, expected);
  req.input.payment_reference = "BANK-" + key;
  req.input.idempotency_key = key;
  return req;
}

std::int64_t GrantWorld::count(db::Database& db, const std::string& query) {
  auto tx = db.read();
  std::int64_t n = 0;
  tx.sql() << query, soci::into(n);
  tx.commit();
  return n;
}

void GrantWorld::checkInvariants() {
  for (const char* broken : kBrokenInvariants) BOOST_TEST(count(ctx.db, broken) == 0, broken);
}

void GrantWorld::expectRefused(core::ProblemKind kind, const std::function<void()>& step) {
  const auto before = auditSeq();
  try {
    step();
    BOOST_ERROR("expected a refusal: " << core::problemKindName(kind));
  } catch (const core::Problem& p) {
    BOOST_TEST(core::problemKindName(p.kind()) == core::problemKindName(kind), p.what());
  }
  BOOST_TEST(auditSeq() == before);
  checkInvariants();
}

std::vector<std::string> GrantWorld::fieldsOf(const std::function<void()>& step) {
  std::vector<std::string> out;
  expectRefused(core::ProblemKind::kInvalid, [&] {
    try {
      step();
    } catch (const core::Problem& p) {
      for (const auto& f : p.fields()) out.push_back(f.field);
      throw;
    }
  });
  return out;
}

stores::Report GrantWorld::report(const std::string& kind) {
  for (const auto& r : grants.reports(fm1, grant_id)) {
    if (r.kind == kind) return r;
  }
  throw std::logic_error("no " + kind + " report");
}

stores::Tranche GrantWorld::fireTranche(const access::Actor& who, int seq,
                                        const usecases::TransitionRequest& req) {
  auto t = tranches.fire(who, tranche(seq).id, req);
  checkInvariants();
  return t;
}

void GrantWorld::approveTranche(int seq) {
  fireTranche(applicant_a, seq, event("request"));
  fireTranche(reviewer_a, seq, event("verify"));
  fireTranche(fm1, seq, event("approve"));
}

stores::Tranche GrantWorld::disburseTranche(int seq, const std::string& key) {
  approveTranche(seq);
  return fireTranche(fm2, seq, disburseEvent(key));
}

stores::Report GrantWorld::acceptReport(const std::string& kind) {
  const auto r = report(kind);
  reports.edit(applicant_a, r.id, r.version, "We opened two centres and served 900 people.", {});
  reports.fire(applicant_a, r.id, event("submit"));
  return reports.fire(reviewer_a, r.id, event("accept"));
}

std::vector<std::int64_t> GrantWorld::budgetLines() {
  const auto proposal_id = grant().proposal_id;
  auto tx = ctx.db.read();
  auto p = *stores::ProposalStore::load(tx, proposal_id);
  auto v = *stores::ProposalStore::loadVersion(tx, p.id, p.current_version);
  tx.commit();
  return v.budget_line_ids;
}

}  // namespace citygrants::testing
