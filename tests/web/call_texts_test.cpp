#include <string>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

// A call's and its criteria's words in English, French, Spanish and Portuguese over HTTP: read
// in the reader's language with English for what is not translated, edited at once with
// PUT /calls/{id}/texts (If-Match), refused field by field with nothing written. And the inbox
// holds back send_to_review of the demo's French proposal until its English translation exists.
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

Poco::JSON::Object::Ptr callCoded(Client& c, const std::string& code) {
  const auto items = itemsOf(read(c, "/api/v1/calls"));
  for (unsigned i = 0; i < items->size(); ++i) {
    if (items->getObject(i)->getValue<std::string>("code") == code) return items->getObject(i);
  }
  BOOST_FAIL("no call " << code);
  return nullptr;
}

std::string path(const Poco::JSON::Object::Ptr& call) {
  return "/api/v1/calls/" + std::to_string(call->getValue<std::int64_t>("id"));
}

std::string criterionText(const Poco::JSON::Object::Ptr& call, unsigned i,
                          const std::string& member) {
  return call->getArray("criteria")->getObject(i)->getValue<std::string>(member);
}

// Every error field of a 422, in order.
std::vector<std::string> errorFields(const Response& r) {
  std::vector<std::string> out;
  if (!r.json || !r.json->has("errors")) return out;
  const auto errors = r.json->getArray("errors");
  for (unsigned i = 0; i < errors->size(); ++i)
    out.push_back(errors->getObject(i)->getValue<std::string>("field"));
  return out;
}

const char* kTexts = R"({
  "title": "Global Cities Fund 2027: cities that welcome",
  "description": "The next round, for cities that welcome newcomers.",
  "translations": {
    "es": {"title": "Global Cities Fund 2027: ciudades que acogen", "description": ""},
    "pt": {"description": "A próxima rodada, para cidades que acolhem."}
  },
  "criteria": [
    {"code": "relevance", "name": "Relevance", "guidance": "Whose needs, and how do you know?",
     "translations": {"es": {"name": "Pertinencia", "guidance": "¿Qué necesidades, y cómo lo sabe?"}}},
    {"code": "inclusion", "name": "Inclusion"},
    {"code": "feasibility", "name": "Feasibility"},
    {"code": "sustainability", "name": "Sustainability"},
    {"code": "value_for_money", "name": "Value for money"}
  ]})";

}  // namespace

BOOST_AUTO_TEST_SUITE(call_texts_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(a_call_is_read_in_the_readers_language_and_in_english_where_untranslated) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client abidjan = server.signedIn("applicant@abidjan.demo");
  const auto list = abidjan.get("/api/v1/calls");
  expectSuccess(spec, list, "GET", "/api/v1/calls", "calls in French");
  const auto fr = callCoded(abidjan, "GCF-2026");
  BOOST_TEST(
      fr->getValue<std::string>("title").starts_with("Global Cities Fund 2026 : des services"));
  BOOST_TEST(fr->getValue<std::string>("description").starts_with("Des subventions directes"));
  BOOST_TEST(criterionText(fr, 0, "name") ==
             "Pertinence au regard des besoins des personnes migrantes, réfugiées et déplacées");
  BOOST_TEST(criterionText(fr, 0, "guidance").starts_with("Le programme répond-il"));
  // Every language stays readable for those who edit them.
  const auto texts = fr->getObject("texts");
  BOOST_TEST(texts->getObject("en")->getValue<std::string>("title") ==
             "Global Cities Fund 2026: inclusive city services for migrants and refugees");
  for (const char* lang : {"fr", "es", "pt"}) BOOST_TEST(texts->has(lang), lang);

  // GCF-2027 has only its title in French: its description falls back to English in French,
  // and everything to English in Spanish.
  const auto next_fr = callCoded(abidjan, "GCF-2027");
  BOOST_TEST(next_fr->getValue<std::string>("title") == "Global Cities Fund 2027 (en préparation)");
  BOOST_TEST(next_fr->getValue<std::string>("description").starts_with("Direct grants of USD"));
  Client montevideo = server.signedIn("applicant@montevideo.demo");
  const auto next_es = callCoded(montevideo, "GCF-2027");
  BOOST_TEST(next_es->getValue<std::string>("title") == "Global Cities Fund 2027 (in preparation)");
  BOOST_TEST(next_es->getObject("texts")->has("fr"));
  BOOST_TEST(!next_es->getObject("texts")->has("es"));
  const auto one = montevideo.get(path(callCoded(montevideo, "GCF-2026")));
  expectSuccess(spec, one, "GET", "/api/v1/calls/{id}", "one call in Spanish");
  BOOST_TEST(
      one.json->getValue<std::string>("title").starts_with("Global Cities Fund 2026: servicios"));
}

