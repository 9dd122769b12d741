#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace citygrants::core {

// The number of code points of `s` when it is valid UTF-8 (no overlongs, no surrogates),
// else nothing.
std::optional<std::size_t> utf8Length(std::string_view s);

// `s` as a JSON string literal (quotes included) that is valid UTF-8 and one line, whatever `s`
// holds: bytes that are not valid UTF-8 become U+FFFD, control characters and U+2028/U+2029
// are escaped, and past `max_bytes` of `s` the rest is cut and counted ("...[+N bytes]"). For log
// lines, where a request's bytes must never forge or break a line.
std::string jsonLogText(std::string_view s, std::size_t max_bytes);

// Whether `s` is empty or only white space.
bool isBlank(std::string_view s);

}  // namespace citygrants::core
