#include "modules/core/reference.h"

#include <string>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"

namespace citygrants::core {
namespace {

template <class Fn>
std::string invalidField(Fn&& fn) {
  try {
    fn();
  } catch (const Problem& p) {
    BOOST_TEST(problemKindName(p.kind()) == "invalid");
    return p.fields().empty() ? std::string("<none>") : p.fields().front().field;
  }
  return "<no problem>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reference)

BOOST_AUTO_TEST_CASE(proposal_reference_pads_year_and_number) {
  BOOST_TEST(proposalReference(2026, 7) == "GCF-2026-0007");
  BOOST_TEST(proposalReference(2026, 1) == "GCF-2026-0001");
  BOOST_TEST(proposalReference(2000, 9'999) == "GCF-2000-9999");
  BOOST_TEST(proposalReference(9'999, 120) == "GCF-9999-0120");
  BOOST_TEST(proposalReference(2026, 10'000) == "GCF-2026-10000");  // a large fund's 10,000th
  BOOST_TEST(proposalReference(2026, 999'999) == "GCF-2026-999999");
  BOOST_TEST(parseProposalReference("GCF-2026-10000")->number == 10'000);
}

BOOST_AUTO_TEST_CASE(proposal_reference_refuses_out_of_range_year_and_number) {
  BOOST_TEST(invalidField([] { proposalReference(1'999, 1); }) == "year");
  BOOST_TEST(invalidField([] { proposalReference(10'000, 1); }) == "year");
  BOOST_TEST(invalidField([] { proposalReference(26, 1); }) == "year");
  BOOST_TEST(invalidField([] { proposalReference(2026, 0); }) == "number");
  BOOST_TEST(invalidField([] { proposalReference(2026, -7); }) == "number");
  BOOST_TEST(invalidField([] { proposalReference(2026, 1'000'000); }) == "number");
}

BOOST_AUTO_TEST_CASE(grant_and_tranche_references_extend_the_proposal_reference) {
  BOOST_TEST(grantReference("GCF-2026-0007") == "GCF-2026-0007-G");
  BOOST_TEST(trancheReference("GCF-2026-0007", 1) == "GCF-2026-0007-T1");
  BOOST_TEST(trancheReference("GCF-2026-0007", 2) == "GCF-2026-0007-T2");
  BOOST_TEST(trancheReference("GCF-2026-0007", 12) == "GCF-2026-0007-T12");
  BOOST_TEST(invalidField([] { trancheReference("GCF-2026-0007", 0); }) == "seq");
  BOOST_TEST(invalidField([] { trancheReference("GCF-2026-0007", -1); }) == "seq");
}

BOOST_AUTO_TEST_CASE(parse_round_trips_every_formatted_reference) {
  int checked = 0;
  for (int year : {2000, 2001, 2026, 2099, 9'999}) {
    for (int number = 1; number <= 9'999; number += (number < 20 ? 1 : 97)) {
      const auto text = proposalReference(year, number);
      const auto parsed = parseProposalReference(text);
      BOOST_TEST_CONTEXT(text) {
        BOOST_TEST_REQUIRE(parsed.has_value());
        BOOST_TEST(parsed->year == year);
        BOOST_TEST(parsed->number == number);
      }
      ++checked;
    }
    const auto last = parseProposalReference(proposalReference(year, 9'999));
    BOOST_TEST_REQUIRE(last.has_value());
    BOOST_TEST(last->number == 9'999);
  }
  BOOST_TEST(checked > 500);
}

BOOST_AUTO_TEST_CASE(parse_rejects_malformed_references) {
  for (const char* text : {
           "GCF-26-7",          // short year and number
           "GCF-2026-0000",     // number zero
           "gcf-2026-0001",     // lower case prefix
           "Gcf-2026-0001",     // mixed case prefix
           "",                  // empty
           "GCF-2026-",         // no number
           "GCF-2026-001",      // three digits
           "GCF-2026-00071",    // five digits
           "GCF-1999-0001",     // before 2000
           "GCF-0000-0001",     // year zero
           "GCF-2026_0001",     // wrong separator
           "GCF_2026-0001",     // wrong first separator
           "GCF-20a6-0001",     // letter in the year
           "GCF-2026-00x1",     // letter in the number
           "GCF-2026-+001",     // sign
           "GCF-2026--001",     // minus sign
           "XCF-2026-0001",     // other prefix
           " GCF-2026-0001",    // leading space
           "GCF-2026-0001 ",    // trailing space
           "GCF-2026-0001-G",   // a grant reference
           "GCF-2026-0001-T2",  // a tranche reference
       }) {
    BOOST_TEST_CONTEXT("'" << text << "'") { BOOST_TEST(!parseProposalReference(text)); }
  }
}

BOOST_AUTO_TEST_CASE(report_references_extend_the_proposal_reference_like_tranches) {
  BOOST_TEST(reportReference("GCF-2026-0007", 1) == "GCF-2026-0007-R1");
  BOOST_TEST(reportReference("GCF-2026-12345", 3) == "GCF-2026-12345-R3");
  BOOST_TEST(invalidField([] { reportReference("GCF-2026-0007", 0); }) == "seq");
}

BOOST_AUTO_TEST_CASE(every_record_reference_reads_back_as_its_kind_and_number) {
  struct Case {
    std::string text;
    RecordKind kind;
    const char* proposal;
    int seq;
  };
  const Case cases[] = {
      {proposalReference(2026, 14), RecordKind::kProposal, "GCF-2026-0014", 0},
      {grantReference("GCF-2026-0014"), RecordKind::kGrant, "GCF-2026-0014", 0},
      {trancheReference("GCF-2026-0014", 1), RecordKind::kTranche, "GCF-2026-0014", 1},
      {trancheReference("GCF-2026-12345", 12), RecordKind::kTranche, "GCF-2026-12345", 12},
      {reportReference("GCF-2026-0014", 2), RecordKind::kReport, "GCF-2026-0014", 2},
      {reportReference("GCF-2026-0014", 9'999), RecordKind::kReport, "GCF-2026-0014", 9'999},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.text) {
      const auto parsed = parseRecordReference(c.text);
      BOOST_TEST_REQUIRE(parsed.has_value());
      BOOST_TEST((parsed->kind == c.kind));
      BOOST_TEST(parsed->proposal_reference == c.proposal);
      BOOST_TEST(parsed->seq == c.seq);
    }
  }
  BOOST_TEST(recordEntity(RecordKind::kProposal) == "proposal");
  BOOST_TEST(recordEntity(RecordKind::kGrant) == "grant");
  BOOST_TEST(recordEntity(RecordKind::kTranche) == "tranche");
  BOOST_TEST(recordEntity(RecordKind::kReport) == "report");
}

BOOST_AUTO_TEST_CASE(record_references_refuse_anything_else) {
  for (const char* text : {
           "",
           "GCF-2026-0014-",
           "GCF-2026-0014-g",
           "GCF-2026-0014-t1",
           "GCF-2026-0014-T",
           "GCF-2026-0014-T0",
           "GCF-2026-0014-T01",
           "GCF-2026-0014-T10000",
           "GCF-2026-0014-X1",
           "GCF-2026-0014-GG",
           "GCF-2026-0014-G1",
           "GCF-2026-0014-T1-G",
           "GCF-2026-0014-R-1",
           "GCF-2026-0014-T+1",
           "GCF-2026-014-T1",
           "gcf-2026-0014",
           "GCF-2026-0014 ",
           " GCF-2026-0014-G",
           "tranche #4",
           "GCF-2026--T1",
           "GCF-2026-0014-R1x",
       }) {
    BOOST_TEST_CONTEXT("'" << text << "'") { BOOST_TEST(!parseRecordReference(text)); }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::core
