#include "services/mail/catalog.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace citygrants::mail {

bool isMailLanguage(std::string_view language) {
  return std::find(std::begin(kLanguages), std::end(kLanguages), language) != std::end(kLanguages);
}

std::span<const Entry> catalogOf(std::string_view language) {
  if (language == "fr") return frenchCatalog();
  if (language == "es") return spanishCatalog();
  if (language == "pt") return portugueseCatalog();
  return englishCatalog();
}

std::string_view text(std::string_view language, std::string_view key) {
  const auto entries = catalogOf(language);
  const auto found =
      std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.key == key; });
  if (found == entries.end()) {
    throw std::logic_error("mail catalog '" + std::string(language) + "' has no '" +
                           std::string(key) + "'");
  }
  return found->text;
}

}  // namespace citygrants::mail
