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

}  // namespace citygrants::core
