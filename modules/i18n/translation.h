#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "modules/core/problem.h"

// Content written in English with optional translations: a call's title and description, a
// criterion's name and guidance. English is the record's own field; each translation is one
// text per (language, field).
namespace citygrants::i18n {

// The languages content is translated into beside English.
inline constexpr std::string_view kTranslationLanguages[] = {"fr", "es", "pt"};

struct Translation {
  std::string language;  // fr, es or pt
  std::string field;     // the record's field: title, description, name, guidance
  std::string text;

  bool operator==(const Translation&) const = default;
};

// One field a record lets be translated, and its longest text in code points.
struct TranslatableField {
  std::string_view name;
  std::size_t max_chars;
};

// The text of `field` in `language`: its translation when there is one, else `english`.
const std::string& localized(const std::vector<Translation>& translations,
                             std::string_view language, std::string_view field,
                             const std::string& english);

// Field errors of `translations` as given for one record (`at` prefixes each field name, e.g.
// "criteria[1]."): a language other than fr, es or pt; a field `fields` lacks; the same
// (language, field) twice; text too long or not UTF-8. Blank texts are errors too: a language
// left out is no translation (dropBlank removes them before checking, for forms that send "").
std::vector<core::FieldError> translationErrors(const std::vector<Translation>& translations,
                                                std::span<const TranslatableField> fields,
                                                const std::string& at);

// `translations` without the blank texts (a form's empty box means "not translated").
std::vector<Translation> dropBlank(std::vector<Translation> translations);

}  // namespace citygrants::i18n
