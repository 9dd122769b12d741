#pragma once

#include <cstdint>
#include <string>

namespace citygrants::exports {

// A file of its own in the temporary directory, removed when this object goes: what an export
// writes its rows to and the HTTP layer then sends (held by a std::shared_ptr until the last
// byte is out). Never shared between requests.
class TempFile {
 public:
  // Creates an empty file `dir`/`stem`-XXXXXX readable by this user only (mkstemp); `dir` ""
  // is $TMPDIR, else /tmp. Throws std::runtime_error when it cannot.
  explicit TempFile(const std::string& stem, const std::string& dir = "");
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }
  // The directory the file is in (for helpers that need scratch files of their own).
  const std::string& dir() const { return dir_; }
  // Its size in bytes now.
  std::uint64_t size() const;

 private:
  std::string dir_;
  std::string path_;
};

}  // namespace citygrants::exports
