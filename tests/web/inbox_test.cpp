// GET /api/v1/inbox over the demo fund: every demo login's inbox is what SQL written here says
// waits for them, a city never sees another city's work, each item's expected steps are the
// record's own actions (content guards aside), the answer keeps its schema, and bad parameters
// are refused. Changes (an overdue report, four eyes, locks, failed mail) in inbox_change_test.cpp.

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "modules/workflow/awaited.h"
#include "tests/web/inbox_truth.h"
#include "tests/web/list_pages.h"
#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

using namespace citygrants;
using namespace citygrants::webtest;

namespace {

const std::vector<std::string> kLogins = {"fm1@mmc.demo",
                                          "fm2@mmc.demo",
                                          "admin@mmc.demo",
                                          "auditor@mmc.demo",
                                          "reviewer@c40.demo",
                                          "reviewer@iom.demo",
                                          "reviewer@uclg.demo",
                                          "reviewer@unhabitat.demo",
                                          "reviewer@unhcr.demo",
                                          "applicant@kampala.demo",
                                          "applicant@montevideo.demo",
                                          "applicant@barranquilla.demo",
                                          "applicant@saopaulo.demo",
                                          "applicant@abidjan.demo",
                                          "applicant@amman.demo",
                                          "applicant@athens.demo",
                                          "applicant@dhakanorth.demo"};

Poco::JSON::Object::Ptr inboxOf(const Spec& spec, Client& c, const std::string& who) {
  const auto r = c.get("/api/v1/inbox?limit=500");
  expectSuccess(spec, r, "GET", "/api/v1/inbox", who);
  BOOST_REQUIRE(r.json);
  return r.json;
}

std::vector<Poco::JSON::Object::Ptr> itemsIn(const Poco::JSON::Object::Ptr& inbox) {
  std::vector<Poco::JSON::Object::Ptr> out;
  const auto items = inbox->getArray("items");
  for (std::size_t i = 0; i < items->size(); ++i)
    out.push_back(items->getObject(static_cast<unsigned>(i)));
  return out;
}

// The record's own route, where it has one.
std::string recordPath(const Poco::JSON::Object::Ptr& record) {
  const auto kind = record->getValue<std::string>("kind");
  const auto id = record->getValue<std::int64_t>("id");
  if (kind == "proposal") return proposalPath(id);
  if (kind == "review_assignment") return assignmentPath(id);
  if (kind == "grant") return grantPath(id);
  if (kind == "tranche") return tranchePath(id);
  if (kind == "report") return reportPath(id);
  return "";
}

// Whether the row of `machine` from `state` firing `event` has a guard on the record's own
// content (kind invalid), which the inbox leaves to the reader.
bool contentGuarded(const std::string& machine, const std::string& state,
                    const std::string& event) {
  using namespace workflow;
  const auto guarded = [&](const auto& m) {
    const auto e = findEvent(m, event);
    const auto* row = e ? findRow(m, state, *e) : nullptr;
    if (row == nullptr) return false;
    for (const auto* g : row->guards) {
      if (g != nullptr && g->kind == core::ProblemKind::kInvalid) return true;
    }
    return false;
  };
  if (machine == "proposal") return guarded(kProposalFlow);
  if (machine == "review_assignment") return guarded(kReviewFlow);
  if (machine == "report") return guarded(kReportFlow);
  return false;
}

bool isAwaited(const std::string& machine, const std::string& event) {
  using namespace workflow;
  const auto awaited = [&](const auto& a) {
    const auto e = findEvent(a.machine, event);
    return e && a.awaited(*e);
  };
  if (machine == "proposal") return awaited(kProposalAwaits);
  if (machine == "review_assignment") return awaited(kReviewAwaits);
  if (machine == "grant") return awaited(kGrantAwaits);
  if (machine == "tranche") return awaited(kTrancheAwaits);
  if (machine == "report") return awaited(kReportAwaits);
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(inbox_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(every_demo_inbox_is_what_sql_says_waits_for_that_person) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  std::size_t items = 0;
  for (const auto& login : kLogins) {
    Client c = server.signedIn(login);
    const auto inbox = inboxOf(spec, c, login);
    const auto truth = truthFor(server.db(), readerOf(server.db(), login), nowMs());
    const auto got = keysOf(inbox);
    BOOST_TEST(got == truth, login << ": the inbox and SQL differ");
    BOOST_TEST(inbox->getValue<std::int64_t>("total") == static_cast<std::int64_t>(truth.size()),
               login);
    // The counts add up to the items, kind by kind.
    std::map<std::string, std::int64_t> per_kind;
    for (const auto& key : truth) ++per_kind[key.substr(0, key.find('#'))];
    const auto counts = inbox->getArray("counts");
    BOOST_TEST(counts->size() == per_kind.size(), login);
    for (std::size_t i = 0; i < counts->size(); ++i) {
      const auto c2 = counts->getObject(static_cast<unsigned>(i));
      BOOST_TEST(c2->getValue<std::int64_t>("count") == per_kind[c2->getValue<std::string>("kind")],
                 login);
    }
    items += got.size();
  }
  BOOST_TEST(items >= 20u, "the demo fund has work waiting: " << items << " items");
}

BOOST_AUTO_TEST_CASE(each_role_finds_the_work_the_issue_lists) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  const auto kinds = [&](const std::string& login) {
    Client c = server.signedIn(login);
    std::set<std::string> out;
    for (const auto& key : keysOf(inboxOf(spec, c, login)))
      out.insert(key.substr(0, key.find('#')));
    return out;
  };
  const auto fm = kinds("fm1@mmc.demo");
  for (const char* k : {"proposal.concept_submitted", "proposal.submitted", "proposal.screening",
                        "proposal.reviewed", "proposal.award_proposed"}) {
    BOOST_TEST(fm.count(k) == 1u, "fm1 has " << k);
  }
  const auto kampala = kinds("applicant@kampala.demo");
  BOOST_TEST(kampala.count("proposal.concept_draft") == 1u);
  BOOST_TEST(kampala.count("report.draft") == 1u);
  BOOST_TEST(kinds("applicant@athens.demo").count("proposal.revision_requested") == 1u);
  // Amman's second tranche is verified, waiting for a fund manager (and a step-up): São Paulo's
  // is the one a city may request.
  BOOST_TEST(kinds("applicant@saopaulo.demo").count("tranche.scheduled") == 1u);
  BOOST_TEST(fm.count("tranche.verified") == 1u);
  const auto iom = kinds("reviewer@iom.demo");
  BOOST_TEST(iom.count("review_assignment.in_progress") + iom.count("review_assignment.assigned") >=
             1u);
  BOOST_TEST(kinds("auditor@mmc.demo") == (std::set<std::string>{"audit.verification"}));
}

BOOST_AUTO_TEST_CASE(a_city_never_sees_another_citys_items) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  std::map<std::string, std::string> owner;  // item key -> the login that saw it
  for (const auto& login : kLogins) {
    if (!login.starts_with("applicant@")) continue;
    Client c = server.signedIn(login);
    const auto org = readerOf(server.db(), login).org_id;
    for (const auto& item : itemsIn(inboxOf(spec, c, login))) {
      const auto record = item->getObject("record");
      BOOST_TEST(record->getObject("city")->getValue<std::int64_t>("id") == org, login);
      const auto key = item->getValue<std::string>("kind") + "#" +
                       std::to_string(record->getValue<std::int64_t>("id"));
      const auto seen = owner.find(key);
      BOOST_TEST((seen == owner.end()), key << " seen by " << login << " and another city");
      owner.emplace(key, login);
    }
  }
  BOOST_TEST(owner.size() >= 8u);
}

