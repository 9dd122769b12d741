#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "modules/core/message.h"

// Identifiers of open data: organisations' org-id identifiers (org-id.guide), the fund's 360Giving
// prefix and the ids both standards build from them.
namespace citygrants::opendata {

// The longest identifier kept (org-id.guide sets no limit; IATI refs are rarely past 60).
inline constexpr std::size_t kMaxIdentifier = 120;

// Why `id` is not an org-id identifier ("SCHEME-ID": a scheme of two parts, a registration area
// of two capital letters such as XM, XI or GB and a list code of capitals and digits, then the
// identifier from that list: XM-DAC-41121, XI-WIKIDATA-Q174, GB-CHC-1234567); nullopt when it is.
std::optional<core::Message> orgIdProblem(std::string_view id);

// Why `prefix` is not a 360Giving prefix ("360G-" then letters, digits, '-' or '_'); nullopt when it is.
std::optional<core::Message> givingPrefixProblem(std::string_view prefix);

// The id an organisation without an org-id identifier gets in the fund's files: the fund's
// prefix, "ORG" and its number (360G-gcf-ORG-12), as 360Giving's identifier guidance advises.
// REQUIRES: givingPrefixProblem(prefix) is nullopt.
std::string fallbackOrgId(std::string_view prefix, std::int64_t org_id);

// The id of an organisation in the files: its identifier, or fallbackOrgId when it has none.
std::string openOrgId(std::string_view identifier, std::string_view prefix, std::int64_t org_id);

// A grant's 360Giving id: the prefix and the grant's reference (360G-gcf-GCF-2026-0001-G).
std::string givingGrantId(std::string_view prefix, std::string_view grant_reference);

// A grant's IATI identifier: the reporting-org ref and the grant's reference.
std::string iatiIdentifier(std::string_view reporting_ref, std::string_view grant_reference);

}  // namespace citygrants::opendata
