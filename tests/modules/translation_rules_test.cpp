#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/i18n/catalog.h"
#include "modules/records/call.h"
#include "modules/workflow/awaited.h"
#include "tests/modules/workflow_fixtures.h"

// Content in four languages (a call's words, translated per field) and the rule that the GCF
// reviews in English: send_to_review waits for the English translation of a proposal written in
// another language.
namespace citygrants::workflow::testing {
namespace {

using i18n::Translation;

records::Call callInFour() {
  records::Call c;
  c.title = "Inclusive cities";
  c.description = "Grants for cities.";
  c.translations = {{"fr", "title", "Villes inclusives"},
                    {"es", "title", "Ciudades inclusivas"},
                    {"es", "description", "Subvenciones para ciudades."}};
  review::Criterion r{1, "relevance", "Relevance", 100, "Does it answer the needs?", {}};
  r.translations = {{"pt", "name", "Relevância"}, {"pt", "guidance", "Responde às necessidades?"}};
  c.criteria = {r};
  return c;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(translations)

BOOST_AUTO_TEST_CASE(each_field_is_read_in_the_readers_language_else_in_english) {
  const auto call = callInFour();
  const auto fr = records::localized(call, "fr");
  BOOST_TEST(fr.title == "Villes inclusives");
  BOOST_TEST(fr.description == "Grants for cities.", "no French description: English");
  const auto es = records::localized(call, "es");
  BOOST_TEST(es.description == "Subvenciones para ciudades.");
  BOOST_TEST(es.criteria[0].name == "Relevance");
  const auto pt = records::localized(call, "pt");
  BOOST_TEST(pt.title == "Inclusive cities");
  BOOST_TEST(pt.criteria[0].name == "Relevância");
  BOOST_TEST(pt.criteria[0].guidance == "Responde às necessidades?");
  const auto en = records::localized(call, "en");
  BOOST_TEST(en.title == "Inclusive cities");
  BOOST_TEST(en.criteria[0].guidance == "Does it answer the needs?");
}

BOOST_AUTO_TEST_CASE(translations_name_a_language_and_a_field_of_the_record_once) {
  const std::vector<Translation> given = {
      {"fr", "title", "Villes"},     // fine
      {"en", "title", "Cities"},     // English is the record's own field
      {"de", "title", "Städte"},     // not a language the fund writes
      {"es", "summary", "Resumen"},  // not a field of a call
      {"fr", "title", "Encore"},     // twice
      {"pt", "title", std::string(201, 'x')},
      {"pt", "description", "   "},
      {"es", "description", "\xff"},
  };
  const auto errors = i18n::translationErrors(given, records::kCallTexts, "");
  std::vector<std::string> fields;
  std::vector<std::string> keys;
  for (const auto& e : errors) {
    fields.push_back(e.field);
    keys.emplace_back(e.message.key.name());
  }
  BOOST_TEST(fields == (std::vector<std::string>{
                           "translations.en", "translations.de", "translations.es.summary",
                           "translations.fr.title", "translations.pt.title",
                           "translations.pt.description", "translations.es.description"}),
             boost::test_tools::per_element());
  BOOST_TEST(keys == (std::vector<std::string>{"translation.language", "translation.language",
                                               "field.unknown", "field.twice", "field.too_long",
                                               "field.required", "field.not_utf8"}),
             boost::test_tools::per_element());
  BOOST_TEST(i18n::dropBlank({{"fr", "title", " "}, {"es", "title", "Ciudades"}}).size() == 1u);
}

BOOST_AUTO_TEST_CASE(send_to_review_is_refused_without_the_english_translation) {
  const Actor fm = actorFor(Role::kFundManager);
  auto facts = allTrueProposalFacts();
  facts.english_available = false;
  const auto p =
      refusal([&] { fire(kProposalFlow, "screening", "send_to_review", fm, facts, fullInput()); });
  BOOST_TEST_REQUIRE(p.has_value());
  BOOST_TEST(core::problemKindName(p->kind()) == "conflict");
  BOOST_TEST(p->message().key.name() == "guard.proposal.english_translation");
  BOOST_TEST(i18n::render("fr", p->message()) ==
             "Cette proposition n’est pas rédigée en anglais : joignez d’abord sa traduction "
             "anglaise (le fonds évalue en anglais).");
  const auto allowed = allowedEvents(kProposalFlow, "screening", fm, facts);
  BOOST_TEST(std::count(allowed.begin(), allowed.end(), "send_to_review") == 0);

  facts.english_available = true;
  const auto& row = fire(kProposalFlow, "screening", "send_to_review", fm, facts, fullInput());
  BOOST_TEST(row.to == "in_review");
}

BOOST_AUTO_TEST_CASE(the_translation_is_the_first_thing_send_to_review_waits_for) {
  const Actor fm = actorFor(Role::kFundManager);
  auto facts = allTrueProposalFacts();
  facts.english_available = false;
  facts.has_assignment = false;  // the translation is named first: it takes a translator longest
  const auto w = waitingFor(kProposalAwaits, "screening", fm, facts);
  BOOST_TEST(w.listed);
  BOOST_TEST_REQUIRE(w.held.size() == 1u);
  BOOST_TEST(w.held[0].event == "send_to_review");
  BOOST_TEST(w.held[0].guard == "english_translation");
  BOOST_TEST(core::problemKindName(w.held[0].kind) == "conflict");
}

BOOST_AUTO_TEST_CASE(only_send_to_review_checks_the_translation) {
  // The guard sits on one row of the table: screening --send_to_review--> in_review.
  int rows = 0;
  for (const auto& row : kProposalFlow.transitions) {
    for (const auto* g : row.guards) {
      if (g == &proposal_guards::kEnglishAvailable) {
        ++rows;
        BOOST_TEST(row.from == "screening");
        BOOST_TEST(nameOf(row.event) == "send_to_review");
      }
    }
  }
  BOOST_TEST(rows == 1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::workflow::testing
