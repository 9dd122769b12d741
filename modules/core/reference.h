#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace citygrants::core {

// People see references, never surrogate ids: GCF-2026-0007 (proposal), GCF-2026-0007-G (grant),
// GCF-2026-0007-T2 (second tranche), GCF-2026-0007-R1 (first report).

// The number is zero-padded to four digits and grows past them: GCF-2026-0007, GCF-2026-12345.
inline constexpr int kMaxReferenceNumber = 999'999;

// REQUIRES: 2000 <= year <= 9999, 1 <= number <= kMaxReferenceNumber (else throws kInvalid).
std::string proposalReference(int year, int number);
std::string grantReference(std::string_view proposal_reference);
// REQUIRES: seq >= 1.
std::string trancheReference(std::string_view proposal_reference, int seq);
// REQUIRES: seq >= 1. Reports carry no reference column: this is computed wherever one is shown.
std::string reportReference(std::string_view proposal_reference, int seq);

// The year and number of a proposal reference, or nothing when `text` is not one.
struct ParsedReference {
  int year;
  int number;
};
std::optional<ParsedReference> parseProposalReference(std::string_view text);

// The kinds of record a reference names.
enum class RecordKind { kProposal, kGrant, kTranche, kReport };

// The audit entity of a record kind: "proposal", "grant", "tranche", "report".
std::string_view recordEntity(RecordKind kind);

// A reference of any record, read: its kind, the proposal's reference it grows from, and the
// tranche's or report's number (0 for a proposal or a grant).
struct RecordReference {
  RecordKind kind = RecordKind::kProposal;
  std::string proposal_reference;
  int seq = 0;
};

// Reads a canonical reference (as the functions above write it, upper case, no spaces):
// GCF-2026-0007, GCF-2026-0007-G, GCF-2026-0007-T2, GCF-2026-0007-R1; nothing for any other text.
std::optional<RecordReference> parseRecordReference(std::string_view text);

}  // namespace citygrants::core
