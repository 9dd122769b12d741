// A new message tells the other side through the outbox, in each recipient's language, in the
// message's own transaction (a failed outbox write leaves no message); its files are stored like
// every attachment, within the same limits, and served only through the message.

#include <algorithm>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/core/file_type.h"
#include "modules/core/problem.h"
#include "services/usecases/attachment_service.h"
#include "services/usecases/message_service.h"
#include "services/usecases/review_service.h"
#include "tests/mail/outbox_rows.h"
#include "tests/services/fixture.h"

using namespace citygrants;
using core::Problem;
using core::ProblemKind;
using stores::ThreadRecord;
using testing::MailRow;
using testing::mailRows;

namespace {

const std::string kPdf = std::string("%PDF-1.7\n") + std::string(2000, 'x') + "\n%%EOF\n";

void setLanguage(db::Database& db, const access::Actor& who, const std::string& language) {
  testing::exec(db, "UPDATE users SET language = '" + language +
                        "' WHERE id = " + std::to_string(who.user_id));
}

std::int64_t count(db::Database& db, const std::string& table) {
  auto tx = db.read();
  std::int64_t n = 0;
  tx.sql() << "SELECT COUNT(*) FROM " + table, soci::into(n);
  tx.commit();
  return n;
}

// "template to language" for each row, sorted.
std::vector<std::string> summary(const std::vector<MailRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.key + " " + r.to + " " + r.language);
  std::sort(out.begin(), out.end());
  return out;
}

