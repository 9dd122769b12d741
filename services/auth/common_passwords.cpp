#include "services/auth/common_passwords.h"

#include <algorithm>
#include <cctype>
#include <span>
#include <string>
#include <unordered_set>

#include "modules/core/embedded_file.h"

namespace citygrants::auth {
namespace embedded_password_lists {
std::span<const core::EmbeddedFile> files();
}  // namespace embedded_password_lists

namespace {

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

const std::unordered_set<std::string>& lists() {
  static const std::unordered_set<std::string> set = [] {
    std::unordered_set<std::string> out;
    for (const auto& file : embedded_password_lists::files()) {
      std::string_view rest(file.data, file.size);
      while (!rest.empty()) {
        const auto end = rest.find('\n');
        auto line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.starts_with("#!comment:")) continue;
        out.insert(lowered(line));
      }
    }
    return out;
  }();
  return set;
}

}  // namespace

bool isCommonPassword(std::string_view password) { return lists().contains(lowered(password)); }

std::size_t commonPasswordCount() { return lists().size(); }

}  // namespace citygrants::auth
