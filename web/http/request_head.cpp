#include "web/http/request_head.h"

#include <algorithm>
#include <cctype>

namespace citygrants::http {
namespace {

bool sameName(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A Content-Length of 1 to 18 digits (as framing.cpp accepts), or nullopt.
std::optional<std::uint64_t> lengthOf(std::string_view value) {
  if (value.empty() || value.size() > 18) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : value) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return n;
}

// Where the head ends (just past its blank line) in `bytes`, searched from `from`, or npos.
std::size_t headEnd(std::string_view bytes, std::size_t from) {
  for (auto nl = bytes.find('\n', from); nl != std::string_view::npos; nl = bytes.find('\n', nl + 1)) {
    if (nl + 1 < bytes.size() && bytes[nl + 1] == '\n') return nl + 2;
    if (nl + 2 < bytes.size() && bytes[nl + 1] == '\r' && bytes[nl + 2] == '\n') return nl + 3;
  }
  return std::string_view::npos;
}

}  // namespace

RequestHead readRequestHead(std::string_view bytes, std::size_t max_header_bytes) {
  RequestHead head;
  std::size_t start = 0;
  while (start < bytes.size() && (bytes[start] == '\r' || bytes[start] == '\n')) ++start;
  const auto line_end = bytes.find('\n', start);
  const auto line = bytes.substr(start, line_end == std::string_view::npos ? std::string_view::npos : line_end - start);
  const auto sp = line.find(' ');
  head.method = line.substr(0, sp);
  if (sp != std::string_view::npos) head.target = line.substr(sp + 1, line.find(' ', sp + 1) - sp - 1);

  const auto end = line_end == std::string_view::npos ? std::string_view::npos : headEnd(bytes, line_end);
  if (end == std::string_view::npos || end > max_header_bytes) {
    head.status = std::min(bytes.size(), end) > max_header_bytes ? RequestHead::Status::kTooLarge
                                                                 : RequestHead::Status::kIncomplete;
    return head;
  }
  head.status = RequestHead::Status::kComplete;
  head.header_bytes = end;
  int lengths = 0;
  bool length_ok = true;
  for (auto pos = line_end + 1; pos < end;) {
    const auto eol = bytes.find('\n', pos);
    const auto field = bytes.substr(pos, eol - pos);
    pos = eol + 1;
    const auto colon = field.find(':');
    if (colon == std::string_view::npos) continue;
    const auto name = field.substr(0, colon);
    const auto value = trimmed(field.substr(colon + 1));
    if (sameName(name, "content-length")) {
      ++lengths;
      const auto n = lengthOf(value);
      length_ok = length_ok && n.has_value();
      if (n) head.body_bytes = *n;
    } else if (sameName(name, "transfer-encoding")) {
      head.framing_unknown = true;
    } else if (sameName(name, "expect")) {
      head.expects_continue = sameName(value, "100-continue");
    }
  }
  if (lengths > 1 || !length_ok) head.framing_unknown = true;
  if (head.framing_unknown) head.body_bytes = 0;
  return head;
}

}  // namespace citygrants::http
