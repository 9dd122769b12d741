#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "modules/core/message.h"

// The server's message catalogs: one JSON file per language (modules/i18n/messages/<lang>.json,
// a flat object of "key": "text with {named} placeholders", like the console's), compiled into
// the binary. English is complete by construction (its keys are the keys, message_keys.h); the
// catalog test fails on a key another language lacks.
namespace citygrants::i18n {

// The languages the server writes in (users.language), English first: the fallback.
inline constexpr std::string_view kLanguages[] = {"en", "fr", "es", "pt"};

bool isLanguage(std::string_view language);

// One language's texts by key.
class Catalog {
 public:
  // The catalog written in `json`. Throws std::logic_error naming what is wrong: not a flat
  // object of strings, a key twice, a bad escape.
  static Catalog parse(std::string_view json);

  // The text of `key`, or null.
  const std::string* find(std::string_view key) const;
  std::vector<std::string> keys() const;

 private:
  std::map<std::string, std::string, std::less<>> texts_;
};

// The catalog compiled in for `language`; English's for a language the server does not write.
const Catalog& catalogOf(std::string_view language);

// `message` in `language`: the language's text of the key, else the English one, with each
// {name} replaced by its value in one pass (a value is never scanned again) — a term in
// `language` too (else English, else the term's value as it is), a number grouped as
// `language` writes it. A placeholder without a value is left as written.
std::string render(std::string_view language, const core::Message& message);

// The placeholder names of `text`, in order, repeats included.
std::vector<std::string> placeholders(std::string_view text);

// `number` (digits, perhaps after '-') as `language` writes it: 20,000 (en), 20 000 (fr, with a
// narrow no-break space), 20.000 (es, pt). English groups from 1,000; the others from 10 000 (a
// four-digit number is written as it is).
std::string groupDigits(std::string_view language, std::string_view number);

// The language to answer in for an Accept-Language header (RFC 9110 §12.5.4): of en, fr, es and
// pt, the one with the highest weight (by primary subtag: "fr-CA" is fr; "*" is English);
// English when none is acceptable or the header is empty or malformed.
std::string_view acceptedLanguage(std::string_view accept_language);

}  // namespace citygrants::i18n
