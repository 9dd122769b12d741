#include <chrono>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "services/auth/sign_in_limits.h"
#include "services/log/log_line.h"
#include "services/usecases/directory_service.h"
#include "tests/mail/outbox_rows.h"
#include "tests/web/account_people.h"
#include "tests/web/http_fixture.h"

// Forgotten passwords (issue 15 part 4): POST /api/v1/password-resets answers the same for
// every email and mails a link only to an existing active account; the link works once, expires,
// ends every session, and a used, expired or unknown one is refused alike; the route spends the
// sign-in budget of the client's address.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

Server& server() { return SeededServer::get(); }

Response askForLink(Client& c, const std::string& email) {
  return c.post("/api/v1/password-resets", "{\"email\":" + quoted(email) + "}");
}

Response useLink(Client& c, const std::string& token, const std::string& password) {
  return c.post("/api/v1/password-resets/" + token, "{\"new_password\":" + quoted(password) + "}");
}

// The password_reset mails queued after `after_id`.
std::vector<testing::MailRow> resetMails(std::int64_t after_id) {
  std::vector<testing::MailRow> out;
  for (auto& m : testing::mailRows(server().db(), after_id)) {
    if (m.key == "password_reset") out.push_back(std::move(m));
  }
  return out;
}

// The token of a reset mail's link ({console_url}#/password-reset/TOKEN).
std::string tokenIn(const testing::MailRow& mail) {
  const std::string marker = "#/password-reset/";
  const auto at = mail.body.find(marker);
  BOOST_REQUIRE(at != std::string::npos);
  const auto start = at + marker.size();
  return mail.body.substr(start, mail.body.find_first_of(" \n", start) - start);
}

// Asks for a link for `email` and answers the token the mail carries.
std::string freshLink(const std::string& email) {
  const auto last = testing::lastMailId(server().db());
  Client c = server().client();
  BOOST_REQUIRE_EQUAL(askForLink(c, email).status, 202);
  const auto mails = resetMails(last);
  BOOST_REQUIRE_EQUAL(mails.size(), 1u);
  return tokenIn(mails.front());
}

// A problem without its request id, which differs on every answer.
std::string shapeOf(const Response& r) {
  if (r.json.isNull()) return "not json: " + r.body;
  auto copy = r.json;
  copy->remove("request_id");
  std::ostringstream out;
  copy->stringify(out);
  return std::to_string(r.status) + " " + out.str();
}

std::string passwordHashOf(std::int64_t id) {
  return queryText(server().db(), "SELECT password_hash FROM users WHERE id = :p", id).value();
}

