#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

// People by name (issue 15 part 3): every view that shows who acted names them as far as the
// reader may know them (access::discloseTo), checked against the directory read by SQL. A city
// never finds a reviewer's name or email, nor a partner person's, in anything it reads.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

struct Person {
  std::int64_t id = 0;
  std::string name;
  std::string email;
  std::int64_t org_id = 0;
  std::string organisation;
  std::string kind;  // of the organisation
};

// Every user of the server's database, by id, read by SQL.
std::map<std::int64_t, Person> directory(Server& server) {
  std::map<std::int64_t, Person> out;
  auto tx = server.db().read();
  Person p;
  soci::statement st =
      (tx.sql().prepare << "SELECT u.id, u.name, u.email, o.id, o.name, o.kind FROM users u "
                           "JOIN organisations o ON o.id = u.org_id",
       soci::into(p.id), soci::into(p.name), soci::into(p.email), soci::into(p.org_id),
       soci::into(p.organisation), soci::into(p.kind));
  st.execute();
  while (st.fetch()) out[p.id] = p;
  tx.commit();
  return out;
}

// The fields of a record that hold a person's user id.
const std::set<std::string> kPersonFields = {
    "actor_id",    "reviewer_id",  "created_by",   "requested_by", "verified_by",
    "approved_by", "disbursed_by", "submitted_by", "accepted_by",  "signed_by"};

// Calls `visit(key, value)` for every member of every object inside `v`, depth first.
void walk(const Poco::Dynamic::Var& v,
          const std::function<void(const std::string&, const Poco::Dynamic::Var&)>& visit) {
  if (v.type() == typeid(Poco::JSON::Object::Ptr)) {
    const auto o = v.extract<Poco::JSON::Object::Ptr>();
    for (const auto& [key, value] : *o) {
      visit(key, value);
      walk(value, visit);
    }
  } else if (v.type() == typeid(Poco::JSON::Array::Ptr)) {
    const auto a = v.extract<Poco::JSON::Array::Ptr>();
    for (const auto& item : *a) walk(item, visit);
  }
}

// Everything a city reads about its proposals and grants: each answer's raw body by path.
std::map<std::string, Response> whatACityReads(Client& city) {
  std::map<std::string, Response> out;
  auto get = [&](const std::string& path) { return out[path] = city.get(path); };
  const auto proposals = itemsOf(get("/api/v1/proposals?limit=200"));
  for (unsigned i = 0; i < proposals->size(); ++i) {
    const auto p = proposalPath(proposals->getObject(i)->getValue<std::int64_t>("id"));
    for (const char* part :
         {"", "/timeline", "/versions", "/attachments", "/reviews", "/assignments"})
      get(p + part);
  }
  get("/api/v1/assignments");
  get("/api/v1/tranches?limit=200");
  const auto grants = itemsOf(get("/api/v1/grants?limit=200"));
  for (unsigned i = 0; i < grants->size(); ++i) {
    const auto g = grantPath(grants->getObject(i)->getValue<std::int64_t>("id"));
    for (const char* part : {"", "/timeline", "/tranches", "/reports", "/budget"}) get(g + part);
    const auto tranches = itemsOf(out[g + "/tranches"]);
    for (unsigned j = 0; j < tranches->size(); ++j)
      get(tranchePath(tranches->getObject(j)->getValue<std::int64_t>("id")));
    const auto reports = itemsOf(out[g + "/reports"]);
    for (unsigned j = 0; j < reports->size(); ++j)
      get(reportPath(reports->getObject(j)->getValue<std::int64_t>("id")));
  }
  return out;
}

// The logins of every city applicant of the demo fund.
std::vector<std::string> cityLogins(Server& server) {
  std::vector<std::string> out;
  for (const auto& [id, p] : directory(server)) {
    if (p.kind == "city") out.push_back(p.email);
  }
  return out;
}

