#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace citygrants::core {

// The number of code points of `s` when it is valid UTF-8 (no overlongs, no surrogates),
// else nothing.
std::optional<std::size_t> utf8Length(std::string_view s);

// Whether `s` is empty or only white space.
bool isBlank(std::string_view s);

}  // namespace citygrants::core