BOOST_AUTO_TEST_CASE(the_words_of_a_call_are_edited_in_every_language_at_once) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client admin = server.signedIn("admin@mmc.demo");
  const auto before = callCoded(admin, "GCF-2027");
  const auto at = path(before) + "/texts";
  const auto etag = read(admin, path(before)).header("ETag");
  const auto edited = admin.put(at, kTexts, {{"If-Match", etag}});
  expectSuccess(spec, edited, "PUT", "/api/v1/calls/{id}/texts", "texts");
  BOOST_TEST(edited.header("ETag") != etag, "the call's version moves");
  BOOST_TEST(edited.json->getValue<std::string>("title") ==
             "Global Cities Fund 2027: cities that welcome");
  const auto texts = edited.json->getObject("texts");
  BOOST_TEST(!texts->has("fr"), "the French title no longer given: gone");
  BOOST_TEST(!texts->getObject("es")->has("description"), "a blank text is no translation");
  BOOST_TEST(texts->getObject("pt")->getValue<std::string>("description") ==
             "A próxima rodada, para cidades que acolhem.");
  // Read in Spanish and in Portuguese, each falling back to English field by field.
  Client montevideo = server.signedIn("applicant@montevideo.demo");
  const auto es = callCoded(montevideo, "GCF-2027");
  BOOST_TEST(es->getValue<std::string>("title") == "Global Cities Fund 2027: ciudades que acogen");
  BOOST_TEST(es->getValue<std::string>("description") ==
             "The next round, for cities that welcome newcomers.");
  BOOST_TEST(criterionText(es, 0, "name") == "Pertinencia");
  BOOST_TEST(criterionText(es, 0, "guidance") == "¿Qué necesidades, y cómo lo sabe?");
  BOOST_TEST(criterionText(es, 1, "name") == "Inclusion");
  BOOST_TEST(criterionText(es, 1, "guidance") == "");
  Client saopaulo = server.signedIn("applicant@saopaulo.demo");
  const auto pt = callCoded(saopaulo, "GCF-2027");
  BOOST_TEST(pt->getValue<std::string>("title") == "Global Cities Fund 2027: cities that welcome");
  BOOST_TEST(pt->getValue<std::string>("description") ==
             "A próxima rodada, para cidades que acolhem.");
  // The search index follows the English title in the same transaction.
  const auto found = admin.get("/api/v1/search?q=welcome");
  BOOST_TEST(found.body.find("cities that welcome") != std::string::npos, found.body);
}

