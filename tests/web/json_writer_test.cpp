#include "web/http/json_writer.h"

#include <ctime>
#include <limits>
#include <sstream>

#include <Poco/JSON/Parser.h>
#include <boost/test/unit_test.hpp>

#include "web/http/json_encode.h"

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

BOOST_AUTO_TEST_CASE(an_escaped_byte_is_found_wherever_it_stands) {
  // The writer tests eight bytes at a time: each awkward byte at every place of texts of 0 to 19
  // bytes, among neighbours that need no escape (the ones next to those that do, and UTF-8).
  const std::string awkward = std::string("\x00\x01\x1F\"\\\n", 6);
  const std::string plain = "\x20\x21\x5B\x5D\x7F\x80\xC3\xFF";
  for (std::size_t length = 0; length < 20; ++length) {
    std::string text;
    for (std::size_t i = 0; i < length; ++i) text += plain[i % plain.size()];
    JsonWriter w;
    w.string(text);
    BOOST_TEST(w.take() == poco(text));
    for (std::size_t at = 0; at < length; ++at) {
      for (char c : awkward) {
        std::string one = text;
        one[at] = c;
        JsonWriter each;
        each.string(one);
        BOOST_TEST(each.take() == poco(one), "byte " << int(c) << " at " << at << " of " << length);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(times_are_written_as_gmtime_and_printf_write_them) {
  auto reference = [](std::int64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, int(ms % 1000));
    return std::string(buf);
  };
  std::vector<std::int64_t> times = {
      0, 999, 1000, 951'782'400'000, 951'868'799'999, 1'798'761'599'999, 253'402'300'799'999};
  std::uint64_t x = 88172645463325252u;  // xorshift: the same times in every run
  for (int i = 0; i < 20'000; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    times.push_back(static_cast<std::int64_t>(x % 4'102'444'800'000u));  // up to 2100
  }
  for (auto ms : times) BOOST_TEST_REQUIRE(isoTime(ms) == reference(ms), ms);
  BOOST_TEST(isoTime(951'782'400'000) == "2000-02-29T00:00:00.000Z");
  BOOST_TEST(isoTime(-1) == "1969-12-31T23:59:59.999Z");  // the millisecond before 1970
  BOOST_TEST(isoTime(253'402'300'800'000) == "10000-01-01T00:00:00.000Z");  // five digits
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
