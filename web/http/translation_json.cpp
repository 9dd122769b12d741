#include "web/http/translation_json.h"

#include <algorithm>

namespace citygrants::http {

JsonObject textsJson(const std::vector<std::pair<std::string, std::string>>& english,
                     const std::vector<i18n::Translation>& translations) {
  auto out = object();
  auto en = object();
  for (const auto& [field, text] : english) en->set(field, text);
  out->set("en", en);
  for (auto language : i18n::kTranslationLanguages) {
    auto texts = object();
    for (const auto& [field, text] : english) {
      for (const auto& t : translations) {
        if (t.language == language && t.field == field) texts->set(field, t.text);
      }
    }
    if (texts->size() > 0) out->set(std::string(language), texts);
  }
  return out;
}

std::vector<i18n::Translation> readTranslations(JsonReader& in,
                                                std::span<const i18n::TranslatableField> fields) {
  std::vector<i18n::Translation> out;
  auto given = in.child("translations", false);
  if (!given) return out;
  for (const auto& language : given->names()) {
    const bool known =
        std::find(std::begin(i18n::kTranslationLanguages), std::end(i18n::kTranslationLanguages),
                  language) != std::end(i18n::kTranslationLanguages);
    if (!known) {
      given->child(language, false);  // read, so that it is not also called an unknown field
      given->fail(language, "translation.language");
      continue;
    }
    auto texts = given->child(language, true);
    if (!texts) continue;
    for (const auto& f : fields) {
      if (auto text = texts->text(std::string(f.name), false, f.max_chars)) {
        out.push_back({language, std::string(f.name), *text});
      }
    }
    given->absorb(*texts);
  }
  in.absorb(*given);
  return i18n::dropBlank(std::move(out));
}

}  // namespace citygrants::http
