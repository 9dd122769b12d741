#pragma once

#include <optional>
#include <string>

#include "modules/records/call.h"

// The words the demo fund gives in more than one language: the English translations the fund
// attaches to proposals written in Spanish, Portuguese or French before they go to review, and
// the round's calls and criteria in French, Spanish and Portuguese.
namespace citygrants::seed {

// The fund's English translation of the demo proposal titled `title` (its title, then its
// summary); nothing for a proposal the demo does not translate.
std::optional<std::string> demoTranslation(const std::string& title);

// Gives the demo call `call` (by its code: GCF-2026, GCF-2027) its title and description in
// French, Spanish and Portuguese, and each of its criteria (by code) guidance for reviewers in
// English with its name and guidance in the three languages. The 2027 round, still being set up,
// has its title translated into French only: the other languages fall back to English.
void translateDemoCall(records::Call& call);

}  // namespace citygrants::seed
