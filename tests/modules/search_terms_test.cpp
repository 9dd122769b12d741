#include "modules/search/search_terms.h"

#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

using namespace citygrants::search;
using Words = std::vector<std::string>;

BOOST_AUTO_TEST_SUITE(search_terms)

BOOST_AUTO_TEST_CASE(words_are_letters_and_digits_and_everything_else_separates_them) {
  BOOST_TEST((wordsOf("São Paulo") == Words{"São", "Paulo"}));
  BOOST_TEST((wordsOf("GCF-2026-0007-G") == Words{"GCF", "2026", "0007", "G"}));
  BOOST_TEST(
      (wordsOf("\"harbour\" NEAR(literacy, 2)*") == Words{"harbour", "NEAR", "literacy", "2"}));
  BOOST_TEST((wordsOf("title:x {a b}: c ^d -e +f 'g' \\h") ==
              Words{"title", "x", "a", "b", "c", "d", "e", "f", "g", "h"}));
  BOOST_TEST((wordsOf("«Bogotá»—Medellín…") == Words{"Bogotá", "Medellín"}));
  BOOST_TEST((wordsOf("a\xC2\xA0"
                      "b") == Words{"a", "b"}));  // no-break space
  BOOST_TEST((wordsOf("Kraków 東京 Αθήνα") == Words{"Kraków", "東京", "Αθήνα"}));
  BOOST_TEST(wordsOf("*** \"\" () :").empty());
}

BOOST_AUTO_TEST_CASE(at_most_sixteen_words_are_kept) {
  std::string q;
  for (int i = 0; i < 20; ++i) q += "w" + std::to_string(i) + " ";
  const auto words = wordsOf(q);
  BOOST_TEST(words.size() == kMaxWords);
  BOOST_TEST(words.back() == "w15");
}

BOOST_AUTO_TEST_CASE(a_query_must_be_given_valid_and_short) {
  BOOST_TEST(queryProblem("").has_value());
  BOOST_TEST(queryProblem(" \t\n").has_value());
  BOOST_TEST(queryProblem("\xFF").has_value());
  BOOST_TEST(queryProblem("\xC3").has_value());
  BOOST_TEST(queryProblem(std::string(201, 'a')).has_value());
  BOOST_TEST(!queryProblem(std::string(200, 'a')).has_value());
  std::string accents;
  for (int i = 0; i < 200; ++i) accents += "é";  // 200 code points, 400 bytes
  BOOST_TEST(!queryProblem(accents).has_value());
  BOOST_TEST(queryProblem(accents + "é").has_value());
  BOOST_TEST(!queryProblem("***").has_value());  // valid, finds nothing
}

BOOST_AUTO_TEST_CASE(a_snippet_splits_into_marked_and_plain_text) {
  using S = std::vector<Segment>;
  BOOST_TEST(
      (markedSegments("Water for \x01São\x02 \x01Paulo\x02 now", '\x01', '\x02') ==
       S{{"Water for ", false}, {"São", true}, {" ", false}, {"Paulo", true}, {" now", false}}));
  BOOST_TEST((markedSegments("<b>x</b> & \x01<script>\x02", '\x01', '\x02') ==
              S{{"<b>x</b> & ", false}, {"<script>", true}}));
  BOOST_TEST((markedSegments("a\x02"
                             "b\x01\x01"
                             "c\x02",
                             '\x01', '\x02') == S{{"ab", false}, {"c", true}}));
  BOOST_TEST(markedSegments("", '\x01', '\x02').empty());
}

BOOST_AUTO_TEST_SUITE_END()
