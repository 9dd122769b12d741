#include <set>
#include <string>

#include <Poco/JSON/Parser.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

// The open-data files over HTTP (the schemas and codelists are checked by tests/opendata on the
// CLI's files): who may fetch which grants, what publishing changes, conditional GETs, and the
// identifiers an admin sets; every answer held against the database.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

using Poco::JSON::Object;

Object::Ptr parse(const std::string& body) {
  return Poco::JSON::Parser().parse(body).extract<Object::Ptr>();
}

// The 360Giving grant ids of a package.
std::set<std::string> givingIds(const Response& r) {
  std::set<std::string> out;
  const auto grants = parse(r.body)->getArray("grants");
  for (unsigned i = 0; i < grants->size(); ++i) out.insert(grants->getObject(i)->getValue<std::string>("id"));
  return out;
}

// "360G-gcfdemo-<reference>" of each grant the SQL names.
std::set<std::string> expectedIds(Server& server, const std::string& where) {
  std::set<std::string> out;
  const auto prefix = queryText(server.db(), "SELECT giving_prefix FROM publisher").value();
  const auto n = queryInt(server.db(), "SELECT COUNT(*) FROM grants " + where).value();
  for (std::int64_t i = 0; i < n; ++i) {
    out.insert(prefix + "-" + queryText(server.db(), "SELECT reference FROM grants " + where +
                                                         " ORDER BY id LIMIT 1 OFFSET " + std::to_string(i))
                                  .value());
  }
  return out;
}

std::string cityGrantPath(Server& server, const std::string& city) {
  return "/api/v1/grants/" +
         std::to_string(queryInt(server.db(), "SELECT g.id FROM grants g JOIN organisations o ON "
                                              "o.id = g.city_org_id WHERE o.name = '" + city + "'")
                            .value());
}