const MailRow& to(const std::vector<MailRow>& rows, const std::string& email) {
  const auto found =
      std::find_if(rows.begin(), rows.end(), [&](const MailRow& r) { return r.to == email; });
  BOOST_REQUIRE_MESSAGE(found != rows.end(), "no mail to " << email);
  return *found;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

bool names(const Problem& p, const std::string& field) {
  return std::any_of(p.fields().begin(), p.fields().end(),
                     [&](const core::FieldError& f) { return f.field == field; });
}

using Lines = std::vector<std::string>;

// A fund whose people read mail in four languages; partner A supports the proposal.
struct Languages {
  Languages() {
    setLanguage(f.ctx.db, f.fm2, "fr");
    setLanguage(f.ctx.db, f.reviewer_a, "es");
    setLanguage(f.ctx.db, f.applicant_a, "pt");
    id = f.supportedProposal();
  }
  testing::Fund f{"threads_mail_" +
                  std::string(boost::unit_test::framework::current_test_case().p_name.get())};
  std::int64_t id = 0;
  ThreadRecord thread() const { return {ThreadRecord::Kind::kProposal, id}; }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(message_mail)

BOOST_FIXTURE_TEST_CASE(a_citys_message_tells_the_fund_and_its_supporting_partner, Languages) {
  usecases::MessageService threads(f.ctx);
  const auto mark = testing::lastMailId(f.ctx.db);
  threads.post(f.applicant_a, thread(), {"When is the next tranche due?", "shared", {}});
  const auto rows = mailRows(f.ctx.db, mark);
  BOOST_TEST(summary(rows) == (Lines{"message_received fm1@test en", "message_received fm2@test fr",
                                     "message_received reviewer@iom.test es"}),
             boost::test_tools::per_element());
  const auto& french = to(rows, "fm2@test");
  BOOST_TEST(contains(french.subject, " : un message de applicant@kampala.test (Kampala)"),
             french.subject);
  BOOST_TEST(contains(french.body, "When is the next tranche due?"));
  BOOST_TEST(contains(french.body, "#/proposals/" + std::to_string(id)));
  BOOST_TEST(contains(to(rows, "reviewer@iom.test").body, "Léalo y responda"));
}

BOOST_FIXTURE_TEST_CASE(an_internal_message_never_mails_the_city, Languages) {
  usecases::MessageService threads(f.ctx);
  auto mark = testing::lastMailId(f.ctx.db);
  threads.post(f.fm1, thread(), {"Budget line 2 looks padded.", "internal", {}});
  auto rows = mailRows(f.ctx.db, mark);
  BOOST_TEST(summary(rows) == Lines{"internal_message_received reviewer@iom.test es"},
             boost::test_tools::per_element());
  BOOST_TEST(contains(rows[0].body, "La ciudad no lo ve"));
  mark = testing::lastMailId(f.ctx.db);
  threads.post(f.reviewer_a, thread(), {"Agreed, we will ask.", "internal", {}});
  rows = mailRows(f.ctx.db, mark);
  BOOST_TEST(summary(rows) == (Lines{"internal_message_received fm1@test en",
                                     "internal_message_received fm2@test fr"}),
             boost::test_tools::per_element());
  for (const auto& r : mailRows(f.ctx.db)) {
    if (contains(r.key, "message")) BOOST_TEST(r.to != "applicant@kampala.test", r.key);
  }
}

BOOST_FIXTURE_TEST_CASE(the_funds_answer_mails_the_city_in_its_language, Languages) {
  usecases::MessageService threads(f.ctx);
  const auto mark = testing::lastMailId(f.ctx.db);
  threads.post(f.fm1, thread(), {"Screening ends on Friday.", "shared", {{"plan.pdf", kPdf}}});
  const auto rows = mailRows(f.ctx.db, mark);
  BOOST_TEST(summary(rows) == (Lines{"message_received applicant@kampala.test pt",
                                     "message_received reviewer@iom.test es"}),
             boost::test_tools::per_element());
  const auto& city = to(rows, "applicant@kampala.test");
  BOOST_TEST(contains(city.subject, "uma mensagem de fm1@test (Mayors Migration Council)"),
             city.subject);
  BOOST_TEST(contains(city.body, "Arquivos anexados: 1."));
}

BOOST_FIXTURE_TEST_CASE(a_reviewer_is_named_to_the_city_only_as_a_partner, Languages) {
  usecases::ReviewService reviews(f.ctx);
  const auto a = reviews.assign(f.fm1, id, f.partner_b);
  usecases::TransitionRequest accept{.event = "accept"};
  accept.input.no_conflict_declared = true;
  reviews.fire(f.reviewer_b, a.id, accept);
  const auto mark = testing::lastMailId(f.ctx.db);
  usecases::MessageService(f.ctx).post(f.reviewer_b, thread(),
                                       {"A question on targets.", "shared", {}});
  const auto rows = mailRows(f.ctx.db, mark);
  BOOST_TEST(summary(rows) == (Lines{"message_received applicant@kampala.test pt",
                                     "message_received fm1@test en", "message_received fm2@test fr",
                                     "message_received reviewer@iom.test es"}),
             boost::test_tools::per_element());
  const auto& city = to(rows, "applicant@kampala.test");
  BOOST_TEST(contains(city.subject, "uma mensagem de um parceiro estratégico"), city.subject);
  BOOST_TEST(!contains(city.body, "UNHCR"));
  BOOST_TEST(!contains(city.body, "reviewer@unhcr.test"));
  BOOST_TEST(contains(to(rows, "fm1@test").subject, "reviewer@unhcr.test (UNHCR)"));
}

// The outbox write is the message's last: when it fails, the message, its files and its audit
// event go with it.
BOOST_FIXTURE_TEST_CASE(a_failed_outbox_write_leaves_no_message, Languages) {
  usecases::MessageService threads(f.ctx);
  const auto audit = testing::auditHead(f.ctx.db);
  const auto mail = testing::lastMailId(f.ctx.db);
  testing::injectFault(f.ctx.db, "outbox_mail", "", "outbox unavailable");
  BOOST_CHECK_THROW(
      threads.post(f.applicant_a, thread(), {"Lost?", "shared", {{"plan.pdf", kPdf}}}),
      std::exception);
  testing::clearFault(f.ctx.db, "outbox_mail");
  BOOST_TEST(count(f.ctx.db, "messages") == 0);
  BOOST_TEST(count(f.ctx.db, "attachments") == 0);
  BOOST_TEST(testing::auditHead(f.ctx.db) == audit);
  BOOST_TEST(testing::lastMailId(f.ctx.db) == mail);
  BOOST_TEST(threads.thread(f.fm1, thread()).entries.empty());
  // The fault cleared, the same message goes through.
  threads.post(f.applicant_a, thread(), {"Lost?", "shared", {{"plan.pdf", kPdf}}});
  BOOST_TEST(count(f.ctx.db, "messages") == 1);
  BOOST_TEST(count(f.ctx.db, "attachments") == 1);
}

BOOST_FIXTURE_TEST_CASE(files_are_stored_like_attachments_and_served_through_their_message,
                        Languages) {
  usecases::MessageService threads(f.ctx);
  const auto shared =
      threads.post(f.applicant_a, thread(),
                   {"Two files.", "shared", {{"plan.pdf", kPdf}, {"notes.txt", "Notes\n"}}});
  BOOST_REQUIRE(shared.attachments.size() == 2u);
  BOOST_TEST(shared.attachments[0].content_type == "application/pdf");
  BOOST_TEST(shared.attachments[1].content_type == "text/plain");
  BOOST_TEST(threads.file(f.fm1, shared.id, 1).content == kPdf);
  BOOST_TEST(threads.file(f.reviewer_a, shared.id, 2).content == "Notes\n");
  BOOST_CHECK_THROW(threads.file(f.fm1, shared.id, 3), Problem);
  BOOST_CHECK_THROW(threads.file(f.fm1, shared.id, 0), Problem);
  BOOST_CHECK_THROW(threads.file(f.applicant_b, shared.id, 1), Problem);
  const auto internal =
      threads.post(f.fm1, thread(), {"For the fund.", "internal", {{"memo.pdf", kPdf}}});
  BOOST_CHECK_EXCEPTION(threads.file(f.applicant_a, internal.id, 1), Problem,
                        [](const Problem& p) { return p.kind() == ProblemKind::kNotFound; });
  // Not through the proposal's files nor /attachments/{id}: only through the message.
  usecases::AttachmentService files(f.ctx);
  for (const auto& a : {shared.attachments[0], internal.attachments[0]}) {
    for (const auto& reader : {f.fm1, f.applicant_a, f.auditor}) {
      BOOST_CHECK_THROW(files.get(reader, a.id), Problem);
      BOOST_CHECK_THROW(files.content(reader, a.id), Problem);
    }
  }
  BOOST_TEST(files.ofProposal(f.fm1, id).empty());
}

BOOST_FIXTURE_TEST_CASE(file_limits_are_those_of_every_attachment, Languages) {
  usecases::MessageService threads(f.ctx);
  auto refused = [&](std::vector<usecases::UploadedFile> files, const std::string& field) {
    BOOST_CHECK_EXCEPTION(
        threads.post(f.fm1, thread(), {"With files.", "shared", std::move(files)}), Problem,
        [&](const Problem& p) { return p.kind() == ProblemKind::kInvalid && names(p, field); });
  };
  refused({{"tool.exe", "MZ\x90\x00 executable"}}, "file");
  refused({{"page.txt", "<html><script>alert(1)</script>"}}, "file");
  refused({{"empty.pdf", ""}}, "file");
  refused({{"../plan.pdf", kPdf}}, "filename");
  refused(std::vector<usecases::UploadedFile>(6, {"plan.pdf", kPdf}), "file");
  const std::string half =
      std::string("%PDF-1.7\n") + std::string(core::kMaxAttachmentBytes / 2, 'x');
  refused({{"a.pdf", half}, {"b.pdf", half}}, "file");  // each fits, together they do not
  refused({{"big.pdf", kPdf + std::string(core::kMaxAttachmentBytes, 'x')}}, "file");
  BOOST_TEST(count(f.ctx.db, "messages") == 0);
  BOOST_TEST(count(f.ctx.db, "attachments") == 0);
  BOOST_TEST(
      threads.post(f.fm1, thread(), {"Half.", "shared", {{"a.pdf", half}}}).attachments.size() ==
      1u);
  const auto five =
      threads.post(f.fm1, thread(),
                   {"Five.", "shared", std::vector<usecases::UploadedFile>(5, {"plan.pdf", kPdf})});
  BOOST_TEST(five.attachments.size() == 5u);
}

BOOST_AUTO_TEST_SUITE_END()
