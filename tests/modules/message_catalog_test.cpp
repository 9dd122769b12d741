#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "modules/access/role.h"
#include "modules/core/problem.h"
#include "modules/i18n/catalog.h"
#include "modules/workflow/awaited.h"

namespace citygrants::i18n {
namespace {

std::set<std::string> placeholderSet(const std::string& text) {
  const auto names = placeholders(text);
  return {names.begin(), names.end()};
}

// Every key a term of the catalogs must have: each state and event of each machine, each
// entity, role and kind of organisation.
std::vector<std::string> termKeys() {
  std::vector<std::string> out;
  auto add = [&](const auto& machine) {
    for (auto s : machine.states) out.push_back("state." + std::string(s));
    for (const auto& e : machine.events) out.push_back("event." + std::string(e.name));
    out.push_back(core::entityTerm("x", machine.entity).value);
  };
  add(workflow::kCallFlow);
  add(workflow::kProposalFlow);
  add(workflow::kReviewFlow);
  add(workflow::kGrantFlow);
  add(workflow::kTrancheFlow);
  add(workflow::kReportFlow);
  for (auto role : access::kAllRoles) out.push_back("role." + std::string(access::roleName(role)));
  for (const char* kind : {"fund", "partner", "city", "donor"})
    out.push_back("org_kind." + std::string(kind));
  // The entities the services name in "not found" and "changed by someone else".
  for (const char* entity :
       {"API token", "attachment", "call", "chapter", "donor", "export", "grant", "indicator",
        "organisation", "proposal", "publisher", "record", "report", "resource",
        "review assignment", "role", "tranche", "user"}) {
    out.push_back(core::entityTerm("x", entity).value);
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(message_catalogs)

BOOST_AUTO_TEST_CASE(every_language_has_every_key_of_english_and_no_other) {
  const auto english = catalogOf("en").keys();
  BOOST_TEST(english.size() > 300u);
  for (auto language : kLanguages) {
    BOOST_TEST_CONTEXT(language) {
      const auto keys = catalogOf(language).keys();
      for (const auto& key : english) {
        BOOST_TEST(std::binary_search(keys.begin(), keys.end(), key), language << " lacks " << key);
      }
      for (const auto& key : keys) {
        BOOST_TEST(std::binary_search(english.begin(), english.end(), key),
                   language << " has " << key << ", which English has not");
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_compiled_key_list_is_the_english_catalog) {
  const auto english = catalogOf("en").keys();
  BOOST_TEST(std::size(kMessageKeys) == english.size());
  for (auto key : kMessageKeys) {
    BOOST_TEST(std::binary_search(english.begin(), english.end(), std::string(key)), key);
  }
}

BOOST_AUTO_TEST_CASE(translations_use_only_the_placeholders_english_gives) {
  const auto& english = catalogOf("en");
  for (auto language : kLanguages) {
    for (const auto& key : english.keys()) {
      const auto* text = catalogOf(language).find(key);
      BOOST_TEST_REQUIRE(text != nullptr);
      const auto mine = placeholderSet(*text);
      const auto given = placeholderSet(*english.find(key));
      for (const auto& name : mine) {
        BOOST_TEST(given.contains(name), language << " " << key << " uses {" << name << "}");
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(the_other_languages_are_translations_not_copies) {
  // A few texts may be the same in two languages (a code, "{text}"); most must not be.
  const auto& english = catalogOf("en");
  for (auto language : {"fr", "es", "pt"}) {
    std::size_t same = 0;
    for (const auto& key : english.keys()) {
      if (*catalogOf(language).find(key) == *english.find(key)) ++same;
    }
    BOOST_TEST(same < 10u, language << " has " << same << " texts copied from English");
  }
}

BOOST_AUTO_TEST_CASE(every_state_event_entity_role_and_kind_has_its_term) {
  for (auto language : kLanguages) {
    for (const auto& key : termKeys()) {
      BOOST_TEST(catalogOf(language).find(key) != nullptr, language << " lacks the term " << key);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_message_is_written_in_the_readers_language_with_its_values) {
  const core::Message m("field.number_range", {{"min", 1}, {"max", 60}});
  BOOST_TEST(render("en", m) == "Enter a number from 1 to 60.");
  BOOST_TEST(render("fr", m) == "Saisissez un nombre de 1 à 60.");
  BOOST_TEST(render("es", m) == "Introduzca un número de 1 a 60.");
  BOOST_TEST(render("pt", m) == "Informe um número de 1 a 60.");
  BOOST_TEST(render("de", m) == "Enter a number from 1 to 60.", "a language not written: English");
}

BOOST_AUTO_TEST_CASE(terms_are_written_in_the_same_language) {
  const core::Message m("transition.proposal_not_editable",
                        {core::MessageArg::term("state", "state.", "in_review")});
  BOOST_TEST(render("en", m) == "A proposal that is “in review” cannot be edited.");
  BOOST_TEST(render("fr", m) ==
             "Une proposition à l’état « en évaluation » ne peut pas être modifiée.");
  const core::Message unknown("transition.proposal_not_editable",
                              {core::MessageArg::term("state", "state.", "lost")});
  BOOST_TEST(
      render("es", unknown) == "Una propuesta en el estado «state.lost» no se puede modificar.",
      "a term the catalog lacks is written as it is");
}

BOOST_AUTO_TEST_CASE(numbers_are_grouped_as_each_language_writes_them) {
  BOOST_TEST(groupDigits("en", "20000") == "20,000");
  BOOST_TEST(groupDigits("en", "1000") == "1,000");
  BOOST_TEST(groupDigits("en", "999") == "999");
  BOOST_TEST(groupDigits("fr", "20000") == "20\u202F000");
  BOOST_TEST(groupDigits("fr", "1000") == "1000");
  BOOST_TEST(groupDigits("es", "1000000") == "1.000.000");
  BOOST_TEST(groupDigits("pt", "-12345") == "-12.345");
  const core::Message m("field.too_long", {{"max", 20000}});
  BOOST_TEST(render("pt", m) == "Use no máximo 20.000 caracteres.");
}

BOOST_AUTO_TEST_CASE(values_are_never_read_as_placeholders) {
  const core::Message m("directory.organisation_unknown", {{"name", "{name} {text}"}});
  BOOST_TEST(render("en", m) == "There is no organisation named '{name} {text}'.");
  const core::Message missing("directory.organisation_unknown", {});
  BOOST_TEST(render("en", missing) == "There is no organisation named '{name}'.");
}

BOOST_AUTO_TEST_CASE(a_problem_says_what_in_english_and_keeps_its_message) {
  const auto p = core::Problem::invalid(
      {{"title", "field.required"}, {"summary", {"field.too_short", {{"min", 50}}}}});
  BOOST_TEST(std::string(p.what()) ==
             "invalid input: title (This is required.); summary (Write at least 50 characters.)");
  BOOST_TEST(render("fr", p.message()) ==
             "Certains champs nécessitent votre attention : title, summary.");
  const auto nf = core::Problem::notFound("review assignment");
  BOOST_TEST(std::string(nf.what()) == "No such review assignment, or you may not see it.");
  BOOST_TEST(render("es", nf.message()) == "No se encuentra (evaluación), o no tiene acceso.");
}

BOOST_AUTO_TEST_CASE(accept_language_picks_the_best_language_written) {
  BOOST_TEST(acceptedLanguage("") == "en");
  BOOST_TEST(acceptedLanguage("fr") == "fr");
  BOOST_TEST(acceptedLanguage("fr-CA, en;q=0.5") == "fr");
  BOOST_TEST(acceptedLanguage("de-DE, es;q=0.7, pt;q=0.9") == "pt");
  BOOST_TEST(acceptedLanguage("en;q=0.2, ES;q=0.8") == "es");
  BOOST_TEST(acceptedLanguage("de, it") == "en", "none written: English");
  BOOST_TEST(acceptedLanguage("fr;q=0") == "en", "q=0 means not acceptable");
  BOOST_TEST(acceptedLanguage("*") == "en");
  BOOST_TEST(acceptedLanguage(";;;,,q=") == "en");
}

BOOST_AUTO_TEST_CASE(a_catalog_that_is_not_a_flat_object_of_texts_is_refused) {
  BOOST_TEST(*Catalog::parse(R"({"a": "x \"y\" \u00e9 \ud83d\ude00"})").find("a") ==
             "x \"y\" \u00e9 \U0001F600");
  for (const char* bad : {R"({"a": "x", "a": "y"})", R"({"a": 1})", R"({"a": "x")", R"(["a"])",
                          R"({"a": "\q"})", R"({"a": "\ud83d"})", R"({"a": "x"} x)"}) {
    BOOST_CHECK_THROW(Catalog::parse(bad), std::logic_error);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace citygrants::i18n
