// GenerationCache: an entry is answered only for the generation it was stored under and within
// its time to live, and the cache stays within its entry and cost budgets.
#include <algorithm>
#include <string>

#include <boost/test/unit_test.hpp>

#include "services/db/generation_cache.h"

using citygrants::db::GenerationCache;

BOOST_AUTO_TEST_SUITE(generation_cache)

BOOST_AUTO_TEST_CASE(an_entry_is_answered_for_its_generation_only) {
  GenerationCache<std::string> cache(10, 1000, 1000);
  cache.store("k", "v", 7, 100);
  BOOST_TEST(cache.find("k", 7, 100).value_or("") == "v");
  BOOST_TEST(!cache.find("other", 7, 100).has_value());
  BOOST_TEST(!cache.find("k", 8, 100).has_value());
  BOOST_TEST(!cache.find("k", 7, 100).has_value());  // a stale entry is dropped, not kept
  BOOST_TEST(cache.size() == 0u);
}

BOOST_AUTO_TEST_CASE(an_entry_lives_less_than_its_time_to_live_and_never_before_it_was_stored) {
  GenerationCache<std::string> cache(10, 1000, 1000);
  cache.store("k", "v", 1, 5000);
  BOOST_TEST(cache.find("k", 1, 5999).has_value());
  BOOST_TEST(!cache.find("k", 1, 6000).has_value());
  cache.store("k", "v", 1, 5000);
  BOOST_TEST(!cache.find("k", 1, 4999).has_value());  // the clock went back: not trusted
}

BOOST_AUTO_TEST_CASE(storing_again_replaces_the_entry_and_its_cost) {
  GenerationCache<std::string> cache(10, 100, 1000);
  cache.store("k", "old", 1, 0, 60);
  cache.store("k", "new", 2, 0, 60);  // 120 would pass the budget if the old cost stayed
  BOOST_TEST(cache.find("k", 2, 0).value_or("") == "new");
  BOOST_TEST(cache.size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_full_cache_drops_the_least_recently_used_entries_first) {
  GenerationCache<int> cache(3, 1000, 1000);
  cache.store("a", 1, 1, 0);
  cache.store("b", 2, 1, 0);
  cache.store("c", 3, 1, 0);
  BOOST_TEST(cache.find("a", 1, 0).has_value());  // "a" read again: "b" is now the least used
  cache.store("d", 4, 1, 0);                       // full: "b" goes
  BOOST_TEST(!cache.find("b", 1, 0).has_value());
  BOOST_TEST(cache.find("c", 1, 0).has_value());
  cache.store("e", 5, 1, 0);  // full: "a" goes ("c" and "d" were used since)
  BOOST_TEST(!cache.find("a", 1, 0).has_value());
  BOOST_TEST(cache.find("c", 1, 0).value_or(0) == 3);
  BOOST_TEST(cache.find("d", 1, 0).value_or(0) == 4);
  BOOST_TEST(cache.find("e", 1, 0).value_or(0) == 5);
}

// Many entries read once do not push out the few read all the time; a full cache drops a tenth
// of its entries at a time, not all of them.
BOOST_AUTO_TEST_CASE(entries_read_often_stay_while_many_read_once_pass_through) {
  GenerationCache<int> cache(100, 1'000'000, 1000);
  auto always = [](const int&, std::int64_t) { return true; };
  cache.store("hot", 1, 1, 0);
  for (int i = 0; i < 1000; ++i) {
    cache.store("once-" + std::to_string(i), i, 1, 0);
    BOOST_TEST_REQUIRE(cache.findIf("hot", 0, always).has_value());
    BOOST_TEST_REQUIRE(cache.size() >= std::min<std::size_t>(i + 2, 90));  // never cleared
  }
  BOOST_TEST(cache.size() <= 100u);
  BOOST_TEST(cache.findIf("once-999", 0, always).has_value());
  BOOST_TEST(!cache.findIf("once-0", 0, always).has_value());
}

BOOST_AUTO_TEST_CASE(the_cost_budget_holds_and_an_entry_larger_than_it_is_not_kept) {
  GenerationCache<std::string> cache(100, 100, 1000);
  cache.store("huge", "x", 1, 0, 101);
  BOOST_TEST(!cache.find("huge", 1, 0).has_value());
  cache.store("a", "x", 1, 0, 60);
  cache.store("b", "y", 1, 0, 60);  // 120 > 100: the least recently used goes first
  BOOST_TEST(!cache.find("a", 1, 0).has_value());
  BOOST_TEST(cache.find("b", 1, 0).value_or("") == "y");
}

BOOST_AUTO_TEST_CASE(find_if_keeps_an_entry_across_generations_while_its_check_says_so) {
  GenerationCache<std::string> cache(10, 1000, 1000);
  cache.store("k", "v", 7, 100);
  std::int64_t seen = 0;
  BOOST_TEST(cache.findIf("k", 200, [&](const std::string&, std::int64_t g) { seen = g; return true; })
                 .value_or("") == "v");
  BOOST_TEST(seen == 7);  // the check is given the generation the entry was stored under
  BOOST_TEST(!cache.findIf("k", 200, [](const std::string&, std::int64_t) { return false; }).has_value());
  BOOST_TEST(cache.size() == 0u);  // an entry the check refuses is dropped
}

BOOST_AUTO_TEST_CASE(an_entry_that_says_until_when_it_holds_is_kept_that_long_and_at_most_a_minute) {
  GenerationCache<std::string> cache(10, 1000, 1000);
  auto always = [](const std::string&, std::int64_t) { return true; };
  cache.store("long", "v", 1, 0, 1, 30'000);
  cache.store("short", "v", 1, 0, 1, 400);  // its clock-dependent content changes sooner
  cache.store("capped", "v", 1, 0, 1, 10'000'000);
  BOOST_TEST(cache.findIf("long", 29'999, always).has_value());
  BOOST_TEST(!cache.findIf("long", 30'000, always).has_value());
  BOOST_TEST(!cache.findIf("short", 400, always).has_value());
  BOOST_TEST(cache.findIf("capped", GenerationCache<std::string>::kLongestKeep - 1, always).has_value());
  BOOST_TEST(!cache.findIf("capped", GenerationCache<std::string>::kLongestKeep, always).has_value());
}

BOOST_AUTO_TEST_CASE(a_full_cache_drops_expired_entries_before_the_least_recently_used) {
  GenerationCache<int> cache(3, 1000, 1000);
  auto always = [](const int&, std::int64_t) { return true; };
  cache.store("old_but_valid", 1, 1, 0, 1, 50'000);
  cache.store("expired", 2, 2, 0);  // the cache's second
  cache.store("c", 3, 2, 0, 1, 50'000);
  cache.store("d", 4, 2, 2'000, 1, 50'000);  // full: "expired" goes, not the least used
  BOOST_TEST(cache.findIf("old_but_valid", 2'000, always).has_value());
  BOOST_TEST(!cache.findIf("expired", 2'000, always).has_value());
  BOOST_TEST(cache.size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
