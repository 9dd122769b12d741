#include "modules/threads/message_text.h"

#include "modules/access/thread_access.h"
#include "modules/core/file_type.h"
#include "modules/core/text.h"

namespace citygrants::threads {
namespace {

bool hasControlCharacters(std::string_view s) {
  for (unsigned char c : s) {
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) return true;
  }
  return false;
}

}  // namespace

std::vector<core::FieldError> messageErrors(std::string_view body,
                                            const std::optional<std::string>& visibility) {
  std::vector<core::FieldError> out;
  const auto length = core::utf8Length(body);
  if (!length) {
    out.push_back({"body", "field.not_utf8"});
  } else if (core::isBlank(body)) {
    out.push_back({"body", "thread.body_required"});
  } else if (*length > kMaxBodyChars) {
    out.push_back({"body", {"field.too_long", {{"max", kMaxBodyChars}}}});
  } else if (hasControlCharacters(body)) {
    out.push_back({"body", "field.control_characters"});
  }
  if (!visibility) {
    out.push_back({"visibility", "thread.visibility_required"});
  } else if (!access::parseVisibility(*visibility)) {
    out.push_back({"visibility", "thread.visibility_choice"});
  }
  return out;
}

std::vector<core::FieldError> fileSetErrors(std::size_t files, std::size_t total_bytes) {
  std::vector<core::FieldError> out;
  if (files > kMaxFiles) {
    out.push_back({"file", {"thread.too_many_files", {{"max", kMaxFiles}}}});
  } else if (total_bytes > core::kMaxAttachmentBytes) {
    out.push_back({"file", "thread.files_too_large"});
  }
  return out;
}

std::string excerpt(std::string_view text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: inside the character before
    if (chars == max_chars) return std::string(text.substr(0, i)) + "…";
    ++chars;
  }
  return std::string(text);
}

}  // namespace citygrants::threads
