#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace citygrants::app {

// The settings of one run, resolved from (lowest first) a properties file (`--config`), the
// environment (CITYGRANTS_DB, CITYGRANTS_PORT, ...) and command-line flags.
class Settings {
 public:
  // Records a flag; `roles` is the only repeatable one.
  void setFlag(const std::string& name, const std::string& value);
  // Reads KEY=VALUE lines (# comments); throws std::runtime_error when unreadable or malformed.
  void loadFile(const std::string& path);

  // The value of `name` from a flag, else CITYGRANTS_<NAME> in the environment, else the file.
  std::optional<std::string> get(const std::string& name) const;
  std::string getOr(const std::string& name, const std::string& fallback) const;
  // The value of `name`; throws std::invalid_argument ("--NAME is required") when absent or empty.
  std::string require(const std::string& name) const;
  // REQUIRES: the value, when present, is an integer in [min, max] (else throws
  // std::invalid_argument naming the setting).
  int getInt(const std::string& name, int fallback, int min, int max) const;
  const std::vector<std::string>& roles() const { return roles_; }

 private:
  std::map<std::string, std::string> flags_;
  std::map<std::string, std::string> file_;
  std::vector<std::string> roles_;
};

}  // namespace citygrants::app
