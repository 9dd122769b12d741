#pragma once

#include <span>
#include <string_view>

namespace citygrants::mail {

// One text of a language's mail catalog. A template `k` is the pair "k.subject" and "k.body";
// the other keys are terms the notifications fill in (a report's kind, a month, how an amount
// is written). `{name}` in a text is a placeholder (render.h).
struct Entry {
  std::string_view key;
  std::string_view text;
};

// The languages mail is written in (users.language), English first: the fallback.
inline constexpr std::string_view kLanguages[] = {"en", "fr", "es", "pt"};

// The templates every language has, each as "<key>.subject" and "<key>.body".
inline constexpr std::string_view kTemplates[] = {
    "proposal_submitted", "submission_received", "revision_requested", "review_assigned",
    "concept_invited",    "concept_declined",    "proposal_approved",  "proposal_rejected",
    "tranche_requested",  "tranche_verified",    "tranche_disbursed",  "report_due",
    "password_reset",     "team_invitation",
    "report_overdue",     "review_due",          "review_overdue",     "award_waiting",
    "call_closing",
    "message_received",   "internal_message_received",
    "amendment_requested", "amendment_reviewed", "amendment_approved", "amendment_rejected",
    "amendment_applied",
};

// The catalog of each language, one file each (templates_en.cpp, ...).
std::span<const Entry> englishCatalog();
std::span<const Entry> frenchCatalog();
std::span<const Entry> spanishCatalog();
std::span<const Entry> portugueseCatalog();

// Whether mail is written in `language`.
bool isMailLanguage(std::string_view language);

// The catalog of `language`; English for a language mail is not written in.
std::span<const Entry> catalogOf(std::string_view language);

// The text of `key` in `language` (English for a language mail is not written in).
// REQUIRES: the catalog has `key` (else throws std::logic_error: a template or term is missing,
// which the catalog test rules out).
std::string_view text(std::string_view language, std::string_view key);

}  // namespace citygrants::mail
