// The caches of the server (signed-in GET answers, sessions and tokens): a repeated read is
// answered from the cache, a change of one record leaves answers about others there, and
// nothing a user does, on this instance or on another one, is ever hidden by it.
#include <chrono>
#include <string>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "services/clock.h"
#include "services/usecases/proposal_service.h"
#include "tests/web/pipeline_steps.h"

using namespace citygrants;
using namespace citygrants::webtest;

namespace {

// The first proposal in `state` as fm1 lists it.
std::int64_t firstIn(Cast& cast, const std::string& state) {
  const auto items = itemsOf(read(cast.fm1, "/api/v1/proposals?state=" + state + "&limit=1"));
  BOOST_REQUIRE_EQUAL(items->size(), 1u);
  return items->getObject(0)->getValue<std::int64_t>("id");
}

// fm2 as a second process on the same database (another `serve`, or the CLI) loads them.
usecases::Actor fm2Of(db::Database& other) {
  const auto fm2_id = queryInt(other, "SELECT id FROM users WHERE email = 'fm2@mmc.demo'");
  BOOST_REQUIRE(fm2_id.has_value());
  auto tx = other.read();
  auto fm2 = usecases::loadActor(tx, *fm2_id);
  tx.commit();
  return fm2;
}

bool hasRole(const Response& me, const std::string& role) {
  const auto roles = me.json->getArray("roles");
  for (std::size_t i = 0; i < roles->size(); ++i) {
    if (roles->getElement<std::string>(static_cast<unsigned>(i)) == role) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(generation_caches, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(a_repeated_get_is_answered_from_the_cache_and_a_change_is_seen_at_once) {
  Cast cast(SeededServer::get(), "applicant@kampala.demo");
  const auto path = proposalPath(firstIn(cast, "submitted"));
  const auto first = read(cast.fm1, path);
  const auto hits = metricValue(cast.fm1, kCacheHits);
  const auto misses = metricValue(cast.fm1, kCacheMisses);
  const auto again = read(cast.fm1, path);
  BOOST_TEST(again.body == first.body);
  BOOST_TEST(again.header("ETag") == first.header("ETag"));
  BOOST_TEST(metricValue(cast.fm1, kCacheHits) == hits + 1);
  BOOST_TEST(metricValue(cast.fm1, kCacheMisses) == misses);

  // Another fund manager screens it: fm1's next read shows the new state and version.
  fire(cast.fm2, path, {.name = "screen"}, "screening");
  const auto misses_before = metricValue(cast.fm1, kCacheMisses);
  const auto after = read(cast.fm1, path);
  BOOST_TEST(stateOf(after) == "screening");
  BOOST_TEST(after.header("ETag") != first.header("ETag"));
  BOOST_TEST(metricValue(cast.fm1, kCacheMisses) == misses_before + 1);
}

BOOST_AUTO_TEST_CASE(a_change_committed_by_another_instance_is_seen_at_once) {
  Server& server = SeededServer::get();
  Cast cast(server, "applicant@kampala.demo");
  const auto id = firstIn(cast, "concept_submitted");
  const auto before = read(cast.fm1, proposalPath(id));
  read(cast.fm1, proposalPath(id));  // now cached

  // A second process on the same file (another `serve`, or the CLI) fires the event.
  db::Database other(db::parseConnectionString(server.dbWhere()), {.pool_size = 1});
  services::SystemClock clock;
  const auto fm2 = fm2Of(other);
  usecases::ProposalService({other, clock}).fire(fm2, id, {.event = "invite", .input = {.reason = "welcome"}});

  const auto after = read(cast.fm1, proposalPath(id));
  BOOST_TEST(stateOf(before) == "concept_submitted");
  BOOST_TEST(stateOf(after) == "draft");
}

// What a cached answer was computed from (db::ChangeFeed): a change of one proposal leaves
// another's answer and the lists of other states in the cache, on this instance and when
// another instance commits it, and drops the lists it left and joined.
BOOST_AUTO_TEST_CASE(a_change_of_one_proposal_leaves_the_answers_about_others_cached) {
  Server& server = SeededServer::get();
  Cast cast(server, "applicant@kampala.demo");
  const auto changed = createProposal(cast, "Cache test: one changed", 25'000'000);
  const auto kept = proposalPath(firstIn(cast, "approved"));  // a final state: no test moves it
  const std::string approved = "/api/v1/proposals?state=approved&limit=5";
  const std::string submitted = "/api/v1/proposals?state=concept_submitted&limit=200";
  const std::string declined = "/api/v1/proposals?state=concept_declined&limit=200";
  for (const auto& path : {kept, approved, submitted, declined}) read(cast.fm1, path);
  const auto kept_before = read(cast.fm1, kept);
  const auto approved_before = read(cast.fm1, approved);
  auto listed = [](const Response& page, std::int64_t id) {
    const auto items = itemsOf(page);
    for (std::size_t i = 0; i < items->size(); ++i) {
      if (items->getObject(static_cast<unsigned>(i))->getValue<std::int64_t>("id") == id) return true;
    }
    return false;
  };

  fire(cast.applicant, proposalPath(changed), {.name = "submit_concept"}, "concept_submitted");
  auto hits = metricValue(cast.fm1, kCacheHits);
  BOOST_TEST(read(cast.fm1, kept).body == kept_before.body);
  BOOST_TEST(read(cast.fm1, approved).body == approved_before.body);
  BOOST_TEST(metricValue(cast.fm1, kCacheHits) == hits + 2);  // both from the cache
  const auto misses = metricValue(cast.fm1, kCacheMisses);
  BOOST_TEST(listed(read(cast.fm1, submitted), changed));  // the list it joined: computed again
  BOOST_TEST(metricValue(cast.fm1, kCacheMisses) == misses + 1);
  BOOST_TEST(!listed(read(cast.fm1, declined), changed));

  // Another process on the same file (another `serve`, or the CLI) declines the concept: the
  // cached approved proposal stays, the lists it left and joined show it at once.
  db::Database other(db::parseConnectionString(server.dbWhere()), {.pool_size = 1});
  services::SystemClock clock;
  const auto fm2 = fm2Of(other);
  usecases::ProposalService({other, clock})
      .fire(fm2, changed, {.event = "decline_concept", .input = {.reason = "not this round"}});
  hits = metricValue(cast.fm1, kCacheHits);
  BOOST_TEST(read(cast.fm1, kept).body == kept_before.body);
  BOOST_TEST(metricValue(cast.fm1, kCacheHits) == hits + 1);
  BOOST_TEST(!listed(read(cast.fm1, submitted), changed));
  BOOST_TEST(listed(read(cast.fm1, declined), changed));
  BOOST_TEST(stateOf(read(cast.fm1, proposalPath(changed))) == "concept_declined");
}

// A proposal list and a proposal whose view changes with the clock only at its call's closing
// are kept past the cache's second; an answer that does not say so is not.
BOOST_AUTO_TEST_CASE(answers_that_say_how_long_they_hold_are_kept_past_a_second) {
  Cast cast(SeededServer::get(), "applicant@kampala.demo");
  const std::string list = "/api/v1/proposals?state=approved&limit=3";
  const auto kept = proposalPath(firstIn(cast, "approved"));
  const std::string other = "/api/v1/calls";
  for (const auto& path : {list, kept, other}) read(cast.fm1, path);
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  const auto hits = metricValue(cast.fm1, kCacheHits);
  read(cast.fm1, list);
  read(cast.fm1, kept);
  BOOST_TEST(metricValue(cast.fm1, kCacheHits) == hits + 2);
  const auto misses = metricValue(cast.fm1, kCacheMisses);
  read(cast.fm1, other);
  BOOST_TEST(metricValue(cast.fm1, kCacheMisses) == misses + 1);
}

BOOST_AUTO_TEST_CASE(a_cached_answer_is_never_served_to_a_user_who_may_not_see_it) {
  Cast cast(SeededServer::get(), "applicant@kampala.demo");
  Client montevideo = SeededServer::get().signedIn("applicant@montevideo.demo");
  const auto kampala_list = read(cast.applicant, "/api/v1/proposals?limit=50");
  const auto id = itemsOf(kampala_list)->getObject(0)->getValue<std::int64_t>("id");
  read(cast.fm1, proposalPath(id));
  read(cast.applicant, proposalPath(id));
  BOOST_TEST(montevideo.get(proposalPath(id)).status == 404);
  const auto montevideo_list = read(montevideo, "/api/v1/proposals?limit=50");
  BOOST_TEST(montevideo_list.body != kampala_list.body);
}

BOOST_AUTO_TEST_CASE(signing_out_ends_a_cached_session_at_once) {
  Client c = SeededServer::get().signedIn("auditor@mmc.demo");
  BOOST_REQUIRE_EQUAL(c.get("/api/v1/me").status, 200);
  BOOST_REQUIRE_EQUAL(c.get("/api/v1/me").status, 200);  // session and answer cached
  Client copy = c;                                        // the same cookie, kept elsewhere
  BOOST_REQUIRE_EQUAL(c.del("/api/v1/session").status, 204);
  const auto r = copy.get("/api/v1/me");
  BOOST_TEST(r.status == 401);
  BOOST_TEST(r.isProblem());
}

BOOST_AUTO_TEST_CASE(a_revoked_token_is_refused_at_once) {
  Client owner = SeededServer::get().signedIn("fm1@mmc.demo");
  const auto created = owner.post("/api/v1/tokens", R"({"name":"cache test"})");
  BOOST_REQUIRE_EQUAL(created.status, 201);
  Client machine = SeededServer::get().client();
  machine.bearer = created.json->getValue<std::string>("token");
  BOOST_REQUIRE_EQUAL(machine.get("/api/v1/me").status, 200);
  BOOST_REQUIRE_EQUAL(machine.get("/api/v1/me").status, 200);
  const auto id = created.json->getValue<std::int64_t>("id");
  BOOST_REQUIRE_EQUAL(owner.del("/api/v1/tokens/" + std::to_string(id)).status, 204);
  BOOST_TEST(machine.get("/api/v1/me").status == 401);
}

BOOST_AUTO_TEST_CASE(a_revoked_role_takes_effect_at_once) {
  Server& server = SeededServer::get();
  Client admin = server.signedIn("admin@mmc.demo");
  Client auditor = server.signedIn("auditor@mmc.demo");
  BOOST_REQUIRE(hasRole(read(auditor, "/api/v1/me"), "auditor"));
  BOOST_REQUIRE_EQUAL(auditor.get("/api/v1/audit?limit=5").status, 200);
  BOOST_REQUIRE_EQUAL(auditor.get("/api/v1/audit?limit=5").status, 200);  // cached
  const auto user = std::to_string(userIdOf(auditor));
  BOOST_REQUIRE_EQUAL(admin.del("/api/v1/users/" + user + "/roles/auditor").status, 200);
  BOOST_TEST(!hasRole(read(auditor, "/api/v1/me"), "auditor"));
  BOOST_TEST(auditor.get("/api/v1/audit?limit=5").status == 403);
  BOOST_REQUIRE_EQUAL(admin.put("/api/v1/users/" + user + "/roles/auditor", "{}").status, 200);
  BOOST_TEST(auditor.get("/api/v1/audit?limit=5").status == 200);
}

// A lookup whose answer is computed and not kept (a refusal, or an admin's inbox, which shows
// failed sign-ins) is counted as not kept, not as a miss: the misses are what the cache could
// have held, which ops/bench/mixed charges to the transitions that made them stale.
BOOST_AUTO_TEST_CASE(answers_never_kept_are_counted_apart_from_misses) {
  Client fm1 = SeededServer::get().signedIn("fm1@mmc.demo");
  Client admin = SeededServer::get().signedIn("admin@mmc.demo");
  const auto hits = metricValue(fm1, kCacheHits);
  const auto misses = metricValue(fm1, kCacheMisses);
  const auto not_kept = metricValue(fm1, kCacheNotKept);
  BOOST_TEST(fm1.get(proposalPath(999'999'999)).status == 404);
  BOOST_TEST(admin.get("/api/v1/inbox?limit=5").status == 200);
  BOOST_TEST(admin.get("/api/v1/inbox?limit=5").status == 200);
  BOOST_TEST(metricValue(fm1, kCacheNotKept) == not_kept + 3);
  BOOST_TEST(metricValue(fm1, kCacheMisses) == misses);
  BOOST_TEST(metricValue(fm1, kCacheHits) == hits);
  // A fund manager's inbox is kept: computed once, then found.
  BOOST_TEST(fm1.get("/api/v1/inbox?limit=5").status == 200);
  BOOST_TEST(fm1.get("/api/v1/inbox?limit=5").status == 200);
  BOOST_TEST(metricValue(fm1, kCacheMisses) == misses + 1);
  BOOST_TEST(metricValue(fm1, kCacheHits) == hits + 1);
  BOOST_TEST(metricValue(fm1, kCacheNotKept) == not_kept + 3);
}

BOOST_AUTO_TEST_SUITE_END()

// --cache-mb sizes how many answers the cache holds, not only their bytes: 20,000 at most (a
// fixed bound) had left a cache given 400 MB for a fund of 100,000 records holding a fifth of
// them.
BOOST_AUTO_TEST_CASE(a_larger_response_cache_holds_more_answers) {
  BOOST_TEST(http::responseCacheEntries(64) == 20'000u);
  const std::size_t mb = 128;
  http::ResponseCache cache(http::responseCacheEntries(mb), mb * 1024 * 1024, 60'000);
  http::ApiResponse answer;
  answer.body.assign(1024, 'x');
  for (int i = 0; i < 30'000; ++i) {
    cache.store("token /api/v1/proposals/" + std::to_string(i),
                std::make_shared<const http::ApiResponse>(answer), 1, 0, answer.body.size());
  }
  BOOST_TEST(cache.size() == 30'000u);
  BOOST_TEST(cache.find("token /api/v1/proposals/0", 1, 1).has_value());
}
