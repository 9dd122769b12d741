// transfer::copyFund into a database of the suite's dialect: on SQLite both ways of copying meet
// here (the source attached to the target and copied table by table, copy_fund_sqlite.cpp), on
// PostgreSQL the row-at-a-time copy. The whole of the checks it runs on the committed target,
// and its refusals, which must leave the target as it was.
#include <stdexcept>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "services/transfer/copy_fund.h"
#include "services/usecases/proposal_service.h"
#include "tests/services/fixture.h"

namespace citygrants {
namespace {

std::int64_t count(db::Database& db, const std::string& query) {
  auto tx = db.read();
  long long n = 0;
  tx.sql() << query, soci::into(n);
  tx.commit();
  return n;
}

const transfer::TableCopy& tableOf(const transfer::CopyReport& r, const std::string& name) {
  for (const auto& t : r.tables) {
    if (t.table == name) return t;
  }
  BOOST_FAIL("no table " + name + " in the report");
  throw std::logic_error("unreachable");
}

void copyNothing(const std::string&) {}

// How copyFund refused to copy `from` into `to`: "conflict", "invalid", or "copied" when it did.
std::string refusal(db::Database& from, db::Database& to) {
  try {
    transfer::copyFund(from, to, copyNothing);
    return "copied";
  } catch (const core::Problem& p) {
    return p.kind() == core::ProblemKind::kConflict  ? "conflict"
           : p.kind() == core::ProblemKind::kInvalid ? "invalid"
                                                     : "another problem";
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(copy_fund)

BOOST_AUTO_TEST_CASE(a_copy_holds_every_row_and_sum_of_the_source_and_its_chain) {
  testing::Fund f("copy_fund_whole_from");
  const auto supported = f.supportedProposal();
  f.draftProposal(2 * testing::Fund::kAmount);
  testing::TestDb target("copy_fund_whole_to");
  std::vector<std::string> lines;
  const auto report =
      transfer::copyFund(f.ctx.db, *target.db, [&](const std::string& l) { lines.push_back(l); });
  BOOST_TEST(report.problem == "");
  BOOST_TEST(report.tables.size() == transfer::fundTables().size());
  BOOST_TEST(lines.size() == transfer::fundTables().size());
  const auto& proposals = tableOf(report, "proposals");
  BOOST_TEST(proposals.source_rows == 2);
  BOOST_TEST(proposals.target_rows == 2);
  // The money columns were summed on both sides: the budget lines of every version.
  const auto& budget = tableOf(report, "budget_lines");
  const auto lines_sum =
      std::to_string(count(f.ctx.db, "SELECT SUM(amount_minor) FROM budget_lines"));
  BOOST_REQUIRE(budget.sums.size() == 1u);
  BOOST_TEST(budget.sums[0] == "amount_minor=" + lines_sum + "/" + lines_sum);
  BOOST_TEST(lines_sum != "0");
  BOOST_TEST(report.audit_ok);
  BOOST_TEST(report.audit_head_matches);
  BOOST_TEST(report.audit_rows == count(f.ctx.db, "SELECT COUNT(*) FROM audit_events"));
  // Tallies kept by triggers are rebuilt on the target, not copied: they count the same.
  BOOST_TEST(count(*target.db, "SELECT SUM(n) FROM proposal_tallies") ==
             count(f.ctx.db, "SELECT SUM(n) FROM proposal_tallies"));
  const usecases::Context there{*target.db, f.clock};
  BOOST_TEST(usecases::ProposalService(there).get(f.fm1, supported).proposal.state == "screening");
}

BOOST_AUTO_TEST_CASE(a_target_that_holds_a_fund_is_refused_and_kept_as_it_was) {
  testing::Fund f("copy_fund_refused_from");
  f.draftProposal();
  testing::TestDb target("copy_fund_refused_to");
  BOOST_REQUIRE(transfer::copyFund(f.ctx.db, *target.db, copyNothing).problem == "");
  f.draftProposal();  // the source moves on; the target is not to follow it
  const auto events = count(*target.db, "SELECT COUNT(*) FROM audit_events");
  BOOST_TEST(refusal(f.ctx.db, *target.db) == "conflict");
  BOOST_TEST(count(*target.db, "SELECT COUNT(*) FROM proposals") == 1);
  BOOST_TEST(count(*target.db, "SELECT COUNT(*) FROM audit_events") == events);
}

BOOST_AUTO_TEST_CASE(a_source_with_a_table_the_copy_does_not_know_is_refused_before_any_row) {
  testing::Fund f("copy_fund_unknown_from");
  testing::exec(f.ctx.db, "CREATE TABLE stray_notes (id INTEGER PRIMARY KEY, note TEXT)");
  testing::TestDb target("copy_fund_unknown_to");
  BOOST_TEST(refusal(f.ctx.db, *target.db) == "invalid");
  BOOST_TEST(count(*target.db, "SELECT COUNT(*) FROM organisations") == 0);
  BOOST_TEST(count(*target.db, "SELECT last_seq FROM audit_head") == 0);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants
