#include "modules/opendata/org_id.h"

namespace citygrants::opendata {
namespace {

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isLetter(char c) { return isUpper(c) || (c >= 'a' && c <= 'z'); }

}  // namespace

std::optional<core::Message> orgIdProblem(std::string_view id) {
  const core::Message shape("opendata.org_id_shape");
  if (id.size() > kMaxIdentifier) return core::Message("field.too_long", {{"max", kMaxIdentifier}});
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
    if (c <= ' ' || c > '~') return core::Message("opendata.org_id_ascii");
  }
  return std::nullopt;
}

std::optional<core::Message> givingPrefixProblem(std::string_view prefix) {
  const std::string_view head = "360G-";
  if (prefix.size() > 40) return core::Message("field.too_long", {{"max", 40}});
  if (!prefix.starts_with(head) || prefix.size() == head.size()) {
    return core::Message("opendata.giving_prefix_shape");
  }
  for (auto c : prefix.substr(head.size())) {
    if (!isLetter(c) && !isDigit(c) && c != '-' && c != '_') {
      return core::Message("opendata.giving_prefix_chars");
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