// The actor object `actors.<field>` of a record, or null.
Poco::JSON::Object::Ptr actorOf(const Poco::JSON::Object::Ptr& record, const std::string& field) {
  const auto actors = record->getObject("actors");
  return actors && actors->has(field) ? actors->getObject(field) : nullptr;
}

// Checks that `actor` names `p` in full.
void expectPerson(const Poco::JSON::Object::Ptr& actor, const Person& p, const std::string& what) {
  BOOST_REQUIRE_MESSAGE(actor, what << ": no actor");
  BOOST_TEST(actor->getValue<std::int64_t>("id") == p.id, what);
  BOOST_TEST(actor->getValue<std::string>("name") == p.name, what);
  BOOST_TEST(actor->getValue<std::string>("organisation") == p.organisation, what);
  BOOST_TEST(actor->getValue<std::string>("role") == p.kind, what);
}

// Checks that `actor` gives `p`'s organisation and side only.
void expectOrganisationOnly(const Poco::JSON::Object::Ptr& actor, const Person& p,
                            const std::string& what) {
  BOOST_REQUIRE_MESSAGE(actor, what << ": no actor");
  BOOST_TEST(!actor->has("id"), what);
  BOOST_TEST(!actor->has("name"), what);
  BOOST_TEST(actor->getValue<std::string>("organisation") == p.organisation, what);
  BOOST_TEST(actor->getValue<std::string>("role") == p.kind, what);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(people_by_name_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(no_city_ever_reads_a_reviewers_or_a_partner_persons_name_email_or_id) {
  auto& server = SeededServer::get();
  const auto people = directory(server);
  std::vector<Person> partners;
  for (const auto& [id, p] : people) {
    if (p.kind == "partner") partners.push_back(p);
  }
  BOOST_TEST_REQUIRE(partners.size() >= 5u);
  int bodies = 0;
  int partner_steps = 0;
  for (const auto& login : cityLogins(server)) {
    Client city = server.signedIn(login);
    for (const auto& [path, r] : whatACityReads(city)) {
      ++bodies;
      if (path.ends_with("/reviews")) {
        BOOST_TEST(r.status == 404, login << " " << path << ": reviews are never a city's");
      } else if (path.ends_with("/assignments")) {
        BOOST_TEST(itemsOf(r)->size() == 0u, login << " " << path << ": nor assignments");
      } else {
        BOOST_TEST(r.status == 200, login << " " << path);
      }
      for (const auto& p : partners) {
        BOOST_TEST(r.body.find(p.name) == std::string::npos,
                   login << " " << path << ": " << p.name);
        BOOST_TEST(r.body.find(p.email) == std::string::npos,
                   login << " " << path << ": " << p.email);
      }
      if (!r.json) continue;
      walk(r.json, [&](const std::string& key, const Poco::Dynamic::Var& v) {
        if (kPersonFields.count(key) && v.isInteger()) {  // not actors.<field>, an object
          const auto& who = people.at(v.convert<std::int64_t>());
          BOOST_TEST(who.kind != "partner",
                     login << " " << path << ": " << key << " names " << who.name << " by id");
        }
        if (key == "actors" || key == "actor") {
          walk(v, [&](const std::string& k, const Poco::Dynamic::Var& role) {
            if (k == "role" && role.toString() == "partner") ++partner_steps;
          });
        }
      });
    }
  }
  BOOST_TEST(bodies > 100);
  BOOST_TEST(partner_steps > 0, "the cities' grants carry verifications named by organisation");
}

BOOST_AUTO_TEST_CASE(a_city_reads_its_supporting_partner_by_organisation_and_the_fund_by_name) {
  auto& server = SeededServer::get();
  const auto people = directory(server);
  Client kampala = server.signedIn("applicant@kampala.demo");
  const auto grants = itemsOf(read(kampala, "/api/v1/grants"));
  BOOST_TEST_REQUIRE(grants->size() == 1u);
  const auto g = grants->getObject(0)->getValue<std::int64_t>("id");
  const auto supporting = grants->getObject(0)->getValue<std::int64_t>("supporting_org_id");
  const auto tranches = itemsOf(read(kampala, grantPath(g) + "/tranches"));
  const auto first = tranches->getObject(0);
  BOOST_TEST_REQUIRE(first->getValue<std::string>("state") == "disbursed");
  // Who verified: the supporting partner's organisation, not the person; the id withheld.
  const auto verifier = queryInt(server.db(), "SELECT verified_by FROM tranches WHERE id = :p",
                                 first->getValue<std::int64_t>("id"));
  BOOST_TEST_REQUIRE(verifier.has_value());
  BOOST_TEST(people.at(*verifier).org_id == supporting);
  BOOST_TEST(first->isNull("verified_by"));
  expectOrganisationOnly(actorOf(first, "verified_by"), people.at(*verifier), "verified_by");
  // Who requested (the city itself), approved and disbursed (the fund): by name.
  for (const char* field : {"requested_by", "approved_by", "disbursed_by"}) {
    const auto id = first->getValue<std::int64_t>(field);
    expectPerson(actorOf(first, field), people.at(id), field);
  }
  // The timeline alike: verify by IOM, approve and disburse by the fund managers' names.
  const auto timeline = itemsOf(read(kampala, grantPath(g) + "/timeline"));
  int verifies = 0;
  for (unsigned i = 0; i < timeline->size(); ++i) {
    const auto e = timeline->getObject(i);
    const auto event = e->getValue<std::string>("event");
    const auto seq = e->getValue<std::int64_t>("seq");
    const auto actor_id =
        queryInt(server.db(), "SELECT actor_id FROM audit_events WHERE seq = :p", seq);
    if (!actor_id) {
      BOOST_TEST(e->isNull("actor"));
      continue;
    }
    const auto& who = people.at(*actor_id);
    if (who.kind == "partner") {
      ++verifies;
      BOOST_TEST(e->isNull("actor_id"), event);
      expectOrganisationOnly(e->getObject("actor"), who, event);
    } else {
      BOOST_TEST(e->getValue<std::int64_t>("actor_id") == who.id, event);
      expectPerson(e->getObject("actor"), who, event);
    }
  }
  BOOST_TEST(verifies >= 1, "the first tranche verified by IOM");
}

BOOST_AUTO_TEST_CASE(
    fund_managers_and_auditors_read_every_actor_by_name_in_the_queue_and_timelines) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  const auto people = directory(server);
  for (const char* login : {"fm1@mmc.demo", "auditor@mmc.demo"}) {
    Client c = server.signedIn(login);
    const auto r = c.get("/api/v1/tranches?limit=200");
    expectSuccess(spec, r, "GET", "/api/v1/tranches", login);
    const auto items = itemsOf(r);
    int named = 0;
    for (unsigned i = 0; i < items->size(); ++i) {
      const auto t = items->getObject(i);
      const auto id = t->getValue<std::int64_t>("id");
      for (const char* field : {"requested_by", "verified_by", "approved_by", "disbursed_by"}) {
        const auto by = queryInt(
            server.db(), "SELECT " + std::string(field) + " FROM tranches WHERE id = :p", id);
        if (!by) {
          BOOST_TEST(!actorOf(t, field), field);
          continue;
        }
        BOOST_TEST(t->getValue<std::int64_t>(field) == *by, field);
        expectPerson(actorOf(t, field), people.at(*by), std::string(login) + " " + field);
        ++named;
      }
    }
    BOOST_TEST(named >= 8, login << ": the demo's tranches name requesters, verifiers and payers");
    // Every timeline of every grant, and the reviews of a proposal, name everyone.
    const auto grants = itemsOf(read(c, "/api/v1/grants"));
    for (unsigned i = 0; i < grants->size(); ++i) {
      const auto g = grants->getObject(i)->getValue<std::int64_t>("id");
      const auto events = itemsOf(read(c, grantPath(g) + "/timeline"));
      for (unsigned j = 0; j < events->size(); ++j) {
        const auto e = events->getObject(j);
        if (e->isNull("actor_id")) {
          BOOST_TEST(e->isNull("actor"));
          continue;
        }
        expectPerson(e->getObject("actor"), people.at(e->getValue<std::int64_t>("actor_id")),
                     login);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(
    a_partner_names_its_own_the_fund_and_the_city_and_other_partners_by_organisation) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  const auto people = directory(server);
  Client iom = server.signedIn("reviewer@iom.demo");
  const auto me = userIdOf(iom);
  // Barranquilla's proposal: reviewed by IOM and UNHCR, both submitted; IOM sees both reviews.
  const auto proposal =
      queryInt(server.db(),
               "SELECT p.id FROM proposals p JOIN organisations o ON o.id = p.city_org_id "
               "WHERE o.name = 'Barranquilla' AND p.state = 'reviewed'");
  BOOST_TEST_REQUIRE(proposal.has_value());
  const auto r = iom.get(proposalPath(*proposal) + "/reviews");
  expectSuccess(spec, r, "GET", "/api/v1/proposals/{id}/reviews", "comparison");
  const auto rows = itemsOf(r);
  BOOST_TEST_REQUIRE(rows->size() == 2u);
  int own = 0;
  int other = 0;
  for (unsigned i = 0; i < rows->size(); ++i) {
    const auto row = rows->getObject(i);
    const auto reviewer =
        queryInt(server.db(), "SELECT reviewer_id FROM review_assignments WHERE id = :p",
                 row->getValue<std::int64_t>("id"));
    BOOST_TEST_REQUIRE(reviewer.has_value());
    const auto& who = people.at(*reviewer);
    if (*reviewer == me) {
      ++own;
      BOOST_TEST(row->getValue<std::int64_t>("reviewer_id") == me);
      expectPerson(actorOf(row, "reviewer_id"), who, "own review");
    } else {
      ++other;
      BOOST_TEST(row->isNull("reviewer_id"), "another partner's reviewer is not named");
      expectOrganisationOnly(actorOf(row, "reviewer_id"), who, "other review");
      BOOST_TEST(r.body.find(who.name) == std::string::npos);
      BOOST_TEST(r.body.find(who.email) == std::string::npos);
    }
  }
  BOOST_TEST(own == 1);
  BOOST_TEST(other == 1);
  // The fund managers and admins see both reviewers by name.
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto fund_rows = itemsOf(read(fm1, proposalPath(*proposal) + "/reviews"));
  for (unsigned i = 0; i < fund_rows->size(); ++i) {
    const auto row = fund_rows->getObject(i);
    expectPerson(actorOf(row, "reviewer_id"), people.at(row->getValue<std::int64_t>("reviewer_id")),
                 "fund manager's comparison");
  }
  // IOM's queue: its own reviewer and the fund manager who assigned, by name.
  const auto queue = itemsOf(read(iom, "/api/v1/assignments?limit=200"));
  BOOST_TEST_REQUIRE(queue->size() > 0u);
  for (unsigned i = 0; i < queue->size(); ++i) {
    const auto a = queue->getObject(i);
    expectPerson(actorOf(a, "created_by"), people.at(a->getValue<std::int64_t>("created_by")),
                 "created_by");
    if (!a->isNull("reviewer_id")) {
      expectPerson(actorOf(a, "reviewer_id"), people.at(me), "reviewer_id");
    }
  }
  // IOM supports Kampala's grant: the city's requester and the fund's approver by name.
  const auto tranches = itemsOf(read(iom, "/api/v1/tranches?limit=200"));
  int requests = 0;
  for (unsigned i = 0; i < tranches->size(); ++i) {
    const auto t = tranches->getObject(i);
    if (t->isNull("requested_by")) continue;
    ++requests;
    const auto& requester = people.at(t->getValue<std::int64_t>("requested_by"));
    BOOST_TEST(requester.kind == "city");
    expectPerson(actorOf(t, "requested_by"), requester, "requested_by");
  }
  BOOST_TEST(requests >= 1);
}

BOOST_AUTO_TEST_SUITE_END()
