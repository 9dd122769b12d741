#pragma once

#include <soci/soci.h>

namespace citygrants::db {

// The database cannot be reached (refused, timed out, the connection lost), whatever words the
// driver used: the HTTP layer answers 503, and the next request tries again.
class Unreachable : public soci::soci_error {
 public:
  using soci::soci_error::soci_error;
  error_category get_error_category() const override { return connection_error; }
};

}  // namespace citygrants::db
