// Writing on a thread over HTTP: JSON and multipart answers as documented, refusals naming the
// field with nothing written, 404 for a record the writer may not see, the files' limits and
// downloads, and the mail written to the outbox in each recipient's language.

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/core/file_type.h"
#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"
#include "tests/web/thread_requests.h"

using namespace citygrants;
using namespace citygrants::webtest;

namespace {

bool namesField(const Response& r, const std::string& field) {
  if (!r.json || !r.json->has("errors")) return false;
  const auto errors = r.json->getArray("errors");
  for (unsigned i = 0; i < errors->size(); ++i) {
    if (errors->getObject(i)->getValue<std::string>("field") == field) return true;
  }
  return false;
}

std::string montevideoProposal(Server& server) {
  const auto id = queryInt(server.db(),
                           "SELECT MIN(p.id) FROM proposals p JOIN organisations o ON o.id = "
                           "p.city_org_id WHERE o.name = 'Montevideo'");
  BOOST_REQUIRE(id.has_value());
  return proposalThread(*id);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(thread_posts, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(messages_and_their_files_answer_as_documented) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  const auto k = kampalaRecords(server);
  Client city = server.signedIn("applicant@kampala.demo");
  const auto thread = proposalThread(k.proposal);
  const auto json = postJson(city, thread, "A question in JSON.", "shared");
  expectSuccess(spec, json, "POST", "/api/v1/proposals/{id}/messages", "JSON");
  BOOST_TEST(json.header("Location") == "/api/v1/messages/" + std::to_string(idOf(json)));
  BOOST_TEST(json.json->getObject("author")->getValue<std::string>("side") == "city");
  const auto pdf = pdfBytes(5000);
  const auto form =
      postForm(city, grantThread(k.grant), "With the plan.\n\nSecond paragraph.", "shared",
               {{"Plan de trabajo 2026.pdf", pdf}, {"notes.txt", "Notes\n"}});
  expectSuccess(spec, form, "POST", "/api/v1/grants/{id}/messages", "multipart");
  BOOST_REQUIRE(form.json);
  const auto files = form.json->getArray("attachments");
  BOOST_REQUIRE(files->size() == 2u);
  const auto href = files->getObject(0)->getValue<std::string>("href");
  BOOST_TEST(href == "/api/v1/messages/" + std::to_string(idOf(form)) + "/attachments/1");
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto one = fm1.get("/api/v1/messages/" + std::to_string(idOf(form)));
  expectSuccess(spec, one, "GET", "/api/v1/messages/{id}", "one message");
  BOOST_TEST(one.json->getValue<std::string>("body") == "With the plan.\n\nSecond paragraph.");
  const auto download = fm1.get(href);
  expectSuccess(spec, download, "GET", "/api/v1/messages/{id}/attachments/{n}", "a file");
  BOOST_TEST(download.body == pdf);
  BOOST_TEST(download.mediaType() == "application/pdf");
  BOOST_TEST(download.header("Content-Disposition") ==
             "attachment; filename*=UTF-8''Plan%20de%20trabajo%202026.pdf");
  BOOST_TEST(download.header("X-Content-Type-Options") == "nosniff");
  BOOST_TEST(download.header("X-Content-SHA256") ==
             files->getObject(0)->getValue<std::string>("sha256"));
  BOOST_TEST(fm1.get(href.substr(0, href.size() - 1) + "3").status == 404);
  BOOST_TEST(fm1.get(href.substr(0, href.size() - 1) + "0").status == 404);
  BOOST_TEST(fm1.get(href.substr(0, href.size() - 1) + "x").status == 404);
}

BOOST_AUTO_TEST_CASE(refusals_name_the_field_and_write_nothing) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  const auto k = kampalaRecords(server);
  Client city = server.signedIn("applicant@kampala.demo");
  Client fm1 = server.signedIn("fm1@mmc.demo");
  Client auditor = server.signedIn("auditor@mmc.demo");
  const auto thread = proposalThread(k.proposal);
  const auto before = databaseDigest(server.db());
  auto refused = [&](const Response& r, int status, const std::string& field,
                     const std::string& what) {
    BOOST_TEST(r.status == status, what << ": " << r.status << " " << r.body);
    expectProblem(spec, r, status, "POST", "/api/v1/proposals/{id}/messages", what);
    if (!field.empty()) BOOST_TEST(namesField(r, field), what << ": " << r.body);
  };
  refused(postJson(fm1, thread, "", "shared"), 422, "body", "an empty body");
  refused(postJson(fm1, thread, " \n\t", "shared"), 422, "body", "a blank body");
  refused(postJson(fm1, thread, std::string(10'001, 'a'), "shared"), 422, "body", "a long body");
  refused(postJson(fm1, thread, "Hello", "public"), 422, "visibility", "a bad visibility");
  refused(fm1.post(thread, R"({"body":"Hello"})"), 422, "visibility", "no visibility");
  refused(fm1.post(thread, R"({"body":"Hello","visibility":"shared","colour":"red"})"), 422,
          "colour", "an unknown member");
  refused(postJson(city, thread, "Just for the fund", "internal"), 422, "visibility",
          "a city, internal");
  refused(postForm(city, thread, "Just for the fund", "internal", {}), 422, "visibility",
          "a city, internal, multipart");
  refused(postForm(fm1, thread, "", "secret", {}), 422, "body", "two wrong fields");
  refused(postJson(auditor, thread, "Noted.", "internal"), 403, "", "an auditor");
  refused(postJson(city, montevideoProposal(server), "Hello, neighbour", "shared"), 404, "",
          "another city's proposal");
  refused(postJson(fm1, proposalThread(99'999'999), "Hello", "shared"), 404, "",
          "no such proposal");
  refused(fm1.send("POST", thread, "body=Hello", "text/plain"), 415, "", "plain text");
  // Files: the type judged by content, at most five, together within one attachment's size.
  refused(postForm(city, thread, "A tool", "shared", {{"tool.pdf", "MZ executable"}}), 422, "file",
          "an executable named .pdf");
  refused(postForm(city, thread, "A page", "shared", {{"page.txt", "<html><script>x</script>"}}),
          422, "file", "HTML named .txt");
  refused(postForm(city, thread, "Six", "shared", std::vector<FilePart>(6, {"a.pdf", pdfBytes()})),
          422, "file", "six files");
  const auto half = pdfBytes(core::kMaxAttachmentBytes / 2);
  refused(postForm(city, thread, "Two halves", "shared", {{"a.pdf", half}, {"b.pdf", half}}), 422,
          "file", "files over 20 MiB together");
  refused(postForm(city, thread, "Too big", "shared",
                   {{"big.pdf", pdfBytes(core::kMaxAttachmentBytes + 100'000)}}),
          413, "", "a body over the upload limit");
  BOOST_TEST(databaseDigest(server.db()) == before);
  // The other side of the refusals: the same writers, a right message.
  BOOST_TEST(postJson(auditor, grantThread(k.grant), "Noted.", "shared").status == 403);
  BOOST_TEST(postJson(city, thread, "A fine question.", "shared").status == 201);
  BOOST_TEST(postJson(fm1, thread, "A fine note.", "internal").status == 201);
}

BOOST_AUTO_TEST_CASE(the_other_side_is_mailed_in_each_recipients_language) {
  auto& server = SeededServer::get();
  auto& db = server.db();
  const auto k = kampalaRecords(server);
  Client city = server.signedIn("applicant@kampala.demo");
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto mark = queryInt(db, "SELECT COALESCE(MAX(id), 0) FROM outbox_mail").value_or(0);
  const auto posted =
      postJson(city, grantThread(k.grant), "Mail-check question from Kampala.", "shared");
  BOOST_REQUIRE(posted.status == 201);
  // One message to every active fund manager and partner of the supporting organisation, none to
  // the city's own people; each in the language its recipient chose.
  const auto expected =
      queryInt(db,
               "SELECT COUNT(DISTINCT u.id) FROM users u JOIN role_grants g ON g.user_id = u.id "
               "WHERE u.active = 1 AND (g.role = 'fund_manager' OR (g.role = 'partner' AND "
               "u.org_id = :p))",
               k.supporting_org);
  const auto written = queryInt(db, "SELECT COUNT(*) FROM outbox_mail WHERE id > :p", mark);
  BOOST_TEST((written == expected));
  BOOST_TEST(written.value_or(0) >= 3);
  BOOST_TEST(
      queryInt(db,
               "SELECT COUNT(*) FROM outbox_mail m JOIN users u ON u.id = m.to_user_id "
               "WHERE m.id > :p AND (m.language <> u.language OR m.template <> "
               "'message_received' OR m.body NOT LIKE '%Mail-check question from Kampala.%')",
               mark)
          .value_or(-1) == 0);
  BOOST_TEST(
      queryInt(db,
               "SELECT COUNT(*) FROM outbox_mail m JOIN users u ON u.id = m.to_user_id "
               "JOIN organisations o ON o.id = u.org_id WHERE m.id > :p AND o.name = 'Kampala'",
               mark)
          .value_or(-1) == 0);
  // An internal note mails no one of the city.
  const auto before_note = queryInt(db, "SELECT COALESCE(MAX(id), 0) FROM outbox_mail").value_or(0);
  BOOST_REQUIRE(
      postJson(fm1, grantThread(k.grant), "Internal mail-check note.", "internal").status == 201);
  BOOST_TEST(queryInt(db,
                      "SELECT COUNT(*) FROM outbox_mail m JOIN users u ON u.id = m.to_user_id "
                      "JOIN organisations o ON o.id = u.org_id WHERE m.id > :p AND o.kind = 'city'",
                      before_note)
                 .value_or(-1) == 0);
  BOOST_TEST(
      queryInt(db, "SELECT COUNT(*) FROM outbox_mail WHERE id > :p", before_note).value_or(0) >= 1);
  // The fund's shared answer reaches the city.
  const auto before_answer =
      queryInt(db, "SELECT COALESCE(MAX(id), 0) FROM outbox_mail").value_or(0);
  BOOST_REQUIRE(postJson(fm1, grantThread(k.grant), "The fund's answer.", "shared").status == 201);
  BOOST_TEST(
      queryInt(db,
               "SELECT COUNT(*) FROM outbox_mail m JOIN users u ON u.id = m.to_user_id "
               "JOIN organisations o ON o.id = u.org_id WHERE m.id > :p AND o.name = 'Kampala' "
               "AND m.language = u.language",
               before_answer)
          .value_or(0) >= 1);
}

BOOST_AUTO_TEST_SUITE_END()
