#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace citygrants::mail {

// The values of a template's placeholders, by name.
using Params = std::map<std::string, std::string, std::less<>>;

// What links in queued mail start with. The worker puts the console's address (--console-url)
// in its place when it sends, so a use case writes the same mail whichever instance serves it.
// (A person's own text that happens to contain the marker gets the address too: harmless.)
inline constexpr std::string_view kConsoleMarker = "{console_url}";

// A link into the console: the marker, then "#/" and `path`, e.g. consoleLink("proposals/7").
std::string consoleLink(std::string_view path);

// `pattern` with each {name} replaced by its value from `params`, in one pass: a value is never
// scanned again, so a title containing "{city}" stays as written. Braces around anything but a
// name of lower-case letters and underscores are kept as they are.
// REQUIRES: every placeholder of `pattern` has a value (else throws std::logic_error naming it).
std::string fill(std::string_view pattern, const Params& params);

// The placeholder names of `pattern`, in order of appearance, repeats included.
std::vector<std::string> placeholders(std::string_view pattern);

struct Rendered {
  std::string language;  // the language written: the one asked for, or English
  std::string subject;   // one line
  std::string body;      // lines end in '\n'; the catalog's footer last
};

// Template `key` in `language` (English when mail is not written in it), filled with `params`.
// Line breaks and tabs in the subject's values become spaces: a subject is one header line.
// REQUIRES: the catalog has `key` (kTemplates) and params has every placeholder it uses.
Rendered render(std::string_view language, std::string_view key, const Params& params);

// An amount as `language` writes it, e.g. "USD 250,000.00" (en), "250 000,00 USD" (fr),
// "250.000,00 USD" (es, pt): integer arithmetic on the minor units, with the currency's ISO 4217
// exponent (2 for a code not known).
std::string formatMoney(std::int64_t minor, std::string_view currency, std::string_view language);

// The UTC day of `epoch_ms` as `language` writes it: "21 May 2028", "21 de mayo de 2028".
std::string formatDate(std::int64_t epoch_ms, std::string_view language);

}  // namespace citygrants::mail
