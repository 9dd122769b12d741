#include <string>

#include <Poco/JSON/Array.h>
#include <boost/test/unit_test.hpp>

#include "tests/web/openapi_spec.h"
#include "tests/web/pipeline_steps.h"

// Issue 15 part 6 over HTTP on the demo fund: the server's refusals in the reader's language
// (a signed-in user's saved language, else Accept-Language, else English), the words of calls
// and criteria in four languages with English where a translation is missing, and their edit.
// The demo's cities write in French (Abidjan), Spanish (Montevideo) and Portuguese (São Paulo).
using namespace citygrants;
using namespace citygrants::webtest;

namespace {

// The field error of `r` at `field`, or "".
std::string fieldMessage(const Response& r, const std::string& field) {
  if (!r.json || !r.json->has("errors")) return "";
  const auto errors = r.json->getArray("errors");
  for (unsigned i = 0; i < errors->size(); ++i) {
    const auto e = errors->getObject(i);
    if (e->getValue<std::string>("field") == field) return e->getValue<std::string>("message");
  }
  return "";
}

std::string text(const Response& r, const std::string& member) {
  return r.json ? r.json->getValue<std::string>(member) : "";
}

// The demo call with code `code`.
Poco::JSON::Object::Ptr callCoded(Client& c, const std::string& code) {
  const auto items = itemsOf(read(c, "/api/v1/calls"));
  for (unsigned i = 0; i < items->size(); ++i) {
    if (items->getObject(i)->getValue<std::string>("code") == code) return items->getObject(i);
  }
  BOOST_FAIL("no call " << code);
  return nullptr;
}

// A draft proposal body in a language the fund does not write in, a target group ticked twice.
std::string badDraft(std::int64_t call_id) {
  return "{\"call_id\":" + std::to_string(call_id) +
         ",\"language\":\"de\",\"target_groups\":[\"migrants\",\"migrants\"]}";
}

struct Expected {
  const char* login;
  const char* language;
  const char* title;
  const char* detail;
  const char* language_message;
  const char* group_message;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(multilingual_over_http, *boost::unit_test::fixture<SeededServer>())

BOOST_AUTO_TEST_CASE(a_city_gets_problem_details_and_field_messages_in_its_own_language) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client fm1 = server.signedIn("fm1@mmc.demo");
  const auto call_id = callCoded(fm1, "GCF-2026")->getValue<std::int64_t>("id");
  const Expected cities[] = {
      {"applicant@abidjan.demo", "fr", "Saisie non valide",
       "Certains champs nécessitent votre attention : language, target_groups[1].",
       "Choisissez anglais, français, espagnol ou portugais.", "Ce groupe est coché deux fois."},
      {"applicant@montevideo.demo", "es", "Datos no válidos",
       "Algunos campos requieren su atención: language, target_groups[1].",
       "Elija inglés, francés, español o portugués.", "Este grupo está marcado dos veces."},
      {"applicant@saopaulo.demo", "pt", "Dados inválidos",
       "Alguns campos precisam da sua atenção: language, target_groups[1].",
       "Escolha inglês, francês, espanhol ou português.", "Este grupo está marcado duas vezes."},
      {"applicant@kampala.demo", "en", "Invalid input",
       "Some fields need your attention: language, target_groups[1].",
       "Choose English, French, Spanish or Portuguese.", "This group is ticked twice."},
  };
  for (const auto& city : cities) {
    BOOST_TEST_CONTEXT(city.login) {
      Client c = server.signedIn(city.login);
      const auto r = c.post("/api/v1/proposals", badDraft(call_id));
      expectProblem(spec, r, 422, "POST", "/api/v1/proposals", city.login);
      BOOST_TEST(r.header("Content-Language") == city.language);
      BOOST_TEST(text(r, "type") == "https://citygrants.gcf/problems/invalid",
                 "machines' words stay");
      BOOST_TEST(text(r, "title") == city.title);
      BOOST_TEST(text(r, "detail") == city.detail);
      BOOST_TEST(fieldMessage(r, "language") == city.language_message);
      BOOST_TEST(fieldMessage(r, "target_groups[1]") == city.group_message);
    }
  }
}

BOOST_AUTO_TEST_CASE(refused_steps_and_missing_records_are_explained_in_the_readers_language) {
  auto& server = SeededServer::get();
  const Spec spec(server);
  Client abidjan = server.signedIn("applicant@abidjan.demo");
  // The demo's Abidjan proposal in screening: the city may not approve it, nor anything else.
  const auto items = itemsOf(read(abidjan, "/api/v1/proposals?state=screening"));
  BOOST_REQUIRE_EQUAL(items->size(), 1u);
  const auto path =
      "/api/v1/proposals/" + std::to_string(items->getObject(0)->getValue<std::int64_t>("id"));
  const auto wrong = tryFire(abidjan, path, {.name = "resubmit"});
  expectProblem(spec, wrong, 409, "POST", "/api/v1/proposals/{id}/transitions", "resubmit");
  BOOST_TEST(text(wrong, "title") == "Impossible dans cet état");
  BOOST_TEST(text(wrong, "detail") ==
             "L’étape « soumettre à nouveau » n’est pas possible : ce dossier (proposition) est à "
             "l’état « en présélection ».");
  const auto unknown = tryFire(abidjan, path, {.name = "teleport"});
  BOOST_TEST(unknown.status == 422);
  BOOST_TEST(fieldMessage(unknown, "event") ==
             "L’étape « teleport » n’existe pas pour ce type de dossier (proposition).");

  const auto missing = abidjan.get("/api/v1/proposals/999999");
  expectProblem(spec, missing, 404, "GET", "/api/v1/proposals/{id}", "missing");
  BOOST_TEST(text(missing, "title") == "Introuvable");
  BOOST_TEST(text(missing, "detail") == "Introuvable (proposition), ou vous n’y avez pas accès.");

  Client saopaulo = server.signedIn("applicant@saopaulo.demo");
  const auto audit = saopaulo.get("/api/v1/audit");
  BOOST_TEST(audit.status == 403);
  BOOST_TEST(text(audit, "title") == "Proibido");
  BOOST_TEST(text(audit, "detail") ==
             "Somente os auditores e os gestores do fundo consultam a cadeia de auditoria.");

  Client montevideo = server.signedIn("applicant@montevideo.demo");
  const auto stale = montevideo.put(path, "{}", {{"If-Match", "\"v1\""}});
  BOOST_TEST(stale.status == 404, "another city's proposal does not exist for them");
  BOOST_TEST(text(stale, "detail") == "No se encuentra (propuesta), o no tiene acceso.");
}

BOOST_AUTO_TEST_CASE(accept_language_speaks_for_strangers_and_the_saved_language_wins) {
  auto& server = SeededServer::get();
  const std::string wrong = R"({"email":"nobody@city.example","password":"not-the-password"})";
  struct Case {
    const char* header;
    const char* detail;
  };
  const Case cases[] = {
      {"es-UY,es;q=0.9", "El correo electrónico o la contraseña no son correctos."},
      {"pt-BR", "O e-mail ou a senha estão incorretos."},
      {"de-DE, fr;q=0.5", "L’adresse e-mail ou le mot de passe est incorrect."},
      {"de-DE", "The email or password is wrong."},
      {"", "The email or password is wrong."},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT("Accept-Language: " << c.header) {
      Client stranger = server.client();
      const auto r =
          stranger.post("/api/v1/session", wrong,
                        c.header[0] ? Headers{{"Accept-Language", c.header}} : Headers{});
      BOOST_TEST(r.status == 401);
      BOOST_TEST(text(r, "detail") == c.detail);
    }
  }
  // Signed in, the language saved to the account wins over the browser's.
  Client abidjan = server.signedIn("applicant@abidjan.demo");
  const auto fr = abidjan.get("/api/v1/proposals/999998", {{"Accept-Language", "es"}});
  BOOST_TEST(fr.header("Content-Language") == "fr");
  BOOST_TEST(text(fr, "title") == "Introuvable");
  Client fm1 = server.signedIn("fm1@mmc.demo");  // saved English
  const auto en = fm1.get("/api/v1/proposals/999998", {{"Accept-Language", "fr"}});
  BOOST_TEST(en.header("Content-Language") == "en");
  BOOST_TEST(text(en, "title") == "Not found");
  // A bearer token speaks for its user too.
  const auto token = abidjan.post("/api/v1/tokens", R"({"name":"langue"})");
  BOOST_REQUIRE(token.status == 201);
  Client machine = server.client();
  machine.bearer = token.json->getValue<std::string>("token");
  const auto by_token = machine.get("/api/v1/proposals/999998", {{"Accept-Language", "pt"}});
  BOOST_TEST(by_token.header("Content-Language") == "fr");
}

BOOST_AUTO_TEST_SUITE_END()
