#pragma once

#include <string>
#include <vector>

#include <Poco/Util/ServerApplication.h>

#include "web/app/settings.h"

namespace citygrants::app {

// The one executable: `citygrants COMMAND [--flags]`, with COMMAND one of serve, migrate,
// seed-demo, workflow, verify-audit, user add|passwd|lock.
class CitygrantsApp : public Poco::Util::ServerApplication {
 public:
  CitygrantsApp();

  // Runs the command after init(argc, argv) parsed the flags.
  int runParsed() { return run(); }

  // Exit codes (sysexits.h): 0 done, 1 verify-audit found a broken chain, 64 bad usage,
  // 65 refused input, 66 missing database or record, 74 database fault, 70 anything else.
  static constexpr int kExitBrokenChain = 1;

 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const std::vector<std::string>& args) override;

 private:
  int dispatch(const std::vector<std::string>& args);
  Settings settings_;
  bool help_ = false;
};

// The usage text printed by --help and after a usage error.
std::string usageText();

}  // namespace citygrants::app
