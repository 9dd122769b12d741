#include <optional>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "services/usecases/proposal_service.h"
#include "tests/services/fixture.h"

// A proposal list's total: counted, or added up from the tallies that triggers keep per call,
// city and state (migration 0026) for readers who see every proposal and for a city's readers.
// Either way it is the number of rows the list holds, for every reader and filter.
using namespace citygrants;

BOOST_AUTO_TEST_SUITE(list_totals)

BOOST_AUTO_TEST_CASE(a_lists_total_is_the_number_of_its_rows_for_every_reader_and_filter) {
  testing::Fund f("list_totals");
  f.draftProposal();
  f.draftProposal();
  f.supportedProposal();
  f.reviewedProposal();
  usecases::ProposalService proposals(f.ctx);
  proposals.create(f.applicant_b, f.call.id, testing::Fund::content());
  const auto all = [&](const access::Actor& reader) {
    stores::ProposalQuery q;
    q.limit = 200;
    return proposals.list(reader, q).total;
  };
  BOOST_TEST(all(f.fm1) == 5);
  BOOST_TEST(all(f.auditor) == 5);
  BOOST_TEST(all(f.applicant_a) == 4);
  BOOST_TEST(all(f.applicant_b) == 1);

  const std::vector<std::optional<std::string>> states{std::nullopt, "draft", "screening",
                                                       "reviewed", "approved"};
  const std::vector<std::optional<std::int64_t>> cities{std::nullopt, f.city_a, f.city_b};
  const std::vector<std::optional<std::int64_t>> partners{std::nullopt, f.partner_a};
  int lists = 0;
  for (const auto* reader :
       {&f.fm1, &f.auditor, &f.applicant_a, &f.applicant_b, &f.reviewer_a, &f.reviewer_b}) {
    for (const auto& state : states) {
      for (const auto& city : cities) {
        for (const auto& partner : partners) {
          stores::ProposalQuery q;
          q.state = state;
          q.city_org_id = city;
          q.partner_org_id = partner;
          q.call_id = partner ? std::optional<std::int64_t>(f.call.id) : std::nullopt;
          q.limit = 200;
          BOOST_TEST_CONTEXT("reader " << reader->user_id << ", state " << state.value_or("-")
                                       << ", city " << city.value_or(0) << ", partner "
                                       << partner.value_or(0)) {
            const auto page = proposals.list(*reader, q);
            BOOST_TEST(page.total == static_cast<std::int64_t>(page.items.size()));
            BOOST_TEST(!page.more);
            ++lists;
          }
        }
      }
    }
  }
  BOOST_TEST(lists == 6 * 5 * 3 * 2);
}

BOOST_AUTO_TEST_SUITE_END()
