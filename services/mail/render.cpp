#include "services/mail/render.h"

#include <ctime>
#include <stdexcept>

#include "modules/core/money.h"
#include "services/mail/catalog.h"

namespace citygrants::mail {
namespace {

bool isNameChar(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

// Where the placeholder starting at `open` ends (its '}'), or npos when `open` starts none.
std::size_t placeholderEnd(std::string_view s, std::size_t open) {
  std::size_t i = open + 1;
  while (i < s.size() && isNameChar(s[i])) ++i;
  return i > open + 1 && i < s.size() && s[i] == '}' ? i : std::string_view::npos;
}

// A header is one line: a line break in a title must not start a header of its own.
std::string oneLine(std::string s) {
  for (char& c : s) {
    if (c == '\r' || c == '\n' || c == '\t') c = ' ';
  }
  return s;
}

// An optional part left empty (the "future round" sentence) leaves a run of blank lines.
std::string collapseBlankLines(const std::string& s) {
  std::string out;
  int newlines = 0;
  for (char c : s) {
    newlines = c == '\n' ? newlines + 1 : 0;
    if (newlines <= 2) out += c;
  }
  return out;
}

// `digits` with `group` between each three from the right.
std::string grouped(const std::string& digits, std::string_view group) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += group;
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string consoleLink(std::string_view path) {
  return std::string(kConsoleMarker) + "#/" + std::string(path);
}

std::string fill(std::string_view pattern, const Params& params) {
  std::string out;
  std::size_t at = 0;
  while (at < pattern.size()) {
    const std::size_t open = pattern.find('{', at);
    if (open == std::string_view::npos) break;
    const std::size_t close = placeholderEnd(pattern, open);
    if (close == std::string_view::npos) {
      out.append(pattern.substr(at, open + 1 - at));
      at = open + 1;
      continue;
    }
    const auto name = pattern.substr(open + 1, close - open - 1);
    const auto value = params.find(name);
    if (value == params.end()) {
      throw std::logic_error("mail placeholder {" + std::string(name) + "} has no value");
    }
    out.append(pattern.substr(at, open - at));
    out += value->second;
    at = close + 1;
  }
  out.append(pattern.substr(at));
  return out;
}

std::vector<std::string> placeholders(std::string_view pattern) {
  std::vector<std::string> out;
  for (std::size_t open = pattern.find('{'); open != std::string_view::npos;
       open = pattern.find('{', open + 1)) {
    const std::size_t close = placeholderEnd(pattern, open);
    if (close != std::string_view::npos)
      out.emplace_back(pattern.substr(open + 1, close - open - 1));
  }
  return out;
}

Rendered render(std::string_view language, std::string_view key, const Params& params) {
  Rendered out;
  out.language = isMailLanguage(language) ? std::string(language) : std::string(kLanguages[0]);
  const std::string k(key);
  Params one_line;
  for (const auto& [name, value] : params) one_line.emplace(name, oneLine(value));
  out.subject = fill(text(out.language, k + ".subject"), one_line);
  out.body = collapseBlankLines(fill(text(out.language, k + ".body"), params)) + "\n\n" +
             std::string(text(out.language, "footer")) + "\n";
  return out;
}

std::string formatMoney(std::int64_t minor, std::string_view currency, std::string_view language) {
  const auto known = core::findCurrency(currency);
  const int exponent = known ? known->exponent : 2;
  std::int64_t scale = 1;
  for (int i = 0; i < exponent; ++i) scale *= 10;
  // The magnitude as unsigned: the most negative int64 has no positive counterpart.
  const std::uint64_t magnitude =
      minor < 0 ? ~static_cast<std::uint64_t>(minor) + 1 : static_cast<std::uint64_t>(minor);
  const auto uscale = static_cast<std::uint64_t>(scale);
  std::string amount = grouped(std::to_string(magnitude / uscale), text(language, "money.group"));
  if (exponent > 0) {
    std::string fraction = std::to_string(magnitude % uscale);
    fraction.insert(0, static_cast<std::size_t>(exponent) - fraction.size(), '0');
    amount += std::string(text(language, "money.decimal")) + fraction;
  }
  if (minor < 0) amount.insert(0, "-");
  return fill(text(language, "money.pattern"),
              {{"amount", amount}, {"currency", std::string(currency)}});
}

std::string formatDate(std::int64_t epoch_ms, std::string_view language) {
  // Floor division, so that a moment before 1970 falls on its own day.
  std::int64_t seconds = epoch_ms / 1000;
  if (epoch_ms % 1000 < 0) --seconds;
  const auto t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fill(text(language, "date.pattern"),
              {{"day", std::to_string(tm.tm_mday)},
               {"month", std::string(text(language, "month." + std::to_string(tm.tm_mon + 1)))},
               {"year", std::to_string(tm.tm_year + 1900)}});
}

}  // namespace citygrants::mail
