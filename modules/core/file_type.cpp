#include "modules/core/file_type.h"

#include <algorithm>
#include <cctype>

#include "modules/core/text.h"

namespace citygrants::core {
namespace {

std::string extensionOf(std::string_view filename) {
  const auto dot = filename.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string ext(filename.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool startsWith(std::string_view content, std::string_view magic) {
  return content.substr(0, magic.size()) == magic;
}

}  // namespace

std::optional<std::string> detectFileType(std::string_view content, std::string_view filename) {
  if (content.empty() || content.size() > kMaxAttachmentBytes) return std::nullopt;
  const auto ext = extensionOf(filename);
  if (startsWith(content, "%PDF-") && ext == "pdf") return "application/pdf";
  if (startsWith(content, "\x89PNG\r\n\x1a\n") && ext == "png") return "image/png";
  if (startsWith(content, "\xFF\xD8\xFF") && (ext == "jpg" || ext == "jpeg")) return "image/jpeg";
  if (startsWith(content, "PK\x03\x04")) {  // a ZIP container: trust only office extensions
    if (ext == "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    if (ext == "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    if (ext == "odt") return "application/vnd.oasis.opendocument.text";
    if (ext == "ods") return "application/vnd.oasis.opendocument.spreadsheet";
    return std::nullopt;
  }
  if (ext == "txt" || ext == "csv") {
    const bool text = utf8Length(content).has_value() &&
                      content.find('\0') == std::string_view::npos &&
                      !startsWith(content, "<") && !startsWith(content, "\xEF\xBB\xBF<");
    if (text) return ext == "csv" ? "text/csv" : "text/plain";
  }
  return std::nullopt;
}

bool acceptableFilename(std::string_view filename) {
  auto len = utf8Length(filename);
  if (!len || *len == 0 || *len > 200 || filename == "." || filename == "..") return false;
  return std::none_of(filename.begin(), filename.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7F || c == '/' || c == '\\';
  });
}

}  // namespace citygrants::core
