#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "services/mail/catalog.h"
#include "services/mail/render.h"

// The mail catalogs and how a message is written: every language has every text with the same
// placeholders, amounts and dates are written as each language writes them.
using namespace citygrants;

namespace {

std::set<std::string> keysOf(std::string_view language) {
  std::set<std::string> out;
  for (const auto& e : mail::catalogOf(language)) {
    BOOST_TEST(out.insert(std::string(e.key)).second, language << " has " << e.key << " twice");
  }
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mail_catalog)

BOOST_AUTO_TEST_CASE(every_language_has_exactly_the_texts_of_english) {
  const auto english = keysOf("en");
  for (const auto& t : mail::kTemplates) {
    BOOST_TEST(english.count(std::string(t) + ".subject") == 1u, t);
    BOOST_TEST(english.count(std::string(t) + ".body") == 1u, t);
  }
  for (auto language : mail::kLanguages) {
    BOOST_TEST((keysOf(language) == english), language << " differs from English");
  }
}

BOOST_AUTO_TEST_CASE(translations_use_the_placeholders_of_english_and_say_something_else) {
  for (const auto& e : mail::englishCatalog()) {
    const auto english = sorted(mail::placeholders(e.text));
    for (auto language : {"fr", "es", "pt"}) {
      const auto translated = mail::text(language, e.key);
      BOOST_TEST((sorted(mail::placeholders(translated)) == english), language << " " << e.key);
      // Terms may coincide ("abril", a separator); a template written in English may not.
      if (e.key.find('.') != std::string_view::npos && e.key.rfind("month.", 0) != 0 &&
          e.key.rfind("money.", 0) != 0 && e.key.rfind("date.", 0) != 0) {
        BOOST_TEST(translated != e.text, language << " " << e.key << " is not translated");
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(every_template_greets_the_recipient_and_links_to_the_console) {
  for (auto language : mail::kLanguages) {
    for (const auto& t : mail::kTemplates) {
      const auto body = mail::placeholders(mail::text(language, std::string(t) + ".body"));
      BOOST_TEST((std::count(body.begin(), body.end(), "name") == 1), language << " " << t);
      BOOST_TEST((std::count(body.begin(), body.end(), "link") == 1), language << " " << t);
    }
  }
}

BOOST_AUTO_TEST_CASE(placeholders_are_filled_in_one_pass_and_other_braces_stay) {
  BOOST_TEST(mail::fill("{a} and {b}", {{"a", "{b}"}, {"b", "x"}}) == "{b} and x");
  BOOST_TEST(mail::fill("{A} {} {x-y} {", {}) == "{A} {} {x-y} {");
  BOOST_CHECK_THROW(mail::fill("Dear {name}", {{"nam", "x"}}), std::logic_error);
  BOOST_TEST((mail::placeholders("{a}{b} {a} {B}") == std::vector<std::string>{"a", "b", "a"}));
}

BOOST_AUTO_TEST_CASE(amounts_are_written_as_each_language_writes_them_in_integers) {
  BOOST_TEST(mail::formatMoney(25'000'000, "USD", "en") == "USD 250,000.00");
  BOOST_TEST(mail::formatMoney(25'000'000, "USD", "fr") == "250\u202f000,00 USD");
  BOOST_TEST(mail::formatMoney(25'000'000, "USD", "es") == "250.000,00 USD");
  BOOST_TEST(mail::formatMoney(25'000'000, "USD", "pt") == "250.000,00 USD");
  BOOST_TEST(mail::formatMoney(5, "USD", "en") == "USD 0.05");
  BOOST_TEST(mail::formatMoney(1'234'567, "JPY", "en") == "JPY 1,234,567");
  BOOST_TEST(mail::formatMoney(1'234, "KWD", "es") == "1,234 KWD");
  BOOST_TEST(mail::formatMoney(33'333'333, "EUR", "de") == "EUR 333,333.33");  // English
  BOOST_TEST(mail::formatMoney(std::numeric_limits<std::int64_t>::max(), "USD", "en") ==
             "USD 92,233,720,368,547,758.07");
  BOOST_TEST(mail::formatMoney(std::numeric_limits<std::int64_t>::min(), "USD", "en") ==
             "USD -92,233,720,368,547,758.08");
}

BOOST_AUTO_TEST_CASE(dates_are_written_as_each_language_writes_them) {
  const std::int64_t may_28_2026 = 1'780'000'000'000;
  BOOST_TEST(mail::formatDate(may_28_2026, "en") == "28 May 2026");
  BOOST_TEST(mail::formatDate(may_28_2026, "fr") == "28 mai 2026");
  BOOST_TEST(mail::formatDate(may_28_2026, "es") == "28 de mayo de 2026");
  BOOST_TEST(mail::formatDate(may_28_2026, "pt") == "28 de maio de 2026");
  BOOST_TEST(mail::formatDate(-1, "en") == "31 December 1969");
}

BOOST_AUTO_TEST_CASE(a_message_is_rendered_in_its_language_with_a_one_line_subject) {
  mail::Params params{{"name", "Ana"},
                      {"reference", "GCF-2026-0007"},
                      {"city", "Kampala"},
                      {"title", "Line one\nline two"},
                      {"stage", "x"},
                      {"reason", "Budget\nunclear"},
                      {"link", mail::consoleLink("proposals/7")}};
  const auto es = mail::render("es", "revision_requested", params);
  BOOST_TEST(es.language == "es");
  BOOST_TEST(es.subject == "GCF-2026-0007: el fondo solicita una revisión");
  BOOST_TEST(es.body.find("Estimado/a Ana:") == 0u);
  BOOST_TEST(es.body.find("Budget\nunclear") != std::string::npos);  // the body keeps lines
  BOOST_TEST(es.body.find("{console_url}#/proposals/7") != std::string::npos);
  BOOST_TEST(es.body.find("las respuestas no se leen") != std::string::npos);  // the footer

  const auto en = mail::render("de", "review_assigned",
                               {{"name", "Ana"},
                                {"reference", "R"},
                                {"city", "C"},
                                {"title", "A\r\nB\tC"},
                                {"amount", "USD 1.00"},
                                {"link", "L"}});
  BOOST_TEST(en.language == "en");  // no German catalog: English
  BOOST_TEST(en.subject == "R: a proposal from C to review");
  BOOST_TEST(en.body.find("\"A\r\nB\tC\"") != std::string::npos);
  const auto fr = mail::render("fr", "proposal_submitted",
                               {{"name", "N"},
                                {"reference", "R"},
                                {"city", "Lyon\r\nBcc: x@y"},
                                {"stage", "s"},
                                {"title", "T"},
                                {"amount", "A"},
                                {"link", "L"}});
  BOOST_TEST(fr.subject == "R : nouvelle s de Lyon  Bcc: x@y");  // no header of its own
  BOOST_CHECK_THROW(mail::render("en", "no_such_template", params), std::logic_error);
}

BOOST_AUTO_TEST_CASE(an_empty_optional_sentence_leaves_no_run_of_blank_lines) {
  const auto m = mail::render("en", "concept_declined",
                              {{"name", "N"},
                               {"reference", "R"},
                               {"title", "T"},
                               {"reason", "Why"},
                               {"future", ""},
                               {"link", "L"}});
  BOOST_TEST(m.body.find("\n\n\n") == std::string::npos);
  BOOST_TEST(m.body.find("Why\n\nThe concept note remains") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
