#pragma once

#include "services/clock.h"
#include "services/db/database.h"

namespace citygrants::http {

// What handlers share: the database and the clock. Owned by the application; outlives the server.
struct ServerContext {
  db::Database& db;
  const services::Clock& clock;
};

}  // namespace citygrants::http
