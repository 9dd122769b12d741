#pragma once

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "modules/i18n/translation.h"
#include "web/http/json_encode.h"
#include "web/http/json_reader.h"

// A record's words in every language, as JSON: "texts" out ({"en": {...}, "fr": {...}}: what is
// stored, English complete) and "translations" in ({"fr": {"title": ...}, ...}: French, Spanish
// and Portuguese beside the English given in the record's own fields).
namespace citygrants::http {

// {"en": {field: english...}, "fr": {field: text...}, ...}: English from `english` (the record's
// own fields, in `english`'s order), each other language with the fields it has, in the order of
// i18n::kTranslationLanguages.
JsonObject textsJson(const std::vector<std::pair<std::string, std::string>>& english,
                     const std::vector<i18n::Translation>& translations);

// The optional "translations" member of `in`: an object keyed by language (fr, es, pt), each an
// object of the record's `fields` as optional texts. A blank text is no translation (a form's
// empty box). Field errors join `in`'s: an unknown language, field or type, a text too long.
std::vector<i18n::Translation> readTranslations(JsonReader& in,
                                                std::span<const i18n::TranslatableField> fields);

}  // namespace citygrants::http
