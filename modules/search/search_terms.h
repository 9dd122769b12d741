#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What a reader typed into the search box, reduced to plain words: the only part of it that
// ever reaches a full-text query. Quotes, stars, parentheses, colons, NEAR(, AND, OR... are
// separators like spaces, never syntax.
namespace citygrants::search {

inline constexpr std::size_t kMaxQueryChars = 200;  // code points
inline constexpr std::size_t kMaxWords = 16;        // the words after these are left out

// Why `q` cannot be searched ("required", "at most 200 characters", "not valid UTF-8"), or
// nothing when it can.
std::optional<std::string> queryProblem(std::string_view q);

// The words of `q`, in order, at most kMaxWords: runs of letters and digits (ASCII letters and
// digits, and every code point above U+007F except the spaces, punctuation and symbols of
// Latin-1, General Punctuation and CJK Symbols). May be empty ("***"): such a query finds
// nothing. REQUIRES: queryProblem(q) is nothing.
std::vector<std::string> wordsOf(std::string_view q);

// One piece of a snippet: text as stored, and whether it is a matched word.
struct Segment {
  std::string text;
  bool marked = false;
  bool operator==(const Segment&) const = default;
};

// The pieces of `snippet`, whose matched words sit between `open` and `close` (control bytes
// the full-text engines were asked to put there). Text is never interpreted: a reader's "<b>"
// stays text. Stray or nested marks are dropped; empty pieces are left out.
std::vector<Segment> markedSegments(std::string_view snippet, char open, char close);

}  // namespace citygrants::search
