#include "modules/core/text.h"

#include <string>
#include <string_view>

#include <boost/test/unit_test.hpp>

namespace citygrants::core {

BOOST_AUTO_TEST_SUITE(text)

BOOST_AUTO_TEST_CASE(utf8_length_counts_code_points_not_bytes) {
  struct Case {
    std::string_view s;
    std::size_t length;
  };
  const Case cases[] = {
      {"", 0},
      {"abc", 3},
      {"\x7F", 1},                                      // last one-byte code point
      {"\xC2\x80", 1},                                  // first two-byte code point
      {"\xC3\xA9", 1},                                  // é
      {"S\xC3\xA3o Paulo", 9},                          // São Paulo
      {"\xE2\x82\xAC", 1},                              // €
      {"\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7", 5},  // Arabic: 5 letters
      {"\xE0\xA0\x80", 1},                              // U+0800, first three-byte code point
      {"\xED\x9F\xBF", 1},                              // U+D7FF, just below the surrogates
      {"\xEE\x80\x80", 1},                              // U+E000, just above them
      {"\xEF\xBF\xBF", 1},                              // U+FFFF
      {"\xF0\x90\x80\x80", 1},                          // U+10000, first four-byte code point
      {"\xF0\x9F\x98\x80", 1},                          // 😀
      {"\xF4\x8F\xBF\xBF", 1},                          // U+10FFFF, the last code point
      {std::string_view("a\0b", 3), 3},                 // NUL is a code point
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT("bytes of length " << c.s.size()) {
      const auto n = utf8Length(c.s);
      BOOST_TEST_REQUIRE(n.has_value());
      BOOST_TEST(*n == c.length);
    }
  }
}

BOOST_AUTO_TEST_CASE(utf8_length_rejects_invalid_sequences) {
  struct Case {
    std::string_view s;
    const char* why;
  };
  const Case cases[] = {
      {"\xC0\xAF", "overlong '/' in two bytes"},
      {"\xC1\xBF", "overlong in two bytes"},
      {"\xE0\x80\xAF", "overlong '/' in three bytes"},
      {"\xE0\x9F\xBF", "overlong U+07FF in three bytes"},
      {"\xF0\x80\x80\xAF", "overlong '/' in four bytes"},
      {"\xF0\x8F\xBF\xBF", "overlong U+FFFF in four bytes"},
      {"\xED\xA0\x80", "high surrogate U+D800"},
      {"\xED\xBF\xBF", "low surrogate U+DFFF"},
      {"\xED\xA0\xBD\xED\xB8\x80", "surrogate pair (CESU-8)"},
      {"\xC3", "truncated two-byte sequence"},
      {"\xE2\x82", "truncated three-byte sequence"},
      {"\xF0\x9F\x98", "truncated four-byte sequence"},
      {"abc\xE2\x82", "truncated at the end"},
      {"\xC3\x41", "ASCII where a continuation byte belongs"},
      {"\xE2\x28\xA1", "bad second byte"},
      {"\xF0\x9F\x98\x41", "bad fourth byte"},
      {"\x80", "lone continuation byte"},
      {"a\xBFz", "continuation byte between letters"},
      {"\xF4\x90\x80\x80", "U+110000, above U+10FFFF"},
      {"\xF5\x80\x80\x80", "lead byte F5"},
      {"\xF7\xBF\xBF\xBF", "lead byte F7"},
      {"\xF8\x88\x80\x80\x80", "five-byte form"},
      {"\xFC\x84\x80\x80\x80\x80", "six-byte form"},
      {"\xFE", "byte FE"},
      {"\xFF", "byte FF"},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.why) { BOOST_TEST(!utf8Length(c.s).has_value()); }
  }
}

BOOST_AUTO_TEST_CASE(utf8_length_handles_long_text) {
  std::string s;
  for (int i = 0; i < 10'000; ++i) s += "é€a";
  BOOST_TEST(utf8Length(s).value_or(0) == 30'000u);
  s += "\xC0\xAF";
  BOOST_TEST(!utf8Length(s).has_value());
}

BOOST_AUTO_TEST_CASE(blank_means_empty_or_only_white_space) {
  BOOST_TEST(isBlank(""));
  BOOST_TEST(isBlank(" "));
  BOOST_TEST(isBlank(" \t\r\n "));
  BOOST_TEST(!isBlank("a"));
  BOOST_TEST(!isBlank("  a  "));
  BOOST_TEST(!isBlank("\xC3\xA9"));
}

BOOST_AUTO_TEST_CASE(log_text_is_one_json_string_in_valid_utf8) {
  BOOST_TEST(jsonLogText("plain", 100) == "\"plain\"");
  BOOST_TEST(jsonLogText("S\xC3\xA3o Paulo", 100) == "\"S\xC3\xA3o Paulo\"");  // valid UTF-8 kept
  BOOST_TEST(jsonLogText("a\"b\\c", 100) == "\"a\\\"b\\\\c\"");
  BOOST_TEST(jsonLogText("a\nb\rc\x01\x7f", 100) == "\"a\\u000ab\\u000dc\\u0001\\u007f\"");
  BOOST_TEST(jsonLogText("\xE2\x80\xA8", 100) == "\"\\u2028\"");
  BOOST_TEST(jsonLogText("\xC3\x28", 100) == "\"\\ufffd(\"");          // a broken sequence
  BOOST_TEST(jsonLogText("\xED\xA0\x80", 100) == "\"\\ufffd\\ufffd\\ufffd\"");  // a surrogate
  BOOST_TEST(jsonLogText("\xFF", 100) == "\"\\ufffd\"");
  BOOST_TEST(jsonLogText(std::string(10, 'a'), 4) == "\"aaaa...[+6 bytes]\"");
  BOOST_TEST(jsonLogText("ab\xC3\xA3", 3) == "\"ab...[+2 bytes]\"");  // no half character
  BOOST_TEST(jsonLogText("", 10) == "\"\"");
  for (const std::string& s : {std::string("\xC3"), std::string("\xF4\x90\x80\x80"), std::string(5000, '\n')}) {
    const auto out = jsonLogText(s, 2048);
    BOOST_TEST(utf8Length(out).has_value());
    BOOST_TEST(out.find('\n') == std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::core
