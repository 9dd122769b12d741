#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/core/problem.h"

// What a message of a record's thread may say and carry, before anyone looks at the record.
namespace citygrants::threads {

// The longest body, in characters (code points).
inline constexpr std::size_t kMaxBodyChars = 10'000;
// The most files one message carries; together they are at most one attachment's size
// (core::kMaxAttachmentBytes), each checked like any attachment.
inline constexpr std::size_t kMaxFiles = 5;

// The field errors of a message as written: `body` required, not blank, valid UTF-8 without
// control characters other than line breaks and tabs, at most kMaxBodyChars characters;
// `visibility` required, "shared" or "internal" (access::parseVisibility).
std::vector<core::FieldError> messageErrors(std::string_view body,
                                            const std::optional<std::string>& visibility);

// The field errors of the files of a message as a whole (`file`): at most kMaxFiles of them,
// `total_bytes` at most core::kMaxAttachmentBytes.
std::vector<core::FieldError> fileSetErrors(std::size_t files, std::size_t total_bytes);

// The first `max_chars` characters of `text` (valid UTF-8), and "…" when it goes on.
std::string excerpt(std::string_view text, std::size_t max_chars);

}  // namespace citygrants::threads
