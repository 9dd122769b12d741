#include "tests/cli/cli_run.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <sys/wait.h>

namespace citygrants::clitest {

Run run(const std::string& args) {
  const std::string cmd = std::string(CITYGRANTS_BINARY) + " " + args + " 2>&1";
  Run r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + cmd);
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string tempPath(const std::string& name) {
  const char* dir = std::getenv("CITYGRANTS_TEST_TMP");
  std::string base = dir != nullptr && *dir != '\0' ? dir : "/tmp";
  std::filesystem::create_directories(base);
  std::string path = base + "/" + name;
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

}  // namespace citygrants::clitest
