#include "web/http/openapi_schema_parts.h"
#include "web/http/schema_builder.h"

namespace citygrants::http::schemas {

using namespace schema;

// search_handlers.cpp.
void addSearchSchemas(JsonObject out) {
  out->set("SnippetPiece", closed({{"text", describe(text(), "plain text, never markup")},
                                   {"mark", describe(boolean(), "a word the search matched")}}));
  out->set("SearchHit",
           closed({{"kind", choice({"proposal", "grant", "organisation", "call"})},
                   {"id", integer()},
                   {"reference", describe(text(),
                                          "a proposal's or grant's reference, a call's code, "
                                          "an organisation's org-id, or \"\"")},
                   {"title", describe(text(), "a title, or an organisation's name")},
                   {"snippet", describe(list(ref("SnippetPiece")),
                                        "the text that matched, in pieces: the reference, title, "
                                        "city or place, summary, translation or description")}}));
  out->set("SearchPage", pageOf("SearchHit"));
}

}  // namespace citygrants::http::schemas
