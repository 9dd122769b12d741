#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/core/problem.h"
#include "services/mail/render.h"
#include "services/stores/outbox_store.h"
#include "services/usecases/proposal_service.h"
#include "services/usecases/review_service.h"
#include "tests/mail/outbox_rows.h"
#include "tests/services/fixture.h"
#include "tests/services/grant_world.h"

// The mail the use cases write to the outbox, in their own transaction: who gets which message,
// in which language, and that a refused or failed use case writes none.
using namespace citygrants;
using core::Problem;
using core::ProblemKind;
using testing::MailRow;
using testing::mailRows;

namespace {

void setLanguage(db::Database& db, const access::Actor& who, const std::string& language) {
  testing::exec(db, "UPDATE users SET language = '" + language +
                        "' WHERE id = " + std::to_string(who.user_id));
}

// "template to language" for each row, sorted: what a step sent to whom, at a glance.
std::vector<std::string> summary(const std::vector<MailRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.key + " " + r.to + " " + r.language);
  std::sort(out.begin(), out.end());
  return out;
}

const MailRow& to(const std::vector<MailRow>& rows, const std::string& email,
                  const std::string& key) {
  auto found = std::find_if(rows.begin(), rows.end(),
                            [&](const auto& r) { return r.to == email && r.key == key; });
  if (found == rows.end()) throw std::runtime_error("no " + key + " to " + email);
  return *found;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

using Lines = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_SUITE(mail_outbox)

BOOST_AUTO_TEST_CASE(a_submission_mails_every_fund_manager_and_a_receipt_to_the_city) {
  testing::Fund f("mail_submit");
  setLanguage(f.ctx.db, f.fm2, "fr");
  setLanguage(f.ctx.db, f.applicant_a, "pt");
  usecases::ProposalService s(f.ctx);
  const auto id = f.draftProposal();
  const auto mark = testing::lastMailId(f.ctx.db);
  const auto ref = s.fire(f.applicant_a, id, {.event = "submit"}).proposal.reference;
  const auto rows = mailRows(f.ctx.db, mark);
  BOOST_TEST(
      summary(rows) == (Lines{"proposal_submitted fm1@test en", "proposal_submitted fm2@test fr",
                              "submission_received applicant@kampala.test pt"}),
      boost::test_tools::per_element());
  const auto& en = to(rows, "fm1@test", "proposal_submitted");
  BOOST_TEST(en.to_user.value_or(0) == f.fm1.user_id);
  BOOST_TEST(en.subject == ref + ": new full proposal from Kampala");
  BOOST_TEST(contains(en.body, "requesting USD 250,000.00"));
  BOOST_TEST(contains(en.body, "\n{console_url}#/proposals/" + std::to_string(id) + "\n"));
  const auto& fr = to(rows, "fm2@test", "proposal_submitted");
  BOOST_TEST(fr.to_user.value_or(0) == f.fm2.user_id);
  BOOST_TEST(fr.subject == ref + " : nouvelle proposition complète de Kampala");
  BOOST_TEST(contains(fr.body, "Bonjour fm2@test,"));
  BOOST_TEST(contains(fr.body, "montant demandé de 250\u202f000,00 USD"));
  const auto& pt = to(rows, "applicant@kampala.test", "submission_received");
  BOOST_TEST(pt.subject == ref + ": recebemos a sua proposta completa");
  BOOST_TEST(contains(pt.body, "Prezado(a) applicant@kampala.test,"));
  BOOST_TEST(contains(pt.body, "“Inclusive city services for newcomers”"));
  for (const auto& r : rows) {
    BOOST_TEST(r.next_attempt_at == f.clock.nowMs());  // due at once
    BOOST_TEST(!r.sent_at.has_value());
    BOOST_TEST(r.attempts == 0);
  }
}

BOOST_AUTO_TEST_CASE(a_concept_note_and_the_decisions_on_it_reach_the_right_people) {
  testing::Fund f("mail_concept", {.two_stage = true});
  setLanguage(f.ctx.db, f.fm1, "es");
  usecases::ProposalService s(f.ctx);
  const auto invited = s.create(f.applicant_a, f.call.id, testing::Fund::content()).proposal;
  auto mark = testing::lastMailId(f.ctx.db);
  s.fire(f.applicant_a, invited.id, {.event = "submit_concept"});
  auto rows = mailRows(f.ctx.db, mark);
  BOOST_TEST(
      summary(rows) == (Lines{"proposal_submitted fm1@test es", "proposal_submitted fm2@test en",
                              "submission_received applicant@kampala.test en"}),
      boost::test_tools::per_element());
  BOOST_TEST(to(rows, "fm1@test", "proposal_submitted").subject ==
             invited.reference + ": nueva nota conceptual de Kampala");
  BOOST_TEST(to(rows, "applicant@kampala.test", "submission_received").subject ==
             invited.reference + ": we have received your concept note");

  mark = testing::lastMailId(f.ctx.db);
  s.fire(f.fm1, invited.id, {.event = "invite", .input = {.reason = "A strong fit."}});
  rows = mailRows(f.ctx.db, mark);
  BOOST_TEST(summary(rows) == Lines{"concept_invited applicant@kampala.test en"},
             boost::test_tools::per_element());
  BOOST_TEST(contains(rows.at(0).body, "Their feedback:\n\nA strong fit.\n"));

  const auto declined = s.create(f.applicant_a, f.call.id, testing::Fund::content()).proposal;
  s.fire(f.applicant_a, declined.id, {.event = "submit_concept"});
  mark = testing::lastMailId(f.ctx.db);
  s.fire(
      f.fm2, declined.id,
      {.event = "decline_concept", .input = {.reason = "Out of scope.", .eligible_future = true}});
  rows = mailRows(f.ctx.db, mark);
  BOOST_TEST(summary(rows) == Lines{"concept_declined applicant@kampala.test en"},
             boost::test_tools::per_element());
  BOOST_TEST(rows.at(0).subject == declined.reference + ": decision on your concept note");
  BOOST_TEST(contains(rows.at(0).body,
                      "Out of scope.\n\nThe fund managers have noted your city "
                      "as eligible for a future round."));
}

BOOST_AUTO_TEST_CASE(a_revision_request_tells_the_city_why_in_each_applicants_language) {
  testing::Fund f("mail_revision");
  setLanguage(f.ctx.db, f.applicant_a, "pt");
  const auto colleague = f.addUser(f.city_a, "deputy@kampala.test", access::Role::kApplicant);
  setLanguage(f.ctx.db, colleague, "es");
  usecases::ProposalService s(f.ctx);
  const auto id = f.supportedProposal();
  auto mark = testing::lastMailId(f.ctx.db);
  s.fire(f.fm1, id, {.event = "return", .input = {.reason = "Budget lines are unclear."}});
  auto rows = mailRows(f.ctx.db, mark);
  BOOST_TEST(summary(rows) == (Lines{"revision_requested applicant@kampala.test pt",
                                     "revision_requested deputy@kampala.test es"}),
             boost::test_tools::per_element());
  const auto& pt = to(rows, "applicant@kampala.test", "revision_requested");
  BOOST_TEST(pt.subject == s.get(f.fm1, id).proposal.reference + ": o fundo pede uma revisão");
  BOOST_TEST(contains(pt.body, "O motivo:\n\nBudget lines are unclear.\n"));
  BOOST_TEST(contains(to(rows, "deputy@kampala.test", "revision_requested").body,
                      "Su motivo:\n\nBudget lines are unclear.\n"));

  const auto reviewed = f.reviewedProposal();
  mark = testing::lastMailId(f.ctx.db);
  s.fire(f.fm2, reviewed, {.event = "request_revision", .input = {.reason = "Add targets."}});
  rows = mailRows(f.ctx.db, mark);
  BOOST_TEST(summary(rows) == (Lines{"revision_requested applicant@kampala.test pt",
                                     "revision_requested deputy@kampala.test es"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_city_step_mails_the_citys_active_applicants_only_and_none_is_no_fault) {
  testing::Fund f("mail_city_addressees");
  usecases::ProposalService s(f.ctx);
  const auto first = f.supportedProposal();
  const auto second = f.supportedProposal();
  const auto former = f.addUser(f.city_a, "former@kampala.test", access::Role::kApplicant);
  testing::exec(f.ctx.db,
                "UPDATE users SET active = 0 WHERE id = " + std::to_string(former.user_id));
  f.addUser(f.city_a, "auditor@kampala.test", access::Role::kAuditor);     // not an applicant
  f.addUser(f.city_b, "applicant2@other.test", access::Role::kApplicant);  // another city's
  auto mark = testing::lastMailId(f.ctx.db);
  s.fire(f.fm1, first, {.event = "return", .input = {.reason = "Unclear."}});
  BOOST_TEST(
      summary(mailRows(f.ctx.db, mark)) == (Lines{"revision_requested applicant@kampala.test en"}),
      boost::test_tools::per_element());
  // With no active applicant left, the step is taken and mails no one.
  testing::exec(f.ctx.db,
                "UPDATE users SET active = 0 WHERE id = " + std::to_string(f.applicant_a.user_id));
  mark = testing::lastMailId(f.ctx.db);
  const auto returned = s.fire(f.fm1, second, {.event = "return", .input = {.reason = "Unclear."}});
  BOOST_TEST(returned.proposal.state == "revision_requested");
  BOOST_TEST(mailRows(f.ctx.db, mark).empty());
}

BOOST_AUTO_TEST_CASE(a_review_assignment_mails_the_partners_of_that_organisation_only) {
  testing::Fund f("mail_assign");
  const auto colleague = f.addUser(f.partner_a, "analyst@iom.test", access::Role::kPartner);
  setLanguage(f.ctx.db, colleague, "fr");
  f.addUser(f.partner_a, "admin@iom.test", access::Role::kAuditor);  // not a reviewer
  const auto id = f.supportedProposal();
  const auto mark = testing::lastMailId(f.ctx.db);
  const auto a = usecases::ReviewService(f.ctx).assign(f.fm1, id, f.partner_a);
  const auto rows = mailRows(f.ctx.db, mark);
  BOOST_TEST(summary(rows) == (Lines{"review_assigned analyst@iom.test fr",
                                     "review_assigned reviewer@iom.test en"}),
             boost::test_tools::per_element());
  const auto& fr = to(rows, "analyst@iom.test", "review_assigned");
  BOOST_TEST(contains(fr.subject, " : une proposition de Kampala à évaluer"));
  BOOST_TEST(contains(fr.body, "pour un montant demandé de 250\u202f000,00 USD"));
  BOOST_TEST(contains(fr.body, "{console_url}#/assignments/" + std::to_string(a.id)));
}

BOOST_AUTO_TEST_CASE(decisions_tell_the_city_and_internal_steps_tell_no_one) {
  testing::Fund f("mail_decide");
  usecases::ProposalService s(f.ctx);
  // Screening, review and a proposed award are the fund's own steps.
  auto mark = testing::lastMailId(f.ctx.db);
  const auto big = f.reviewedProposal(45'000'000);
  s.fire(f.fm1, big,
         {.event = "propose_award", .input = {.reason = "ok", .amount_minor = 40'000'000}});
  BOOST_TEST(summary(mailRows(f.ctx.db, mark)) ==
                 (Lines{"proposal_submitted fm1@test en", "proposal_submitted fm2@test en",
                        "submission_received applicant@kampala.test en"}),
             boost::test_tools::per_element());

  mark = testing::lastMailId(f.ctx.db);
  const auto approved = s.fire(f.fm2, big, {.event = "approve"}).proposal;
  auto rows = mailRows(f.ctx.db, mark);
  BOOST_TEST(summary(rows) == Lines{"proposal_approved applicant@kampala.test en"},
             boost::test_tools::per_element());
  BOOST_TEST(rows.at(0).subject == approved.reference + ": your proposal is approved");
  BOOST_TEST(contains(rows.at(0).body, "with an award of USD 400,000.00."));
  BOOST_TEST(contains(rows.at(0).body, "The agreement of the grant " + approved.reference + "-G"));
  BOOST_TEST(contains(rows.at(0).body, "{console_url}#/grants/"));

  for (const char* refusal : {"reject", "screen_out"}) {
    const auto id = std::string(refusal) == "reject" ? f.reviewedProposal() : f.supportedProposal();
    mark = testing::lastMailId(f.ctx.db);
    s.fire(f.fm1, id, {.event = refusal, .input = {.reason = "Not eligible this round."}});
    rows = mailRows(f.ctx.db, mark);
    BOOST_TEST(summary(rows) == Lines{"proposal_rejected applicant@kampala.test en"},
               boost::test_tools::per_element());
    BOOST_TEST(contains(rows.at(0).body, "Their reason:\n\nNot eligible this round.\n"));
  }
}

BOOST_AUTO_TEST_CASE(refused_use_cases_write_no_mail) {
  testing::Fund f("mail_refused");
  usecases::ProposalService s(f.ctx);
  const auto id = f.draftProposal();
  const auto version = s.get(f.applicant_a, id).proposal.version;
  const auto mark = testing::lastMailId(f.ctx.db);
  BOOST_CHECK_EXCEPTION(
      s.fire(f.applicant_a, id, {.event = "submit", .expected_version = version + 1}), Problem,
      [](const Problem& p) { return p.kind() == ProblemKind::kStaleVersion; });
  BOOST_CHECK_THROW(s.fire(f.applicant_b, id, {.event = "submit"}), Problem);  // not theirs
  BOOST_CHECK_THROW(s.fire(f.fm1, id, {.event = "approve"}), Problem);         // a draft
  BOOST_CHECK_THROW(usecases::ReviewService(f.ctx).assign(f.fm1, id, f.partner_a), Problem);
  BOOST_TEST(testing::lastMailId(f.ctx.db) == mark);
}

BOOST_AUTO_TEST_CASE(mail_that_cannot_be_written_rolls_the_whole_use_case_back) {
  testing::Fund f("mail_fault");
  usecases::ProposalService s(f.ctx);
  const auto id = f.draftProposal();
  const auto audit = testing::auditHead(f.ctx.db);
  testing::injectFault(f.ctx.db, "outbox_mail", "", "outbox unavailable");
  BOOST_CHECK_THROW(s.fire(f.applicant_a, id, {.event = "submit"}), std::exception);
  testing::clearFault(f.ctx.db, "outbox_mail");
  // The audit row was appended before the mail in the same transaction: gone with it.
  BOOST_TEST(testing::auditHead(f.ctx.db) == audit);
  BOOST_TEST(s.get(f.applicant_a, id).proposal.state == "draft");
  BOOST_TEST(mailRows(f.ctx.db).empty());
  s.fire(f.applicant_a, id, {.event = "submit"});
  BOOST_TEST(mailRows(f.ctx.db).size() == 3u);
}

// Tranches and reports: GrantWorld has a grant of 333,333.33 for city A, supported by partner A.
BOOST_FIXTURE_TEST_CASE(tranche_steps_mail_the_verifiers_the_fund_managers_and_the_city,
                        testing::GrantWorld) {
  setLanguage(ctx.db, reviewer_a, "es");
  setLanguage(ctx.db, fm2, "fr");
  setLanguage(ctx.db, applicant_a, "pt");
  auto mark = testing::lastMailId(ctx.db);
  sign();
  auto rows = mailRows(ctx.db, mark);
  BOOST_TEST(summary(rows) == Lines{"report_due applicant@kampala.test pt"},
             boost::test_tools::per_element());
  const auto g = grant();
  BOOST_TEST(rows.at(0).subject ==
             g.reference + ": relatório de progresso com prazo em 23 de maio de 2027");
  BOOST_TEST(
      contains(rows.at(0).body, "{console_url}#/reports/" + std::to_string(report("progress").id)));

  mark = testing::lastMailId(ctx.db);
  fireTranche(applicant_a, 1, event("request"));
  rows = mailRows(ctx.db, mark);
  BOOST_TEST(
      summary(rows) == (Lines{"tranche_requested fm1@test en", "tranche_requested fm2@test fr",
                              "tranche_requested reviewer@iom.test es"}),
      boost::test_tools::per_element());
  const auto ref = tranche(1).reference;
  BOOST_TEST(to(rows, "reviewer@iom.test", "tranche_requested").subject ==
             ref + ": Kampala solicita 133.333,33 USD");
  BOOST_TEST(to(rows, "fm1@test", "tranche_requested").subject ==
             ref + ": Kampala requests USD 133,333.33");

  mark = testing::lastMailId(ctx.db);
  fireTranche(reviewer_a, 1, event("verify"));
  BOOST_TEST(summary(mailRows(ctx.db, mark)) ==
                 (Lines{"tranche_verified fm1@test en", "tranche_verified fm2@test fr"}),
             boost::test_tools::per_element());

  mark = testing::lastMailId(ctx.db);
  fireTranche(fm1, 1, event("approve"));
  BOOST_TEST(mailRows(ctx.db, mark).empty());  // between fund managers
  fireTranche(fm2, 1, disburseEvent("PAY-1"));
  rows = mailRows(ctx.db, mark);
  BOOST_TEST(summary(rows) == (Lines{"report_due applicant@kampala.test pt",
                                     "tranche_disbursed applicant@kampala.test pt"}),
             boost::test_tools::per_element());
  const auto& paid = to(rows, "applicant@kampala.test", "tranche_disbursed");
  BOOST_TEST(paid.subject == ref + ": 133.333,33 USD desembolsados");
  BOOST_TEST(contains(paid.body, "referência de pagamento BANK-PAY-1."));
}

BOOST_FIXTURE_TEST_CASE(after_the_progress_tranche_the_final_reports_are_announced,
                        testing::GrantWorld) {
  sign();
  disburseTranche(1, "K1");
  acceptReport("progress");
  const auto mark = testing::lastMailId(ctx.db);
  disburseTranche(2, "K2");
  const auto rows = mailRows(ctx.db, mark);
  std::vector<MailRow> due;
  std::copy_if(rows.begin(), rows.end(), std::back_inserter(due),
               [](const auto& r) { return r.key == "report_due"; });
  BOOST_REQUIRE(due.size() == 2u);  // financial and final share their due date
  BOOST_TEST(due[0].subject == grant().reference + ": financial report due on " +
                                   mail::formatDate(report("financial").due_at, "en"));
  BOOST_TEST(contains(due[1].subject, ": final report due on "));
  BOOST_TEST(report("financial").due_at == report("final").due_at);
}

// Many messages go in a few statements of up to 16 rows each: every field lands in its own row,
// across the statements' boundaries, and a message without a user keeps none.
BOOST_AUTO_TEST_CASE(many_messages_are_queued_in_order_with_every_field_in_place) {
  testing::Fund f("mail_batch");
  const auto mark = testing::lastMailId(f.ctx.db);
  std::vector<stores::OutgoingMail> mails;
  for (int i = 0; i < 35; ++i) {
    const auto n = std::to_string(i);
    mails.push_back({i % 5 == 0 ? std::nullopt : std::optional<std::int64_t>(f.fm1.user_id),
                     "to" + n + "@example.test", i % 2 == 0 ? "fr" : "es", "key" + n,
                     "subject " + n, "body " + n + "\n"});
  }
  f.ctx.db.write([&](db::Tx& tx) {
    stores::OutboxStore::queue(tx, mails, 1000);
    tx.commit();
  });
  const auto rows = mailRows(f.ctx.db, mark);
  BOOST_REQUIRE(rows.size() == mails.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    BOOST_TEST_CONTEXT("message " << i) {
      BOOST_TEST((rows[i].to_user == mails[i].to_user_id));
      BOOST_TEST(rows[i].to == mails[i].to_email);
      BOOST_TEST(rows[i].language == mails[i].language);
      BOOST_TEST(rows[i].key == mails[i].template_key);
      BOOST_TEST(rows[i].subject == mails[i].subject);
      BOOST_TEST(rows[i].body == mails[i].body);
      BOOST_TEST(rows[i].created_at == 1000);
      BOOST_TEST(rows[i].next_attempt_at == 1000);
      BOOST_TEST(rows[i].attempts == 0);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
