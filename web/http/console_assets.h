#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace citygrants::http {

// One file of the browser console, ready to send.
struct ConsoleAsset {
  std::string body;
  std::string content_type;
  std::string etag;  // a strong validator: "c-" + the first 16 hex digits of the body's SHA-256
};

// The files of web/console: compiled into the binary (the default), or read from a folder on
// every request (--console-dir, for working on the console without rebuilding).
class ConsoleAssets {
 public:
  // The files embedded at build time.
  static ConsoleAssets embedded();
  // The files under `dir`, read when asked for. REQUIRES: dir exists.
  static ConsoleAssets fromDirectory(std::filesystem::path dir);

  // The file at `path` ("js/app.js"; "" is index.html), or nothing when there is none or the
  // path is not a plain relative path of letters, digits, '-', '_', '.' and '/' without "..".
  std::optional<ConsoleAsset> find(std::string_view path) const;

  // The number of files and their total size in bytes (embedded files only; 0 for a folder).
  std::size_t fileCount() const { return files_.size(); }
  std::size_t totalBytes() const;

 private:
  std::map<std::string, ConsoleAsset, std::less<>> files_;
  std::optional<std::filesystem::path> dir_;
};

// The media type of a console file, from its extension ("application/octet-stream" if unknown).
std::string consoleContentType(std::string_view path);

}  // namespace citygrants::http
