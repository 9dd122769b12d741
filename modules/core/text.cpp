#include "modules/core/text.h"

#include <cstdio>
#include <utility>

namespace citygrants::core {

namespace {

// The code point at s[i] and its length in bytes, when a valid UTF-8 sequence starts there (no
// overlongs, no surrogates, nothing past U+10FFFF).
std::optional<std::pair<unsigned, std::size_t>> decodeAt(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  unsigned cp = 0;
  if (c < 0x80) {
    len = 1, cp = c;
  } else if ((c >> 5) == 0x6) {
    len = 2, cp = c & 0x1Fu;
  } else if ((c >> 4) == 0xE) {
    len = 3, cp = c & 0x0Fu;
  } else if ((c >> 3) == 0x1E) {
    len = 4, cp = c & 0x07u;
  } else {
    return std::nullopt;
  }
  if (i + len > s.size()) return std::nullopt;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b >> 6) != 0x2) return std::nullopt;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  static constexpr unsigned kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinForLength[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return std::nullopt;
  }
  return std::pair{cp, len};
}

}  // namespace

std::optional<std::size_t> utf8Length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) {
    const auto one = decodeAt(s, i);
    if (!one) return std::nullopt;
    i += one->second;
  }
  return n;
}

std::string jsonLogText(std::string_view s, std::size_t max_bytes) {
  std::string out = "\"";
  std::size_t i = 0;
  while (i < s.size() && i < max_bytes) {
    const auto one = decodeAt(s, i);
    if (!one) {  // a byte that starts no valid sequence: the replacement character
      out += "\\ufffd";
      ++i;
      continue;
    }
    const auto [cp, len] = *one;
    if (i + len > max_bytes) break;  // a character cut by the cap is left out whole
    if (cp == '"' || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp < 0x20 || cp == 0x7F || cp == 0x2028 || cp == 0x2029) {
      // Control characters (a forged line end among them) and the JavaScript line separators.
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", cp);
      out += buf;
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  if (i < s.size()) out += "...[+" + std::to_string(s.size() - i) + " bytes]";
  return out + "\"";
}

bool isBlank(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 2, "\xC2\xA0") == 0) {  // no-break space
      ++i;
      continue;
    }
    if (std::string_view(" \t\r\n\v\f").find(s[i]) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace citygrants::core
