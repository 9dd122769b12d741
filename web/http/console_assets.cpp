#include "web/http/console_assets.h"

#include <fstream>
#include <sstream>
#include <span>

#include "modules/core/embedded_file.h"
#include "services/crypto/digest.h"

namespace citygrants::console_files {
std::span<const citygrants::core::EmbeddedFile> files();
}  // namespace citygrants::console_files

namespace citygrants::http {
namespace {

ConsoleAsset makeAsset(std::string path, std::string body) {
  ConsoleAsset a{std::move(body), consoleContentType(path), ""};
  a.etag = "\"c-" + crypto::sha256Hex(a.body).substr(0, 16) + "\"";
  return a;
}

bool plainRelativePath(std::string_view path) {
  if (path.empty() || path.size() > 200 || path.front() == '/' || path.find("..") != std::string_view::npos) {
    return false;
  }
  for (const char c : path) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_' || c == '.' || c == '/';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string consoleContentType(std::string_view path) {
  const auto dot = path.rfind('.');
  const auto ext = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json") return "application/json; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "ico") return "image/x-icon";
  return "application/octet-stream";
}

ConsoleAssets ConsoleAssets::embedded() {
  ConsoleAssets out;
  for (const auto& f : console_files::files()) {
    out.files_.emplace(f.path, makeAsset(f.path, std::string(f.data, f.size)));
  }
  return out;
}

ConsoleAssets ConsoleAssets::fromDirectory(std::filesystem::path dir) {
  ConsoleAssets out;
  out.dir_ = std::move(dir);
  return out;
}

std::optional<ConsoleAsset> ConsoleAssets::find(std::string_view path) const {
  if (path.empty()) path = "index.html";
  if (!plainRelativePath(path)) return std::nullopt;
  if (!dir_) {
    const auto it = files_.find(path);
    if (it == files_.end()) return std::nullopt;
    return it->second;
  }
  const auto file = *dir_ / std::string(path);
  if (!std::filesystem::is_regular_file(file)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  return makeAsset(std::string(path), body.str());
}

std::size_t ConsoleAssets::totalBytes() const {
  std::size_t n = 0;
  for (const auto& [path, asset] : files_) n += asset.body.size();
  return n;
}

}  // namespace citygrants::http
