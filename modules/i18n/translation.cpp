#include "modules/i18n/translation.h"

#include <algorithm>
#include <set>
#include <utility>

#include "modules/core/text.h"

namespace citygrants::i18n {

const std::string& localized(const std::vector<Translation>& translations,
                             std::string_view language, std::string_view field,
                             const std::string& english) {
  for (const auto& t : translations) {
    if (t.language == language && t.field == field) return t.text;
  }
  return english;
}

std::vector<core::FieldError> translationErrors(const std::vector<Translation>& translations,
                                                std::span<const TranslatableField> fields,
                                                const std::string& at) {
  std::vector<core::FieldError> out;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& t : translations) {
    const std::string name = at + "translations." + t.language + "." + t.field;
    const bool known_language =
        std::find(std::begin(kTranslationLanguages), std::end(kTranslationLanguages), t.language) !=
        std::end(kTranslationLanguages);
    if (!known_language) {
      out.push_back({at + "translations." + t.language, "translation.language"});
      continue;
    }
    const auto field = std::find_if(fields.begin(), fields.end(),
                                    [&](const TranslatableField& f) { return f.name == t.field; });
    if (field == fields.end()) {
      out.push_back({name, "field.unknown"});
      continue;
    }
    if (!seen.insert({t.language, t.field}).second) {
      out.push_back({name, "field.twice"});
      continue;
    }
    const auto length = core::utf8Length(t.text);
    if (!length) {
      out.push_back({name, "field.not_utf8"});
    } else if (core::isBlank(t.text)) {
      out.push_back({name, "field.required"});
    } else if (*length > field->max_chars) {
      out.push_back({name, {"field.too_long", {{"max", field->max_chars}}}});
    }
  }
  return out;
}

std::vector<Translation> dropBlank(std::vector<Translation> translations) {
  std::erase_if(translations, [](const Translation& t) { return core::isBlank(t.text); });
  return translations;
}

}  // namespace citygrants::i18n