std::int64_t auditEvents(Server& server, const std::string& event) {
  return queryInt(server.db(), "SELECT COUNT(*) FROM audit_events WHERE event = '" + event + "'").value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(open_data_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(anyone_fetches_the_published_grants_and_only_those) {
  auto& server = SeededServer::get();
  auto anonymous = server.client();
  const auto giving = anonymous.get("/api/v1/exports/360giving.json");
  BOOST_TEST_REQUIRE(giving.status == 200);
  BOOST_TEST(giving.mediaType() == "application/json");
  BOOST_TEST(giving.header("Content-Disposition") == "attachment; filename=\"360giving.json\"");
  BOOST_TEST(!giving.header("ETag").empty());
  BOOST_TEST(!giving.header("Last-Modified").empty());
  const auto published = expectedIds(server, "WHERE publishable = 1");
  BOOST_TEST(published.size() == 2u);  // Amman's and São Paulo's; Kampala's is not published
  BOOST_TEST((givingIds(giving) == published));
  const auto iati = anonymous.get("/api/v1/exports/iati.xml");
  BOOST_TEST_REQUIRE(iati.status == 200);
  BOOST_TEST(iati.mediaType() == "application/xml");
  const auto ref = queryText(server.db(), "SELECT iati_ref FROM publisher").value();
  std::size_t activities = 0;
  for (auto at = iati.body.find("<iati-activity "); at != std::string::npos;
       at = iati.body.find("<iati-activity ", at + 1)) {
    ++activities;
  }
  BOOST_TEST(activities == 2u);
  BOOST_TEST(iati.body.find(ref + "-GCF-2026-0001-G") == std::string::npos);  // Kampala's
  // No person: neither a user's name nor an email.
  const auto users = queryInt(server.db(), "SELECT COUNT(*) FROM users").value();
  for (std::int64_t i = 0; i < users; ++i) {
    for (const char* column : {"email", "name"}) {
      const auto word = queryText(server.db(), std::string("SELECT ") + column +
                                                   " FROM users ORDER BY id LIMIT 1 OFFSET " + std::to_string(i))
                            .value();
      BOOST_TEST(giving.body.find(word) == std::string::npos, word);
      BOOST_TEST(iati.body.find(word) == std::string::npos, word);
    }
  }
}

BOOST_AUTO_TEST_CASE(every_grant_only_for_fund_managers_and_auditors) {
  auto& server = SeededServer::get();
  BOOST_TEST(server.client().get("/api/v1/exports/iati.xml?all=1").status == 401);
  for (const char* login : {"applicant@kampala.demo", "reviewer@iom.demo", "admin@mmc.demo"}) {
    auto c = server.signedIn(login);
    const auto r = c.get("/api/v1/exports/360giving.json?all=1");
    BOOST_TEST(r.status == 403, login);
    BOOST_TEST(r.isProblem());
    BOOST_TEST(c.get("/api/v1/exports/360giving.json").status == 200, login);  // published: anyone
  }
  const auto every = expectedIds(server, "");
  const auto exports = [&] { return auditEvents(server, "export"); };
  for (const char* login : {"fm1@mmc.demo", "auditor@mmc.demo"}) {
    auto c = server.signedIn(login);
    const auto before = exports();
    const auto r = c.get("/api/v1/exports/360giving.json?all=1");
    BOOST_TEST_REQUIRE(r.status == 200, login);
    BOOST_TEST(r.header("Cache-Control") == "private, no-store");
    BOOST_TEST((givingIds(r) == every));
    // Every grant's file is a user's export: audited with what it held.
    BOOST_TEST(exports() == before + 1);
    const auto detail = queryText(server.db(), "SELECT detail FROM audit_events WHERE event = 'export' "
                                               "ORDER BY seq DESC LIMIT 1").value();
    BOOST_TEST(detail.find("360giving.json") != std::string::npos, detail);
    BOOST_TEST(detail.find("\"rows\":" + std::to_string(every.size())) != std::string::npos, detail);
  }
  // The published files are public data: no audit event, however often they are fetched.
  const auto before = exports();
  auto fm = server.signedIn("fm1@mmc.demo");
  BOOST_TEST(fm.get("/api/v1/exports/iati.xml").status == 200);
  BOOST_TEST(exports() == before);
  BOOST_TEST(server.client().get("/api/v1/exports/iati.xml?all=2").status == 400);
}

BOOST_AUTO_TEST_CASE(the_disbursed_money_is_what_the_tranches_paid) {
  auto& server = SeededServer::get();
  auto fm = server.signedIn("fm1@mmc.demo");
  const auto grants = parse(fm.get("/api/v1/exports/360giving.json?all=1").body)->getArray("grants");
  for (unsigned i = 0; i < grants->size(); ++i) {
    const auto g = grants->getObject(i);
    const auto reference = g->getValue<std::string>("id").substr(std::string("360G-gcfdemo-").size());
    const auto paid = queryInt(server.db(),
                               "SELECT COALESCE(SUM(t.amount_minor), 0) FROM tranches t JOIN grants g ON "
                               "g.id = t.grant_id WHERE t.state = 'disbursed' AND g.reference = '" + reference + "'")
                          .value();
    const auto award = queryInt(server.db(), "SELECT amount_minor FROM grants WHERE reference = '" + reference + "'").value();
    BOOST_TEST(g->getValue<double>("amountDisbursed") * 100 == static_cast<double>(paid), reference);
    BOOST_TEST(g->getValue<double>("amountAwarded") * 100 == static_cast<double>(award), reference);
    double transactions = 0;
    const auto list = g->getArray("disbursementTransaction");
    for (unsigned k = 0; k < list->size(); ++k) transactions += list->getObject(k)->getValue<double>("value");
    BOOST_TEST(transactions * 100 == static_cast<double>(paid), reference);
  }
}

BOOST_AUTO_TEST_CASE(a_current_copy_is_not_sent_again_and_publishing_changes_the_file) {
  auto& server = SeededServer::get();
  auto anonymous = server.client();
  const auto first = anonymous.get("/api/v1/exports/360giving.json");
  const auto etag = first.header("ETag");
  const auto same = anonymous.get("/api/v1/exports/360giving.json", {{"If-None-Match", etag}});
  BOOST_TEST(same.status == 304);
  BOOST_TEST(same.body.empty());
  const auto since = anonymous.get("/api/v1/exports/360giving.json",
                                   {{"If-Modified-Since", first.header("Last-Modified")}});
  BOOST_TEST(since.status == 304);

  // A fund manager publishes Kampala's grant, naming its sector: audited, and in the file at once.
  auto fm = server.signedIn("fm1@mmc.demo");
  const auto path = cityGrantPath(server, "Kampala");
  const auto before = auditEvents(server, "set_publication");
  const auto r = putWithEtag(fm, path + "/publication", R"({"publishable": true, "sector_code": "16010"})", path);
  BOOST_TEST_REQUIRE(r.status == 200);
  BOOST_TEST(r.json->getValue<bool>("publishable"));
  BOOST_TEST(r.json->getArray("sectors")->getElement<std::string>(1) == "16010");
  BOOST_TEST(auditEvents(server, "set_publication") == before + 1);
  const auto after = anonymous.get("/api/v1/exports/360giving.json", {{"If-None-Match", etag}});
  BOOST_TEST_REQUIRE(after.status == 200);
  BOOST_TEST(after.header("ETag") != etag);
  BOOST_TEST((givingIds(after) == expectedIds(server, "WHERE publishable = 1")));
  BOOST_TEST(givingIds(after).size() == 3u);
  BOOST_TEST(after.body.find("\"16010\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(only_a_fund_manager_publishes_and_only_known_sectors) {
  auto& server = SeededServer::get();
  const auto path = cityGrantPath(server, "Amman");
  auto city = server.signedIn("applicant@amman.demo");
  BOOST_TEST(putWithEtag(city, path + "/publication", R"({"publishable": false})", path).status == 403);
  auto fm = server.signedIn("fm1@mmc.demo");
  const auto bad = putWithEtag(fm, path + "/publication", R"({"publishable": true, "sector_code": "99999"})", path);
  BOOST_TEST(bad.status == 422);
  BOOST_TEST(bad.body.find("sector_code") != std::string::npos);
  const auto stale = fm.put(path + "/publication", R"({"publishable": false})", {{"If-Match", "\"v1\""}});
  BOOST_TEST(stale.status == 412);
  BOOST_TEST(fm.put(path + "/publication", R"({"publishable": false})").status == 428);
  BOOST_TEST(queryInt(server.db(), "SELECT publishable FROM grants g JOIN organisations o ON o.id = "
                                   "g.city_org_id WHERE o.name = 'Amman'").value() == 1);
}

BOOST_AUTO_TEST_CASE(the_admin_sets_the_identifiers_and_they_are_checked) {
  auto& server = SeededServer::get();
  auto admin = server.signedIn("admin@mmc.demo");
  auto fm = server.signedIn("fm1@mmc.demo");
  BOOST_TEST(putWithEtag(fm, "/api/v1/publisher", R"({"giving_prefix": "360G-x", "iati_ref": "XI-IATI-X"})").status == 403);
  const auto bad = putWithEtag(admin, "/api/v1/publisher", R"({"giving_prefix": "GCF", "iati_ref": "gcf demo"})");
  BOOST_TEST(bad.status == 422);
  BOOST_TEST(bad.body.find("giving_prefix") != std::string::npos);
  BOOST_TEST(bad.body.find("iati_ref") != std::string::npos);
  // Organisations: an identifier of their own, or the fund-prefixed id in the files.
  const auto orgs = itemsOf(read(admin, "/api/v1/organisations"));
  std::int64_t kampala = 0, version = 0;
  for (unsigned i = 0; i < orgs->size(); ++i) {
    const auto o = orgs->getObject(i);
    const auto id = o->getValue<std::int64_t>("id");
    const auto identifier = o->getValue<std::string>("identifier");
    const bool fund = o->getValue<std::string>("name") == "Mayors Migration Council";  // the publisher
    BOOST_TEST(o->getValue<std::string>("open_id") ==
               (!identifier.empty() ? identifier
                : fund              ? std::string("XI-IATI-GCFDEMO")
                                    : "360G-gcfdemo-ORG-" + std::to_string(id)));
    if (o->getValue<std::string>("name") == "Kampala") {
      kampala = id;
      version = o->getValue<std::int64_t>("version");
    }
  }
  const auto path = "/api/v1/organisations/" + std::to_string(kampala) + "/identifier";
  const Headers if_match = {{"If-Match", "\"v" + std::to_string(version) + "\""}};
  BOOST_TEST(admin.put(path, R"({"identifier": "Kampala city"})", if_match).status == 422);
  BOOST_TEST(fm.put(path, R"({"identifier": "XI-WIKIDATA-Q3894"})", if_match).status == 403);
  const auto set = admin.put(path, R"({"identifier": "XI-WIKIDATA-Q3894"})", if_match);
  BOOST_TEST_REQUIRE(set.status == 200);
  BOOST_TEST(set.json->getValue<std::string>("open_id") == "XI-WIKIDATA-Q3894");
  BOOST_TEST(admin.put(path, R"({"identifier": ""})", if_match).status == 412);  // stale now
  // Kampala's grant was published above: the file names the city by its new identifier.
  BOOST_TEST(server.client().get("/api/v1/exports/iati.xml").body.find("ref=\"XI-WIKIDATA-Q3894\"") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_approval_names_the_service_sector) {
  auto& server = SeededServer::get();
  auto fm2 = server.signedIn("fm2@mmc.demo");
  const auto proposal = "/api/v1/proposals/" +
                        std::to_string(queryInt(server.db(), "SELECT id FROM proposals WHERE state = "
                                                             "'award_proposed' ORDER BY id LIMIT 1")
                                           .value());
  const auto bad = tryFire(fm2, proposal, {.name = "approve", .sector_code = "1"});
  BOOST_TEST(bad.status == 422);
  BOOST_TEST(tryFire(fm2, proposal, {.name = "withdraw_award", .reason = "x", .sector_code = "16010"}).status == 422);
  fire(fm2, proposal, {.name = "approve", .sector_code = "16040"}, "approved");
  const auto grant = queryText(server.db(), "SELECT sector_code FROM grants WHERE proposal_id = " +
                                                proposal.substr(proposal.rfind('/') + 1));
  BOOST_TEST(grant.value_or("") == "16040");
}

BOOST_AUTO_TEST_SUITE_END()
