// GET /api/v1/board over the demo fund: per state of the grant and tranche machines, the count the
// database has for what the reader may see, the cards longest in the state first with since when,
// the final states marked (the console folds them away), and bad parameters refused.

#include <map>
#include <string>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/inbox_truth.h"
#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

using namespace citygrants;
using namespace citygrants::webtest;

namespace {

// Records per state by SQL: every one of `table`, or those of the grants of city `org`.
std::map<std::string, std::int64_t> countsBySql(db::Database& db, const std::string& table,
                                                std::optional<std::int64_t> org) {
  std::map<std::string, std::int64_t> out;
  const std::string sql =
      table == "grants"
          ? "SELECT g.state FROM grants g" + std::string(org ? " WHERE g.city_org_id = :o" : "")
          : "SELECT t.state FROM tranches t JOIN grants g ON g.id = t.grant_id" +
                std::string(org ? " WHERE g.city_org_id = :o" : "");
  auto tx = db.read();
  std::string state;
  std::int64_t o = org.value_or(0);
  soci::statement st(tx.sql());
  if (org) st.exchange(soci::use(o, "o"));
  st.exchange(soci::into(state));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute(false);
  while (st.fetch()) ++out[state];
  tx.commit();
  return out;
}

Poco::JSON::Object::Ptr boardOf(const Spec& spec, Client& c, const std::string& query) {
  const auto r = c.get("/api/v1/board?" + query);
  expectSuccess(spec, r, "GET", "/api/v1/board", query);
  BOOST_REQUIRE(r.json);
  return r.json;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(board_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(each_column_counts_what_the_database_has_for_the_reader) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  Client amman = server.signedIn("applicant@amman.demo");
  const auto amman_org = readerOf(server.db(), "applicant@amman.demo").org_id;
  for (const std::string machine : {"grant", "tranche"}) {
    const std::string table = machine + "s";
    for (auto* who : {&fm1, &amman}) {
      const bool city = who == &amman;
      const auto truth = countsBySql(server.db(), table, city ? std::optional(amman_org) : std::nullopt);
      const auto board = boardOf(spec, *who, "machine=" + machine);
      BOOST_TEST(board->getValue<std::string>("machine") == machine);
      const auto columns = board->getArray("columns");
      std::int64_t sum = 0;
      for (std::size_t i = 0; i < columns->size(); ++i) {
        const auto col = columns->getObject(static_cast<unsigned>(i));
        const auto state = col->getValue<std::string>("state");
        const auto count = col->getValue<std::int64_t>("count");
        BOOST_TEST(count == (truth.count(state) ? truth.at(state) : 0), machine << " " << state);
        const auto cards = col->getArray("cards");
        BOOST_TEST(cards->size() == static_cast<std::size_t>(std::min<std::int64_t>(count, 20)));
        std::string previous;
        for (std::size_t j = 0; j < cards->size(); ++j) {
          const auto card = cards->getObject(static_cast<unsigned>(j));
          const auto since = card->getValue<std::string>("state_since");
          BOOST_TEST(previous <= since, "longest in the state first");
          previous = since;
          if (city) BOOST_TEST(card->getObject("city")->getValue<std::int64_t>("id") == amman_org);
        }
        sum += count;
      }
      std::int64_t all = 0;
      for (const auto& [state, n] : truth) all += n;
      BOOST_TEST(sum == all, machine);
      BOOST_TEST(all > 0, machine << ": the demo fund has some");
    }
  }
}

BOOST_AUTO_TEST_CASE(final_states_are_marked_and_the_limit_bounds_the_cards) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto board = boardOf(spec, fm1, "machine=tranche&limit=1");
  std::map<std::string, bool> final;
  const auto columns = board->getArray("columns");
  for (std::size_t i = 0; i < columns->size(); ++i) {
    const auto col = columns->getObject(static_cast<unsigned>(i));
    final[col->getValue<std::string>("state")] = col->getValue<bool>("final");
    BOOST_TEST(col->getArray("cards")->size() <= 1u);
  }
  BOOST_TEST((final == std::map<std::string, bool>{{"scheduled", false}, {"requested", false},
                                                    {"verified", false}, {"approved", false},
                                                    {"disbursed", true}, {"cancelled", true}}));
  // A disbursed tranche's card says when it was paid: its state's time is the payment's.
  const auto disbursed = queryText(server.db(),
                                   "SELECT t.reference FROM tranches t WHERE t.state = 'disbursed' "
                                   "ORDER BY t.disbursed_at, t.id LIMIT 1");
  for (std::size_t i = 0; i < columns->size(); ++i) {
    const auto col = columns->getObject(static_cast<unsigned>(i));
    if (col->getValue<std::string>("state") != "disbursed") continue;
    BOOST_TEST(col->getArray("cards")->getObject(0)->getValue<std::string>("reference") == *disbursed);
  }
  const auto grants = boardOf(spec, fm1, "");  // grants by default
  BOOST_TEST(grants->getValue<std::string>("machine") == "grant");
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_refused_naming_the_parameter) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  for (const std::string query : {"machine=proposal", "machine=grant,tranche", "machine=", "limit=0",
                                  "limit=51", "limit=x"}) {
    const auto r = fm1.get("/api/v1/board?" + query);
    expectProblem(spec, r, 400, "GET", "/api/v1/board", query);
    const auto errors = r.json ? r.json->getArray("errors") : nullptr;
    BOOST_REQUIRE_MESSAGE(errors && errors->size() == 1u, query);
    BOOST_TEST(errors->getObject(0)->getValue<std::string>("field") == query.substr(0, query.find('=')),
               query);
  }
}

BOOST_AUTO_TEST_SUITE_END()
