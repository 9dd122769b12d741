#include "services/exports/temp_file.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>
#include <vector>

namespace citygrants::exports {
namespace {

std::string temporaryDirectory() {
  const char* env = std::getenv("TMPDIR");
  return env != nullptr && *env != '\0' ? env : "/tmp";
}

}  // namespace

TempFile::TempFile(const std::string& stem, const std::string& dir)
    : dir_(dir.empty() ? temporaryDirectory() : dir) {
  std::string pattern = dir_ + "/" + stem + "-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());  // mode 0600
  if (fd < 0) {
    throw std::runtime_error("cannot create a temporary file in " + dir_ + ": " +
                             std::strerror(errno));
  }
  ::close(fd);
  path_ = name.data();
}

TempFile::~TempFile() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

std::uint64_t TempFile::size() const {
  std::error_code ec;
  const auto n = std::filesystem::file_size(path_, ec);
  return ec ? 0 : static_cast<std::uint64_t>(n);
}

}  // namespace citygrants::exports
