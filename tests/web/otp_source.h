#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "services/db/database.h"

namespace citygrants::webtest {

// The codes of a user's second factor as a person with the authenticator app types them, read
// from the key the database holds (the demo's, or one a test enrolled). The server accepts each
// time step once per user (RFC 6238's replay rule) and only the steps around now (±1), so a test
// that signs in and steps up several times in a row gets the next step not yet handed out, and
// waits for the clock when all three are used.
class OtpSource {
 public:
  explicit OtpSource(db::Database& db) : db_(db) {}

  // The next code for `email`, or nullopt when the user has no confirmed second factor.
  std::optional<std::string> next(const std::string& email);

 private:
  db::Database& db_;
  std::mutex mu_;
  std::map<std::string, std::int64_t> handed_;  // the last step handed out per email
};

}  // namespace citygrants::webtest
