#include "web/app/settings.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace citygrants::app {
namespace {

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  return s.substr(a, s.find_last_not_of(" \t\r") - a + 1);
}

}  // namespace

void Settings::setFlag(const std::string& name, const std::string& value) {
  if (name == "role") {
    roles_.push_back(value);
  } else {
    flags_[name] = value;
  }
}

void Settings::loadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read the settings file " + path);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos) {
      throw std::runtime_error(path + ":" + std::to_string(number) + ": expected KEY=VALUE");
    }
    file_[trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
  }
}

std::optional<std::string> Settings::get(const std::string& name) const {
  if (auto it = flags_.find(name); it != flags_.end()) return it->second;
  std::string env = "CITYGRANTS_";
  for (char c : name) env += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (const char* v = std::getenv(env.c_str()); v != nullptr && *v != '\0') return std::string(v);
  if (auto it = file_.find(name); it != file_.end()) return it->second;
  return std::nullopt;
}

std::string Settings::getOr(const std::string& name, const std::string& fallback) const {
  return get(name).value_or(fallback);
}

std::string Settings::require(const std::string& name) const {
  auto v = get(name);
  if (!v || v->empty()) throw std::invalid_argument("--" + name + " is required");
  return *v;
}

int Settings::getInt(const std::string& name, int fallback, int min, int max) const {
  auto v = get(name);
  if (!v) return fallback;
  std::size_t used = 0;
  long n = 0;
  try {
    n = std::stol(*v, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != v->size() || n < min || n > max) {
    throw std::invalid_argument("--" + name + " must be a whole number from " + std::to_string(min) +
                                " to " + std::to_string(max));
  }
  return static_cast<int>(n);
}

}  // namespace citygrants::app
