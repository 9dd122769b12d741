#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace citygrants::core {

// The largest attachment: 20 MiB.
inline constexpr std::size_t kMaxAttachmentBytes = 20u * 1024 * 1024;

// The media type of an attachment judged by its content (and, for formats that share a container,
// its file name's extension): PDF, PNG, JPEG, Word and Excel (OOXML), OpenDocument text and
// spreadsheets, CSV and plain UTF-8 text. Nothing for anything else (executables, HTML, ...) or
// when the content does not match the extension.
std::optional<std::string> detectFileType(std::string_view content, std::string_view filename);

// Whether a file name is acceptable: 1-200 characters of valid UTF-8, no path separators, no
// control characters, not "." or "..".
bool acceptableFilename(std::string_view filename);

}  // namespace citygrants::core
