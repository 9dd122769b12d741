#include "modules/search/search_terms.h"

#include "modules/core/text.h"

namespace citygrants::search {
namespace {

// The code point at `s[i]` and its length in bytes. REQUIRES: `s` is valid UTF-8.
std::pair<char32_t, std::size_t> decode(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, 1};
  const std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  char32_t c = b & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return {c, n};
}

bool isWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  if (c >= 0x80 && c <= 0xBF) return false;      // Latin-1 controls, spaces, punctuation, symbols
  if (c == 0xD7 || c == 0xF7) return false;      // × ÷
  if (c >= 0x2000 && c <= 0x206F) return false;  // General Punctuation (dashes, quotes, spaces)
  if (c >= 0x3000 && c <= 0x303F) return false;  // CJK symbols and punctuation
  if (c == 0xFEFF || (c >= 0xFFF0 && c <= 0xFFFF)) return false;  // BOM, specials
  return true;
}

}  // namespace

std::optional<std::string> queryProblem(std::string_view q) {
  const auto length = core::utf8Length(q);
  if (!length) return "not valid UTF-8";
  if (core::isBlank(q)) return "required: the words to look for";
  if (*length > kMaxQueryChars) return "at most 200 characters";
  return std::nullopt;
}

std::vector<std::string> wordsOf(std::string_view q) {
  std::vector<std::string> out;
  std::string word;
  for (std::size_t i = 0; i < q.size();) {
    const auto [c, n] = decode(q, i);
    if (isWordChar(c)) {
      word.append(q.substr(i, n));
    } else if (!word.empty()) {
      out.push_back(std::move(word));
      word.clear();
    }
    i += n;
    if (out.size() == kMaxWords) return out;
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

std::vector<Segment> markedSegments(std::string_view snippet, char open, char close) {
  std::vector<Segment> out;
  Segment current;
  auto flush = [&] {
    if (!current.text.empty()) out.push_back(current);
    current.text.clear();
  };
  for (char ch : snippet) {
    if (ch == open || ch == close) {
      const bool marked = ch == open;
      if (marked != current.marked) {
        flush();
        current.marked = marked;
      }
      continue;
    }
    current.text += ch;
  }
  flush();
  // Pieces next to each other with the same mark (a mark opened twice) read as one.
  std::vector<Segment> merged;
  for (auto& s : out) {
    if (!merged.empty() && merged.back().marked == s.marked) {
      merged.back().text += s.text;
    } else {
      merged.push_back(std::move(s));
    }
  }
  return merged;
}

}  // namespace citygrants::search