// The sign-in budget on the suite's server for one test (a slow refill: independent of how
// long a hash takes on a busy machine), taken off after it.
struct Limited {
  explicit Limited(int burst)
      : limits{auth::SignInBudget({.burst = burst, .refill_ms = 600'000}), auth::HashGate()} {
    server().context().sign_in = &limits;
  }
  ~Limited() { server().context().sign_in = nullptr; }
  Limited(const Limited&) = delete;
  Limited& operator=(const Limited&) = delete;
  auth::SignInLimits limits;
};

struct CapturedLines {
  CapturedLines() {
    logs::setLogSink([this](logs::Stream, const std::string& line) {
      std::lock_guard lock(mutex);
      lines.push_back(line);
    });
  }
  ~CapturedLines() { logs::setLogSink({}); }
  std::mutex mutex;
  std::vector<std::string> lines;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(password_resets_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(known_and_unknown_emails_get_the_same_answer_and_only_a_known_one_mail) {
  const auto person = addPerson(server(), "forgetful@kampala.test", access::Role::kApplicant);
  Client c = server().client();
  const auto last = testing::lastMailId(server().db());
  const auto known = askForLink(c, person.email);
  const auto known_upper = askForLink(c, "Forgetful@Kampala.TEST");
  const auto unknown = askForLink(c, "nobody-here@kampala.test");
  BOOST_TEST(known.status == 202);
  BOOST_TEST(known.body == unknown.body);
  BOOST_TEST(known.body == known_upper.body);
  BOOST_TEST(unknown.status == 202);
  BOOST_TEST(known.mediaType() == unknown.mediaType());
  BOOST_TEST(known.set_cookies == unknown.set_cookies);

  const auto mails = testing::mailRows(server().db(), last);
  BOOST_REQUIRE_EQUAL(mails.size(), 2u);  // the known email twice, the unknown one never
  for (const auto& m : mails) {
    BOOST_TEST(m.key == "password_reset");
    BOOST_TEST(m.to == person.email);
    BOOST_TEST(m.to_user.value_or(0) == person.id);
    BOOST_TEST(m.body.find("{console_url}#/password-reset/") != std::string::npos, m.body);
    BOOST_TEST(m.body.find("30") != std::string::npos, m.body);  // the minutes it works
  }
  // Only the token's hash is stored.
  const auto token = tokenIn(mails.front());
  BOOST_TEST(token.size() == 64u);
  BOOST_TEST(queryInt(server().db(),
                      "SELECT COUNT(*) FROM password_resets WHERE token_hash = '" + token + "'")
                 .value() == 0);
  BOOST_TEST(
      queryInt(server().db(), "SELECT COUNT(*) FROM password_resets WHERE user_id = :p", person.id)
          .value() == 2);
}

BOOST_AUTO_TEST_CASE(the_mail_is_written_in_the_users_language) {
  const auto person = addPerson(server(), "lectora@kampala.test", access::Role::kApplicant);
  Client c = signedInAs(server(), person.email);
  const auto etag = c.get("/api/v1/account").header("ETag");
  BOOST_REQUIRE_EQUAL(c.send("PATCH", "/api/v1/account", R"({"language":"pt"})", "application/json",
                             {{"If-Match", etag}})
                          .status,
                      200);
  const auto last = testing::lastMailId(server().db());
  BOOST_REQUIRE_EQUAL(askForLink(c, person.email).status, 202);
  const auto mails = resetMails(last);
  BOOST_REQUIRE_EQUAL(mails.size(), 1u);
  BOOST_TEST(mails.front().language == "pt");
  BOOST_TEST(mails.front().subject.find("senha") != std::string::npos, mails.front().subject);
}

BOOST_AUTO_TEST_CASE(a_link_sets_the_password_once_and_ends_every_session_of_the_user) {
  const auto person = addPerson(server(), "locked-out@kampala.test", access::Role::kApplicant);
  Client laptop = signedInAs(server(), person.email);
  Client phone = signedInAs(server(), person.email);
  const auto token = freshLink(person.email);
  Client browser = server().client();

  const auto before = databaseDigest(server().db());
  const auto weak = useLink(browser, token, "short");
  BOOST_TEST(weak.status == 422);
  BOOST_TEST(weak.body.find("\"field\":\"new_password\"") != std::string::npos, weak.body);
  BOOST_TEST(useLink(browser, token, "").status == 422);
  BOOST_TEST(databaseDigest(server().db()) == before);  // the link still works after refusals

  BOOST_REQUIRE_EQUAL(useLink(browser, token, "a-remembered-password").status, 204);
  BOOST_TEST(laptop.get("/api/v1/me").status == 401);
  BOOST_TEST(phone.get("/api/v1/me").status == 401);
  BOOST_TEST(queryInt(server().db(), "SELECT COUNT(*) FROM sessions WHERE user_id = :p", person.id)
                 .value() == 0);
  BOOST_TEST(server().client().signIn(person.email, kPersonPassword).status == 401);
  BOOST_TEST(server().client().signIn(person.email, "a-remembered-password").status == 201);
  BOOST_TEST(queryInt(server().db(),
                      "SELECT COUNT(*) FROM audit_events WHERE entity = 'user' AND "
                      "event = 'reset_password' AND entity_id = :p AND actor_id = entity_id",
                      person.id)
                 .value() == 1);

  // Used once: refused exactly as a link that never existed.
  const auto hash = passwordHashOf(person.id);
  const auto again = useLink(browser, token, "a-third-password-here");
  const auto unknown = useLink(browser, std::string(64, 'a'), "a-third-password-here");
  BOOST_TEST(again.status == 404);
  BOOST_TEST(again.isProblem(), again.body);
  BOOST_TEST(shapeOf(again) == shapeOf(unknown));
  BOOST_TEST(passwordHashOf(person.id) == hash);
}

BOOST_AUTO_TEST_CASE(an_expired_link_is_refused_like_an_unknown_one) {
  const auto person = addPerson(server(), "slow-reader@kampala.test", access::Role::kApplicant);
  const auto ttl = server().context().resets.ttl_ms;
  server().context().resets.ttl_ms = 50;  // the expiry setting (serve --password-reset-minutes)
  std::string token;
  try {
    token = freshLink(person.email);
  } catch (...) {
    server().context().resets.ttl_ms = ttl;
    throw;
  }
  server().context().resets.ttl_ms = ttl;
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto hash = passwordHashOf(person.id);
  Client c = server().client();
  const auto expired = useLink(c, token, "a-remembered-password");
  const auto unknown = useLink(c, std::string(64, 'b'), "a-remembered-password");
  BOOST_TEST(expired.status == 404);
  BOOST_TEST(shapeOf(expired) == shapeOf(unknown));
  BOOST_TEST(passwordHashOf(person.id) == hash);
}

BOOST_AUTO_TEST_CASE(a_new_password_ends_every_older_link) {
  const auto person = addPerson(server(), "two-links@kampala.test", access::Role::kApplicant);
  const auto first = freshLink(person.email);
  const auto second = freshLink(person.email);
  Client c = server().client();
  BOOST_REQUIRE_EQUAL(useLink(c, second, "a-remembered-password").status, 204);
  BOOST_TEST(useLink(c, first, "yet-another-password").status == 404);

  // A password change on the account page ends open links too.
  const auto third = freshLink(person.email);
  Client signed_in = server().client();
  BOOST_REQUIRE_EQUAL(signed_in.signIn(person.email, "a-remembered-password").status, 201);
  BOOST_REQUIRE_EQUAL(
      signed_in
          .put("/api/v1/account/password", R"({"current_password":"a-remembered-password",)"
                                           R"("new_password":"changed-on-the-page"})")
          .status,
      204);
  BOOST_TEST(useLink(c, third, "yet-another-password").status == 404);
}

BOOST_AUTO_TEST_CASE(no_link_goes_to_a_locked_account_and_the_answer_does_not_say_so) {
  const auto person = addPerson(server(), "held@kampala.test", access::Role::kApplicant);
  services::SystemClock clock;
  usecases::DirectoryService({server().db(), clock})
      .lock(std::nullopt, person.email, clock.nowMs() + 3'600'000);
  Client c = server().client();
  const auto last = testing::lastMailId(server().db());
  const auto locked = askForLink(c, person.email);
  const auto unknown = askForLink(c, "nobody-at-all@kampala.test");
  BOOST_TEST(locked.status == 202);
  BOOST_TEST(locked.body == unknown.body);
  BOOST_TEST(testing::mailRows(server().db(), last).empty());
}

BOOST_AUTO_TEST_CASE(one_email_is_sent_at_most_three_links_an_hour_with_the_same_answer) {
  const auto person = addPerson(server(), "popular@kampala.test", access::Role::kApplicant);
  const auto last = testing::lastMailId(server().db());
  std::vector<std::string> bodies;
  for (int i = 0; i < 5; ++i) {
    Client c = server().client();
    const auto r = askForLink(c, person.email);
    BOOST_TEST(r.status == 202);
    bodies.push_back(r.body);
  }
  for (const auto& b : bodies) BOOST_TEST(b == bodies.front());
  BOOST_TEST(resetMails(last).size() == 3u);
}

BOOST_AUTO_TEST_CASE(asking_for_links_spends_the_addresss_sign_in_budget) {
  Limited limited(3);
  Client flooder = server().client();
  flooder.source_address = "127.0.0.2";
  const auto last = testing::lastMailId(server().db());
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(askForLink(flooder, "victim-" + std::to_string(i) + "@flood.test").status == 202);
  }
  const auto refused = askForLink(flooder, "fm1@mmc.demo");
  BOOST_TEST(refused.status == 429);
  BOOST_TEST(refused.isProblem(), refused.body);
  BOOST_TEST(std::stoi(refused.header("Retry-After")) >= 590);
  BOOST_TEST(resetMails(last).empty());  // fm1 was not mailed
  BOOST_TEST(useLink(flooder, std::string(64, 'c'), "a-remembered-password").status == 429);
  BOOST_TEST(flooder.signIn("fm1@mmc.demo").status == 429);  // one budget for sign-in and resets

  Client neighbour = server().client();
  neighbour.source_address = "127.0.0.3";
  BOOST_TEST(askForLink(neighbour, "fm1@mmc.demo").status == 202);
  BOOST_TEST(resetMails(last).size() == 1u);
}

BOOST_AUTO_TEST_CASE(bad_input_is_422_naming_the_field_and_writes_nothing) {
  Client c = server().client();
  const auto before = databaseDigest(server().db());
  for (const std::string body : {R"({})", R"({"email":"not an email"})", R"({"email":"@"})",
                                 R"({"email":"a@b","colour":"red"})", R"({"email":42})"}) {
    const auto r = c.post("/api/v1/password-resets", body);
    BOOST_TEST(r.status == 422, body);
    BOOST_TEST(r.isProblem(), r.body);
    const bool names = r.body.find("\"field\":\"email\"") != std::string::npos ||
                       r.body.find("\"field\":\"colour\"") != std::string::npos;
    BOOST_TEST(names, r.body);
  }
  const auto no_password = c.post("/api/v1/password-resets/" + std::string(64, 'd'), R"({})");
  BOOST_TEST(no_password.status == 422);
  BOOST_TEST(no_password.body.find("\"field\":\"new_password\"") != std::string::npos);
  BOOST_TEST(databaseDigest(server().db()) == before);
}

BOOST_AUTO_TEST_CASE(the_access_log_never_writes_a_reset_token) {
  const auto person = addPerson(server(), "logged@kampala.test", access::Role::kApplicant);
  const auto token = freshLink(person.email);
  CapturedLines captured;
  Client c = server().client();
  BOOST_REQUIRE_EQUAL(useLink(c, token, "a-remembered-password").status, 204);
  BOOST_TEST(useLink(c, token, "a-remembered-password").status == 404);
  std::lock_guard lock(captured.mutex);
  int reset_lines = 0;
  for (const auto& line : captured.lines) {
    BOOST_TEST(line.find(token) == std::string::npos, line);
    if (line.find("/api/v1/password-resets/{token}") != std::string::npos) ++reset_lines;
  }
  BOOST_TEST(reset_lines >= 2);
}

BOOST_AUTO_TEST_SUITE_END()
