#include "modules/opendata/org_id.h"

namespace citygrants::opendata {
namespace {

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLetter(char c) { return isUpper(c) || (c >= 'a' && c <= 'z'); }

}  // namespace

std::optional<std::string> orgIdProblem(std::string_view id) {
  const std::string shape = "an org-id such as XM-DAC-41121 or XI-WIKIDATA-Q174";
  if (id.size() > kMaxIdentifier) return "at most " + std::to_string(kMaxIdentifier) + " characters";
  const auto first = id.find('-');
  const auto second = first == std::string_view::npos ? first : id.find('-', first + 1);
  if (first != 2 || !isUpper(id[0]) || !isUpper(id[1]) || second == std::string_view::npos ||
      second == first + 1 || second + 1 >= id.size()) {
    return shape;
  }
  for (auto c : id.substr(first + 1, second - first - 1)) {
    if (!isUpper(c) && !isDigit(c)) return shape;
  }
  for (auto c : id.substr(second + 1)) {
    // Printable ASCII without spaces: identifiers from registers are codes, not prose.
    if (c <= ' ' || c > '~') return "the identifier part may not contain spaces or non-ASCII characters";
  }
  return std::nullopt;
}

std::optional<std::string> givingPrefixProblem(std::string_view prefix) {
  const std::string_view head = "360G-";
  if (prefix.size() > 40) return "at most 40 characters";
  if (!prefix.starts_with(head) || prefix.size() == head.size()) {
    return "a 360Giving prefix such as 360G-gcf";
  }
  for (auto c : prefix.substr(head.size())) {
    if (!isLetter(c) && !isDigit(c) && c != '-' && c != '_') {
      return "letters, digits, '-' and '_' only after 360G-";
    }
  }
  return std::nullopt;
}

std::string fallbackOrgId(std::string_view prefix, std::int64_t org_id) {
  return std::string(prefix) + "-ORG-" + std::to_string(org_id);
}

std::string openOrgId(std::string_view identifier, std::string_view prefix, std::int64_t org_id) {
  return identifier.empty() ? fallbackOrgId(prefix, org_id) : std::string(identifier);
}

std::string givingGrantId(std::string_view prefix, std::string_view grant_reference) {
  return std::string(prefix) + "-" + std::string(grant_reference);
}

std::string iatiIdentifier(std::string_view reporting_ref, std::string_view grant_reference) {
  return std::string(reporting_ref) + "-" + std::string(grant_reference);
}

}  // namespace citygrants::opendata