BOOST_AUTO_TEST_CASE(expected_steps_are_the_records_own_actions_content_aside) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  for (const char* login :
       {"fm1@mmc.demo", "fm2@mmc.demo", "reviewer@iom.demo", "reviewer@unhcr.demo",
        "applicant@kampala.demo", "applicant@amman.demo", "applicant@athens.demo"}) {
    Client c = server.signedIn(login);
    for (const auto& item : itemsIn(inboxOf(spec, c, login))) {
      const auto record = item->getObject("record");
      const auto path = recordPath(record);
      if (path.empty() || item->getValue<std::string>("kind") == "report.overdue") continue;
      const auto machine = record->getValue<std::string>("kind");
      const auto state = record->getValue<std::string>("state");
      const auto actions = actionsOf(read(c, path));
      const auto expected = stringsOf(item->getArray("expected"));
      BOOST_TEST(stateOf(read(c, path)) == state, login << " " << path);
      for (const auto& e : expected) {
        const bool offered = std::find(actions.begin(), actions.end(), e) != actions.end();
        BOOST_TEST((offered || contentGuarded(machine, state, e)),
                   login << " " << path << ": " << e << " is expected but not offered");
      }
      for (const auto& a : actions) {
        if (!isAwaited(machine, a)) continue;
        BOOST_TEST((std::find(expected.begin(), expected.end(), a) != expected.end()),
                   login << " " << path << ": " << a << " is offered but not expected");
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(records_outside_the_inbox_offer_no_awaited_step) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  for (const char* login :
       {"fm1@mmc.demo", "reviewer@iom.demo", "applicant@kampala.demo", "applicant@amman.demo"}) {
    Client c = server.signedIn(login);
    const auto listed = keysOf(inboxOf(spec, c, login));
    std::set<std::string> in_inbox;  // "machine#id"
    for (const auto& key : listed) {
      const auto machine = key.substr(0, key.find('.'));
      in_inbox.insert(machine + "#" + key.substr(key.find('#') + 1));
    }
    const auto check = [&](const std::string& machine, const std::string& list,
                           const std::string& base) {
      for (const auto& item : allPages(spec, c, list, list + "?", 200)) {
        const auto id = item->getValue<std::int64_t>("id");
        if (in_inbox.count(machine + "#" + std::to_string(id)) != 0) continue;
        for (const auto& a : actionsOf(read(c, base + std::to_string(id)))) {
          BOOST_TEST(!isAwaited(machine, a), login << ": " << machine << " " << id << " offers "
                                                   << a << " but is not in the inbox");
        }
      }
    };
    check("proposal", "/api/v1/proposals", "/api/v1/proposals/");
    check("grant", "/api/v1/grants", "/api/v1/grants/");
    check("tranche", "/api/v1/tranches", "/api/v1/tranches/");
    check("review_assignment", "/api/v1/assignments", "/api/v1/assignments/");
  }
}

BOOST_AUTO_TEST_CASE(an_award_waiting_for_a_second_fund_manager_names_its_proposer) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  const auto proposer = queryInt(
      server.db(), "SELECT award_proposed_by FROM proposals WHERE state = 'award_proposed'");
  BOOST_REQUIRE(proposer.has_value());
  const auto name = queryText(server.db(), "SELECT name FROM users WHERE id = :p", *proposer);
  for (const char* login : {"fm1@mmc.demo", "fm2@mmc.demo"}) {
    Client c = server.signedIn(login);
    const bool is_proposer = userIdOf(c) == *proposer;
    bool found = false;
    for (const auto& item : itemsIn(inboxOf(spec, c, login))) {
      if (item->getValue<std::string>("kind") != "proposal.award_proposed") continue;
      found = true;
      const auto people = item->getArray("people");
      BOOST_REQUIRE_EQUAL(people->size(), 1u);
      BOOST_TEST(people->getObject(0)->getValue<std::string>("role") == "proposed_by");
      BOOST_TEST(people->getObject(0)->getValue<std::string>("name") == *name);
      const auto expected = stringsOf(item->getArray("expected"));
      const auto held = item->getArray("held");
      if (is_proposer) {
        BOOST_TEST(expected.empty(), login);
        BOOST_REQUIRE_EQUAL(held->size(), 1u);
        BOOST_TEST(held->getObject(0)->getValue<std::string>("guard") == "second_fund_manager");
        BOOST_TEST(held->getObject(0)->getValue<bool>("four_eyes"));
      } else {
        BOOST_TEST(expected == (std::vector<std::string>{"approve"}), login);
      }
    }
    BOOST_TEST(found, login);
  }
}

BOOST_AUTO_TEST_CASE(one_kind_at_a_time_and_the_limit_keep_every_count) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto all = inboxOf(spec, fm1, "fm1");
  const auto r = fm1.get("/api/v1/inbox?kind=proposal.submitted&limit=1");
  expectSuccess(spec, r, "GET", "/api/v1/inbox", "kind and limit");
  const auto items = itemsIn(r.json);
  BOOST_REQUIRE_EQUAL(items.size(), 1u);
  BOOST_TEST(items[0]->getValue<std::string>("kind") == "proposal.submitted");
  // The one kept is the most urgent of its kind; without a kind, the first two of all are kept
  // (only so many proposals are made items, the rest counted).
  const auto every = itemsIn(all);
  const auto idOf = [](const Poco::JSON::Object::Ptr& item) {
    return item->getValue<std::string>("kind") + "#" +
           std::to_string(item->getObject("record")->getValue<std::int64_t>("id"));
  };
  const auto first = std::find_if(every.begin(), every.end(), [](const auto& i) {
    return i->template getValue<std::string>("kind") == "proposal.submitted";
  });
  BOOST_REQUIRE(first != every.end());
  BOOST_TEST(idOf(items[0]) == idOf(*first));
  const auto two = fm1.get("/api/v1/inbox?limit=2");
  BOOST_REQUIRE(two.json);
  const auto kept = itemsIn(two.json);
  BOOST_REQUIRE_EQUAL(kept.size(), 2u);
  BOOST_REQUIRE_GE(every.size(), 2u);
  BOOST_TEST(idOf(kept[0]) == idOf(every[0]));
  BOOST_TEST(idOf(kept[1]) == idOf(every[1]));
  BOOST_TEST(two.json->getValue<std::int64_t>("total") == all->getValue<std::int64_t>("total"));
  std::int64_t submitted = 0;
  for (const auto& key : keysOf(all)) submitted += key.starts_with("proposal.submitted#") ? 1 : 0;
  BOOST_TEST(r.json->getValue<std::int64_t>("total") == submitted);
  std::ostringstream a, b;
  all->getArray("counts")->stringify(a);
  r.json->getArray("counts")->stringify(b);
  BOOST_TEST(a.str() == b.str());
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_refused_naming_the_parameter) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  for (const std::string query : {"limit=0", "limit=501", "limit=ten", "limit=-1", "kind=proposal",
                                  "kind=proposal.withdrawn", "kind=%FF"}) {
    const auto r = fm1.get("/api/v1/inbox?" + query);
    expectProblem(spec, r, 400, "GET", "/api/v1/inbox", query);
    const auto errors = r.json ? r.json->getArray("errors") : nullptr;
    BOOST_REQUIRE_MESSAGE(errors && errors->size() == 1u, query);
    BOOST_TEST(
        errors->getObject(0)->getValue<std::string>("field") == query.substr(0, query.find('=')),
        query);
  }
  BOOST_TEST(server.client().get("/api/v1/inbox").status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
