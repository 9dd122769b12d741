// GET /api/v1/inbox as the fund moves: an overdue report comes first for its city and for the
// fund, four eyes show who approved and that another fund manager must pay, locked accounts and
// failed mail reach the admin, the auditor is told honestly that no verification is recorded.
// Each time the inbox is what SQL says. A suite of its own: it changes its demo fund.

#include <string>
#include <tuple>
#include <vector>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "services/clock.h"
#include "services/usecases/directory_service.h"
#include "tests/web/inbox_truth.h"
#include "tests/web/list_pages.h"
#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

using namespace citygrants;
using namespace citygrants::webtest;

namespace {

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;

std::vector<Poco::JSON::Object::Ptr> inboxItems(const Spec& spec, Client& c, const std::string& who,
                                                Server& server, const std::string& login) {
  const auto r = c.get("/api/v1/inbox?limit=500");
  expectSuccess(spec, r, "GET", "/api/v1/inbox", who);
  BOOST_REQUIRE(r.json);
  BOOST_TEST(keysOf(r.json) == truthFor(server.db(), readerOf(server.db(), login), nowMs()), who);
  std::vector<Poco::JSON::Object::Ptr> out;
  const auto items = r.json->getArray("items");
  for (std::size_t i = 0; i < items->size(); ++i)
    out.push_back(items->getObject(static_cast<unsigned>(i)));
  return out;
}

// The order the README states, checked on the answer's own fields: overdue first, then by due
// date (those with one first), then the oldest waiting. ISO times in one format order as text.
void expectMostUrgentFirst(const std::vector<Poco::JSON::Object::Ptr>& items,
                           const std::string& who) {
  const auto key = [](const Poco::JSON::Object::Ptr& i) {
    return std::make_tuple(!i->getValue<bool>("overdue"), i->isNull("due_at"),
                           i->isNull("due_at") ? std::string() : i->getValue<std::string>("due_at"),
                           i->getValue<std::string>("since"));
  };
  for (std::size_t i = 1; i < items.size(); ++i) {
    BOOST_TEST(!(key(items[i]) < key(items[i - 1])), who << ": item " << i << " is out of order");
  }
}

Poco::JSON::Object::Ptr itemFor(const std::vector<Poco::JSON::Object::Ptr>& items,
                                const std::string& kind, std::int64_t id) {
  for (const auto& i : items) {
    if (i->getValue<std::string>("kind") == kind &&
        i->getObject("record")->getValue<std::int64_t>("id") == id) {
      return i;
    }
  }
  return nullptr;
}

std::string personNamed(const Poco::JSON::Object::Ptr& item, const std::string& role) {
  const auto people = item->getArray("people");
  for (std::size_t i = 0; i < people->size(); ++i) {
    const auto p = people->getObject(static_cast<unsigned>(i));
    if (p->getValue<std::string>("role") == role) return p->getValue<std::string>("name");
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(inbox_as_the_fund_moves, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(an_overdue_report_comes_first_for_its_city_and_for_the_fund) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  const auto report =
      queryInt(server.db(),
               "SELECT r.id FROM reports r JOIN grants g ON g.id = r.grant_id "
               "JOIN organisations o ON o.id = g.city_org_id "
               "WHERE o.name = 'Kampala' AND r.kind = 'progress' AND r.state = 'draft'");
  BOOST_REQUIRE(report.has_value());
  execSql(server.db(), "UPDATE reports SET due_at = " + std::to_string(nowMs() - 2 * kDay) +
                           " WHERE id = " + std::to_string(*report));
  // A signed-in client is an audited change: the server's caches see the fund anew.
  Client kampala = server.signedIn("applicant@kampala.demo");
  const auto city = inboxItems(spec, kampala, "kampala", server, "applicant@kampala.demo");
  BOOST_REQUIRE(!city.empty());
  BOOST_TEST(city[0]->getValue<std::string>("kind") == "report.draft");
  BOOST_TEST(city[0]->getObject("record")->getValue<std::int64_t>("id") == *report);
  BOOST_TEST(city[0]->getValue<bool>("overdue"));
  BOOST_TEST(stringsOf(city[0]->getArray("expected")) == (std::vector<std::string>{"submit"}));
  expectMostUrgentFirst(city, "kampala");

  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto fund = inboxItems(spec, fm1, "fm1", server, "fm1@mmc.demo");
  BOOST_REQUIRE(!fund.empty());
  BOOST_TEST(fund[0]->getValue<std::string>("kind") == "report.overdue");
  BOOST_TEST(fund[0]->getObject("record")->getValue<std::int64_t>("id") == *report);
  BOOST_TEST(fund[0]->getArray("expected")->size() == 0u);
  BOOST_TEST(stringsOf(fund[0]->getArray("awaiting")) == (std::vector<std::string>{"applicant"}));
  BOOST_TEST(fund[0]->getObject("detail")->getValue<std::string>("report_kind") == "progress");
  expectMostUrgentFirst(fund, "fm1");
  // Another city's inbox has none of it.
  Client amman = server.signedIn("applicant@amman.demo");
  BOOST_TEST(!itemFor(inboxItems(spec, amman, "amman", server, "applicant@amman.demo"),
                      "report.draft", *report));
}

BOOST_AUTO_TEST_CASE(four_eyes_show_who_approved_and_that_another_fund_manager_must_pay) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Cast cast(server, "applicant@barranquilla.demo");
  const std::string city = "applicant@barranquilla.demo";
  // Each step moves the record from one inbox to the next; every inbox read below is also held
  // against SQL (inboxItems).
  const auto proposal = proposalInReview(cast, 25'000'000, "Barranquilla: bibliotecas de acogida");
  BOOST_TEST(itemFor(inboxItems(spec, cast.fm1, "fm1", server, "fm1@mmc.demo"), "proposal.reviewed",
                     proposal));
  fire(cast.fm1, proposalPath(proposal), {.name = "approve"}, "approved");
  const auto grant = *grantOf(cast.fm1, proposal);
  BOOST_TEST(itemFor(inboxItems(spec, cast.applicant, "city", server, city), "grant.pending_agreement",
                     grant));
  fire(cast.applicant, grantPath(grant), {.name = "sign"}, "active");
  const auto tranche = tranchesOf(cast.fm1, grant)->getObject(0)->getValue<std::int64_t>("id");
  BOOST_TEST(itemFor(inboxItems(spec, cast.applicant, "city", server, city), "tranche.scheduled",
                     tranche));
  fire(cast.applicant, tranchePath(tranche), {.name = "request"}, "requested");
  BOOST_TEST(itemFor(inboxItems(spec, cast.iom, "iom", server, "reviewer@iom.demo"),
                     "tranche.requested", tranche));
  BOOST_TEST(!itemFor(inboxItems(spec, cast.unhcr, "unhcr", server, "reviewer@unhcr.demo"),
                      "tranche.requested", tranche));
  fire(cast.iom, tranchePath(tranche), {.name = "verify"}, "verified");
  BOOST_TEST(itemFor(inboxItems(spec, cast.fm2, "fm2", server, "fm2@mmc.demo"), "tranche.verified",
                     tranche));
  fire(cast.fm1, tranchePath(tranche), {.name = "approve"}, "approved");
  const auto fm1_name =
      *queryText(server.db(), "SELECT name FROM users WHERE email = 'fm1@mmc.demo'");

  const auto mine = itemFor(inboxItems(spec, cast.fm1, "fm1", server, "fm1@mmc.demo"),
                            "tranche.approved", tranche);
  BOOST_REQUIRE(mine);
  BOOST_TEST(mine->getArray("expected")->size() == 0u);
  const auto held = mine->getArray("held");
  BOOST_REQUIRE_EQUAL(held->size(), 1u);
  BOOST_TEST(held->getObject(0)->getValue<std::string>("event") == "disburse");
  BOOST_TEST(held->getObject(0)->getValue<std::string>("guard") == "not_approver");
  BOOST_TEST(held->getObject(0)->getValue<bool>("four_eyes"));
  BOOST_TEST(personNamed(mine, "approved_by") == fm1_name);
  BOOST_TEST(!personNamed(mine, "requested_by").empty());
  BOOST_TEST(!personNamed(mine, "verified_by").empty());

  const auto theirs = itemFor(inboxItems(spec, cast.fm2, "fm2", server, "fm2@mmc.demo"),
                              "tranche.approved", tranche);
  BOOST_REQUIRE(theirs);
  BOOST_TEST(stringsOf(theirs->getArray("expected")) == (std::vector<std::string>{"disburse"}));
  BOOST_TEST(personNamed(theirs, "approved_by") == fm1_name);
  // Paid: out of both inboxes.
  fire(cast.fm2, tranchePath(tranche), {.name = "disburse", .payment_reference = "BANK-INBOX-1"},
       "disbursed", {{"Idempotency-Key", "inbox-four-eyes-1"}});
  BOOST_TEST(!itemFor(inboxItems(spec, cast.fm1, "fm1", server, "fm1@mmc.demo"), "tranche.approved",
                      tranche));
  BOOST_TEST(!itemFor(inboxItems(spec, cast.fm2, "fm2", server, "fm2@mmc.demo"), "tranche.approved",
                      tranche));
  inboxItems(spec, cast.applicant, "barranquilla", server, "applicant@barranquilla.demo");
  inboxItems(spec, cast.iom, "iom", server, "reviewer@iom.demo");
}

BOOST_AUTO_TEST_CASE(
    locked_accounts_and_failed_mail_reach_the_admin_and_the_auditor_is_told_the_truth) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  // Five wrong passwords lock an email's sign-ins for a while.
  for (int i = 0; i < 5; ++i)
    BOOST_TEST(server.client().signIn("reviewer@c40.demo", "wrong-password").status == 401);
  execSql(server.db(),
          "UPDATE outbox_mail SET attempts = 2, last_error = '550 relay refused' "
          "WHERE id = (SELECT MIN(id) FROM outbox_mail)");
  services::SystemClock clock;
  usecases::DirectoryService({server.db(), clock})
      .lock(std::nullopt, "applicant@athens.demo", nowMs() + kDay);

  Client admin = server.signedIn("admin@mmc.demo");
  const auto items = inboxItems(spec, admin, "admin", server, "admin@mmc.demo");
  const auto c40 = *queryInt(server.db(), "SELECT id FROM users WHERE email = 'reviewer@c40.demo'");
  const auto athens =
      *queryInt(server.db(), "SELECT id FROM users WHERE email = 'applicant@athens.demo'");
  const auto mail = *queryInt(server.db(), "SELECT MIN(id) FROM outbox_mail");
  const auto by_failures = itemFor(items, "user.locked", c40);
  const auto by_admin = itemFor(items, "user.locked", athens);
  BOOST_REQUIRE(by_failures && by_admin);
  BOOST_TEST(by_failures->getObject("detail")->getValue<std::string>("cause") == "failed_sign_ins");
  BOOST_TEST(by_admin->getObject("detail")->getValue<std::string>("cause") == "admin");
  BOOST_TEST(by_admin->getObject("record")->getValue<std::string>("reference") ==
             "applicant@athens.demo");
  const auto failed = itemFor(items, "mail.failed", mail);
  BOOST_REQUIRE(failed);
  BOOST_TEST(failed->getObject("detail")->getValue<std::string>("last_error") ==
             "550 relay refused");
  BOOST_TEST(failed->getObject("detail")->getValue<int>("attempts") == 2);

  Client auditor = server.signedIn("auditor@mmc.demo");
  const auto chain = inboxItems(spec, auditor, "auditor", server, "auditor@mmc.demo");
  BOOST_REQUIRE_EQUAL(chain.size(), 1u);
  const auto detail = chain[0]->getObject("detail");
  BOOST_TEST(!detail->getValue<bool>("verification_recorded"));
  BOOST_TEST(detail->getValue<std::int64_t>("events") ==
             *queryInt(server.db(), "SELECT last_seq FROM audit_head"));
  BOOST_TEST(stringsOf(chain[0]->getArray("expected")) == (std::vector<std::string>{"verify"}));
  // Only admins see locked accounts and mail, only auditors the chain.
  for (const auto& i : items) BOOST_TEST(i->getValue<std::string>("kind") != "audit.verification");
  Client fm1 = server.signedIn("fm1@mmc.demo");
  for (const auto& i : inboxItems(spec, fm1, "fm1", server, "fm1@mmc.demo")) {
    const auto kind = i->getValue<std::string>("kind");
    BOOST_TEST((kind != "user.locked" && kind != "mail.failed" && kind != "audit.verification"),
               kind);
  }
}

BOOST_AUTO_TEST_SUITE_END()
