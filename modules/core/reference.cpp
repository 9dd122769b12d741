#include "modules/core/reference.h"

#include <cstdio>

#include "modules/core/problem.h"

namespace citygrants::core {

std::string proposalReference(int year, int number) {
  if (year < 2000 || year > 9999) throw Problem::invalidField("year", "field.out_of_range");
  if (number < 1 || number > kMaxReferenceNumber)
    throw Problem::invalidField("number", "field.out_of_range");
  char buf[32];
  std::snprintf(buf, sizeof buf, "GCF-%04d-%04d", year, number);
  return buf;
}

std::string grantReference(std::string_view proposal_reference) {
  return std::string(proposal_reference) + "-G";
}

std::string trancheReference(std::string_view proposal_reference, int seq) {
  if (seq < 1) throw Problem::invalidField("seq", {"field.at_least", {{"min", 1}}});
  return std::string(proposal_reference) + "-T" + std::to_string(seq);
}

std::string reportReference(std::string_view proposal_reference, int seq) {
  if (seq < 1) throw Problem::invalidField("seq", {"field.at_least", {{"min", 1}}});
  return std::string(proposal_reference) + "-R" + std::to_string(seq);
}

std::optional<ParsedReference> parseProposalReference(std::string_view text) {
  // "GCF-" 4 digits "-" then 4 digits, or 5 to 6 digits without a leading zero (canonical only).
  if (text.size() < 13 || text.size() > 15 || text.substr(0, 4) != "GCF-" || text[8] != '-') {
    return std::nullopt;
  }
  if (text.size() > 13 && text[9] == '0') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t n) -> std::optional<int> {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  auto year = digits(4, 4);
  auto number = digits(9, text.size() - 9);
  if (!year || !number || *year < 2000 || *number < 1) return std::nullopt;
  return ParsedReference{*year, *number};
}

std::string_view recordEntity(RecordKind kind) {
  switch (kind) {
    case RecordKind::kProposal:
      return "proposal";
    case RecordKind::kGrant:
      return "grant";
    case RecordKind::kTranche:
      return "tranche";
    case RecordKind::kReport:
      return "report";
  }
  return "unknown";
}

std::optional<RecordReference> parseRecordReference(std::string_view text) {
  constexpr std::size_t kNumberStart = 9;  // after "GCF-2026-"
  constexpr int kMaxSeq = 9'999;
  const auto dash =
      text.size() > kNumberStart ? text.find('-', kNumberStart) : std::string_view::npos;
  const auto proposal = text.substr(0, dash);
  if (!parseProposalReference(proposal)) return std::nullopt;
  RecordReference out{RecordKind::kProposal, std::string(proposal), 0};
  if (dash == std::string_view::npos) return out;
  const auto suffix = text.substr(dash + 1);
  if (suffix == "G") {
    out.kind = RecordKind::kGrant;
    return out;
  }
  if (suffix.size() < 2 || (suffix[0] != 'T' && suffix[0] != 'R') || suffix[1] == '0' ||
      suffix.size() > 5) {
    return std::nullopt;
  }
  int seq = 0;
  for (char c : suffix.substr(1)) {
    if (c < '0' || c > '9') return std::nullopt;
    seq = seq * 10 + (c - '0');
  }
  if (seq < 1 || seq > kMaxSeq) return std::nullopt;
  out.kind = suffix[0] == 'T' ? RecordKind::kTranche : RecordKind::kReport;
  out.seq = seq;
  return out;
}

}  // namespace citygrants::core
