#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace citygrants::core {

// People see references, never surrogate ids: GCF-2026-0007 (proposal), GCF-2026-0007-G (grant),
// GCF-2026-0007-T2 (second tranche).

// The number is zero-padded to four digits and grows past them: GCF-2026-0007, GCF-2026-12345.
inline constexpr int kMaxReferenceNumber = 999'999;

// REQUIRES: 2000 <= year <= 9999, 1 <= number <= kMaxReferenceNumber (else throws kInvalid).
std::string proposalReference(int year, int number);
std::string grantReference(std::string_view proposal_reference);
// REQUIRES: seq >= 1.
std::string trancheReference(std::string_view proposal_reference, int seq);

// The year and number of a proposal reference, or nothing when `text` is not one.
struct ParsedReference {
  int year;
  int number;
};
std::optional<ParsedReference> parseProposalReference(std::string_view text);

}  // namespace citygrants::core
