#include <boost/test/unit_test.hpp>

#include "modules/core/file_type.h"
#include "modules/core/problem.h"
#include "services/usecases/attachment_service.h"
#include "services/usecases/proposal_service.h"
#include "services/usecases/review_service.h"
#include "tests/services/fixture.h"

using namespace citygrants;
using core::Problem;
using core::ProblemKind;

namespace {

const std::string kPdf = std::string("%PDF-1.7\n") + std::string(2000, 'x') + "\n%%EOF\n";

auto kindIs(ProblemKind kind) {
  return [kind](const Problem& p) { return p.kind() == kind; };
}

bool names(const Problem& p, const std::string& field) {
  for (const auto& f : p.fields()) {
    if (f.field == field) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(attachments)

BOOST_AUTO_TEST_CASE(file_types_are_judged_by_content_not_by_name) {
  BOOST_TEST(core::detectFileType(kPdf, "plan.pdf").value_or("") == "application/pdf");
  BOOST_TEST(!core::detectFileType(kPdf, "plan.png").has_value());
  BOOST_TEST(!core::detectFileType("MZ\x90\x00 executable", "budget.pdf").has_value());
  BOOST_TEST(!core::detectFileType("<html><script>", "notes.txt").has_value());
  BOOST_TEST(core::detectFileType("line,amount\npersonnel,100\n", "budget.csv").value_or("") == "text/csv");
  BOOST_TEST(!core::detectFileType(std::string("a\0b", 3), "notes.txt").has_value());
  BOOST_TEST(!core::detectFileType("PK\x03\x04 zip", "archive.zip").has_value());
  BOOST_TEST(core::acceptableFilename("Plan de trabajo 2026.pdf"));
  BOOST_TEST(!core::acceptableFilename("../etc/passwd"));
  BOOST_TEST(!core::acceptableFilename("a\nb.pdf"));
  BOOST_TEST(!core::acceptableFilename(""));
}

BOOST_AUTO_TEST_CASE(an_applicant_attaches_to_a_draft_and_the_fund_reads_it_back) {
  testing::Fund f("attach_draft");
  usecases::ProposalService proposals(f.ctx);
  usecases::AttachmentService files(f.ctx);
  const auto v = proposals.create(f.applicant_a, f.call.id, testing::Fund::content());
  const auto a = files.attachToProposal(f.applicant_a, v.proposal.id, "workplan.pdf", kPdf);
  BOOST_TEST(a.content_type == "application/pdf");
  BOOST_TEST(a.size_bytes == static_cast<std::int64_t>(kPdf.size()));
  BOOST_TEST(a.sha256.size() == 64u);
  BOOST_TEST(files.content(f.fm1, a.id) == kPdf);
  BOOST_TEST(files.ofProposal(f.auditor, v.proposal.id).size() == 1u);
  BOOST_CHECK_EXCEPTION(files.get(f.applicant_b, a.id), Problem, kindIs(ProblemKind::kNotFound));
}

BOOST_AUTO_TEST_CASE(wrong_files_are_refused_with_the_field_named_and_nothing_written) {
  testing::Fund f("attach_refused");
  usecases::ProposalService proposals(f.ctx);
  usecases::AttachmentService files(f.ctx);
  const auto v = proposals.create(f.applicant_a, f.call.id, testing::Fund::content());
  const auto before = testing::auditHead(f.ctx.db);
  BOOST_CHECK_EXCEPTION(files.attachToProposal(f.applicant_a, v.proposal.id, "virus.pdf", "MZ\x90"),
                        Problem, [](const Problem& p) { return names(p, "file"); });
  BOOST_CHECK_EXCEPTION(files.attachToProposal(f.applicant_a, v.proposal.id, "../x.pdf", kPdf), Problem,
                        [](const Problem& p) { return names(p, "filename"); });
  BOOST_CHECK_EXCEPTION(
      files.attachToProposal(f.applicant_a, v.proposal.id, "big.pdf", "%PDF-" + std::string(core::kMaxAttachmentBytes, 'x')),
      Problem, [](const Problem& p) { return names(p, "file"); });
  BOOST_CHECK_EXCEPTION(files.attachToProposal(f.applicant_b, v.proposal.id, "w.pdf", kPdf), Problem,
                        kindIs(ProblemKind::kNotFound));
  BOOST_CHECK_EXCEPTION(files.attachToProposal(f.fm1, v.proposal.id, "w.pdf", kPdf), Problem,
                        kindIs(ProblemKind::kForbidden));
  proposals.fire(f.applicant_a, v.proposal.id, {.event = "submit"});
  BOOST_CHECK_EXCEPTION(files.attachToProposal(f.applicant_a, v.proposal.id, "late.pdf", kPdf), Problem,
                        kindIs(ProblemKind::kInvalidTransition));
  BOOST_TEST(testing::auditHead(f.ctx.db) == before + 1);  // only the submission
}

BOOST_AUTO_TEST_CASE(a_reviewer_sees_the_files_only_after_declaring) {
  testing::Fund f("attach_blind");
  usecases::ProposalService proposals(f.ctx);
  usecases::AttachmentService files(f.ctx);
  usecases::ReviewService reviews(f.ctx);
  const auto v = proposals.create(f.applicant_a, f.call.id, testing::Fund::content());
  const auto id = v.proposal.id;
  const auto a = files.attachToProposal(f.applicant_a, id, "workplan.pdf", kPdf);
  proposals.fire(f.applicant_a, id, {.event = "submit"});
  proposals.fire(f.fm1, id, {.event = "screen"});
  auto assignment = reviews.assign(f.fm1, id, f.partner_a);
  BOOST_TEST(!proposals.get(f.reviewer_a, id).full_access);
  BOOST_CHECK_EXCEPTION(files.get(f.reviewer_a, a.id), Problem, kindIs(ProblemKind::kNotFound));
  BOOST_TEST(files.ofProposal(f.reviewer_a, id).empty());
  usecases::TransitionRequest accept{.event = "accept"};
  accept.input.no_conflict_declared = true;
  reviews.fire(f.reviewer_a, assignment.id, accept);
  BOOST_TEST(proposals.get(f.reviewer_a, id).full_access);
  BOOST_TEST(files.content(f.reviewer_a, a.id) == kPdf);
}

BOOST_AUTO_TEST_SUITE_END()