BOOST_AUTO_TEST_CASE(wrong_words_are_refused_field_by_field_and_nothing_is_written) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm2 = server.signedIn("fm2@mmc.demo");  // writes French
  const auto call = callCoded(fm2, "GCF-2026");
  const auto at = path(call) + "/texts";
  const auto etag = read(fm2, path(call)).header("ETag");
  // What the body's shapes say wrong, all at once: a language not written, a field no call has,
  // guidance too long.
  const auto bad = fm2.put(at,
                           R"({
    "title": "Villes",
    "translations": {"de": {"title": "Städte"}, "fr": {"title": "Villes", "summary": "Résumé"}},
    "criteria": [{"code": "relevance", "name": "Relevance", "guidance": ")" +
                               std::string(2001, 'g') + R"("}]})",
                           {{"If-Match", etag}});
  expectProblem(spec, bad, 422, "PUT", "/api/v1/calls/{id}/texts", "bad texts");
  BOOST_TEST(bad.header("Content-Language") == "fr");
  BOOST_TEST(
      errorFields(bad) == (std::vector<std::string>{"translations.de", "translations.fr.summary",
                                                    "criteria[0].guidance"}),
      boost::test_tools::per_element());
  BOOST_TEST(bad.body.find("Les traductions sont en français (fr)") != std::string::npos, bad.body);
  // Then what the call says wrong: no title, a criterion without a name, named twice, unknown,
  // and the four left out.
  const auto wrong = fm2.put(at, R"({"title": " ", "criteria": [
    {"code": "relevance", "name": ""}, {"code": "relevance", "name": "Again"},
    {"code": "colour", "name": "Colour"}]})",
                             {{"If-Match", etag}});
  expectProblem(spec, wrong, 422, "PUT", "/api/v1/calls/{id}/texts", "wrong texts");
  BOOST_TEST(errorFields(wrong) ==
                 (std::vector<std::string>{"title", "criteria[0].name", "criteria[1].code",
                                           "criteria[2].code", "criteria", "criteria", "criteria",
                                           "criteria"}),
             boost::test_tools::per_element());
  BOOST_TEST(wrong.body.find("L’appel n’a pas de critère « colour ».") != std::string::npos,
             wrong.body);
  BOOST_TEST(wrong.body.find("Donnez les textes de chaque critère : « inclusion » manque.") !=
                 std::string::npos,
             wrong.body);
  BOOST_TEST(read(fm2, path(call)).header("ETag") == etag, "nothing written");

  const auto stale = fm2.put(at, kTexts, {{"If-Match", "\"v1\""}});
  BOOST_TEST(stale.status == 412);
  const auto unguarded = fm2.put(at, kTexts);
  BOOST_TEST(unguarded.status == 428);
  Client city = server.signedIn("applicant@abidjan.demo");
  const auto forbidden = city.put(at, kTexts, {{"If-Match", etag}});
  BOOST_TEST(forbidden.status == 403);
  BOOST_TEST(forbidden.json->getValue<std::string>("detail") ==
             "Seuls les administrateurs et les gestionnaires du fonds préparent les appels.");
  BOOST_TEST(read(fm2, path(call)).header("ETag") == etag, "nothing written");
}

BOOST_AUTO_TEST_CASE(a_proposal_in_french_waits_in_the_inbox_for_its_english_translation) {
  auto& server = SeededServer::get();
  Client fm2 = server.signedIn("fm2@mmc.demo");
  const auto inbox = read(fm2, "/api/v1/inbox?kind=proposal.screening");
  const auto items = inbox.json->getArray("items");
  bool found = false;
  for (unsigned i = 0; i < items->size(); ++i) {
    const auto item = items->getObject(i);
    const auto held = item->getArray("held");
    if (held->size() == 0 ||
        held->getObject(0)->getValue<std::string>("guard") != "english_translation") {
      continue;
    }
    found = true;
    BOOST_TEST(held->getObject(0)->getValue<std::string>("event") == "send_to_review");
    BOOST_TEST(held->getObject(0)->getValue<std::string>("message") ==
               "Cette proposition n’est pas rédigée en anglais : joignez d’abord sa traduction "
               "anglaise (le fonds évalue en anglais).");
    const auto id = item->getObject("record")->getValue<std::int64_t>("id");
    const auto p = "/api/v1/proposals/" + std::to_string(id);
    BOOST_TEST(read(fm2, p).json->getObject("current")->getValue<std::string>("language") == "fr");
    const auto translated =
        fm2.put(p + "/translation", R"({"translation_en":"Inclusive Abidjan."})");
    BOOST_REQUIRE(translated.status == 200);
    // Once translated, the step waits for the next thing: a partner to review it.
    const auto next = translated.json->getArray("held");
    BOOST_REQUIRE_EQUAL(next->size(), 1u);
    BOOST_TEST(next->getObject(0)->getValue<std::string>("guard") == "has_assignment");
    BOOST_TEST(next->getObject(0)->getValue<std::string>("message") ==
               "Attribuez d’abord l’évaluation à au moins un partenaire.");
  }
  BOOST_TEST(found, "the demo's Abidjan proposal in screening is held for its translation");
}

BOOST_AUTO_TEST_SUITE_END()
