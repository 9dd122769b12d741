#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "services/db/migrator.h"
#include "services/transfer/copy_fund.h"
#include "services/usecases/proposal_service.h"
#include "services/usecases/review_service.h"
#include "services/usecases/search_service.h"
#include "tests/services/fixture.h"

// The search index kept by the use cases (services/stores/search_store.h): in step with every
// edit, in the edit's own transaction, filled by the migration exactly as the use cases keep
// it, and carried by a copy of the fund; and what SearchService finds for whom.
using namespace citygrants;
using core::Problem;
using core::ProblemKind;

namespace {

// The ids of the hits of `kind` that `q` finds for `actor`, best first.
std::vector<std::int64_t> found(testing::Fund& f, const access::Actor& actor, const std::string& q,
                                const std::string& kind = "proposal") {
  std::vector<std::int64_t> out;
  for (const auto& hit : usecases::SearchService(f.ctx).search(actor, q, 50, 0).items) {
    if (hit.kind == kind) out.push_back(hit.id);
  }
  return out;
}

bool contains(const std::vector<std::int64_t>& ids, std::int64_t id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

proposals::ProposalContent titled(const std::string& title, const std::string& summary = "") {
  auto c = testing::Fund::content();
  c.title = title;
  if (!summary.empty()) c.summary = summary;
  return c;
}

using Row =
    std::tuple<std::string, std::int64_t, std::string, std::string, std::string, std::string>;

std::vector<Row> indexRows(db::Database& db) {
  auto tx = db.read();
  std::vector<Row> out;
  soci::rowset<soci::row> rows =
      (tx.sql().prepare
       << "SELECT kind, record_id, reference, title, context, body FROM search_documents "
          "ORDER BY kind, record_id");
  for (const auto& r : rows) {
    out.emplace_back(r.get<std::string>(0), static_cast<std::int64_t>(r.get<long long>(1)),
                     r.get<std::string>(2), r.get<std::string>(3), r.get<std::string>(4),
                     r.get<std::string>(5));
  }
  tx.commit();
  return out;
}

auto hasFieldQ = [](const Problem& p) {
  return p.kind() == ProblemKind::kInvalid && !p.fields().empty() && p.fields()[0].field == "q";
};

}  // namespace

BOOST_AUTO_TEST_SUITE(search_index)

BOOST_AUTO_TEST_CASE(an_edited_title_is_found_and_the_old_one_is_gone) {
  testing::Fund f("search_edit");
  usecases::ProposalService s(f.ctx);
  const auto id =
      s.create(f.applicant_a, f.call.id, titled("Harbour literacy circles")).proposal.id;
  BOOST_TEST(contains(found(f, f.applicant_a, "harbour"), id));
  s.edit(f.applicant_a, id, std::nullopt, titled("Riverside health clinics"));
  BOOST_TEST(contains(found(f, f.applicant_a, "riverside"), id));
  BOOST_TEST(found(f, f.applicant_a, "harbour").empty());
  BOOST_TEST(contains(found(f, f.fm1, "clinics riverside"), id));
}

BOOST_AUTO_TEST_CASE(a_refused_edit_leaves_the_index_as_it_was) {
  testing::Fund f("search_rollback");
  usecases::ProposalService s(f.ctx);
  const auto id =
      s.create(f.applicant_a, f.call.id, titled("Harbour literacy circles")).proposal.id;
  // The audit append, the use case's last write, fails: the index row written before it in the
  // same transaction goes with it.
  testing::injectFault(f.ctx.db, "audit_events", "", "disk full");
  BOOST_CHECK_THROW(s.edit(f.applicant_a, id, std::nullopt, titled("Riverside health clinics")),
                    std::exception);
  testing::clearFault(f.ctx.db, "audit_events");
  BOOST_TEST(found(f, f.applicant_a, "riverside").empty());
  BOOST_TEST(contains(found(f, f.applicant_a, "harbour"), id));
}

BOOST_AUTO_TEST_CASE(a_title_match_ranks_above_a_summary_match) {
  testing::Fund f("search_rank");
  usecases::ProposalService s(f.ctx);
  // The summary match is made first (a lower id), so only the rank can put the title first.
  const auto in_summary = s.create(f.applicant_a, f.call.id,
                                   titled("Language classes",
                                          "Mangrove restoration jobs for "
                                          "displaced fishers and mangrove "
                                          "nurseries"))
                              .proposal.id;
  const auto in_title =
      s.create(f.applicant_a, f.call.id, titled("Mangrove livelihoods")).proposal.id;
  BOOST_TEST((found(f, f.fm1, "mangrove") == std::vector<std::int64_t>{in_title, in_summary}));
}

BOOST_AUTO_TEST_CASE(accents_and_case_do_not_matter) {
  testing::Fund f("search_accents");
  usecases::ProposalService s(f.ctx);
  const auto sp = s.create(f.applicant_a, f.call.id, titled("Acolhida em São Paulo")).proposal.id;
  const auto st = s.create(f.applicant_a, f.call.id, titled("Inclusion a Sao Tome")).proposal.id;
  BOOST_TEST((found(f, f.fm1, "Sao Paulo") == std::vector<std::int64_t>{sp}));
  BOOST_TEST((found(f, f.fm1, "SÃO PAULO") == std::vector<std::int64_t>{sp}));
  BOOST_TEST((found(f, f.fm1, "São Tomé") == std::vector<std::int64_t>{st}));
  BOOST_TEST((found(f, f.fm1, "acolhida") == std::vector<std::int64_t>{sp}));
  // The snippet shows the text as written, its matched words marked.
  const auto page = usecases::SearchService(f.ctx).search(f.fm1, "sao paulo", 10, 0);
  BOOST_REQUIRE(!page.items.empty());
  BOOST_TEST(page.items[0].snippet.find("\x01São\x02") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_last_word_is_also_a_prefix) {
  testing::Fund f("search_prefix");
  usecases::ProposalService s(f.ctx);
  const auto id =
      s.create(f.applicant_a, f.call.id, titled("Vocational apprenticeships")).proposal.id;
  BOOST_TEST(contains(found(f, f.fm1, "vocational apprentice"), id));
  BOOST_TEST(found(f, f.fm1, "apprentice vocational").empty());
}

BOOST_AUTO_TEST_CASE(the_translation_is_found_until_a_new_version_drops_it) {
  testing::Fund f("search_translation");
  usecases::ProposalService s(f.ctx);
  const auto id = f.supportedProposal();
  s.attachTranslation(f.fm1, id, "An English rendering about xylophone workshops");
  BOOST_TEST(contains(found(f, f.fm1, "xylophone"), id));
  usecases::TransitionRequest back{.event = "return"};
  back.input.reason = "Please add the budget notes";
  s.fire(f.fm1, id, back);
  s.edit(f.applicant_a, id, std::nullopt, titled("Inclusive city services, revised"));
  BOOST_TEST(found(f, f.fm1, "xylophone").empty());
  BOOST_TEST(contains(found(f, f.fm1, "revised"), id));
}

BOOST_AUTO_TEST_CASE(a_reviewer_before_declaring_finds_a_proposal_by_its_title_only) {
  testing::Fund f("search_undeclared");
  usecases::ProposalService proposals(f.ctx);
  usecases::ReviewService reviews(f.ctx);
  const auto id = proposals
                      .create(f.applicant_a, f.call.id,
                              titled("Harbour literacy circles",
                                     "Evening classes near the quayside for newcomers who "
                                     "work shifts in the port"))
                      .proposal.id;
  proposals.fire(f.applicant_a, id, {.event = "submit"});
  proposals.fire(f.fm1, id, {.event = "screen"});
  BOOST_TEST(found(f, f.reviewer_b, "harbour").empty());  // not assigned: not visible
  const auto assignment = reviews.assign(f.fm1, id, f.partner_b);
  BOOST_TEST(contains(found(f, f.reviewer_b, "harbour"), id));
  BOOST_TEST(found(f, f.reviewer_b, "quayside").empty());
  BOOST_TEST(found(f, f.reviewer_b, "harbour quayside").empty());
  for (const auto& hit :
       usecases::SearchService(f.ctx).search(f.reviewer_b, "harbour", 10, 0).items) {
    BOOST_TEST(hit.snippet.find("quayside") == std::string::npos);
  }
  usecases::TransitionRequest accept{.event = "accept"};
  accept.input.no_conflict_declared = true;
  reviews.fire(f.reviewer_b, assignment.id, accept);
  BOOST_TEST(contains(found(f, f.reviewer_b, "quayside"), id));
  BOOST_TEST(found(f, f.reviewer_a, "harbour").empty());
  BOOST_TEST(found(f, f.applicant_b, "harbour").empty());
  BOOST_TEST(contains(found(f, f.applicant_a, "quayside"), id));
}

BOOST_AUTO_TEST_CASE(grants_organisations_and_calls_are_found) {
  testing::Fund f("search_kinds");
  const auto grant = f.approvedGrant();
  BOOST_TEST(contains(found(f, f.applicant_a, "inclusive newcomers", "grant"), grant));
  BOOST_TEST(found(f, f.applicant_b, "inclusive newcomers", "grant").empty());
  BOOST_TEST(contains(found(f, f.reviewer_a, "inclusive", "grant"), grant));  // supporting partner
  BOOST_TEST(found(f, f.reviewer_b, "inclusive", "grant").empty());
  BOOST_TEST(contains(found(f, f.applicant_b, f.call.code, "call"), f.call.id));
  BOOST_TEST(contains(found(f, f.reviewer_b, f.call.title, "call"), f.call.id));
  const auto org = f.addOrg(access::OrgKind::kCity, "Quetzaltenango");
  BOOST_TEST(contains(found(f, f.applicant_a, "quetzal", "organisation"), org));
}

BOOST_AUTO_TEST_CASE(hostile_queries_are_words_never_syntax) {
  testing::Fund f("search_hostile");
  usecases::ProposalService s(f.ctx);
  const auto id =
      s.create(f.applicant_a, f.call.id, titled("Harbour literacy circles")).proposal.id;
  usecases::SearchService search(f.ctx);
  for (const std::string q : {"\"",
                              "*",
                              "NEAR(",
                              "NEAR(harbour literacy, 2)",
                              "harbour OR x",
                              "harbour AND NOT x",
                              "title:harbour",
                              "{title}: harbour",
                              "^harbour",
                              "harbour*",
                              "'",
                              "''",
                              "\\",
                              "(",
                              ")",
                              "harbour\")",
                              "- harbour",
                              "harbour & !x | y",
                              "harbour <-> literacy",
                              "harbour:*",
                              "%",
                              "_",
                              "😀",
                              "\xC2\xA0harbour",
                              "a\x01"
                              "b\x02"
                              "c",
                              "NEAR",
                              "AND",
                              "OR",
                              "NOT"}) {
    BOOST_CHECK_NO_THROW(search.search(f.fm1, q, 20, 0));
  }
  BOOST_TEST(contains(found(f, f.fm1, "\"harbour\"* (literacy"), id));
  BOOST_TEST(contains(found(f, f.fm1, "{harbour}: ^literacy"), id));
  BOOST_TEST(found(f, f.fm1, "NEAR(harbour literacy)").empty());  // NEAR is a word, not there
  BOOST_TEST(found(f, f.fm1, "harbour OR xyzzy").empty());        // OR is a word, not an operator
  BOOST_TEST(search.search(f.fm1, "***", 20, 0).items.empty());
  BOOST_CHECK_EXCEPTION(search.search(f.fm1, "", 20, 0), Problem, hasFieldQ);
  BOOST_CHECK_EXCEPTION(search.search(f.fm1, "   ", 20, 0), Problem, hasFieldQ);
  BOOST_CHECK_EXCEPTION(search.search(f.fm1, std::string(201, 'a'), 20, 0), Problem, hasFieldQ);
  BOOST_CHECK_NO_THROW(search.search(f.fm1, std::string(200, 'a'), 20, 0));
  BOOST_CHECK_EXCEPTION(search.search(f.fm1, "\xFF", 20, 0), Problem, hasFieldQ);
}

BOOST_AUTO_TEST_CASE(pages_follow_the_rank) {
  testing::Fund f("search_pages");
  usecases::ProposalService s(f.ctx);
  for (int i = 0; i < 5; ++i)
    s.create(f.applicant_a, f.call.id, titled("Mangrove plan " + std::to_string(i)));
  usecases::SearchService search(f.ctx);
  const auto all = search.search(f.fm1, "mangrove", 50, 0);
  BOOST_TEST(all.total == 5);
  BOOST_TEST(!all.more);
  std::vector<std::int64_t> paged;
  for (int offset = 0; offset < 5; offset += 2) {
    const auto page = search.search(f.fm1, "mangrove", 2, offset);
    BOOST_TEST(page.total == 5);
    BOOST_TEST(page.more == (offset + 2 < 5));
    for (const auto& hit : page.items) paged.push_back(hit.id);
  }
  std::vector<std::int64_t> whole;
  for (const auto& hit : all.items) whole.push_back(hit.id);
  BOOST_TEST(paged == whole);
}

BOOST_AUTO_TEST_CASE(the_migration_fills_the_index_as_the_use_cases_keep_it) {
  testing::Fund f("search_fill");
  usecases::ProposalService s(f.ctx);
  const auto grant = f.approvedGrant();
  const auto translated = f.supportedProposal();
  s.attachTranslation(f.fm1, translated, "An English rendering");
  s.create(f.applicant_b, f.call.id, titled("Another city's plan"));
  f.addOrg(access::OrgKind::kPartner, "Another partner");
  BOOST_TEST(grant > 0);
  const auto kept = indexRows(f.ctx.db);
  BOOST_TEST(kept.size() >= 10u);

  // The fill of migration 9, run again over the same records.
  std::string fill;
  for (const auto& m : db::knownMigrations(f.ctx.db.dialect())) {
    if (m.number == 9) fill = m.sql;
  }
  BOOST_REQUIRE(!fill.empty());
  f.ctx.db.write([&](db::Tx& tx) {
    tx.sql() << "DELETE FROM search_documents";
    for (auto at = fill.find("INSERT INTO search_documents"); at != std::string::npos;
         at = fill.find("INSERT INTO search_documents", at + 1)) {
      tx.sql() << fill.substr(at, fill.find(";\n", at) - at);
    }
    tx.commit();
  });
  BOOST_TEST((indexRows(f.ctx.db) == kept));
  BOOST_TEST(found(f, f.fm1, "rendering").size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_copy_of_the_fund_is_searched_alike) {
  testing::Fund f("search_copy_from");
  usecases::ProposalService s(f.ctx);
  const auto id = s.create(f.applicant_a, f.call.id, titled("Acolhida em São Paulo")).proposal.id;
  testing::TestDb target("search_copy_to");
  const auto report = transfer::copyFund(f.ctx.db, *target.db, [](const std::string&) {});
  BOOST_TEST(report.problem == "");
  usecases::Context there{*target.db, f.clock};
  const auto page = usecases::SearchService(there).search(f.fm1, "sao paulo", 10, 0);
  BOOST_REQUIRE(page.items.size() == 1u);
  BOOST_TEST(page.items[0].id == id);
}

BOOST_AUTO_TEST_SUITE_END()
