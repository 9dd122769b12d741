#include <boost/test/unit_test.hpp>

#include <limits>
#include <sstream>

#include <Poco/JSON/Parser.h>

#include "web/http/json_encode.h"
#include "web/http/json_writer.h"

using namespace citygrants::http;

namespace {

std::string poco(const Poco::Dynamic::Var& any) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(any, out);
  return out.str();
}

std::string written(const Poco::Dynamic::Var& any) {
  JsonWriter w;
  w.value(any);
  return w.take();
}

// Every byte below 0x80 once, and text in the fund's languages and beyond.
std::vector<std::string> awkwardTexts() {
  std::vector<std::string> texts = {"", "plain", "a/b", "quote \" and \\ back", "São Paulo — ação",
                                    "Abidjan: réfugiés", "日本語", "emoji \xF0\x9F\x8C\x8D", "\xE2\x80\xA8"};
  std::string every;
  for (int c = 0; c < 0x80; ++c) every += static_cast<char>(c);
  texts.push_back(every);
  return texts;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(json_writer)

BOOST_AUTO_TEST_CASE(strings_are_escaped_as_poco_escapes_them) {
  for (const auto& text : awkwardTexts()) {
    BOOST_TEST(written(text) == poco(text));
    JsonWriter w;
    w.string(text);
    BOOST_TEST(w.take() == poco(text));
  }
  BOOST_TEST(written(std::string("line\nbreak\x01")) == R"("line\nbreak\u0001")");
}

BOOST_AUTO_TEST_CASE(a_poco_tree_is_written_byte_for_byte_as_poco_writes_it) {
  auto o = object();
  o->set("zeta", 1);
  o->set("alpha", std::string("first"));
  o->set("min", std::numeric_limits<std::int64_t>::min());
  o->set("max", std::numeric_limits<std::int64_t>::max());
  o->set("unsigned", std::numeric_limits<std::uint64_t>::max());
  o->set("half", 1.5);
  o->set("tenth", 0.1);
  o->set("yes", true);
  o->set("no", false);
  o->set("nothing", Poco::Dynamic::Var());
  o->set("empty_object", object());
  o->set("empty_array", JsonArray(new Poco::JSON::Array));
  o->set("money", money(12'500'000, "USD"));
  JsonArray list = new Poco::JSON::Array;
  for (const auto& text : awkwardTexts()) list->add(text);
  list->add(object());
  list->add(Poco::Dynamic::Var());
  list->add(7);
  o->set("list", list);
  o->set("key \"quoted\"\n", std::string("value"));
  const auto expected = poco(o);
  BOOST_TEST(written(o) == expected);
  BOOST_TEST(expected.find(R"({"zeta":1,"alpha":"first")") == 0);  // insertion order, compact

  // A parsed object keeps no insertion order: both write its keys sorted.
  Poco::JSON::Parser parser;
  const auto parsed = parser.parse(R"({"b":[1,{"d":null,"c":"x"}],"a":true})");
  BOOST_TEST(written(parsed) == poco(parsed));
  BOOST_TEST(written(parsed) == R"({"a":true,"b":[1,{"c":"x","d":null}]})");
}

BOOST_AUTO_TEST_CASE(members_and_items_are_separated_wherever_they_are_written) {
  JsonWriter w;
  w.open().field("id", 7).key("tags").openArray().string("a").number(-2).boolean(false).null();
  w.open().close().openArray().close().close();
  w.flag("full", true).key("next").null().close();
  BOOST_TEST(w.take() == R"({"id":7,"tags":["a",-2,false,null,{},[]],"full":true,"next":null})");
  w.openArray().close();
  BOOST_TEST(w.take() == "[]");  // a writer taken from starts again
}

BOOST_AUTO_TEST_SUITE_END()
