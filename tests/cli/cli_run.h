#pragma once

#include <string>

// Running the real binary as a user would, for the command-line tests.
namespace citygrants::clitest {

struct Run {
  int code = -1;
  std::string out;  // stdout and stderr together
};

// Runs `citygrants ARGS` through the shell and waits for it.
Run run(const std::string& args);

// A path under $CITYGRANTS_TEST_TMP (else /tmp) for `name`, with any old file of that name and
// its WAL removed.
std::string tempPath(const std::string& name);

}  // namespace citygrants::clitest
